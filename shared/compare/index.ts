/**
 * Two versions of a document as one with tracked changes: what a translator or an editor reads to
 * see what changed between the resolution in force and its revision, as Word's Compare does. The
 * old version stays (its ids too: rejecting every change gives it back exactly); every difference
 * is a tracked change by `author`, text word by word, blocks as whole insertions and deletions.
 *
 * Each version is compared as it reads: pending tracked changes in either are taken as accepted.
 *
 * The blocks of the new version are first given the ids of the old blocks they are versions of
 * (align.ts); the tracker then records the edit from one to the other like any edit in suggestion
 * mode (shared/tracking), so the result reviews, saves and exports like the delegate's own changes.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { TrackContext } from '../tracking/index.js';
import { trackDifference } from '../tracking/index.js';
import { acceptAll } from '../tracking/index.js';
import { uniqueIdsIn } from '../tracking/index.js';
import { UserFacingError } from '../errors/index.js';
import { alignIds } from './align.js';


/** Two versions that cannot be compared; the message is one line, for the user. */
export class CompareError extends UserFacingError {
  override name = 'CompareError';
}

/** The author of the changes when no name is given. */
export const COMPARISON_AUTHOR = 'Comparison';

export interface CompareOptions {
  /** The name the changes carry (Word's Compare asks for it too); COMPARISON_AUTHOR when absent or blank. */
  author?: string;
  /** ISO date the changes carry; now by default. */
  date?: string;
}

export function compareDocuments(previous: Node, next: Node, options: CompareOptions = {}): Node {
  if (previous.attrs.language !== next.attrs.language) {
    throw new CompareError(
      `the two documents are in different languages (${String(previous.attrs.language)} and ${String(next.attrs.language)}): compare two versions of the same language version`,
    );
  }
  const old = acceptAll(previous);
  const aligned = alignIds(old, acceptAll(next));
  const out = EditorState.create({ doc: old }).tr;
  // The difference itself, block by block and word by word (not the one replace of everything
  // that replacing the document would be).
  const author = options.author?.trim() || COMPARISON_AUTHOR;
  trackDifference(out, new TrackContext(author, options.date ?? new Date().toISOString()), aligned, undefined, true);
  uniqueIdsIn(out);
  return out.doc;
}
