/**
 * Waiting for what the page will show, instead of a fixed sleep: the assertion is retried until it
 * holds or the timeout passes (vitest's expect.poll).
 */
import { expect } from 'vitest';

export function eventually<T>(value: () => Promise<T> | T, timeout = 10_000) {
  return expect.poll(value, { timeout, interval: 50 });
}
