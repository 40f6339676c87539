/**
 * The paste worker's entry: reads a large pasted text (or Word's HTML) into items off the page's
 * thread (./paste-read.ts), so that typing goes on meanwhile and a text the importer finds slow
 * costs this worker, which the editor stops at its time limit (./paste-reader.ts). One request per worker.
 */
import type { PasteReply, PasteRequest } from './paste-protocol.js';
import { readPaste } from './paste-read.js';

/** What this module sees of its DedicatedWorkerGlobalScope (the renderer is typed against the DOM). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PasteRequest>) => void) | null;
  postMessage(reply: PasteReply): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(readPaste(event.data));
