/**
 * Edits tracked from the difference between the document before and after them: what the tracker
 * falls back to when an edit is not a single replace (Tab, Alt+Up, several replaces at once).
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { paragraphMark } from './attrs.js';
import type { Located } from './review.js';
import { diffRange, planBlockEdits } from './block-diff.js';
import { finalFragment, versionFragment } from './final-content.js';
import { TrackContext, insertTracked, markDeleted, placeCursor, placedInside, trackReplace, type Range } from './marking.js';

// --- edits tracked from the difference of two documents ------------------------------------------

/**
 * Tracks the change from `out.doc` to `target` as one replace: within one textblock as a text
 * replace, otherwise as whole blocks deleted and the new ones inserted after them, at the deepest
 * level whose content expression accepts both side by side.
 */
/**
 * `comparing`: `target` is another version of the document, not the result of one edit (shared/
 * compare): text changes go word by word, and each difference is a change of its own, to accept or
 * reject alone.
 */
export function trackDifference(
  out: Transaction,
  ctx: TrackContext,
  target: Node,
  head?: number,
  comparing = false,
  /**
   * Where the untracked edit's cursor stands in the document before it, when it stands in content
   * the edit left as it was (Backspace in an empty item puts it at the end of the paragraph before):
   * carried there through the tracked edit when no edit of it holds the cursor.
   */
  headBefore?: number,
): void {
  const old = out.doc;
  const firstStep = out.mapping.maps.length;
  const placeUnchanged = () => {
    if (headBefore !== undefined) placeCursor(out, out.mapping.slice(firstStep).map(headBefore));
  };
  const range = diffRange(old.content, target.content);
  if (!range) return;
  const { start, endA, endB } = range;
  const $start = old.resolve(start);
  const $endA = old.resolve(endA);
  const $startB = target.resolve(start);
  const $endB = target.resolve(endB);
  // One stretch of one paragraph: a replace (comparing versions wants it word by word: the plan).
  if (!comparing && $start.parent.inlineContent && $start.sameParent($endA) && $startB.sameParent($endB) && $startB.parent.inlineContent) {
    trackReplace(out, ctx, start, endA, target.slice(start, endB), false, head === undefined ? undefined : head - start);
    return;
  }
  if (trackBlockEdits(out, ctx, target, head, comparing, placeUnchanged)) return;
  let depth = Math.min($start.sharedDepth(endA), $startB.sharedDepth(endB));
  for (; depth >= 0; depth--) {
    const parent = $start.node(depth);
    if (parent.isTextblock) continue;
    const oldFrom = $start.depth > depth ? $start.before(depth + 1) : start;
    const oldTo = $endA.depth > depth ? $endA.after(depth + 1) : endA;
    const newTo = endB + (oldTo - endA);
    const fresh = comparing
      ? versionFragment(target.slice(oldFrom, newTo).content, idsIn(old))
      : finalFragment(target.slice(oldFrom, newTo).content, 0, 0);
    const startIndex = $start.index(depth);
    const endIndex = $endA.depth > depth ? $endA.indexAfter(depth) : $endA.index(depth);
    const kept = parent.content.cut(oldFrom - $start.start(depth), oldTo - $start.start(depth));
    // The new content after the deleted, as Word shows a replacement; before it where only that
    // order fits (a cover, which must stand first, replacing a document that had none).
    const after = parent.canReplace(startIndex, endIndex, kept.append(fresh));
    if (!after && !parent.canReplace(startIndex, endIndex, fresh.append(kept))) continue;
    const base = out.mapping.maps.length;
    if (!after) {
      const inserted = fresh.size > 0 ? insertTracked(out, ctx, oldFrom, new Slice(fresh, 0, 0), null) : null;
      const moved = out.mapping.slice(base);
      const placed = out.mapping.maps.length;
      if (oldFrom < oldTo) markDeleted(out, ctx, moved.map(oldFrom, 1), moved.map(oldTo));
      const inside =
        head !== undefined && inserted && head >= oldFrom && head <= newTo ? placedInside(inserted, newTo - oldFrom, head - oldFrom) : null;
      if (inside !== null) placeCursor(out, out.mapping.slice(placed).map(inside));
      else placeUnchanged();
      return;
    }
    if (oldFrom < oldTo) markDeleted(out, ctx, oldFrom, oldTo);
    const at = out.mapping.slice(base).map(oldTo);
    const inserted = fresh.size > 0 ? insertTracked(out, ctx, at, new Slice(fresh, 0, 0), null) : null;
    if (inserted) keepPendingJoin(out, lastTextblock(old, oldFrom, oldTo), inserted);
    if (head !== undefined) {
      // The untracked edit's cursor, where the tracked edit put the same content.
      const mapped = head < oldFrom ? head : head > newTo ? out.mapping.slice(base).map(head - newTo + oldTo) : null;
      const inside = inserted && head >= oldFrom && head <= newTo ? placedInside(inserted, newTo - oldFrom, head - oldFrom) : null;
      const cursor = inside ?? mapped;
      if (cursor !== null) placeCursor(out, cursor);
      else placeUnchanged();
    }
    return;
  }
  throw new RangeError('this edit cannot be tracked');
}

/**
 * Tracks the difference block by block (block-diff.ts): blocks the edit kept (same id) stay, only
 * what changed in them is tracked; returns false when no such plan fits the schema.
 */
function trackBlockEdits(
  out: Transaction,
  editCtx: TrackContext,
  target: Node,
  head: number | undefined,
  comparing: boolean,
  placeUnchanged: () => void,
): boolean {
  const plan = planBlockEdits(out.doc, target, { ...(head === undefined ? {} : { cursor: head }), words: comparing });
  if (!plan) return false;
  // Where the untracked edit left the cursor, if it is in content this plan inserts: placed there,
  // then carried through the edits applied after (the ones before it in the document).
  let cursor: { pos: number; steps: number } | null = null;
  let held: Set<string> | undefined;
  for (const edit of plan) {
    const ctx = comparing ? editCtx.another() : editCtx;
    if (edit.kind === 'delete') {
      markDeleted(out, ctx, edit.from, edit.to);
    } else if (edit.kind === 'insert') {
      // Another version's blocks keep their ids: references in the newer text point at them. One
      // whose id the document holds is moved there, and goes in as a move's copy (versionFragment).
      const fresh = comparing
        ? versionFragment(Fragment.fromArray(edit.nodes), (held ??= idsIn(out.before)))
        : finalFragment(Fragment.fromArray(edit.nodes), 0, 0);
      const inserted = fresh.size > 0 ? insertTracked(out, ctx, edit.at, new Slice(fresh, 0, 0), null) : null;
      if (inserted && head !== undefined && head >= edit.newFrom && head <= edit.newTo) {
        const pos = placedInside(inserted, edit.newTo - edit.newFrom, head - edit.newFrom);
        if (pos !== null) cursor = { pos, steps: out.mapping.maps.length };
      }
    } else {
      trackReplace(out, ctx, edit.from, edit.to, edit.slice);
      if (head !== undefined && head >= edit.newFrom && head <= edit.newTo)
        cursor = { pos: out.selection.head, steps: out.mapping.maps.length };
    }
  }
  if (cursor) placeCursor(out, out.mapping.slice(cursor.steps).map(cursor.pos));
  else placeUnchanged();
  return true;
}

function lastTextblock(doc: Node, from: number, to: number): Located | null {
  let last: Located | null = null;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) {
      if (pos + node.nodeSize <= to) last = { node, pos };
      return false;
    }
    return true;
  });
  return last;
}

/**
 * Blocks re-inserted in place of the old ones stand for them in the final text; a tracked join of
 * the last old paragraph with the paragraph after the range (its paragraph mark deleted) would be
 * lost with the deleted copy: the new last paragraph carries it on.
 */
function keepPendingJoin(out: Transaction, old: Located | null, inserted: Range): void {
  const mark = old ? paragraphMark(old.node) : null;
  if (mark?.kind !== 'deletion') return;
  const last = lastTextblock(out.doc, inserted.from, inserted.to);
  if (last && !paragraphMark(last.node)) out.setNodeAttribute(last.pos, 'paragraphMark', mark);
}

/** The ids of the document's blocks (and footnotes), to tell another version's moved blocks. */
function idsIn(doc: Node): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    const id = node.attrs.id as unknown;
    if (typeof id === 'string') ids.add(id);
    return true;
  });
  return ids;
}
