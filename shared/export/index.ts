/**
 * Writing documents out: `docx` (Word in Council format, tracked changes as real revisions) and
 * `text` (plain text: marked, final or original).
 */

// The module's API: what the rest of Plenary imports from shared/export.
export { exportDocx, type ExportMode } from './docx/index.js';
export { writeText } from './text/index.js';
