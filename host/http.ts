/** What every part of the host answers with: a refused request's status, and JSON replies. */
import type { ServerResponse } from 'node:http';
import { UserFacingError } from '../shared/errors/index.js';

/** A refused request: its HTTP status and a one-line reason for the page. */
export class HttpError extends UserFacingError {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
