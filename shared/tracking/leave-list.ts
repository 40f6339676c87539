/**
 * Enter in the empty item the author's own Enter just made (a word processor's "leave the list"):
 * the empty sub-item is promoted to the parent list, and the sub-items after it become its
 * sub-items (shared/editing's promoteItem, Word's outdent of the empty paragraph); in a list of
 * the body or an annex, the empty item becomes a paragraph and the items after it a list of their
 * own.
 *
 * Tracked block by block, that reshaping struck every following item and inserted it again
 * where it went: many cards for one keystroke, on text the author never touched. Word records
 * it as what it is: the paragraph mark the first Enter inserted, ending the paragraph before the
 * new one; the paragraphs after it keep their text and their own marks. So does this: the edit's
 * structure is taken as it is and the textblock before the new item carries the author's inserted
 * paragraph mark. Rejecting that mark joins the empty item back into the paragraph it came from,
 * which puts the following sub-items back where they were; accepting it keeps the new item.
 *
 * Only used when it provably holds: the result is checked against both oracles (everything
 * rejected gives what rejecting gave before the edit, everything accepted what the plain edit
 * gives), else the caller tracks the edit block by block as before.
 */
import { Mark, type Node } from 'prosemirror-model';
import { Selection, type EditorState, type Transaction } from 'prosemirror-state';
import { blockChange, blockChangeOf, blockDeletion, paragraphMark } from './attrs.js';
import { enclosing, textblockJustBefore, type TrackContext } from './marking.js';
import { acceptAll, rejectAll } from './review.js';

/** Applies to `out` the tracked form of `tr` described above and returns true, or changes nothing and returns false. */
export function trackLeavingOwnItem(out: Transaction, ctx: TrackContext, state: EditorState, tr: Transaction): boolean {
  const before = ownEmptyItem(state, ctx);
  if (!before) return false;
  // Where the edit left the caret: the empty new paragraph, now an item of the parent list (a
  // promoted sub-item) or a paragraph between two halves of a list (in the body or an annex).
  const $head = tr.selection.$head;
  if (!tr.selection.empty || !$head.parent.isTextblock || $head.parent.content.size > 0 || $head.depth < 1) return false;
  const inItem = $head.parent.type.name === 'item_text' && $head.index(-1) === 0;
  if (!inItem && $head.parent.type.name !== 'paragraph') return false;
  const textPos = $head.before();
  const head = textblockJustBefore(tr.doc, textPos);
  if (head === null) return false;
  const candidate = state.tr;
  for (const step of tr.steps) if (candidate.maybeStep(step).failed) return false;
  // The new paragraph is the tail of the split: no block change of its own; it keeps the paragraph
  // mark the head had before the split (the one that survives a join).
  // (An item another author inserted keeps that insertion: the tail split off it is part of it.)
  const blockPos = inItem ? $head.before(-1) : textPos;
  if (ctx.ownInsertion(blockChange(candidate.doc.nodeAt(blockPos)!))) candidate.setNodeAttribute(blockPos, 'change', null);
  candidate.setNodeAttribute(textPos, 'paragraphMark', before.tailMark);
  keepListId(candidate, state.selection.$from.node(-2), inItem ? $head.before(-1) : -1);
  candidate.setNodeAttribute(head, 'paragraphMark', before.splitMark ?? blockChangeOf('insertion', ctx.insertion));
  // Rejected, ids and all (a block back under another id would lose its references and changes);
  // accepted, ids aside (the edit's new blocks have fresh ones either way).
  if (!rejectAll(candidate.doc).eq(rejectAll(state.doc)) || !sameButIds(acceptAll(candidate.doc), acceptAll(tr.doc))) return false;
  for (const step of candidate.steps) out.step(step);
  out.setSelection(Selection.near(out.doc.resolve(textPos + 1)));
  return true;
}

interface OwnEmptyItem {
  /** The author's inserted paragraph mark of the textblock before, when the item is the tail of a split. */
  splitMark: ReturnType<typeof paragraphMark>;
  /** The paragraph mark the new item's text carries for the paragraph it was split from. */
  tailMark: ReturnType<typeof paragraphMark>;
}

/**
 * The empty item the cursor is in, when it holds nothing of the original: inserted by the author
 * (a new first sub-item) or the tail of the author's pending split (Enter at the end of an item).
 */
function ownEmptyItem(state: EditorState, ctx: TrackContext): OwnEmptyItem | null {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== 'item_text' || $from.parent.content.size > 0 || $from.depth < 2) return null;
  const item = $from.node(-1);
  if (item.type.name !== 'item' || item.childCount !== 1 || blockDeletion(item)) return null;
  const tailMark = paragraphMark($from.parent);
  const change = blockChange(item);
  const head = textblockJustBefore(state.doc, $from.before(-1));
  const headMark = head === null ? null : paragraphMark(state.doc.nodeAt(head)!);
  // An item the author inserted (a new first sub-item): the head gets an inserted mark of its own.
  if (ctx.ownInsertion(change)) return head !== null && !headMark ? { splitMark: null, tailMark: null } : null;
  if (!ctx.ownInsertion(headMark)) return null;
  // The tail of the author's split: split off an item another author inserted, it is part of that
  // insertion (the item before it carries the same change).
  if (change && (change.kind !== 'insertion' || blockChange(enclosing(state.doc.resolve(head! + 1), item.type) ?? item)?.id !== change.id))
    return null;
  return { splitMark: headMark, tailMark };
}

/**
 * The items that followed the empty one went into a new list under it; when the list they were in
 * is gone (the empty item was its first: the edit lifted it out), the new list is that list, and
 * takes its id back, so that rejecting the split gives the original list, id and all.
 */
function keepListId(candidate: Transaction, list: Node, itemPos: number): void {
  const item = itemPos >= 0 ? candidate.doc.nodeAt(itemPos) : null;
  const followers = item?.maybeChild(1);
  if (!item || followers?.type !== list.type || followers.attrs.id === list.attrs.id) return;
  let present = false;
  candidate.doc.descendants((node) => {
    if (node.attrs.id === list.attrs.id) present = true;
    return !present && !node.isTextblock;
  });
  if (!present) candidate.setNodeAttribute(itemPos + 1 + item.child(0).nodeSize, 'id', list.attrs.id);
}

/** Equal documents but for block ids. */
function sameButIds(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.childCount !== b.childCount || !Mark.sameSet(a.marks, b.marks)) return false;
  if (a.isText) return a.text === b.text;
  const { id: _a, ...attrsA } = a.attrs;
  const { id: _b, ...attrsB } = b.attrs;
  if (JSON.stringify(attrsA) !== JSON.stringify(attrsB)) return false;
  for (let i = 0; i < a.childCount; i++) if (!sameButIds(a.child(i), b.child(i))) return false;
  return true;
}
