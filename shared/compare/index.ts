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
import { Fragment, type Node } from 'prosemirror-model';
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

/** The document's only resolution, with the annex holding it (null when it stands in the body). */
function onlyResolution(doc: Node): { resolution: Node; annexIndex: number | null } | null {
  const found: Array<{ resolution: Node; annexIndex: number | null }> = [];
  doc.forEach((child, _offset, index) => {
    if (child.type.name === 'resolution') found.push({ resolution: child, annexIndex: null });
    if (child.type.name === 'annex') {
      child.forEach((inner) => {
        if (inner.type.name === 'resolution') found.push({ resolution: inner, annexIndex: index });
      });
    }
  });
  return found.length === 1 ? found[0]! : null;
}

/**
 * A resolution compared with a contribution made from it (New revision: cover, introduction, the
 * resolution in an annex) is compared as the delegate means it: resolution with resolution. The
 * older version then stands in the contribution's frame — its cover and introduction are the
 * delegate's own text, not a proposal (as in the contribution itself, whose tracking covers only
 * the resolution) — so the result is the contribution with the proposal as tracked changes, and
 * rejecting every change gives the contribution around the resolution in force.
 */
function framedAs(old: Node, newer: Node): Node {
  const bare = onlyResolution(old);
  const framed = onlyResolution(newer);
  if (!bare || bare.annexIndex !== null || old.childCount !== 1 || !framed || framed.annexIndex === null) return old;
  const annex = newer.child(framed.annexIndex);
  const content: Node[] = [];
  annex.forEach((inner) => content.push(inner.type.name === 'resolution' ? bare.resolution : inner));
  const children: Node[] = [];
  newer.forEach((child, _offset, index) => children.push(index === framed.annexIndex ? annex.copy(Fragment.fromArray(content)) : child));
  return newer.copy(Fragment.fromArray(children));
}

export function compareDocuments(previous: Node, next: Node, options: CompareOptions = {}): Node {
  if (previous.attrs.language !== next.attrs.language) {
    throw new CompareError(
      `the two documents are in different languages (${String(previous.attrs.language)} and ${String(next.attrs.language)}): compare two versions of the same language version`,
    );
  }
  const newer = acceptAll(next);
  const old = framedAs(acceptAll(previous), newer);
  const aligned = alignIds(old, newer);
  const out = EditorState.create({ doc: old }).tr;
  // The difference itself, block by block and word by word (not the one replace of everything
  // that replacing the document would be).
  const author = options.author?.trim() || COMPARISON_AUTHOR;
  trackDifference(out, new TrackContext(author, options.date ?? new Date().toISOString()), aligned, undefined, true);
  uniqueIdsIn(out);
  return out.doc;
}
