/**
 * A sub-item deleted as a delegate deletes it (its text selected and deleted, then Backspace at its
 * start, joining it to the item before: issue 15) goes through Word and back unchanged. Word's
 * markup holds the label and text of that item deleted and the previous paragraph's mark deleted,
 * the item's own paragraph mark kept: read back, the deleted label still says where the item stands
 * (before, it came back as text, "iv) d'une…", in the original view).
 */
import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { structureKeymap } from '../../shared/editing/index.js';
import { exportDocx, writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { apply, at, trackedSession } from '../support/review.js';

describe("Word's markup of a sub-item deleted by a join", () => {
  it('reads back with the same original and final text', async () => {
    let state = trackedSession('Fédération de Russie');
    const original = state.doc;
    // Sub-item iv) of "charge le Groupe de travail…" 1: its text selected and deleted, then joined.
    const start = at(state.doc, "d'une manifestation parallèle");
    const end = state.doc.resolve(start).end();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start, end)));
    state = apply(state, state.tr.deleteSelection());
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start)));
    expect(structureKeymap().Backspace!(state, (tr) => (state = apply(state, tr)))).toBe(true);
    expect(listChanges(state.doc).map((change) => change.kind)).toEqual(['deletion', 'deletion']);

    const marked = writeText(state.doc, { mode: 'marked' });
    expect(marked).toMatch(/\[-iv\)-\]\t\[-d'une manifestation parallèle/);
    const back = importDocx(await exportDocx(state.doc, { mode: 'markup' })).doc;
    expect(writeText(back, { mode: 'original' })).toBe(writeText(original, { mode: 'original' }));
    expect(writeText(back, { mode: 'final' })).toBe(writeText(state.doc, { mode: 'final' }));
    expect(writeText(back, { mode: 'marked' })).toBe(marked);
  });
});
