/**
 * Files on disk, for the Node shells: reading anything a user hands to Plenary (a `.plenary`, a
 * text or a Word file) with cheap checks first, and atomic saves that keep a `.bak`.
 */

// The module's API: what the rest of Plenary imports from node/file.
export { processIsAlive, removeStaleTemporaries, writeFileAtomic } from './atomic.js';
export { type InputDocument, readDocumentBytes, readDocumentFile } from './input.js';
export { READ_LIMITS, type ReadLimits, readDocumentBytesIsolated, readDocumentFileIsolated } from './read-isolated.js';
export { saveDocument } from './save.js';
