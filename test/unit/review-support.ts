/**
 * A tracked editing session on Resolution 1332 for the review tests: the editor's own plugins
 * (numbering, labels, tracking, history), edits routed through tracking as the view routes them.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { createEditorState } from '../../renderer/editor/create-editor.js';
import { trackIfEnabled, trackingKey, type TrackingMeta } from '../../shared/tracking/index.js';
import { fixture } from './tracking-documents.js';

export const RES_1332 = 'council-res-1332-c24.txt';

export function trackedSession(author: string): EditorState {
  return createEditorState(fixture(RES_1332), { author, tracking: true });
}

/** Applies `tr` as the editor's dispatch does: tracked when tracking is on. */
export function apply(state: EditorState, tr: Transaction): EditorState {
  return state.apply(trackIfEnabled(state, tr));
}

export function asAuthor(state: EditorState, name: string): EditorState {
  return state.apply(state.tr.setMeta(trackingKey, { author: { name } } satisfies TrackingMeta));
}

/** The position of `text` (its first character, or just after it with `after`) in the document. */
export function at(doc: Node, text: string, after = false): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + (after ? text.length : 0);
    return true;
  });
  if (found < 0) throw new Error(`text not found: ${text}`);
  return found;
}

/** Types `text` at a position, as a keystroke run does. */
export function typeAt(state: EditorState, pos: number, text: string): EditorState {
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  return apply(placed, placed.tr.insertText(text));
}

/** Deletes the first occurrence of `text`, as a selection and Backspace do. */
export function deleteText(state: EditorState, text: string): EditorState {
  const from = at(state.doc, text);
  return apply(state, state.tr.delete(from, from + text.length));
}
