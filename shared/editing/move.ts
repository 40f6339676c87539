/**
 * Alt-Up / Alt-Down: the current item, with its continuations and sub-lists, changes place with
 * its previous / next sibling. The moved item keeps its id (it is the same item, elsewhere);
 * the labels of both follow from their new positions.
 *
 * A sibling struck through by a pending tracked deletion is not in the new text: the item moves
 * past it to the next sibling that is, or Alt-Up after a tracked move would seem to do nothing.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { blockChange, blockDeletion } from '../tracking/index.js';
import { finish, itemAt, type Command } from './context.js';

function struck(item: Node): boolean {
  return blockChange(item)?.kind === 'deletion' || blockDeletion(item) !== null;
}

function moveItem(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    const context = itemAt($from);
    if (!context) return false;
    // The whole selection must stay inside the item being moved.
    const itemEnd = context.pos + context.item.nodeSize;
    if ($to.pos > itemEnd) return false;
    const { list } = context;
    let siblingIndex = context.index + direction;
    while (siblingIndex >= 0 && siblingIndex < list.childCount && struck(list.child(siblingIndex))) siblingIndex += direction;
    if (siblingIndex < 0 || siblingIndex >= list.childCount) return false;
    if (dispatch) {
      // What the item passes over: the sibling and the struck items between them.
      let passed = 0;
      for (let i = Math.min(siblingIndex, context.index + 1); i <= Math.max(siblingIndex, context.index - 1); i++) passed += list.child(i).nodeSize;
      const tr = state.tr.delete(context.pos, itemEnd);
      // Before the previous sibling, or after the next one (which now starts where the item did).
      const target = direction < 0 ? context.pos - passed : context.pos + passed;
      tr.insert(target, context.item);
      const shift = target - context.pos;
      tr.setSelection(TextSelection.between(tr.doc.resolve($from.pos + shift), tr.doc.resolve($to.pos + shift)));
      finish(tr, dispatch);
    }
    return true;
  };
}

export const moveItemUp: Command = moveItem(-1);
export const moveItemDown: Command = moveItem(1);
