/**
 * Alt-Up / Alt-Down: the current item, with its continuations and sub-lists, changes place with
 * its previous / next sibling. The moved item keeps its id (it is the same item, elsewhere);
 * the labels of both follow from their new positions.
 */
import { TextSelection } from 'prosemirror-state';
import { finish, itemAt, type Command } from './context.js';

function moveItem(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    const context = itemAt($from);
    if (!context) return false;
    // The whole selection must stay inside the item being moved.
    const itemEnd = context.pos + context.item.nodeSize;
    if ($to.pos > itemEnd) return false;
    const siblingIndex = context.index + direction;
    if (siblingIndex < 0 || siblingIndex >= context.list.childCount) return false;
    if (dispatch) {
      const sibling = context.list.child(siblingIndex);
      const tr = state.tr.delete(context.pos, itemEnd);
      // Before the previous sibling, or after the next one (which now starts where the item did).
      const target = direction < 0 ? context.pos - sibling.nodeSize : context.pos + sibling.nodeSize;
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
