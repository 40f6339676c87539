/**
 * Who may talk to the host. Any web page the user visits can send requests to 127.0.0.1, so:
 * - a random per-launch token is required on every request (header, `?token=` or the HttpOnly
 *   SameSite=Strict cookie set when the page is opened with it): 401 without it;
 * - the Host header must name 127.0.0.1/localhost at our port (DNS rebinding) and an Origin, when
 *   sent, must be ours; cross-site fetch metadata is refused: 403;
 * - every answer carries the page's strict Content-Security-Policy and no-sniff/no-frame headers.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOKEN_COOKIE, TOKEN_HEADER, TOKEN_QUERY } from '../shared/ipc/index.js';
import { HttpError } from './http.js';

/** Loopback only: the host is never reachable from another machine. */
export const HOST_ADDRESS = '127.0.0.1';

/** The Content-Security-Policy of the page (the same as renderer/index.html's meta). */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

  /** The token a request carries: header first, then the URL's query, then the cookie. */
  presented(req: IncomingMessage, url: URL): string | null {
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string') return header;
    const query = url.searchParams.get(TOKEN_QUERY);
    if (query) return query;
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === TOKEN_COOKIE) return value.join('=');
    }
    return null;
  }

  /** Compared in constant time. */
  matches(candidate: string | null): boolean {
    if (candidate === null) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === this.bytes.length && timingSafeEqual(bytes, this.bytes);
  }

  cookie(): string {
    return `${TOKEN_COOKIE}=${this.value}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
