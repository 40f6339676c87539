/**
 * Suggestion mode: turning an ordinary edit into a tracked one.
 *
 * `trackTransaction` takes the transaction an editor command built (typing, Backspace, Enter, paste,
 * lift/sink…) and returns the tracked equivalent on the same state:
 * - removed content stays, marked deleted (text: deletion mark; whole blocks: `change`; a crossed
 *   paragraph boundary: the first textblock's `paragraphMark`), except the author's own pending
 *   insertions, which go for real;
 * - inserted content is marked inserted (text: insertion mark, merged with the author's adjacent
 *   insertion; whole blocks: `change`; a split: the head textblock's `paragraphMark`), placed after
 *   the deleted range and never inside another deletion run (it would resurrect it).
 * A single ReplaceStep whose shape the marks can express is tracked as is (that is every keystroke);
 * anything else is tracked from the difference between the old and the new document, as whole blocks
 * deleted and re-inserted at the smallest level where the schema allows it. An edit that cannot be
 * tracked throws instead of slipping through untracked.
 */
import { Fragment, Slice, type Mark, type Node, type ResolvedPos } from 'prosemirror-model';
import { Selection, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, AddNodeMarkStep, AttrStep, DocAttrStep, RemoveMarkStep, RemoveNodeMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { newId, withUniqueIds } from '../model/ids.js';
import type { BlockChange } from '../schema/schema.js';
import {
  blockChange,
  blockChangeOf,
  blockDeletion,
  deletionMark,
  hasChangeAttr,
  insertionMark,
  isTrackMark,
  paragraphMark,
  trackMarkOf,
  type ChangeStamp,
} from './attrs.js';
import { acceptAll, joinTextblocks, resolveNode } from './review.js';

export interface TrackingAuthor {
  name: string;
}

/** Meta set on every transaction this module produced, so the tracking plugin does not track it twice. */
export const TRACKED_META = 'plenaryTracked';

/** The author and the two stamps (one per kind) an edit writes. */
export class TrackContext {
  readonly insertion: ChangeStamp;
  readonly deletion: ChangeStamp;
  constructor(
    readonly author: string,
    date: string,
  ) {
    this.insertion = { id: newId(), author, date };
    this.deletion = { id: newId(), author, date };
  }
  ownInsertion(change: BlockChange | null | undefined): boolean {
    return !!change && change.kind === 'insertion' && change.author === this.author;
  }
}

const defaultNow = (): string => new Date().toISOString();

/** Steps that change only formatting or attributes: passed through untracked (see the module comment). */
function isFormattingStep(step: Step): boolean {
  return (
    step instanceof AddMarkStep ||
    step instanceof RemoveMarkStep ||
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep ||
    step instanceof AttrStep ||
    step instanceof DocAttrStep
  );
}

/** The tracked equivalent of `tr`, a transaction built on `state`. */
export function trackTransaction(
  tr: Transaction,
  state: EditorState,
  author: TrackingAuthor,
  now: () => string = defaultNow,
): Transaction {
  if (!tr.docChanged) return tr;
  const out = state.tr;
  copyMeta(tr, out);
  if (tr.steps.every(isFormattingStep)) {
    for (const step of tr.steps) out.step(step);
    out.setSelection(tr.selection.map(out.doc, out.mapping.slice(out.mapping.maps.length)));
    return out.setMeta(TRACKED_META, true);
  }
  const ctx = new TrackContext(author.name, now());
  const only = tr.steps.length === 1 ? tr.steps[0] : undefined;
  if (only instanceof ReplaceStep && expressibleAsMarks(state.doc, only.from, only.to, only.slice)) {
    const forward = state.selection.empty && state.selection.from === only.from && only.slice.size === 0;
    trackReplace(out, ctx, only.from, only.to, only.slice, forward);
  } else {
    trackDifference(out, ctx, tr.doc);
  }
  withUniqueIds(out);
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  return out.setMeta(TRACKED_META, true);
}

function copyMeta(from: Transaction, to: Transaction): void {
  // Transaction keeps its metadata in a private record; the keys (uiEvent, paste, addToHistory,
  // composition…) matter to the view and to history, so they travel with the tracked version.
  const meta = (from as unknown as { meta?: Record<string, unknown> }).meta;
  if (meta) for (const key of Object.keys(meta)) to.setMeta(key, meta[key]);
}

// --- can a replace be expressed with marks? ------------------------------------------------------

/**
 * Marks express a replace whose deleted range either stays within textblocks at both ends (a text
 * edit or a paragraph join) or covers whole sibling blocks, and whose inserted slice is inline,
 * whole blocks, or opens and closes inside textblocks (a split, a multi-paragraph paste). Joining or
 * splitting containers alone (lists, items) has no paragraph mark to carry it.
 */
export function expressibleAsMarks(doc: Node, from: number, to: number, slice: Slice): boolean {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const inText = $from.parent.isTextblock && $to.parent.isTextblock;
  if (from < to && !inText && !($from.sameParent($to) && $from.depth === $to.depth)) return false;
  if (slice.size === 0) return true;
  if (slice.openStart === 0 && slice.openEnd === 0) {
    const inlineSlice = slice.content.firstChild?.isInline ?? false;
    return inlineSlice ? $to.parent.isTextblock : !$to.parent.isTextblock;
  }
  // An open slice must open and close exactly along the path of the textblock it lands in (a
  // split, or paragraphs pasted among paragraphs of the same kind); anything else reshapes
  // containers, which only the block-level tracking can express.
  if (!$to.parent.isTextblock || slice.openStart !== slice.openEnd || slice.openStart > $to.depth) return false;
  return openPathMatches(slice, $to, 'first') && openPathMatches(slice, $to, 'last');
}

function openPathMatches(slice: Slice, $to: ResolvedPos, side: 'first' | 'last'): boolean {
  let fragment = slice.content;
  for (let d = 1; d <= slice.openStart; d++) {
    const node = side === 'first' ? fragment.firstChild : fragment.lastChild;
    if (!node || node.type !== $to.node($to.depth - slice.openStart + d).type) return false;
    fragment = node.content;
  }
  return true;
}

// --- tracked replace ----------------------------------------------------------------------------

/**
 * Replaces [from, to) by `slice`, tracked: the range is marked deleted and the slice inserted after
 * it. `forward` (the Delete key) leaves the cursor after the deleted run, so the next Delete moves on.
 */
export function trackReplace(out: Transaction, ctx: TrackContext, from: number, to: number, slice: Slice, forward = false): void {
  const base = out.mapping.maps.length;
  const insertAt = skipDeletedRun(out.doc, to);
  const $at = out.doc.resolve(insertAt);
  const tailMark = $at.parent.isTextblock ? ($at.parent.attrs.paragraphMark as BlockChange | null) : null;
  if (from < to) markDeleted(out, ctx, from, to);
  const mapping = () => out.mapping.slice(base);
  const $from = out.doc.resolve(from);
  const neighbours = [...($from.nodeBefore?.marks ?? []), ...($from.nodeAfter?.marks ?? [])].filter(isTrackMark);
  const clean = finalSlice(withoutInheritedMarks(slice, neighbours));
  let cursor: number;
  if (clean.size > 0) {
    const inserted = insertTracked(out, ctx, mapping().map(insertAt), clean, tailMark);
    cursor = inserted ? inserted.to : mapping().map(insertAt);
  } else {
    cursor = forward ? mapping().map(to) : mapping().map(from, -1);
  }
  out.setSelection(Selection.near(out.doc.resolve(Math.min(cursor, out.doc.content.size))));
}

/**
 * Typing inside a tracked run copies that run's marks onto the new text (ProseMirror's mark
 * inheritance); those are not the new text's own, unlike the marks of pasted tracked content.
 */
function withoutInheritedMarks(slice: Slice, inherited: readonly Mark[]): Slice {
  if (inherited.length === 0) return slice;
  const strip = (fragment: Fragment): Fragment => {
    const children: Node[] = [];
    fragment.forEach((child) => {
      if (child.isInline) children.push(child.mark(child.marks.filter((m) => !inherited.some((i) => i.eq(m)))));
      else children.push(child.copy(strip(child.content)));
    });
    return Fragment.fromArray(children);
  };
  return new Slice(strip(slice.content), slice.openStart, slice.openEnd);
}

/** Past the end of a deletion run when `pos` falls inside one: an insertion must not sit in it. */
function skipDeletedRun(doc: Node, pos: number): number {
  let at = pos;
  for (;;) {
    const $pos = doc.resolve(at);
    if (!$pos.parent.isTextblock) return at;
    const before = $pos.nodeBefore;
    const after = $pos.nodeAfter;
    if (!before || !after || !trackMarkOf(before, 'deletion') || !trackMarkOf(after, 'deletion')) return at;
    at += after.nodeSize;
  }
}

interface Range {
  from: number;
  to: number;
}

/** Marks [from, to) deleted; the author's own pending insertions inside it go for real. */
export function markDeleted(out: Transaction, ctx: TrackContext, from: number, to: number): void {
  const doc = out.doc;
  const realDeletions: Array<Range & { block: boolean }> = [];
  const realJoins: number[] = [];
  // Content inside a block the author inserted is theirs too: it goes for real, like the block.
  const insideOwn = new Map<number, boolean>();
  const inOwnInsertion = (pos: number): boolean => {
    const $pos = doc.resolve(pos);
    const key = $pos.depth > 0 ? $pos.before() : -1;
    let known = insideOwn.get(key);
    if (known === undefined) {
      known = false;
      for (let d = $pos.depth; d > 0; d--) if (ctx.ownInsertion(blockChange($pos.node(d)))) known = true;
      insideOwn.set(key, known);
    }
    return known;
  };
  doc.nodesBetween(from, to, (node, pos) => {
    const end = pos + node.nodeSize;
    if (node.isInline) {
      const range = { from: Math.max(from, pos), to: Math.min(to, end) };
      if (range.from >= range.to) return false;
      const insertion = trackMarkOf(node, 'insertion');
      const ownInserted =
        (insertion !== undefined && insertion.attrs.author === ctx.author) || ctx.ownInsertion(blockChange(node)) || inOwnInsertion(pos);
      if (ownInserted) realDeletions.push({ ...range, block: false });
      else if (!trackMarkOf(node, 'deletion')) out.addMark(range.from, range.to, deletionMark.create(ctx.deletion));
      return false;
    }
    if (pos >= from && end <= to) {
      const change = blockChange(node);
      if (ctx.ownInsertion(change) || inOwnInsertion(pos)) realDeletions.push({ from: pos, to: end, block: true });
      else if (change?.kind === 'insertion') {
        if (!blockDeletion(node)) out.setNodeAttribute(pos, 'deletion', blockChangeOf('deletion', ctx.deletion));
      } else if (change?.kind !== 'deletion' && hasChangeAttr(node)) {
        out.setNodeAttribute(pos, 'change', blockChangeOf('deletion', ctx.deletion));
      }
      return false;
    }
    if (node.isTextblock && end - 1 >= from && end <= to) {
      const mark = paragraphMark(node);
      // Any pending split deleted again ends joined, whichever way it is reviewed: join it now.
      // (A paragraph inside a block the author inserted keeps a tracked join instead: joined for
      // real, the next, original paragraph would end up inside the inserted block.)
      if (mark?.kind === 'insertion') realJoins.push(pos);
      else if (!mark) out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('deletion', ctx.deletion));
    }
    return true;
  });

  const base = out.mapping.maps.length;
  const map = (pos: number, assoc: number) => out.mapping.slice(base).map(pos, assoc);
  // Joins first (they only need the blocks on both sides), then the removals, last to first.
  for (const pos of realJoins.reverse()) joinOwnSplit(out, map(pos, 1), ctx);
  for (const range of realDeletions.reverse()) {
    const a = map(range.from, 1);
    const b = map(range.to, -1);
    if (a >= b) continue;
    if (range.block) out.deleteRange(a, b);
    else out.delete(a, b);
  }
}

/** Undoes a pending split for real; if deleted blocks stand between the halves, tracks the join instead. */
function joinOwnSplit(out: Transaction, pos: number, ctx: TrackContext): void {
  const first = out.doc.nodeAt(pos);
  if (!first?.isTextblock) return;
  const endOfFirst = pos + first.nodeSize;
  let next: { node: Node; pos: number } | null = null;
  let blocked = false;
  out.doc.nodesBetween(endOfFirst, out.doc.content.size, (node, p) => {
    if (next || blocked) return false;
    if (p < endOfFirst) return true;
    if (node.isTextblock) {
      next = { node, pos: p };
      return false;
    }
    if (node.isLeaf) blocked = true;
    // Entering a container is fine only when it opens the path to the next textblock.
    return true;
  });
  const found = next as { node: Node; pos: number } | null;
  if (!found || blocked || hasWholeNodeBetween(out.doc, endOfFirst, found.pos)) {
    out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('deletion', ctx.deletion));
    return;
  }
  joinTextblocks(out, { node: first, pos }, found);
}

function hasWholeNodeBetween(doc: Node, from: number, to: number): boolean {
  let whole = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (pos >= from && pos + node.nodeSize <= to) whole = true;
    return !whole;
  });
  return whole;
}

/**
 * Inserts `slice` at `at` and marks what it added. Returns the inserted range, or null when the
 * slice did not fit there.
 */
export function insertTracked(out: Transaction, ctx: TrackContext, at: number, slice: Slice, tailMark: BlockChange | null): Range | null {
  const before = out.steps.length;
  out.replace(at, at, slice);
  if (out.steps.length === before) return null;
  let range: Range | null = null;
  out.steps[out.steps.length - 1]!.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
    range = { from: newStart, to: newEnd };
  });
  const inserted = range as Range | null;
  if (!inserted) return null;
  markInserted(out, ctx, inserted.from, inserted.to, tailMark);
  return inserted;
}

/** Marks the freshly inserted range [from, to) as the author's insertion. */
function markInserted(out: Transaction, ctx: TrackContext, from: number, to: number, tailMark: BlockChange | null): void {
  const doc = out.doc;
  const inline: Range[] = [];
  const splits: number[] = [];
  const splitOff: number[] = [];
  let tail: number | null = null;
  doc.nodesBetween(from, to, (node, pos) => {
    const end = pos + node.nodeSize;
    if (node.isInline) {
      inline.push({ from: Math.max(from, pos), to: Math.min(to, end) });
      return false;
    }
    if (pos >= from && end <= to) {
      if (hasChangeAttr(node)) out.setNodeAttribute(pos, 'change', blockChangeOf('insertion', ctx.insertion));
      return false;
    }
    if (node.isTextblock) {
      if (end - 1 >= from && end <= to) splits.push(pos);
      else if (pos >= from) tail = pos;
    }
    if (pos >= from && end > to) splitOff.push(pos);
    return true;
  });
  // Blocks split off an inserted block are part of that insertion: rejecting it must take them too.
  const $from = doc.resolve(from);
  for (const pos of splitOff) {
    const depth = doc.resolve(pos).depth + 1;
    const head = depth <= $from.depth ? $from.node(depth) : null;
    const change = head && head.type === doc.nodeAt(pos)!.type ? blockChange(head) : null;
    if (change?.kind === 'insertion') out.setNodeAttribute(pos, 'change', change);
  }
  for (const range of inline) {
    const stamp = adjacentOwnInsertion(out.doc, range, ctx) ?? ctx.insertion;
    out.addMark(range.from, range.to, insertionMark.create(stamp));
  }
  for (const pos of splits) out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('insertion', ctx.insertion));
  // The split-off tail carries the paragraph mark the original paragraph had (Word keeps it at the end).
  const tailPos = tail as number | null;
  if (splits.length > 0 && tailPos !== null) out.setNodeAttribute(tailPos, 'paragraphMark', tailMark);
}

/** The stamp of the author's insertion right before or after `range`, so the run grows instead of fragmenting. */
function adjacentOwnInsertion(doc: Node, range: Range, ctx: TrackContext): ChangeStamp | null {
  const neighbours = [doc.resolve(range.from).nodeBefore, doc.resolve(range.to).nodeAfter];
  for (const node of neighbours) {
    const mark = node ? trackMarkOf(node, 'insertion') : undefined;
    if (mark && mark.attrs.author === ctx.author && !trackMarkOf(node!, 'deletion')) {
      return { id: mark.attrs.id as string, author: ctx.author, date: mark.attrs.date as string };
    }
  }
  return null;
}

// --- pasted or re-inserted content -------------------------------------------------------------

/**
 * What an insertion really adds: the final text of the content (deleted runs dropped, earlier
 * marks cleared), every block with a fresh id so the original keeps its own. The open edges of the
 * slice are kept even when tracked, since the slice must keep its shape.
 */
export function finalSlice(slice: Slice): Slice {
  const content = finalFragment(slice.content, slice.openStart, slice.openEnd);
  return new Slice(content, slice.openStart, slice.openEnd);
}

function finalFragment(fragment: Fragment, openStart: number, openEnd: number): Fragment {
  const children: Node[] = [];
  const last = fragment.childCount - 1;
  fragment.forEach((child, _offset, index) => {
    const openFirst = index === 0 && openStart > 0;
    const openLast = index === last && openEnd > 0;
    if (openFirst || openLast) {
      const inner = finalFragment(child.content, openFirst ? openStart - 1 : 0, openLast ? openEnd - 1 : 0);
      children.push(child.type.create(freshAttrs(child), inner, child.marks));
    } else {
      const resolved = finalNode(child);
      if (resolved) children.push(withFreshIds(resolved));
    }
  });
  return Fragment.fromArray(children);
}

/** A node as if its changes were accepted (joins included); null when the node itself was deleted. */
export function finalNode(node: Node): Node | null {
  if (!resolveNode(node, 'accept')) return null;
  return node.isText ? resolveNode(node, 'accept') : acceptAll(node);
}

function freshAttrs(node: Node): Record<string, unknown> {
  const attrs: Record<string, unknown> = { ...node.attrs };
  if ('id' in attrs) attrs.id = newId();
  if ('change' in attrs) attrs.change = null;
  if ('deletion' in attrs) attrs.deletion = null;
  if ('paragraphMark' in attrs) attrs.paragraphMark = null;
  return attrs;
}

/** A copy with fresh ids everywhere and no paragraph mark left pending (it was already resolved). */
export function withFreshIds(node: Node): Node {
  if (node.isText) return node;
  const children: Node[] = [];
  node.forEach((child) => children.push(withFreshIds(child)));
  return node.type.create(freshAttrs(node), Fragment.fromArray(children), node.marks);
}

// --- edits tracked from the difference of two documents ------------------------------------------

/**
 * Tracks the change from `out.doc` to `target` as one replace: within one textblock as a text
 * replace, otherwise as whole blocks deleted and the new ones inserted after them, at the deepest
 * level whose content expression accepts both side by side.
 */
export function trackDifference(out: Transaction, ctx: TrackContext, target: Node): void {
  const old = out.doc;
  const start = old.content.findDiffStart(target.content);
  if (start === null) return;
  const end = old.content.findDiffEnd(target.content)!;
  let endA = end.a;
  let endB = end.b;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  const $start = old.resolve(start);
  const $endA = old.resolve(endA);
  const $startB = target.resolve(start);
  const $endB = target.resolve(endB);
  if ($start.parent.isTextblock && $start.sameParent($endA) && $startB.sameParent($endB) && $startB.parent.isTextblock) {
    trackReplace(out, ctx, start, endA, target.slice(start, endB));
    return;
  }
  let depth = Math.min($start.sharedDepth(endA), $startB.sharedDepth(endB));
  for (; depth >= 0; depth--) {
    const parent = $start.node(depth);
    if (parent.isTextblock) continue;
    const oldFrom = $start.depth > depth ? $start.before(depth + 1) : start;
    const oldTo = $endA.depth > depth ? $endA.after(depth + 1) : endA;
    const newTo = endB + (oldTo - endA);
    const fresh = finalFragment(target.slice(oldFrom, newTo).content, 0, 0);
    const startIndex = $start.index(depth);
    const endIndex = $endA.depth > depth ? $endA.indexAfter(depth) : $endA.index(depth);
    const kept = parent.content.cut(oldFrom - $start.start(depth), oldTo - $start.start(depth));
    if (!parent.canReplace(startIndex, endIndex, kept.append(fresh))) continue;
    const base = out.mapping.maps.length;
    if (oldFrom < oldTo) markDeleted(out, ctx, oldFrom, oldTo);
    const at = out.mapping.slice(base).map(oldTo);
    if (fresh.size > 0) insertTracked(out, ctx, at, new Slice(fresh, 0, 0), null);
    return;
  }
  throw new RangeError('this edit cannot be tracked');
}
