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
 * A single ReplaceStep whose shape the marks can express is tracked as is (that is every keystroke;
 * the id steps the editor's commands add do not count); a paragraph join is recognised whatever
 * steps wrote it; anything else is tracked from the difference between the old and the new
 * document, block by block (blocks matched by id stay, only what changed in them is tracked:
 * block-diff.ts), or failing that as whole blocks deleted and re-inserted at the smallest level
 * where the schema allows it. An edit that cannot be tracked throws instead of slipping through
 * untracked.
 *
 * Typing and deleting inside a paragraph cost what the edit touches, never a walk over the whole
 * document (the 1,000-item documents of the benchmark).
 */
import { Fragment, Slice, type Mark, type Node, type NodeType, type ResolvedPos } from 'prosemirror-model';
import { Selection, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, AddNodeMarkStep, AttrStep, DocAttrStep, RemoveMarkStep, RemoveNodeMarkStep, ReplaceStep, Transform, type Step } from 'prosemirror-transform';
import { newId } from '../model/ids.js';
import { mayIntroduceIds, withFreshIds as freshIdsWhereWritten, writtenRanges } from '../editing/unique-ids.js';
import { forgetStrayCopies } from './moves.js';
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
  stampOfMark,
  trackMarkOf,
  type ChangeStamp,
} from './attrs.js';
import { acceptAll, joinTextblocks, resolveNode, type Located } from './review.js';
import { diffRange, planBlockEdits } from './block-diff.js';

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
export function insideDeletedBlock($pos: ResolvedPos): boolean {
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
  // The editor's commands give the blocks they create fresh ids in steps of their own; the tracker
  // makes ids unique itself, so those steps do not make an edit any less a single replace (an
  // Enter that splits an item is a paragraph mark inserted, not the item deleted and re-inserted).
  const edits = tr.steps.filter((step) => !(step instanceof AttrStep && step.attr === 'id'));
  const only = edits.length === 1 ? edits[0] : undefined;
  // Typing and deleting inside one paragraph (every keystroke) is never a join: skip the check.
  const withinParagraph = only instanceof ReplaceStep && state.doc.resolve(only.from).sameParent(state.doc.resolve(only.to));
  const join = withinParagraph ? null : joinOf(state.doc, tr.doc);
  if (join) {
    trackReplace(out, ctx, join.from, join.to, Slice.empty, false);
  } else if (only instanceof ReplaceStep && expressibleAsMarks(state.doc, only.from, only.to, only.slice)) {
    const forward = state.selection.empty && state.selection.from === only.from && only.slice.size === 0;
    trackReplace(out, ctx, only.from, only.to, only.slice, forward, tr.selection.head - only.from);
  } else {
    trackDifference(out, ctx, tr.doc, tr.selection.head);
  }
  uniqueIdsIn(out);
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  return out.setMeta(TRACKED_META, true);
}

/**
 * Gives the blocks the tracked edit wrote a fresh id where they copy one (a split, a paste). Only
 * a step that inserts blocks or sets an id can do that: a keystroke skips the walk over the whole
 * document, so typing costs what the edit touches, not what the document holds.
 */
export function uniqueIdsIn(out: Transaction): void {
  if (mayIntroduceIds(out)) freshIdsWhereWritten(out, writtenRanges([out]));
  forgetStrayCopies(out);
}

function copyMeta(from: Transaction, to: Transaction): void {
  // Transaction keeps its metadata in a private record; the keys (uiEvent, paste, addToHistory,
  // composition…) matter to the view and to history, so they travel with the tracked version.
  const meta = (from as unknown as { meta?: Record<string, unknown> }).meta;
  if (meta) for (const key of Object.keys(meta)) to.setMeta(key, meta[key]);
}

/**
 * A paragraph join (Backspace at the start of a paragraph, Delete at the end of one), whatever
 * steps ProseMirror wrote it with (across depths it re-places the second paragraph's text, or
 * wraps the rest around it): returned as the boundary it removes, [end of the first paragraph,
 * start of the next), which is how the tracker records a join. Null when `result` is not `doc`
 * with two adjacent paragraphs joined and nothing else changed in the text.
 */
function joinOf(doc: Node, result: Node): Range | null {
  const start = doc.content.findDiffStart(result.content);
  if (start === null) return null;
  const $from = doc.resolve(start);
  if (!$from.parent.isTextblock || start !== $from.end() || $from.after() > doc.content.size) return null;
  const next = Selection.findFrom(doc.resolve($from.after()), 1, true);
  if (!next || !next.$from.parent.isTextblock || next.from !== next.$from.start()) return null;
  const joined = result.resolve(start).parent;
  if (!joined.isTextblock || !joined.content.eq($from.parent.content.append(next.$from.parent.content))) return null;
  if (doc.textContent !== result.textContent) return null;
  return { from: start, to: next.from };
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
export function trackReplace(out: Transaction, ctx: TrackContext, from: number, to: number, slice: Slice, forward = false, head?: number): void {
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
function placedInside(inserted: Range, size: number, offset: number | undefined): number | null {
  if (offset === undefined || inserted.to - inserted.from !== size || offset < 0 || offset > size) return null;
  return inserted.from + offset;
}

function placeCursor(out: Transaction, pos: number): void {
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

interface Range {
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
      if (mark?.kind === 'insertion') realJoins.push({ pos, nextDeleted: nextTextblockDeleted(doc, pos + node.nodeSize), reachesOn: tailJoinedOn(doc, pos + node.nodeSize, to) });
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
    const stamp = adjacentOwnInsertion(out.doc, range, ctx) ?? ctx.replaced ?? ctx.insertion;
    out.addMark(range.from, range.to, insertionMark.create(stamp));
  }
  for (const pos of splits) out.setNodeAttribute(pos, 'paragraphMark', blockChangeOf('insertion', ctx.insertion));
  // The split-off tail carries the paragraph mark the original paragraph had (Word keeps it at the end).
  const tailPos = tail as number | null;
  if (splits.length > 0 && tailPos !== null) out.setNodeAttribute(tailPos, 'paragraphMark', tailMark);
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

// --- pasted or re-inserted content -------------------------------------------------------------

/**
 * What an insertion really adds: the final text of the content (deleted runs dropped, deleted
 * paragraph marks joined, earlier marks cleared), every block with a fresh id so the original keeps
 * its own. The open edges of the slice are kept even when tracked, since the slice must keep its
 * shape. `parent` is the type of the node the slice's content lands in: with it, a paragraph mark
 * deleted between two pasted paragraphs joins them as accepting it would (copied across a tracked
 * join, the text pastes as one paragraph, as the final view would copy it).
 */
export function finalSlice(slice: Slice, parent?: NodeType): Slice {
  const joined = parent ? acceptedSlice(slice, parent) : null;
  if (joined) return joined;
  const content = finalFragment(slice.content, slice.openStart, slice.openEnd);
  return new Slice(content, slice.openStart, slice.openEnd);
}

/**
 * The final text of copied tracked content, for the editor's `transformPasted` when suggestion
 * mode is on: a paste inserts what was copied as it would read once accepted. It must be applied
 * before the paste is fitted into the document: fitting copies the target paragraph's attributes
 * onto the slice's first paragraph, so the tracker no longer sees a paragraph mark deleted there.
 */
export function finalPastedSlice(slice: Slice): Slice {
  return finalSlice(slice, containerFor(slice.content) ?? undefined);
}

/** A node type that can hold `content` as it is (the copied range's common parent, or one like it). */
function containerFor(content: Fragment): NodeType | null {
  const first = content.firstChild;
  if (!first) return null;
  if (first.isInline) return first.type.schema.nodes.paragraph ?? null;
  for (const type of Object.values(first.type.schema.nodes)) {
    if (!type.isTextblock && !type.isLeaf && type.validContent(content)) return type;
  }
  return null;
}

/**
 * The slice accepted as a whole inside a node of type `parent`, so that joins across its children
 * are made; null when its content cannot stand in such a node or loses its open edges in the join
 * (the caller then resolves child by child, keeping the split).
 */
function acceptedSlice(slice: Slice, parent: NodeType): Slice | null {
  if (!hasTrackedContent(slice.content)) return null;
  const content = openEdgesKept(slice.content, slice.openStart, slice.openEnd);
  if (!parent.validContent(content)) return null;
  let accepted: Fragment;
  try {
    accepted = acceptAll(parent.create(null, content)).content;
  } catch {
    return null;
  }
  const fresh: Node[] = [];
  accepted.forEach((child) => fresh.push(withFreshIds(child)));
  const result = new Slice(Fragment.fromArray(fresh), slice.openStart, slice.openEnd);
  return opensTo(result.content, slice.openStart, 'first') && opensTo(result.content, slice.openEnd, 'last') ? result : null;
}

function hasTrackedContent(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (blockChange(node) || blockDeletion(node) || paragraphMark(node) || node.marks.some(isTrackMark)) found = true;
    return !found;
  });
  return found;
}

/** Whether the slice content still has non-textual nodes `depth` deep along its first (last) edge. */
function opensTo(fragment: Fragment, depth: number, side: 'first' | 'last'): boolean {
  let current = fragment;
  for (let d = 0; d < depth; d++) {
    const node = side === 'first' ? current.firstChild : current.lastChild;
    if (!node || node.isText || node.isLeaf) return false;
    current = node.content;
  }
  return true;
}

/**
 * The open edges of a slice stand for nodes that are only partly in it: they cannot be inserted or
 * deleted as a whole, so their block changes are dropped; the last open textblock's paragraph mark
 * is not in the slice either.
 */
function openEdgesKept(fragment: Fragment, openStart: number, openEnd: number): Fragment {
  const children: Node[] = [];
  const last = fragment.childCount - 1;
  fragment.forEach((child, _offset, index) => {
    const openFirst = index === 0 && openStart > 0;
    const openLast = index === last && openEnd > 0;
    if (!openFirst && !openLast) {
      children.push(child);
      return;
    }
    const attrs: Record<string, unknown> = { ...child.attrs };
    if ('change' in attrs) attrs.change = null;
    if ('deletion' in attrs) attrs.deletion = null;
    if (openLast && 'paragraphMark' in attrs) attrs.paragraphMark = null;
    const inner = openEdgesKept(child.content, openFirst ? openStart - 1 : 0, openLast ? openEnd - 1 : 0);
    children.push(child.type.create(attrs, inner, child.marks));
  });
  return Fragment.fromArray(children);
}

function finalFragment(fragment: Fragment, openStart: number, openEnd: number): Fragment {
  const children: Node[] = [];
  const last = fragment.childCount - 1;
  fragment.forEach((child, _offset, index) => {
    const openFirst = index === 0 && openStart > 0;
    const openLast = index === last && openEnd > 0;
    if (openFirst || openLast) {
      const inner = finalFragment(child.content, openFirst ? openStart - 1 : 0, openLast ? openEnd - 1 : 0);
      children.push(child.type.create(freshAttrs(child, false), inner, child.marks));
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

/**
 * The attributes of a copy: fresh id, no pending change. A `whole` copy records which block it
 * copies (`movedFrom`: a copy of a copy still stands for the first original, an item moved twice);
 * a block only partly copied (the open edge of a pasted slice) is no copy of anything.
 */
function freshAttrs(node: Node, whole: boolean): Record<string, unknown> {
  const attrs: Record<string, unknown> = { ...node.attrs };
  if ('movedFrom' in attrs) attrs.movedFrom = whole ? ((node.attrs.movedFrom as string | null) ?? (node.attrs.id as string | null)) : null;
  if ('id' in attrs) attrs.id = newId();
  if ('change' in attrs) attrs.change = null;
  if ('deletion' in attrs) attrs.deletion = null;
  if ('paragraphMark' in attrs) attrs.paragraphMark = null;
  return attrs;
}

/**
 * A copy with fresh ids everywhere and no paragraph mark left pending (it was already resolved).
 * `asCopy` false for a new block that copies nothing in the document (see freshAttrs).
 */
export function withFreshIds(node: Node, asCopy = true): Node {
  if (node.isText) return node;
  const children: Node[] = [];
  node.forEach((child) => children.push(withFreshIds(child, asCopy)));
  return node.type.create(freshAttrs(node, asCopy), Fragment.fromArray(children), node.marks);
}

// --- edits tracked from the difference of two documents ------------------------------------------

/**
 * Tracks the change from `out.doc` to `target` as one replace: within one textblock as a text
 * replace, otherwise as whole blocks deleted and the new ones inserted after them, at the deepest
 * level whose content expression accepts both side by side.
 */
export function trackDifference(out: Transaction, ctx: TrackContext, target: Node, head?: number): void {
  const old = out.doc;
  const range = diffRange(old.content, target.content);
  if (!range) return;
  const { start, endA, endB } = range;
  const $start = old.resolve(start);
  const $endA = old.resolve(endA);
  const $startB = target.resolve(start);
  const $endB = target.resolve(endB);
  if ($start.parent.inlineContent && $start.sameParent($endA) && $startB.sameParent($endB) && $startB.parent.inlineContent) {
    trackReplace(out, ctx, start, endA, target.slice(start, endB), false, head === undefined ? undefined : head - start);
    return;
  }
  if (trackBlockEdits(out, ctx, target, head)) return;
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
    const inserted = fresh.size > 0 ? insertTracked(out, ctx, at, new Slice(fresh, 0, 0), null) : null;
    if (inserted) keepPendingJoin(out, lastTextblock(old, oldFrom, oldTo), inserted);
    if (head !== undefined) {
      // The untracked edit's cursor, where the tracked edit put the same content.
      const mapped = head < oldFrom ? head : head > newTo ? out.mapping.slice(base).map(head - newTo + oldTo) : null;
      const inside = inserted && head >= oldFrom && head <= newTo ? placedInside(inserted, newTo - oldFrom, head - oldFrom) : null;
      const cursor = inside ?? mapped;
      if (cursor !== null) placeCursor(out, cursor);
    }
    return;
  }
  throw new RangeError('this edit cannot be tracked');
}

/**
 * Tracks the difference block by block (block-diff.ts): blocks the edit kept (same id) stay, only
 * what changed in them is tracked; returns false when no such plan fits the schema.
 */
function trackBlockEdits(out: Transaction, ctx: TrackContext, target: Node, head: number | undefined): boolean {
  const plan = planBlockEdits(out.doc, target, head);
  if (!plan) return false;
  // Where the untracked edit left the cursor, if it is in content this plan inserts: placed there,
  // then carried through the edits applied after (the ones before it in the document).
  let cursor: { pos: number; steps: number } | null = null;
  for (const edit of plan) {
    if (edit.kind === 'delete') {
      markDeleted(out, ctx, edit.from, edit.to);
    } else if (edit.kind === 'insert') {
      const fresh = finalFragment(Fragment.fromArray(edit.nodes), 0, 0);
      const inserted = fresh.size > 0 ? insertTracked(out, ctx, edit.at, new Slice(fresh, 0, 0), null) : null;
      if (inserted && head !== undefined && head >= edit.newFrom && head <= edit.newTo) {
        const pos = placedInside(inserted, edit.newTo - edit.newFrom, head - edit.newFrom);
        if (pos !== null) cursor = { pos, steps: out.mapping.maps.length };
      }
    } else {
      trackReplace(out, ctx, edit.from, edit.to, edit.slice);
      if (head !== undefined && head >= edit.newFrom && head <= edit.newTo) cursor = { pos: out.selection.head, steps: out.mapping.maps.length };
    }
  }
  if (cursor) placeCursor(out, out.mapping.slice(cursor.steps).map(cursor.pos));
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
