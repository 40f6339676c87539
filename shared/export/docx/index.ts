/**
 * Word export in ITU Council formatting, with real revision marks (issue 7).
 *
 *   exportDocx(doc, { mode: 'markup' })   tracked changes as Word revisions (w:ins / w:del)
 *   exportDocx(doc, { mode: 'final' })    all changes accepted, no marks
 *   exportDocx(doc, { mode: 'original' }) all changes rejected, no marks
 */
import type { Node } from 'prosemirror-model';
import { acceptAll, rejectAll } from '../../tracking/index.js';
import type { CouncilStyleTable } from '../../council-style/index.js';
import { writeDocx } from './write.js';

export type ExportMode = 'markup' | 'final' | 'original';

export interface ExportOptions {
  mode: ExportMode;
  /** An editor's corrected style table (parseStyleTable); the bundled one by default. */
  styles?: CouncilStyleTable;
}

/** The document as it is written in a mode: marks kept, accepted, or rejected. */
function documentForMode(doc: Node, mode: ExportMode): Node {
  if (mode === 'final') return acceptAll(doc);
  if (mode === 'original') return rejectAll(doc);
  return doc;
}

/**
 * The Word file of a mode. The markup view carries the document's Track Changes switch, so a
 * contribution being revised stays in Track Changes in Word; the final and original views are clean
 * texts with no revision, and leave it off.
 */
export async function exportDocx(doc: Node, options: ExportOptions): Promise<Uint8Array> {
  const trackRevisions = options.mode === 'markup' && doc.attrs.trackChanges === true;
  return writeDocx(documentForMode(doc, options.mode), options.styles, { trackRevisions });
}

export { writeDocx } from './write.js';
