/**
 * Backspace at the start and Delete at the end of an item's paragraph: the paragraph joins the
 * one that stands before (after) it on the page, and whatever the joined item held (its
 * continuations and sub-lists) follows its text. A join never crosses the edge of a section's
 * list: Backspace at the start of a section's first item, or Delete at the end of its last one,
 * does nothing rather than melt an item into a keyword line (an empty first item, though, is
 * removed, the cursor going back to the end of the keyword line).
 */
import { Selection, TextSelection, type EditorState } from 'prosemirror-state';
import type { ResolvedPos } from 'prosemirror-model';
import { finish, inItemTextblock, inSameOuterList, isEmptyItem, itemAt, outerListDepth, types, type Command } from './context.js';

/** Joins the textblock content at `from` (end of a textblock) with the one starting at `to`. */
function joinTextblocks(state: EditorState, from: number, to: number, dispatch?: Parameters<Command>[1]): true {
  const tr = state.tr.delete(from, to);
  // The join removes only block boundaries; if fitting the rest would drop text, do nothing
  // (and still claim the key, so that no default command does it instead).
  if (tr.doc.textContent !== state.doc.textContent) return true;
  if (dispatch) {
    tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(from, -1)));
    finish(tr, dispatch);
  }
  return true;
}

/** Whether a join should stop here rather than fall through to the default Backspace/Delete. */
function isSectionEdge($cursor: ResolvedPos): boolean {
  const depth = outerListDepth($cursor);
  return depth > 1 && $cursor.node(depth - 1).type === types.section;
}

export const mergeItemBackward: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parentOffset > 0 || !inItemTextblock($cursor)) return false;
  const previous = Selection.findFrom(state.doc.resolve($cursor.before()), -1, true);
  if (!previous || !inSameOuterList(previous.$from, $cursor)) {
    if (!isSectionEdge($cursor)) return false;
    // An empty first item (Enter at the end of the keyword line made it) goes away again.
    const context = itemAt($cursor)!;
    if (previous && isEmptyItem(context.item) && context.list.childCount > 1 && dispatch) {
      const tr = state.tr.delete(context.pos, context.pos + context.item.nodeSize);
      tr.setSelection(TextSelection.create(tr.doc, previous.from));
      finish(tr, dispatch);
    }
    return true;
  }
  return joinTextblocks(state, previous.from, $cursor.pos, dispatch);
};

export const joinItemForward: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parentOffset < $cursor.parent.content.size || !inItemTextblock($cursor)) return false;
  const next = Selection.findFrom(state.doc.resolve($cursor.after()), 1, true);
  if (!next || !inSameOuterList(next.$from, $cursor)) return isSectionEdge($cursor);
  return joinTextblocks(state, $cursor.pos, next.from, dispatch);
};
