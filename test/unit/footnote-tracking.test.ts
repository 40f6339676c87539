/**
 * Issue 15, item 1: footnotes under tracking, as in Word. + Note (Ctrl+Alt+F) selects the new
 * footnote, which opens its editor, with tracking on as off; what is typed there (the footnote
 * view replays the inner editor's steps in the document with the footnote still selected) is
 * tracked and keeps the footnote selected, so its editor stays open for the next key.
 */
import type { Node } from 'prosemirror-model';
import { NodeSelection, TextSelection, type EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createEditorState, insertFootnoteAndEdit } from '../../renderer/editor/create-editor.js';
import { contributionC26_93 } from '../support/docx-fixtures.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { setTrackingEnabled } from '../../shared/tracking/plugin.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { apply, at, trackedSession } from '../support/review.js';
import { picture } from '../support/tracking.js';

/** One key typed in the footnote's editor: its step replayed in the document, as footnote-view.ts does. */
function typeInFootnote(state: EditorState, text: string): EditorState {
  const selection = state.selection as NodeSelection;
  const footnote = selection.node;
  const tr = state.tr;
  tr.insertText(text, selection.from + 1 + footnote.content.size);
  // The inner editor's steps are mapped by the footnote's offset; the outer selection stays on the node.
  expect(tr.selection).toBeInstanceOf(NodeSelection);
  return apply(state, tr);
}

/** The text of the document without its footnotes. */
function bodyText(doc: Node): string {
  let text = '';
  doc.descendants((node) => {
    if (node.isText) text += node.text;
    return node.type.name !== 'footnote';
  });
  return text;
}

function footnotes(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'footnote') out.push(picture(node));
    return true;
  });
  return out;
}

describe('footnotes with tracking on', () => {
  for (const tracking of [true, false]) {
    it(`+ Note selects the new footnote and every key typed in it stays in it (tracking ${tracking ? 'on' : 'off'})`, () => {
      let state = trackedSession('Fédération de Russie');
      const original = state.doc;
      if (!tracking) state = state.apply(setTrackingEnabled(state, false));
      const end = state.doc.resolve(at(state.doc, 'de mettre à jour régulièrement')).end();
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
      const bodyBefore = bodyText(state.doc);
      insertFootnoteAndEdit(state, (tr) => (state = apply(state, tr)));
      expect(state.selection).toBeInstanceOf(NodeSelection);
      for (const key of 'SMSI+20 Voir la Résolution 140') {
        state = typeInFootnote(state, key);
        expect(state.selection, `after "${key}"`).toBeInstanceOf(NodeSelection);
      }
      const note = (state.selection as NodeSelection).node;
      expect(note.type.name).toBe('footnote');
      expect(note.textContent).toBe('SMSI+20 Voir la Résolution 140');
      // Nothing typed landed in the body.
      expect(bodyText(state.doc)).toBe(bodyBefore);
      if (tracking) {
        expect(footnotes(state.doc).at(-1)).toMatch(/^footnote\{\+\}\("\[\+SMSI\+20 Voir la Résolution 140\+\]"\)$/);
        expect(listChanges(state.doc).every((c) => c.author === 'Fédération de Russie')).toBe(true);
        expect(rejectAll(state.doc).eq(original)).toBe(true);
        expect(footnotes(acceptAll(state.doc)).at(-1)).toBe('footnote("SMSI+20 Voir la Résolution 140")');
      }
    });
  }

  it('editing an existing footnote under tracking keeps it selected and tracks the words', () => {
    let state = trackedSession('Fédération de Russie');
    let pos = -1;
    state.doc.descendants((node, at) => {
      if (pos < 0 && node.type.name === 'footnote') pos = at;
      return pos < 0;
    });
    expect(pos).toBeGreaterThan(0);
    state = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, pos)));
    for (const key of ' (révisée)') state = typeInFootnote(state, key);
    expect(state.selection).toBeInstanceOf(NodeSelection);
    expect(picture((state.selection as NodeSelection).node)).toMatch(/\[\+ \(révisée\)\+\]"\)$/);
  });
});

describe('+ Note over a selection across paragraphs, tracked (found by the UI-level property test, seeds 17 and 18)', () => {
  it('leaves the new footnote selected, so its editor opens and what is typed goes into it', () => {
    const base = contributionC26_93();
    const doc = base.type.create({ ...base.attrs, trackingScope: 'document', trackChanges: true }, base.content);
    for (const tracking of [false, true]) {
      let state = createEditorState(doc, { author: 'Marie', tracking });
      // From inside the adoption line into the title: the tracker re-inserts both lines (fresh ids).
      const from = at(state.doc, '(adoptée') + 7;
      const to = at(state.doc, "Rôle de l'UIT dans la mise") + 3;
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
      expect(insertFootnoteAndEdit(state, (tr) => (state = apply(state, tr)))).toBe(true);
      expect(state.selection, `tracking ${tracking}`).toBeInstanceOf(NodeSelection);
      const note = (state.selection as NodeSelection).node;
      expect(note.type.name).toBe('footnote');
      expect(note.content.size).toBe(0);
      if (tracking) expect(rejectAll(state.doc).eq(rejectAll(doc))).toBe(true);
    }
  });
});
