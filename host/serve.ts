/**
 * The browser host of `plenary serve`: the built renderer and `PlenaryApi` over HTTP, on
 * 127.0.0.1 only, for one user and one launch. This file starts and stops the server and routes
 * each request; who may call is guard.ts's concern, the page's files static.ts's, the API api.ts's.
 * Nothing here ever connects outward.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { NotGrantedError, closeHostStores, openHostStores, type HostStores } from '../node/services/index.js';
import { messageOf } from '../shared/errors/index.js';
import { InvalidRequestError, TOKEN_FRAGMENT } from '../shared/ipc/index.js';
import { createApiHandler } from './api.js';
import { HOST_ADDRESS, LaunchToken, checkOrigin, setSecurityHeaders } from './guard.js';
import { HttpError, sendJson } from './http.js';
import { rendererProblem, serveRendererFile } from './static.js';

export interface HostOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** The file to open in the page (granted: the user named it on the command line). */
  file?: string | null;
  /** The folder the in-page picker shows; by default the file's folder, else the working folder. */
  folder?: string;
  /** Recent list, settings and recovery snapshots live here. */
  userDataDir: string;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** Reuse stores already opened (tests); otherwise opened here and closed by `close()`. */
  stores?: HostStores;
}

export interface RunningHost {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  token: string;
  port: number;
  folder: string;
  /** Clean shutdown: stops serving and releases the recovery lock. */
  close(): Promise<void>;
}

/** The HTTP status of an error: a refusal says its own, a bad request 400, another's file 403. */
function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof InvalidRequestError) return 400;
  if (error instanceof NotGrantedError) return 403;
  return 500;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const problem = rendererProblem(options.rendererDir);
  if (problem) throw new Error(problem);
  const rendererDir = path.resolve(options.rendererDir);
  const file = options.file ? path.resolve(options.file) : null;
  if (file && !existsSync(file)) throw new Error(`${options.file} does not exist`);
  const folder = path.resolve(options.folder ?? (file ? path.dirname(file) : process.cwd()));
  const ownStores = !options.stores;
  const stores = options.stores ?? (await openHostStores(options.userDataDir));
  const token = new LaunchToken();
  const handleApi = createApiHandler({ stores, file, folder, userDataDir: options.userDataDir });
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    try {
      checkOrigin(req, port);
      const url = new URL(req.url ?? '/', `http://${HOST_ADDRESS}:${port}`);
      if (url.pathname.startsWith('/api/')) {
        // Only the API needs the token: the page's files are code, and hold no user data.
        if (!token.matches(token.presented(req)))
          throw new HttpError(401, 'unauthorized: open the URL that `plenary serve` printed (it carries the token)');
        const result = await handleApi(req, url);
        sendJson(res, 200, { ok: true, result: result ?? null });
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
      await serveRendererFile(rendererDir, url, res);
    } catch (error) {
      sendJson(res, statusOf(error), { ok: false, error: messageOf(error) });
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST_ADDRESS, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST_ADDRESS}:${port}`;

  return {
    url: `${origin}/#${TOKEN_FRAGMENT}=${token.value}`,
    origin,
    token: token.value,
    port,
    folder,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      if (ownStores) await closeHostStores(stores);
    },
  };
}
