/**
 * Tab and Shift-Tab: demote an item into a sub-item of the previous item, promote a sub-item
 * into an item of the parent list. Both act on the items the selection touches, with their
 * children, and keep the text in document order.
 */
import { Fragment, Slice, type NodeRange, type ResolvedPos } from 'prosemirror-model';
import { ReplaceAroundStep, liftTarget } from 'prosemirror-transform';
import { newId } from '../model/index.js';
import { countsIn } from '../numbering/index.js';
import { naturalSubListStyle } from './list-style.js';
import { finish, types, type Command } from './context.js';

/** The items the selection touches, as a range inside their common list. */
function itemRange($from: ResolvedPos, $to: ResolvedPos): NodeRange | null {
  return $from.blockRange($to, (node) => node.type === types.itemList);
}

/**
 * Demote: the items become the last sub-items of the previous item. If that item already ends
 * with a sub-list (one not deleted with tracking) they join it; otherwise a new sub-list is made, in the style the document uses
 * at that depth (see naturalSubListStyle). Mirrors prosemirror-schema-list's sinkListItem, which
 * would give the new list no id and the default style.
 */
export const demoteItem: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  const range = itemRange($from, $to);
  if (!range || range.startIndex === 0) return false;
  const previous = range.parent.child(range.startIndex - 1);
  // Not into an item deleted with tracking: the sub-item would go when the deletion is accepted.
  if (!countsIn(previous, 'new')) return false;
  if (dispatch) {
    // Not into a sub-list deleted with tracking either: a new sub-list goes after it.
    const joinsSubList = previous.lastChild?.type === types.itemList && countsIn(previous.lastChild, 'new');
    const slice = joinsSubList
      ? new Slice(Fragment.from(types.item.create(null, types.itemList.create(null, types.item.create()))), 3, 0)
      : new Slice(
          Fragment.from(types.item.create(null, types.itemList.create({ id: newId(), style: naturalSubListStyle($from, range.depth) }))),
          1,
          0,
        );
    const before = range.start;
    const after = range.end;
    const tr = state.tr.step(new ReplaceAroundStep(before - (joinsSubList ? 3 : 1), after, before, after, slice, 1, true));
    finish(tr, dispatch);
  }
  return true;
};

/**
 * Promote: the items leave their sub-list and become items of the parent list, right after the
 * parent item. Nothing changes place in the text: the sub-items that followed them become their
 * sub-items, and the paragraphs the parent item had after the sub-list (considérant g) of
 * Res 1332 has two) now follow the promoted item. prosemirror-schema-list's liftListItem does
 * the first part but refuses the second, so this is written out with its steps.
 */
export const promoteItem: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  let range = itemRange($from, $to);
  if (!range || range.depth < 2 || $from.node(range.depth - 1).type !== types.item) return false;
  const tr = state.tr;
  const list = range.parent;
  const listEnd = range.$to.end(range.depth);

  // 1. The following sibling items become a sub-list at the end of the last promoted item.
  if (range.end < listEnd) {
    const tail = types.item.create(null, list.type.create({ ...list.attrs, id: newId() }));
    tr.step(new ReplaceAroundStep(range.end - 1, listEnd, range.end, listEnd, new Slice(Fragment.from(tail), 1, 0), 1, true));
  }
  // 2. What the parent item holds after the sub-list moves into the last promoted item.
  const parentDepth = range.depth - 1;
  const $list = tr.doc.resolve(tr.mapping.map(range.start));
  const parentEnd = $list.end(parentDepth);
  const afterList = $list.after(range.depth);
  if (afterList < parentEnd) {
    const closeItemAndList = new Slice(Fragment.from(list.type.create(null, types.item.create())), 2, 0);
    tr.step(new ReplaceAroundStep(afterList - 2, parentEnd, afterList, parentEnd, closeItemAndList, 0, true));
  }
  // 3. Lift the items out of the sub-list and the parent item.
  range = itemRange(tr.doc.resolve(tr.mapping.map($from.pos)), tr.doc.resolve(tr.mapping.map($to.pos)));
  const target = range && liftTarget(range);
  if (!range || target === null) return false;
  tr.lift(range, target);
  if (dispatch) finish(tr, dispatch);
  return true;
};
