/**
 * Keys inside the cover of a Council contribution. Its fields (session, date, title, purpose…) are
 * one paragraph each, like the fields of a form: the keys that make or merge paragraphs elsewhere
 * move between fields here, as Tab does in a Word form, and never make a second field of the same
 * name (a document with one cannot be saved: shared/file/validate.ts).
 *
 * - Enter, Tab: to the end of the next field; from the last field, into the text after the cover.
 * - Shift-Tab: to the end of the previous field (in the first field, nothing moves).
 * - Backspace at the start of a field, Delete at its end: nothing (a field never merges into another).
 * Tab and Shift-Tab are always claimed in the cover: the focus must not leave the editor.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import { Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Command } from './context.js';

/** Position just before the cover field holding `$pos`, with the field and its index; null outside. */
export function coverFieldAt($pos: ResolvedPos): { field: Node; pos: number; index: number; cover: Node; coverPos: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type.name !== 'cover_field') continue;
    return {
      field: $pos.node(depth),
      pos: $pos.before(depth),
      index: $pos.index(depth - 1),
      cover: $pos.node(depth - 1),
      coverPos: $pos.before(depth - 1),
    };
  }
  return null;
}

/** Where the caret goes to type on in the field at `index` of the cover: the end of its text. */
function endOfField(cover: Node, coverPos: number, index: number): number {
  let pos = coverPos + 1;
  for (let i = 0; i < index; i++) pos += cover.child(i).nodeSize;
  return pos + cover.child(index).nodeSize - 1;
}

function moveTo(state: EditorState, selection: Selection, dispatch?: (tr: Transaction) => void): boolean {
  dispatch?.(state.tr.setSelection(selection).scrollIntoView());
  return true;
}

/** To the next field, or out of the cover into the first text after it. */
export const nextCoverField: Command = (state, dispatch) => {
  const at = coverFieldAt(state.selection.$head);
  if (!at) return false;
  if (at.index + 1 < at.cover.childCount) {
    return moveTo(state, TextSelection.create(state.doc, endOfField(at.cover, at.coverPos, at.index + 1)), dispatch);
  }
  const after = at.coverPos + at.cover.nodeSize;
  if (after >= state.doc.content.size) return true; // a cover alone: nowhere to go
  return moveTo(state, Selection.near(state.doc.resolve(after), 1), dispatch);
};

/** To the previous field; the first field keeps the caret. */
export const previousCoverField: Command = (state, dispatch) => {
  const at = coverFieldAt(state.selection.$head);
  if (!at) return false;
  if (at.index === 0) return true;
  return moveTo(state, TextSelection.create(state.doc, endOfField(at.cover, at.coverPos, at.index - 1)), dispatch);
};

/** Backspace at the start of a field, Delete at its end, with an empty selection: claimed, nothing done. */
function stopAtFieldEdge(edge: 'start' | 'end'): Command {
  return (state) => {
    const { empty, $from } = state.selection;
    if (!empty || !coverFieldAt($from)) return false;
    return edge === 'start' ? $from.parentOffset === 0 : $from.parentOffset === $from.parent.content.size;
  };
}

export function coverKeymap(): Record<string, Command> {
  return {
    Enter: nextCoverField,
    Tab: nextCoverField,
    'Shift-Tab': previousCoverField,
    Backspace: stopAtFieldEdge('start'),
    Delete: stopAtFieldEdge('end'),
  };
}
