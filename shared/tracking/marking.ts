/**
 * The primitives of suggestion mode: marking a range deleted, inserting content marked inserted,
 * and a replace as the two (track.ts turns whole transactions into these). Removed content stays,
 * marked deleted, except the author's own pending insertions, which go for real; inserted content
 * merges with the author's adjacent insertion and never lands inside another deletion run.
 */
import { Fragment, Slice, type Mark, type Node, type NodeType, type ResolvedPos } from 'prosemirror-model';
import { Selection, type Transaction } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { newId } from '../model/index.js';
import type { BlockChange } from '../schema/index.js';
import {
  blockChange,
  blockChangeOf,
  blockDeletion,
  deletionMark,
  hasChangeAttr,
  insertionMark,
  isTrackMark,
  paragraphMark,
  stampOfMark,
  trackMarkOf,
  type ChangeStamp,
} from './attrs.js';
import { joinTextblocks } from './review.js';
import { finalSlice } from './final-content.js';

/** Textblocks that carry the frame of a resolution or a document: never joined into another one. */
export const FRAME_TEXTBLOCKS: ReadonlySet<string> = new Set([
  'number_line',
  'adoption_line',
  'resolution_title',
  'call',
  'section_keyword',
  'annex_heading',
  'annex_title',
  'cover_field',
]);

/** Whether `$pos` lies inside a block that is deleted (by its `change` or a later `deletion`). */
function insideDeletedBlock($pos: ResolvedPos): boolean {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (blockChange(node)?.kind === 'deletion' || blockDeletion(node)) return true;
  }
  return false;
}

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
  /**
   * The author's pending insertion this edit replaces outright (a composition rewriting its own
   * provisional text): new text takes its stamp, so the change keeps one id while it is typed.
   */
  replaced: ChangeStamp | null = null;
  /** The same author and date with stamps of its own: another change. */
  another(): TrackContext {
    return new TrackContext(this.author, this.insertion.date);
  }
  ownInsertion(change: BlockChange | null | undefined): boolean {
    return !!change && change.kind === 'insertion' && change.author === this.author;
  }
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
  // A footnote's text (inline content inside an inline node) is text like a paragraph's.
  const inText = $from.parent.inlineContent && $to.parent.inlineContent;
  if (from < to && !inText && !($from.sameParent($to) && $from.depth === $to.depth)) return false;
  if (slice.size === 0) return true;
  if (slice.openStart === 0 && slice.openEnd === 0) {
    const inlineSlice = slice.content.firstChild?.isInline ?? false;
    return inlineSlice ? $to.parent.inlineContent : !$to.parent.inlineContent;
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
    // The paragraph split off may be of another kind (Shift-Enter makes a continuation of the
    // text after the cursor): the inserted paragraph mark is still all there is to reject.
    const splitTail = side === 'last' && d === slice.openStart && node?.isTextblock === true && $to.parent.isTextblock;
    if (!node || (node.type !== $to.node($to.depth - slice.openStart + d).type && !splitTail)) return false;
    fragment = node.content;
  }
  return true;
}

// --- tracked replace ----------------------------------------------------------------------------

/**
 * Replaces [from, to) by `slice`, tracked: the range is marked deleted and the slice inserted after
 * it. `forward` (the Delete key) leaves the cursor after the deleted run, so the next Delete moves on.
 * `head`, the cursor of the untracked edit as an offset into the inserted slice, puts the cursor at
 * the same place in the tracked insertion (in the new item an Enter made, not after it).
 */
export function trackReplace(
  out: Transaction,
  ctx: TrackContext,
  from: number,
  to: number,
  slice: Slice,
  forward = false,
  head?: number,
): void {
  const base = out.mapping.maps.length;
  const insertAt = skipDeletedRun(out.doc, to);
  const $at = out.doc.resolve(insertAt);
  const tailMark = $at.parent.isTextblock ? ($at.parent.attrs.paragraphMark as BlockChange | null) : null;
  if (from < to) ctx.replaced = ownInsertionStamp(out.doc, from, to, ctx);
  if (slice.size === 0 && joinOwnInsertedItem(out, ctx, from, to)) return;
  const removed = from < to && slice.size === 0 ? liveJoin(out.doc, from, to) : { from, to };
  if (removed && removed.from < removed.to) markDeleted(out, ctx, removed.from, removed.to);
  const mapping = () => out.mapping.slice(base);
  const $from = out.doc.resolve(from);
  const neighbours = [...($from.nodeBefore?.marks ?? []), ...($from.nodeAfter?.marks ?? [])].filter(isTrackMark);
  // A step's slice was fitted already: its open nodes stand for the paragraphs it lands in (a
  // split copies the split paragraph's attributes), so their paragraph marks are not content.
  const clean = finalSlice(withoutInheritedMarks(slice, neighbours));
  let cursor: number;
  if (clean.size > 0) {
    const inserted = insertTracked(out, ctx, mapping().map(insertAt), clean, tailMark);
    cursor = inserted ? (placedInside(inserted, clean.size, head) ?? inserted.to) : mapping().map(insertAt);
  } else {
    cursor = forward ? mapping().map(to) : mapping().map(from, -1);
  }
  placeCursor(out, cursor);
}

/**
 * A join whose second paragraph is the only paragraph of an item the author inserted (Enter at the
 * end of an item, then Backspace; or Delete at the end of the item before it): the item is the
 * author's own pending insertion, so it goes for real, its text joining the paragraph before as
 * inserted text. Returns false when the join is not of that shape.
 */
function joinOwnInsertedItem(out: Transaction, ctx: TrackContext, from: number, to: number): boolean {
  const $from = out.doc.resolve(from);
  const $to = out.doc.resolve(to);
  if (from >= to || !$from.parent.isTextblock || !$to.parent.isTextblock || $from.sameParent($to)) return false;
  if ($from.parentOffset !== $from.parent.content.size || $to.parentOffset !== 0 || $to.depth < 2) return false;
  const item = $to.node(-1);
  if (item.childCount !== 1 || !ctx.ownInsertion(blockChange(item)) || insideDeletedBlock($from)) return false;
  if (FRAME_TEXTBLOCKS.has($from.parent.type.name) || paragraphMark($from.parent)) return false;
  const adjacent = Selection.findFrom(out.doc.resolve($from.after()), 1, true);
  if (!adjacent || adjacent.from !== to) return false;
  const moved = $to.parent.content.size;
  // Tried aside first: the join must leave the text in the paragraph before, and nothing else.
  const trial = new Transform(out.doc).delete(from, to);
  if (trial.steps.length !== 1 || trial.doc.resolve(from).parent.content.size !== $from.parent.content.size + moved) return false;
  out.step(trial.steps[0]!);
  if (moved > 0) {
    const range = { from, to: from + moved };
    out.addMark(range.from, range.to, insertionMark.create(adjacentOwnInsertion(out.doc, range, ctx) ?? ctx.insertion));
  }
  placeCursor(out, from);
  return true;
}

/** `inserted.from + offset` when the insertion kept its size and the offset falls inside it. */
export function placedInside(inserted: Range, size: number, offset: number | undefined): number | null {
  if (offset === undefined || inserted.to - inserted.from !== size || offset < 0 || offset > size) return null;
  return inserted.from + offset;
}

export function placeCursor(out: Transaction, pos: number): void {
  out.setSelection(Selection.near(out.doc.resolve(Math.max(0, Math.min(pos, out.doc.content.size)))));
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

/**
 * The range a paragraph join really removes. Backspace at the start of a paragraph, or Delete at
 * the end of one, removes the boundary between two adjacent paragraphs; when one of them is in a
 * deleted block, its own paragraph mark goes with it anyway, so in the final text the join is
 * between the nearest paragraphs still standing on either side (what the same key does in the
 * final view): the range then starts at the end of the live paragraph before. Returns null when
 * the final view has nothing to join (the paragraph on the other side is a frame line: the item
 * is first or last in its section) and the range as it is when it is no such join, or when the
 * live paragraph before is a pending split (the deleted block came out of it; its mark cannot be
 * both inserted and deleted).
 */
function liveJoin(doc: Node, from: number, to: number): Range | null {
  const range = { from, to };
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.parent.isTextblock || !$to.parent.isTextblock || $from.sameParent($to)) return range;
  if ($from.parentOffset !== $from.parent.content.size || $to.parentOffset !== 0) return range;
  const fromDeleted = insideDeletedBlock($from);
  const toDeleted = insideDeletedBlock($to);
  if (fromDeleted === toDeleted) return range;
  const adjacent = Selection.findFrom(doc.resolve($from.after()), 1, true);
  if (!adjacent || adjacent.from !== to) return range;
  const $before = fromDeleted ? liveTextblock(doc, $from, -1) : $from;
  const $after = toDeleted ? liveTextblock(doc, $to, 1) : $to;
  if (!$before || !$after || FRAME_TEXTBLOCKS.has($before.parent.type.name) || FRAME_TEXTBLOCKS.has($after.parent.type.name)) return null;
  if (paragraphMark($before.parent)?.kind === 'insertion') return range;
  return { from: $before.end(), to };
}

/** The nearest textblock from `$pos` in direction `dir` (`$pos`'s own first) that no deleted block holds. */
function liveTextblock(doc: Node, $pos: ResolvedPos, dir: -1 | 1): ResolvedPos | null {
  let $at = $pos;
  while (insideDeletedBlock($at)) {
    const found = Selection.findFrom(doc.resolve(dir < 0 ? $at.before() : $at.after()), dir, true);
    if (!found) return null;
    $at = found.$from;
  }
  return $at;
}

/** Past the end of a deletion run when `pos` falls inside one: an insertion must not sit in it. */
function skipDeletedRun(doc: Node, pos: number): number {
  let at = pos;
  for (;;) {
    const $pos = doc.resolve(at);
    if (!$pos.parent.inlineContent) return at;
    const before = $pos.nodeBefore;
    const after = $pos.nodeAfter;
    if (!before || !after || !trackMarkOf(before, 'deletion') || !trackMarkOf(after, 'deletion')) return at;
    at += after.nodeSize;
  }
}

/** A range of positions, [from, to). */
export interface Range {
  from: number;
  to: number;
}

/** Marks [from, to) deleted; the author's own pending insertions inside it go for real. */
export function markDeleted(out: Transaction, ctx: TrackContext, from: number, to: number): void {
  const doc = out.doc;
  const realDeletions: Array<Range & { block: boolean }> = [];
  const realJoins: Array<{ pos: number; nextDeleted: boolean; reachesOn: boolean }> = [];
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
      // (A range that also takes the head's end joins the split itself, below.)
      const split = !change || change.kind === 'insertion' ? ownSplitTail(doc, pos, node, ctx, from) : null;
      if (ctx.ownInsertion(change) || inOwnInsertion(pos)) realDeletions.push({ from: pos, to: end, block: true });
      else if (split) {
        // The block only ever existed as the tail of the author's pending split: removing it
        // undoes the split (the head paragraph gets back the mark the tail kept), nothing to show.
        out.setNodeAttribute(split.head, 'paragraphMark', split.tailMark);
        realDeletions.push({ from: pos, to: end, block: true });
      } else if (change?.kind === 'insertion') {
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
      if (mark?.kind === 'insertion')
        realJoins.push({
          pos,
          nextDeleted: nextTextblockDeleted(doc, pos + node.nodeSize),
          reachesOn: tailJoinedOn(doc, pos + node.nodeSize, to),
        });
      else if (!mark) out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('deletion', ctx.deletion));
    }
    return true;
  });

  const base = out.mapping.maps.length;
  const map = (pos: number, assoc: number) => out.mapping.slice(base).map(pos, assoc);
  // Joins first (they only need the blocks on both sides), then the removals, last to first.
  for (const join of realJoins.reverse()) {
    // The split's tail already deleted (before this edit): joined for real, its deleted text would
    // come back to life, and the mark cannot be both inserted and deleted; the split stays pending.
    if (!join.nextDeleted) joinOwnSplit(out, map(join.pos, 1), ctx, join.reachesOn);
  }
  for (const range of realDeletions.reverse()) {
    const a = map(range.from, 1);
    const b = map(range.to, -1);
    if (a >= b) continue;
    if (range.block) out.deleteRange(a, b);
    else out.delete(a, b);
  }
}

/**
 * When `block` (at `pos`) is the tail of a pending split by this author (the textblock just before
 * it carries the author's inserted paragraph mark) and holds nothing of the original (one
 * textblock, empty or all the author's inserted text): the head textblock's position and the
 * paragraph mark the tail kept for it (markInserted gives the tail the split paragraph's mark).
 * Enter at the end of an item makes such a block; Enter again in it (leaving the list) or
 * deleting the item removes it whole. Split off a block another author inserted, the tail carries
 * that insertion too (the block before it, of its type, the same one).
 */
function ownSplitTail(
  doc: Node,
  pos: number,
  block: Node,
  ctx: TrackContext,
  from: number,
): { head: number; tailMark: BlockChange | null } | null {
  if (block.isTextblock || block.isInline || pos === 0) return null;
  let tail: Node | null = null;
  let textblocks = 0;
  block.descendants((node) => {
    if (node.isTextblock) {
      textblocks++;
      tail = node;
      return false;
    }
    return true;
  });
  const only = tail as Node | null;
  if (textblocks !== 1 || !only) return null;
  let original = false;
  only.forEach((child) => {
    const insertion = trackMarkOf(child, 'insertion');
    if (!insertion || insertion.attrs.author !== ctx.author || trackMarkOf(child, 'deletion')) original = true;
  });
  if (original) return null;
  const before = Selection.findFrom(doc.resolve(pos), -1, true);
  if (!before || !before.$from.parent.isTextblock || before.$from.end() + 1 > pos || before.$from.end() >= from) return null;
  if (hasWholeNodeBetween(doc, before.$from.after(), pos)) return null;
  const mark = paragraphMark(before.$from.parent);
  if (mark?.kind !== 'insertion' || mark.author !== ctx.author || insideDeletedBlock(before.$from)) return null;
  const change = blockChange(block);
  if (change && blockChange(enclosing(before.$from, block.type) ?? block)?.id !== change.id) return null;
  return { head: before.$from.before(), tailMark: paragraphMark(only) ?? null };
}

/** The innermost node of `type` around `$pos`, if any. */
export function enclosing($pos: ResolvedPos, type: NodeType): Node | null {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type === type) return $pos.node(depth);
  return null;
}

/** Whether [.., to) goes past the textblock after `pos` into the start of the one after that. */
function tailJoinedOn(doc: Node, pos: number, to: number): boolean {
  if (pos > doc.content.size) return false;
  const tail = Selection.findFrom(doc.resolve(pos), 1, true);
  if (!tail || tail.$from.after() > doc.content.size) return false;
  const next = Selection.findFrom(doc.resolve(tail.$from.after()), 1, true);
  return next !== null && next.$from.start() <= to;
}

/** Whether the first textblock from `pos` on lies in a deleted block. */
function nextTextblockDeleted(doc: Node, pos: number): boolean {
  if (pos > doc.content.size) return false;
  const next = Selection.findFrom(doc.resolve(pos), 1, true);
  return next !== null && insideDeletedBlock(next.$from);
}

/** Undoes a pending split for real; if deleted blocks stand between the halves, tracks the join instead. */
function joinOwnSplit(out: Transaction, pos: number, ctx: TrackContext, reachesOn = false): void {
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
  // The tail deleted whole by this very edit, and the deletion going on into the paragraph after
  // it: the tail's paragraph mark went with it, so the joined paragraph now ends on a deleted mark.
  const $tail = out.doc.resolve(found.pos + 1);
  let tailDeletedNow = false;
  for (let d = $tail.depth; d > 0; d--) if (blockChange($tail.node(d))?.id === ctx.deletion.id) tailDeletedNow = true;
  joinTextblocks(out, { node: first, pos }, found);
  if (reachesOn && tailDeletedNow && !paragraphMark(out.doc.nodeAt(pos)!)) {
    out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('deletion', ctx.deletion));
  }
}

/**
 * The position of the textblock that ends right before `pos` (only block boundaries between
 * them: the head of a split whose tail starts at `pos`), or null.
 */
export function textblockJustBefore(doc: Node, pos: number): number | null {
  const found = Selection.findFrom(doc.resolve(pos), -1, true);
  if (!found || !found.$from.parent.isTextblock || found.$from.after() > pos) return null;
  return hasWholeNodeBetween(doc, found.$from.after(), pos) ? null : found.$from.before();
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
    // Text written inside a block the author inserted is part of that insertion (rejecting the
    // block takes it, accepting it keeps it): a mark of its own would be a second change.
    if (insideOwnInsertedBlock(out.doc.resolve(range.from), ctx)) continue;
    const stamp = adjacentOwnInsertion(out.doc, range, ctx) ?? ctx.replaced ?? ctx.insertion;
    out.addMark(range.from, range.to, insertionMark.create(stamp));
  }
  for (const pos of splits) out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('insertion', ctx.insertion));
  // The split-off tail carries the paragraph mark the original paragraph had (Word keeps it at the end).
  const tailPos = tail as number | null;
  if (splits.length > 0 && tailPos !== null) out.setNodeAttribute(tailPos, 'paragraphMark', tailMark);
}

/**
 * Whether `$pos` lies inside a block (an item, a paragraph, a footnote…) that is this author's
 * pending insertion and is not deleted since.
 */
function insideOwnInsertedBlock($pos: ResolvedPos, ctx: TrackContext): boolean {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (blockDeletion(node)) return false;
    if (ctx.ownInsertion(blockChange(node))) return true;
  }
  return false;
}

/** The stamp of the author's one pending insertion when it is all the text in [from, to), else null. */
function ownInsertionStamp(doc: Node, from: number, to: number, ctx: TrackContext): ChangeStamp | null {
  let stamp: ChangeStamp | null = null;
  let other = false;
  doc.nodesBetween(from, to, (node) => {
    if (other) return false;
    if (!node.isInline) return true;
    const mark = trackMarkOf(node, 'insertion');
    if (!mark || mark.attrs.author !== ctx.author || trackMarkOf(node, 'deletion') || (stamp && stamp.id !== mark.attrs.id)) other = true;
    else stamp = stampOfMark(mark);
    return false;
  });
  return other ? null : stamp;
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
