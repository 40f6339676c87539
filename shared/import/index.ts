/**
 * Reading documents in: `text` (ITU plain text), `docx` (Word, revisions kept as tracked
 * changes, hostile files refused), `html` (the clipboard's HTML as text).
 */

// The module's API: what the rest of Plenary imports from shared/import.
export { importDocx } from './docx/index.js';
export { ImportError } from './errors.js';
export { clipboardHtmlToText } from './html/clipboard.js';
export { importText, type TextImportResult } from './text/index.js';
