/**
 * Enter and Shift-Enter inside items, as a word-processor user expects them.
 *
 * - Enter at the end of an item (the end of its last paragraph) makes a new empty item after it.
 * - Enter at the end of an item's labelled text that is followed by its sub-list makes a new
 *   first sub-item (the place the cursor shows), as outliners do.
 * - Enter anywhere else in the item's labelled text splits the item there; what followed the
 *   cursor (the rest of the text, continuations, sub-lists) moves to the new item, as in Word,
 *   where the paragraphs after a numbered paragraph stay below it.
 * - Enter in the middle of a continuation splits the continuation (a new unlabelled paragraph).
 * - Enter in an empty item leaves the list (see `leaveList`).
 * - Enter in an item struck out as a tracked deletion makes a new empty item after it (see
 *   `newItemAfterDeleted`): the struck item is not split, and nothing new is born deleted.
 * - Shift-Enter starts a continuation paragraph inside the item.
 *
 * Splits are real `split` steps, so a tracked-changes layer sees an inserted paragraph mark.
 */
import { splitListItem } from 'prosemirror-schema-list';
import { Fragment, Slice, type ResolvedPos } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { newId } from '../model/index.js';
import { countsIn } from '../numbering/index.js';
import type { SectionKind } from '../schema/index.js';
import { defaultListStyle } from './list-style.js';
import { promoteItem } from './indent.js';
import { emptyItem, finish, inItemTextblock, isEmptyItem, itemAt, types, type Command } from './context.js';

export const splitItem: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  if (!(state.selection instanceof TextSelection) || !$from.sameParent($to) || !inItemTextblock($from)) return false;
  const context = itemAt($from)!;
  const deleted = deletedItemAround($from);
  if (deleted !== null) return newItemAfterDeleted(deleted)(state, dispatch);
  if (isEmptyItem(context.item)) return leaveList(state, dispatch);

  const textblock = $from.parent;
  const isLastChild = $from.index(-1) === context.item.childCount - 1;
  const atEnd = $to.pos === $from.end();

  if (textblock.type === types.continuation && !(atEnd && isLastChild)) {
    // A new paragraph inside the item, with the same indent.
    if (dispatch) {
      const tr = state.tr.delete($from.pos, $to.pos);
      tr.split(tr.mapping.map($from.pos), 1, [
        { type: types.continuation, attrs: { id: newId(), indent: textblock.attrs.indent as number } },
      ]);
      finish(tr, dispatch);
    }
    return true;
  }

  if (textblock.type === types.continuation && textblock.content.size === 0) {
    // An empty last continuation (Shift-Enter then Enter): it becomes the new item instead.
    if (dispatch) {
      const tr = state.tr.delete($from.before(), $from.after());
      const at = tr.mapping.map(context.pos + context.item.nodeSize);
      tr.insert(at, emptyItem(newId));
      tr.setSelection(TextSelection.create(tr.doc, at + 2));
      finish(tr, dispatch);
    }
    return true;
  }

  if (textblock.type === types.itemText && atEnd && context.item.maybeChild(1)?.type === types.itemList) {
    // The end of `3 d'utiliser …:` right above its a. b.: the new item is the first sub-item,
    // where the cursor visually is, rather than an empty 4 that would carry a. b. away.
    if (dispatch) {
      const tr = state.tr.delete($from.pos, $to.pos);
      const at = tr.mapping.map($from.after()) + 1;
      tr.insert(at, emptyItem(newId));
      tr.setSelection(TextSelection.create(tr.doc, at + 2));
      finish(tr, dispatch);
    }
    return true;
  }

  // The labelled text, or the end of the item's last continuation: the library's split, with a
  // fresh id for the new item.
  return splitListItem(types.item, { id: newId(), change: null })(state, dispatch && ((tr) => finish(tr, dispatch)));
};

/**
 * The position of the outermost item or list around `$pos` that is struck out as a tracked
 * deletion (it and what it holds go when the deletion is accepted), or null.
 */
function deletedItemAround($pos: ResolvedPos): number | null {
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth);
    if ((node.type === types.item || node.type === types.itemList) && !countsIn(node, 'new')) return $pos.before(depth);
  }
  return null;
}

/**
 * Enter in an item struck out as a tracked deletion, wherever the cursor is in it: a new empty
 * item right after it (after a struck sub-list, in a new list of its own), the cursor in it.
 * Splitting the struck item would give a new item that is deleted before anything is typed in it
 * (or bring the struck text after the cursor back to life); Word's new paragraph in deleted text
 * is a live one, and what is typed there is an insertion. Under tracking, the new item is one
 * inserted item.
 */
function newItemAfterDeleted(pos: number): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const deleted = state.doc.nodeAt(pos)!;
      const at = pos + deleted.nodeSize;
      const item = emptyItem(newId);
      const tr =
        deleted.type === types.item
          ? state.tr.insert(at, item)
          : state.tr.insert(at, types.itemList.create({ id: newId(), style: deleted.attrs.style as unknown }, item));
      tr.setSelection(TextSelection.create(tr.doc, at + (deleted.type === types.item ? 2 : 3)));
      finish(tr, dispatch);
    }
    return true;
  };
}

/**
 * Enter in an empty item. Right after a block struck out with tracking, it stays as it is. A
 * sub-item is promoted to the parent list. In a section, the empty
 * last item starts a new section after this one (the cursor goes to its keyword line, as when a
 * Word user stops the numbering to type `décide`); an empty item between others loses its label
 * and becomes a continuation of the previous item; the empty first item stays as it is.
 * In a list of the body or an annex, the item becomes a plain paragraph, splitting the list.
 */
export const leaveList: Command = (state, dispatch) => {
  const context = itemAt(state.selection.$from);
  if (!context || !isEmptyItem(context.item)) return false;
  // Right after a block struck out with tracking (Enter in a struck item made this one) there is no
  // live item to continue, and promoting would carry what follows past the struck block: the empty
  // item stays, ready to be typed in.
  const before = context.index > 0 ? context.list.child(context.index - 1) : state.doc.resolve(context.listPos).nodeBefore;
  if (before && !countsIn(before, 'new')) return true;
  if (context.holder === 'item') return promoteItem(state, dispatch);
  const isLast = context.index === context.list.childCount - 1;
  const itemEnd = context.pos + context.item.nodeSize;

  if (context.holder === 'section') {
    if (context.list.childCount === 1 || context.index === 0) return true; // nothing sensible to do
    if (!dispatch) return true;
    const tr = state.tr;
    if (isLast) {
      const sectionDepth = context.depth - 2;
      const $item = state.doc.resolve(context.pos);
      const section = $item.node(sectionDepth);
      const kind = section.attrs.kind as SectionKind;
      const newSection = types.section.create({ id: newId(), kind }, [
        types.sectionKeyword.create({ id: newId() }),
        types.itemList.create({ id: newId(), style: defaultListStyle(kind) }, emptyItem(newId)),
      ]);
      tr.delete(context.pos, itemEnd);
      const at = tr.mapping.map($item.after(sectionDepth));
      tr.insert(at, newSection);
      tr.setSelection(TextSelection.create(tr.doc, at + 2));
    } else {
      const previousEnd = context.pos - 1; // inside the previous item, after its last child
      tr.delete(context.pos, itemEnd);
      tr.insert(previousEnd, types.continuation.create({ id: newId(), indent: 1 }));
      tr.setSelection(TextSelection.create(tr.doc, previousEnd + 1));
    }
    finish(tr, dispatch);
    return true;
  }

  // A list in the body or an annex: the item becomes a paragraph between the two halves.
  if (!dispatch) return true;
  const tr = state.tr;
  const paragraph = types.paragraph.create({ id: newId() });
  if (context.list.childCount === 1) {
    tr.replaceWith(context.listPos, context.listPos + context.list.nodeSize, paragraph);
    tr.setSelection(TextSelection.create(tr.doc, context.listPos + 1));
  } else if (context.index === 0) {
    tr.delete(context.pos, itemEnd);
    tr.insert(context.listPos, paragraph);
    tr.setSelection(TextSelection.create(tr.doc, context.listPos + 1));
  } else if (isLast) {
    tr.delete(context.pos, itemEnd);
    const at = tr.mapping.map(context.listPos + context.list.nodeSize);
    tr.insert(at, paragraph);
    tr.setSelection(TextSelection.create(tr.doc, at + 1));
  } else {
    // Close the list before the item and open a copy after it, around the new paragraph.
    const copy = context.list.type.create({ ...context.list.attrs, id: newId() });
    tr.replace(context.pos, itemEnd, new Slice(Fragment.from([context.list.copy(), paragraph, copy]), 1, 1));
    tr.setSelection(TextSelection.create(tr.doc, context.pos + 2));
  }
  finish(tr, dispatch);
  return true;
};

/** Shift-Enter: a continuation paragraph inside the item, starting at the cursor. */
export const insertContinuation: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  if (!(state.selection instanceof TextSelection) || !$from.sameParent($to) || !inItemTextblock($from)) return false;
  if (dispatch) {
    const indent = $from.parent.type === types.continuation ? ($from.parent.attrs.indent as number) : 1;
    const tr = state.tr.delete($from.pos, $to.pos);
    tr.split(tr.mapping.map($from.pos), 1, [{ type: types.continuation, attrs: { id: newId(), indent } }]);
    finish(tr, dispatch);
  }
  return true;
};

/**
 * Enter at the end of a section's keyword line goes to the section's first item: into it when it
 * is still empty (a section just started), else into a new empty first item.
 */
export const enterFromKeyword: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parent.type !== types.sectionKeyword || $cursor.pos !== $cursor.end()) return false;
  if (dispatch) {
    const listStart = $cursor.after() + 1; // inside the section's item_list
    const first = $cursor.node(-1).child(1).firstChild!;
    const tr = state.tr;
    if (!isEmptyItem(first)) tr.insert(listStart, emptyItem(newId));
    tr.setSelection(TextSelection.create(tr.doc, listStart + 2));
    finish(tr, dispatch);
  }
  return true;
};
