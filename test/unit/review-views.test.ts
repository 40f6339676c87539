/**
 * The Markup / Final / Original views and the review commands' choice of changes, on a tracked
 * session over Resolution 1332.
 */
import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { computeLabels, numberingKey } from '../../shared/numbering/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import {
  backToMarkup,
  changeIdsAtSelection,
  changesAtSelection,
  previewState,
  selectionOfChange,
} from '../../renderer/editor/review-view.js';
import { at, deleteText, trackedSession, typeAt } from '../support/review.js';

const TUNIS = "de l'Agenda de Tunis;";

/** Marie adds words at the end of décide 1 and deletes "principal " in it; the cursor ends after her insertion. */
function edited() {
  let state = trackedSession('Marie');
  state = deleteText(state, 'principal ');
  state = typeAt(state, at(state.doc, TUNIS, true) - 1, ' et de Genève');
  return state;
}

describe('Final and Original previews', () => {
  it('show the document with every change accepted or rejected, labelled from that document', () => {
    const markup = edited();
    const final = previewState(markup, 'final');
    const original = previewState(markup, 'original');
    expect(final.state.doc.eq(acceptAll(markup.doc))).toBe(true);
    expect(original.state.doc.eq(rejectAll(markup.doc))).toBe(true);
    expect(final.state.doc.textContent).toContain('coordonnateur dans le processus');
    expect(final.state.doc.textContent).toContain('Tunis et de Genève;');
    expect(original.state.doc.textContent).toContain('coordonnateur principal dans le processus');
    expect(original.state.doc.textContent).not.toContain('et de Genève');
    // The labels plugin of the preview numbers the resolved document itself.
    const labels = numberingKey.getState(final.state)!.labels;
    expect([...labels.items.values()]).toEqual([...computeLabels(final.state.doc).items.values()]);
  });

  it('put the cursor at the same place in the previewed text', () => {
    const markup = edited();
    expect(markup.doc.textBetween(markup.selection.head - 13, markup.selection.head)).toBe(' et de Genève');
    const final = previewState(markup, 'final');
    const head = final.state.selection.head;
    expect(final.state.doc.textBetween(head - 13, head)).toBe(' et de Genève');
    // In the original, the insertion is gone: the cursor stands where it was made, before the ";".
    const original = previewState(markup, 'original');
    const $head = original.state.selection.$head;
    expect($head.parent.textContent.slice($head.parentOffset)).toBe(';');
  });

  it('are read-only: an edit of the previewed document is refused', () => {
    const preview = previewState(edited(), 'final').state;
    const after = preview.apply(preview.tr.insertText('x', preview.selection.head));
    expect(after.doc).toBe(preview.doc);
  });

  it('give back the markup state untouched, or with the cursor moved where the reader put it', () => {
    const markup = edited();
    const preview = previewState(markup, 'final');
    expect(backToMarkup(markup, preview, preview.state)).toBe(markup);
    // The reader clicks just before "coordonnateur" in the final text.
    const target = at(preview.state.doc, 'coordonnateur dans');
    const moved = preview.state.apply(preview.state.tr.setSelection(TextSelection.create(preview.state.doc, target)));
    const back = backToMarkup(markup, preview, moved);
    expect(back.doc).toBe(markup.doc);
    expect(back.selection.head).toBe(at(markup.doc, 'principal ') - 'coordonnateur '.length);
  });
});

describe('the changes a review command takes', () => {
  it('at the cursor: the change it stands in, or one ending or starting at it; none elsewhere', () => {
    const state = edited();
    const changes = listChanges(state.doc);
    const [deletion, insertion] = changes;
    expect(deletion!.kind).toBe('deletion');
    expect(insertion!.kind).toBe('insertion');
    expect(changesAtSelection(changes, insertion!.from + 3, insertion!.from + 3)).toEqual([insertion]);
    expect(changesAtSelection(changes, insertion!.to, insertion!.to)).toEqual([insertion]);
    expect(changesAtSelection(changes, deletion!.from, deletion!.from)).toEqual([deletion]);
    const elsewhere = at(state.doc, 'aux côtés de');
    expect(changesAtSelection(changes, elsewhere, elsewhere)).toEqual([]);
  });

  it('in a selection: every change it touches', () => {
    const state = edited();
    const [deletion, insertion] = listChanges(state.doc);
    expect(changeIdsAtSelection(state.doc, deletion!.from - 5, insertion!.from + 1)).toEqual([deletion!.id, insertion!.id]);
    expect(changeIdsAtSelection(state.doc, deletion!.to, insertion!.from)).toEqual([]);
  });

  it('selects a change over its text', () => {
    const state = edited();
    const [deletion] = listChanges(state.doc);
    const selection = selectionOfChange(state.doc, deletion!);
    expect(state.doc.textBetween(selection.from, selection.to)).toBe('principal ');
  });
});
