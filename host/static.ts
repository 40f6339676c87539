/** The page's files: the built renderer (index.html and its assets), and nothing outside it. */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpError } from './http.js';

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

/** Why the renderer cannot be served, or null when it is built. */
export function rendererProblem(rendererDir: string): string | null {
  if (existsSync(path.join(rendererDir, 'index.html'))) return null;
  return `the renderer is not built (${path.join(rendererDir, 'index.html')} is missing): run \`npm run build:renderer\` first`;
}

/** A URL path decoded, or a 400 for a malformed `%` escape (the user's typo, not our failure). */
function decodedPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(400, 'bad request: malformed % escape in the address');
  }
}

/** Sends the renderer file the URL names (`/` is index.html). */
export async function serveRendererFile(rendererDir: string, url: URL, res: ServerResponse): Promise<void> {
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
