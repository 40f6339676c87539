/** The changes list of the panels' store: computed only while the panel is shown, once per document. */
import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { listChanges } from '../../shared/tracking/changes.js';
import { EditorStore, currentChangeKey } from '../../renderer/store.js';
import { at, deleteText, trackedSession, typeAt } from './review-support.js';

describe('the changes in the store', () => {
  it('are listed only while the panel is shown, and recomputed only when the document changed', () => {
    const store = new EditorStore(10_000);
    let state = deleteText(trackedSession('Marie'), 'principal ');
    store.refresh(state);
    expect(store.getSnapshot().changes).toBeNull();
    store.setChangesVisible(true, state);
    const first = store.getSnapshot().changes;
    expect(first?.map((c) => c.excerpt)).toEqual(['principal ']);
    // A selection move keeps the same list object (the panel does not re-render its rows).
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state.doc, 'aux côtés'))));
    store.refresh(state);
    expect(store.getSnapshot().changes).toBe(first);
    state = typeAt(state, at(state.doc, "de l'Agenda de Tunis;", true) - 1, ' et de Genève');
    store.refresh(state);
    expect(store.getSnapshot().changes?.map((c) => c.excerpt)).toEqual(['principal ', ' et de Genève']);
    store.setChangesVisible(false, state);
    expect(store.getSnapshot().changes).toBeNull();
  });

  it('know the change at the cursor, by id and kind', () => {
    const start = trackedSession('Marie');
    const state = typeAt(start, at(start.doc, "de l'Agenda de Tunis;", true) - 1, ' et de Genève');
    const changes = listChanges(state.doc);
    const [insertion] = changes;
    expect(currentChangeKey(changes, state.selection.head)).toBe(`${insertion!.id}:insertion`);
    expect(currentChangeKey(changes, insertion!.from - 10)).toBeNull();
    expect(currentChangeKey(null, state.selection.head)).toBeNull();
  });
});
