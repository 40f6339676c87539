/**
 * The browser host of `plenary serve`: the built renderer and `PlenaryApi` over HTTP, on
 * 127.0.0.1 only, for one user and one launch.
 *
 * Security, since any web page the user visits can send requests to 127.0.0.1:
 * - a random per-launch token (crypto) is required on every API request, in the `x-plenary-token`
 *   header that the page sets: 401 without it. It is never a cookie (a browser sends a cookie of
 *   127.0.0.1 to every port of 127.0.0.1, so to any other local service) and never read from the
 *   query. The page receives it in the URL's fragment (`#token=`, which no request carries), keeps
 *   it in its tab's sessionStorage and removes it from the address bar. The page's own files (the
 *   built renderer: code, no user data) are served without it;
 * - the Host header must name 127.0.0.1/localhost at our port (DNS rebinding) and an Origin, when
 *   sent, must be ours; cross-site fetch metadata is refused: 403;
 * - files are opened and saved only through the Node services (node/services): the renderer
 *   holds opaque fileIds, and the in-page picker names a file inside one folder (the folder of the
 *   file given at launch, or the working folder), resolved here, never a path from the page;
 * - the page gets a strict Content-Security-Policy header; nothing here ever connects outward.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { NotGrantedError, callHostApi, closeHostStores, createHostApi, folderScope, openHostStores, type HostStores } from '../node/services/index.js';
import { UserFacingError, messageOf } from '../shared/errors/index.js';
import { DOCUMENT_SIZE_LIMIT } from '../shared/file/index.js';
import { InvalidRequestError } from '../shared/ipc/index.js';
import { PICKER_EXTENSIONS, PICKER_PURPOSES, TOKEN_FRAGMENT, TOKEN_HEADER, fileNameProblem, folderPathProblem, type PickerListing, type PickerPurpose } from '../shared/ipc/index.js';

/** Loopback only: the host is never reachable from another machine. */
export const HOST_ADDRESS = '127.0.0.1';

/** The Content-Security-Policy of the page (the same as renderer/index.html's meta). */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Bodies above this are refused. A request carries at most one document of DOCUMENT_SIZE_LIMIT
 * UTF-16 units, which UTF-8 makes at most 3 bytes each (plus the envelope): the
 * document limit decides, not this one.
 */
const MAX_BODY_BYTES = 3 * DOCUMENT_SIZE_LIMIT + 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

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

/** A refused request: its HTTP status and a one-line reason for the page. */
class HttpError extends UserFacingError {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The page's files: the built renderer, or why it cannot be served. */
export function rendererProblem(rendererDir: string): string | null {
  if (existsSync(path.join(rendererDir, 'index.html'))) return null;
  return `the renderer is not built (${path.join(rendererDir, 'index.html')} is missing): run \`npm run build:renderer\` first`;
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
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);

  // The name the user picked in the page for the call being served: the dialogs read it here, so a
  // path never travels from the page and concurrent calls cannot see each other's choice.
  const choices = new AsyncLocalStorage<string | undefined>();
  const api = createHostApi({
    stores,
    initialPath: file,
    scope: folderScope(folder),
    dialogs: {
      chooseOpenPath: async () => {
        const choice = choices.getStore();
        return choice === undefined ? null : path.join(folder, ...choice.split('/'));
      },
      chooseSavePath: async () => {
        const choice = choices.getStore();
        return choice === undefined ? null : path.join(folder, ...choice.split('/'));
      },
    },
  });

  let port = 0;
  const allowedHosts = (): string[] => [`${HOST_ADDRESS}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  function checkOrigin(req: IncomingMessage): void {
    if (!allowedHosts().includes(req.headers.host ?? '')) throw new HttpError(403, 'forbidden: unknown Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) throw new HttpError(403, 'forbidden: other origin');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'forbidden: cross-site request');
  }

  function presentedToken(req: IncomingMessage): string | null {
    const header = req.headers[TOKEN_HEADER];
    return typeof header === 'string' ? header : null;
  }

  function tokenMatches(candidate: string | null): boolean {
    if (candidate === null) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request too large');
      chunks.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    } catch {
      throw new HttpError(400, 'invalid request: the body is not JSON');
    }
  }

  const inFolder = folderScope(folder);
  const dataDir = realpath(options.userDataDir).catch(() => path.resolve(options.userDataDir));

  /**
   * The sub-folders and the files of `relative` (inside the served folder, by real path): hidden
   * names, symbolic links and the data folder (settings, recovery) are not listed.
   */
  async function listPicker(purpose: PickerPurpose, relative: string): Promise<PickerListing> {
    const why = folderPathProblem(relative);
    if (why) throw new HttpError(400, `${relative}: ${why}`);
    const here = path.join(folder, ...relative.split('/').filter(Boolean));
    if (relative !== '' && !(await inFolder(here))) throw new HttpError(403, `${relative} is outside the folder this host serves`);
    const extensions = PICKER_EXTENSIONS[purpose];
    const names = await readdir(here, { withFileTypes: true }).catch(() => []);
    const hidden = await dataDir;
    const entries: PickerListing['entries'] = [];
    for (const entry of names) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        const real = await realpath(path.join(here, entry.name)).catch(() => null);
        if (real !== null && real !== hidden) entries.push({ name: entry.name, kind: 'folder' });
      } else if (entry.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
        entries.push({ name: entry.name, kind: 'file' });
      }
    }
    entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
    return { folder: relative ? path.join(folder, relative) : folder, path: relative, entries };
  }

  const DIALOG_PURPOSE: Partial<Record<string, PickerPurpose>> = {
    openDialog: 'open',
    chooseResolution: 'revise',
    chooseVersion: 'compare',
    saveAs: 'save',
    exportDocx: 'export',
  };

  async function handleApi(req: IncomingMessage, url: URL): Promise<unknown> {
    if (req.method !== 'POST') throw new HttpError(405, 'the API takes POST requests');
    const body = await readJson(req);
    if (url.pathname === '/api/picker') {
      const { purpose, folder: relative } = (body ?? {}) as { purpose?: unknown; folder?: unknown };
      if (!PICKER_PURPOSES.includes(purpose as PickerPurpose)) throw new HttpError(400, 'invalid request: unknown picker purpose');
      if (relative !== undefined && typeof relative !== 'string') throw new HttpError(400, 'invalid request: the folder is not a path');
      return listPicker(purpose as PickerPurpose, relative ?? '');
    }
    const match = /^\/api\/call\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) throw new HttpError(404, 'no such API');
    const method = match[1]!;
    const { args, choice } = (body ?? {}) as { args?: unknown; choice?: unknown };
    if (choice !== undefined) {
      const purpose = DIALOG_PURPOSE[method];
      if (!purpose || typeof choice !== 'string') throw new HttpError(400, `invalid request: ${method} takes no file choice`);
      const why = fileNameProblem(choice, purpose);
      if (why) throw new HttpError(400, `${choice}: ${why}`);
    }
    return choices.run(choice as string | undefined, () => callHostApi(api, method, args));
  }

  async function serveFile(url: URL, res: ServerResponse): Promise<void> {
    const relative = url.pathname === '/' ? 'index.html' : decodedPath(url.pathname.slice(1));
    const target = path.resolve(rendererDir, relative);
    if (!target.startsWith(rendererDir + path.sep)) throw new HttpError(404, 'not found');
    const info = await stat(target).catch(() => null);
    if (!info?.isFile()) throw new HttpError(404, 'not found');
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    res.writeHead(200, headers);
    res.end(await readFile(target));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('content-security-policy', PAGE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    try {
      checkOrigin(req);
      const url = new URL(req.url ?? '/', `http://${HOST_ADDRESS}:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (!tokenMatches(presentedToken(req))) throw new HttpError(401, 'unauthorized: open the URL that `plenary serve` printed (it carries the token)');
        const result = await handleApi(req, url);
        sendJson(res, 200, { ok: true, result: result ?? null });
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
      await serveFile(url, res);
    } catch (error) {
      const status =
        error instanceof HttpError
          ? error.status
          : error instanceof InvalidRequestError
            ? 400
            : error instanceof NotGrantedError
              ? 403
              : 500;
      sendJson(res, status, { ok: false, error: messageOf(error) });
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
    url: `${origin}/#${TOKEN_FRAGMENT}=${token}`,
    origin,
    token,
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

/** A URL path decoded, or a 400 for a malformed `%` escape (the user's typo, not our failure). */
function decodedPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(400, 'bad request: malformed % escape in the address');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

