/**
 * Who may talk to the host. Any web page the user visits can send requests to 127.0.0.1, so:
 * - a random per-launch token (crypto) is required on every API request, in the `x-plenary-token`
 *   header that the page sets: 401 without it. It is never a cookie (a browser sends a cookie of
 *   127.0.0.1 to every port of 127.0.0.1, so to any other local service) and never read from the
 *   query. The page receives it in the URL's fragment (`#token=`, which no request carries), keeps
 *   it in its tab's sessionStorage and removes it from the address bar. The page's own files (the
 *   built renderer: code, no user data) are served without it;
 * - the Host header must name 127.0.0.1/localhost at our port (DNS rebinding) and an Origin, when
 *   sent, must be ours; cross-site fetch metadata is refused: 403;
 * - every answer carries the page's strict Content-Security-Policy and no-sniff/no-frame headers.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOKEN_HEADER } from '../shared/ipc/index.js';
import { HttpError } from './http.js';

/** Loopback only: the host is never reachable from another machine. */
export const HOST_ADDRESS = '127.0.0.1';

/** The Content-Security-Policy of the page (the same as renderer/index.html's meta). */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', PAGE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

/** Refuses a request that names another host, comes from another origin or from another site. */
export function checkOrigin(req: IncomingMessage, port: number): void {
  const allowedHosts = [`${HOST_ADDRESS}:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) throw new HttpError(403, 'forbidden: unknown Host');
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((host) => `http://${host}`).includes(origin))
    throw new HttpError(403, 'forbidden: other origin');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'forbidden: cross-site request');
}

/** The token of one launch, and the check of what a request presents. */
export class LaunchToken {
  readonly value = randomBytes(32).toString('base64url');
  private readonly bytes = Buffer.from(this.value);

  /** The token a request carries: only in the header the page sets (never a cookie, never the query). */
  presented(req: IncomingMessage): string | null {
    const header = req.headers[TOKEN_HEADER];
    return typeof header === 'string' ? header : null;
  }

  /** Compared in constant time. */
  matches(candidate: string | null): boolean {
    if (candidate === null) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === this.bytes.length && timingSafeEqual(bytes, this.bytes);
  }
}
