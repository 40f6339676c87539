/**
 * The entry of the worker thread that reads untrusted files (./read-isolated.ts starts it and
 * sends it one request at a time): the same reader as in process, its document sent back as JSON
 * and its error as name + message, so the caller rethrows the one-line error the CLI and the app
 * already know.
 */
import { parentPort } from 'node:worker_threads';
import { readDocumentBytes, readDocumentFile, type InputDocument } from './input.js';
import type { ReadReply, ReadRequest } from './read-protocol.js';

async function read(request: ReadRequest): Promise<InputDocument> {
  return request.kind === 'file'
    ? readDocumentFile(request.path, request.options)
    : readDocumentBytes(request.name, request.bytes, request.options);
}

async function answer(request: ReadRequest): Promise<ReadReply> {
  try {
    const { doc, ...rest } = await read(request);
    return { ok: true, value: { ...rest, doc: doc.toJSON() as unknown } };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name, message } };
  }
}

parentPort!.on('message', (request: ReadRequest) => {
  void answer(request).then((reply) => parentPort!.postMessage(reply));
});
