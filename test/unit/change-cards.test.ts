/**
 * Issue 15, item 11: the changes panel shows one card per user action (a new item is one
 * "Inserted item", a deleted item one "Deleted item"), says when a change is in a footnote or the
 * cover, names places in full ("décide 3 a)"), and gives each author a colour of their own.
 */
import type { Node } from 'prosemirror-model';
import { NodeSelection, TextSelection, type EditorState } from 'prosemirror-state';
import { computeLabels } from '../../shared/numbering/labels.js';
import { describe, expect, it } from 'vitest';
import { insertItemAfter, insertSection, structureKeymap } from '../../shared/editing/index.js';
import type { Command } from '../../shared/editing/context.js';
import { changeCards, listChanges } from '../../shared/tracking/changes.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { reviewChanges } from '../../shared/tracking/changes.js';
import { changeRows } from '../../renderer/panels/change-rows.js';
import { AuthorColours, PALETTE_SIZE } from '../../renderer/editor/author-colours.js';
import { createEditorState, insertFootnoteAndEdit } from '../../renderer/editor/create-editor.js';
import { apply, asAuthor, at, trackedSession, typeAt } from '../support/review.js';
import { contributionC26_93 } from '../support/docx-fixtures.js';

const UTC = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const KEYS = structureKeymap();

function press(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = apply(state, tr)))).toBe(true);
  return next;
}

function caretAt(state: EditorState, pos: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

const cards = (doc: Node) => changeRows(changeCards(doc), UTC).map((r) => [r.what, r.where, r.excerpt]);

/** The end of the item text that holds `text`. */
function endOfParagraph(state: EditorState, text: string): number {
  return state.doc.resolve(at(state.doc, text)).end();
}

describe('one card per user action', () => {
  it('Enter at the end of an item and typing: one "Inserted item"; accept or reject takes it whole', () => {
    let state = trackedSession('Marie');
    state = press(caretAt(state, endOfParagraph(state, 'de mettre à jour régulièrement')), KEYS.Enter!);
    state = typeAt(state, state.selection.head, 'de publier un rapport annuel;');
    expect(listChanges(state.doc).length).toBeGreaterThan(1);
    expect(cards(state.doc)).toEqual([['Inserted item', 'charge le Secrétaire général 2', 'de publier un rapport annuel;']]);
    const card = changeRows(changeCards(state.doc), UTC)[0]!;
    const accepted = state.apply(reviewChanges(state, 'accept', { ids: card.ids })!);
    expect(listChanges(accepted.doc)).toEqual([]);
    expect(accepted.doc.eq(acceptAll(state.doc))).toBe(true);
    const rejected = state.apply(reviewChanges(state, 'reject', { ids: card.ids })!);
    expect(rejected.doc.eq(rejectAll(state.doc))).toBe(true);
  });

  it("an item's text deleted and Backspace at its start: one Deleted item", () => {
    let state = trackedSession('Marie');
    // The second item of "charge le Secrétaire général" (Backspace never joins across a section's edge).
    const start = at(state.doc, 'de veiller à ce que les activités');
    const end = endOfParagraph(state, 'de veiller à ce que les activités');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start, end)));
    state = press(state, (s, d) => (d?.(s.tr.deleteSelection()), true));
    state = press(caretAt(state, start), KEYS.Backspace!);
    const rows = cards(state.doc);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual(['Deleted item', 'charge le Secrétaire général 2']);
    expect(rows[0]![2]).toMatch(/^de veiller à ce que les activités/);
  });

  it("+ Item (or + Section) and typing in the new block: one change, the block's; another author typing there is another", () => {
    for (const command of [insertItemAfter, insertSection('operative', 'décide en outre')]) {
      const original = trackedSession('Marie');
      let state = press(caretAt(original, endOfParagraph(original, 'de mettre à jour régulièrement')), command);
      state = typeAt(state, state.selection.head, 'de publier');
      state = typeAt(state, state.selection.head, ' un rapport;');
      // The text belongs to the inserted block: one change id, one card, rejected and accepted whole.
      expect(listChanges(state.doc)).toHaveLength(1);
      expect(cards(state.doc)).toHaveLength(1);
      expect(cards(state.doc)[0]![0]).toMatch(/^Inserted (item|section)$/);
      expect(rejectAll(state.doc).eq(original.doc)).toBe(true);
      expect(acceptAll(state.doc).textContent).toContain('de publier un rapport;');
      // Another author's words in that block are their own change.
      state = typeAt(asAuthor(state, 'Pierre'), at(state.doc, 'un rapport;'), 'bref ');
      expect(listChanges(state.doc).map((change) => change.author)).toEqual(['Marie', 'Pierre']);
    }
  });

  it('Enter in the middle of an item stays a paragraph split (the text after it is not new)', () => {
    let state = trackedSession('Marie');
    state = press(caretAt(state, at(state.doc, 'régulièrement')), KEYS.Enter!);
    expect(cards(state.doc).map(([what]) => what)).toEqual(['Paragraph split']);
  });
});

describe('places in full, footnotes and the cover', () => {
  it("a sub-item is named with its parent's label", () => {
    let state = trackedSession('Marie');
    // "décide" 3 of Resolution 1332 has sub-items; type in its second one.
    let sub = -1;
    state.doc.descendants((node, pos) => {
      if (sub < 0 && node.type.name === 'item_list' && state.doc.resolve(pos).depth > 3) sub = pos + 1 + node.child(0).nodeSize;
      return sub < 0;
    });
    state = typeAt(state, sub + 2, 'nouveau ');
    const $sub = state.doc.resolve(sub + 2);
    const labels = computeLabels(state.doc).items;
    const section = $sub.node(2).firstChild!.textContent;
    const expected = `${section} ${labels.get($sub.node(4).attrs.id as string)} ${labels.get($sub.node(6).attrs.id as string)}`;
    expect(expected.split(' ').length).toBeGreaterThanOrEqual(3);
    expect(cards(state.doc)).toEqual([['Inserted', expected, 'nouveau ']]);
  });

  it('a change in a footnote says so, with the footnote number and where it stands', () => {
    let state = trackedSession('Marie');
    const pos = endOfParagraph(state, 'de mettre à jour régulièrement');
    state = press(caretAt(state, pos), insertFootnoteAndEdit);
    // The new footnote is selected (which opens its editor), with tracking on as off.
    expect(state.selection).toBeInstanceOf(NodeSelection);
    expect(state.doc.nodeAt(state.selection.from)?.type.name).toBe('footnote');
    const footnote = state.selection.from;
    state = typeAt(state, footnote + 1, 'Voir la Résolution 140');
    const number = computeLabels(state.doc).footnotes.get(state.doc.nodeAt(footnote)!.attrs.id as string);
    const rows = changeRows(changeCards(state.doc), UTC);
    expect(rows.map((r) => [r.what, r.where])).toEqual([['Inserted footnote', `Footnote ${number} (charge le Secrétaire général 1)`]]);
    expect(rows[0]!.excerpt).toBe('Voir la Résolution 140');
  });

  it("an inserted phrase with a footnote in it: the excerpt shows the footnote's marker, not its text", () => {
    // The C26/93 proposal: "… Résolution 80/173" + a footnote "Voir le Document C26/59." + ";".
    let state = trackedSession('Marie');
    const end = endOfParagraph(state, 'de mettre à jour régulièrement');
    state = typeAt(state, end, ' et la Résolution 80/173');
    state = press(caretAt(state, state.selection.head), insertFootnoteAndEdit);
    const footnote = state.selection.from;
    state = typeAt(state, footnote + 1, 'Voir le Document C26/59.');
    state = typeAt(state, footnote + state.doc.nodeAt(footnote)!.nodeSize, ';');
    const number = computeLabels(state.doc).footnotes.get(state.doc.nodeAt(footnote)!.attrs.id as string);
    const excerpts = changeRows(changeCards(state.doc), UTC).map((r) => r.excerpt);
    // No card runs the footnote's text into the body text around it.
    expect(excerpts.filter((e) => e.includes('80/173') || e.includes(';'))).toEqual([` et la Résolution 80/173[${number}];`]);
    // The footnote's own card (if it has one) reads its text.
    for (const excerpt of excerpts) if (excerpt.includes('C26/59')) expect(excerpt).toBe('Voir le Document C26/59.');
  });

  it("a deleted item holding a footnote: the excerpt shows the footnote's marker", () => {
    let state = trackedSession('Marie');
    const pos = at(state.doc, 'de mettre à jour régulièrement') + 'de mettre à jour'.length;
    const untracked = createEditorState(state.doc, { author: 'Marie', tracking: false });
    let plain = press(caretAt(untracked, pos), insertFootnoteAndEdit);
    plain = typeAt(plain, plain.selection.from + 1, 'Voir le Document C26/59.');
    state = createEditorState(plain.doc, { author: 'Marie', tracking: true });
    let note = -1;
    state.doc.descendants((node, p) => {
      if (node.type.name === 'footnote' && node.textContent === 'Voir le Document C26/59.') note = p;
      return note < 0;
    });
    const $note = state.doc.resolve(note);
    const item = $note.before($note.depth - 1);
    expect(state.doc.nodeAt(item)?.type.name).toBe('item');
    state = apply(state, state.tr.delete(item, item + state.doc.nodeAt(item)!.nodeSize));
    const excerpts = changeRows(changeCards(state.doc), UTC).map((r) => r.excerpt);
    expect(excerpts.some((e) => /^de mettre à jour\[\d+\] régulièrement/.test(e))).toBe(true);
    expect(excerpts.some((e) => e.includes('C26/59'))).toBe(false);
  });

  it('a change in the cover says which field', () => {
    let state = createEditorState(contributionC26_93(), { author: 'Marie', tracking: true });
    state = state.apply(state.tr.setDocAttribute('trackingScope', 'document'));
    const mine = (doc: Node) =>
      changeRows(changeCards(doc), UTC)
        .filter((r) => r.author === 'Marie')
        .map((r) => [r.what, r.where, r.excerpt]);
    state = typeAt(state, at(state.doc, 'Conseil 2026', true), ' (révisé)');
    expect(mine(state.doc)).toEqual([['Inserted', 'Cover: session', ' (révisé)']]);
    state = typeAt(state, at(state.doc, 'Genève', true), ',');
    expect(mine(state.doc).map(([, where]) => where)).toEqual(['Cover: session', 'Cover: place and dates']);
  });
});

describe('author colours', () => {
  it('each author a colour of their own, the same in the panel every time', () => {
    const colours = new AuthorColours();
    const names = Array.from({ length: PALETTE_SIZE }, (_, i) => `Author ${i}`);
    const given = names.map((name) => colours.of(name));
    expect(new Set(given).size).toBe(PALETTE_SIZE);
    expect(names.map((name) => colours.of(name))).toEqual(given);

    let state = trackedSession('Marie');
    state = typeAt(state, at(state.doc, 'de mettre à jour régulièrement'), 'A ');
    state = asAuthor(state, 'Jean');
    state = typeAt(state, at(state.doc, 'principal'), 'B ');
    const rows = changeRows(changeCards(state.doc), UTC, new AuthorColours());
    expect(rows.map((r) => r.author)).toEqual(['Jean', 'Marie']);
    expect(rows[0]!.colour).not.toBe(rows[1]!.colour);
  });
});
