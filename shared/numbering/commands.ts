/**
 * Inserting a cross-reference by picking an item (issue 6): the reference is a node pointing at the
 * item's id, worded by the form that suits the item's section (`considérant g)` for a preamble
 * item, `point 5 du décide` otherwise). Pure ProseMirror command, no DOM.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { languageTable } from '../languages/index.js';
import { newId } from '../model/index.js';
import { schema, type ReferenceForm } from '../schema/index.js';
import { findItem } from './locate.js';
import { keywordEntry } from './section-word.js';

export interface ReferenceOptions {
  /** Word it as pointing back (`ci-dessus`, `above`). */
  above?: boolean;
  /** Overrides the form the section suggests. */
  form?: ReferenceForm;
}

/** A reference to the item `target` at the cursor (replacing the selection); false when there is no such item. */
export function insertReference(target: string, options: ReferenceOptions = {}) {
  return (state: EditorState, dispatch?: (tr: Transaction) => void): boolean => {
    const place = findItem(state.doc, target);
    const { $from } = state.selection;
    const type = schema.nodes.cross_reference!;
    if (!place || !$from.parent.inlineContent || !$from.parent.type.contentMatch.matchType(type)) return false;
    if (dispatch) {
      const table = languageTable(state.doc.attrs.language as string);
      const preamble = place.section?.attrs.kind === 'preamble' && place.chain.length === 1;
      const reference = type.create({
        id: newId(),
        target,
        form: options.form ?? (preamble ? 'preamble-item' : 'point-of-section'),
        above: options.above ?? false,
        sectionRole: place.section ? (keywordEntry(place.section, table)?.role ?? null) : null,
      });
      dispatch(state.tr.replaceSelectionWith(reference, true).scrollIntoView());
    }
    return true;
  };
}
