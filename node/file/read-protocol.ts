/** The messages between ./read-isolated.ts and its worker (./read-worker.ts): plain, cloneable data. */
import type { InputDocument, ReadOptions } from './input.js';

export type ReadRequest =
  { kind: 'file'; path: string; options: ReadOptions } | { kind: 'bytes'; name: string; bytes: Uint8Array; options: ReadOptions };

export type ReadReply =
  { ok: true; value: Omit<InputDocument, 'doc'> & { doc: unknown } } | { ok: false; error: { name: string; message: string } };
