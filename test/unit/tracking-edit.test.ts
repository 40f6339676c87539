/** Explicit boundary cases of suggestion mode (issue 5), on a small resolution. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { splitListItem } from 'prosemirror-schema-list';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { deleteBlock, joinParagraph } from '../../shared/tracking/structure.js';
import { acceptChange, listChanges, nextChange, rejectChange, rejectChanges } from '../../shared/tracking/changes.js';
import { serializeDocument } from '../../shared/file/format.js';
import { run as acceptAllCommand } from '../../shared/cli/commands/accept-all.js';
import { smallResolution } from './tracking-documents.js';
import { itemTexts, picture, textPos } from './tracking-support.js';

const now = () => '2026-11-23T10:00:00.000Z';
const alice = { name: 'Alice' };
const bob = { name: 'Bob' };
const original = smallResolution();

function at(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}
function tracked(state: EditorState, tr: Transaction, who = alice): EditorState {
  const next = state.apply(trackTransaction(tr, state, who, now));
  next.doc.check();
  return next;
}
function type(state: EditorState, pos: number, text: string, who = alice): EditorState {
  const s = at(state, pos);
  return tracked(s, s.tr.insertText(text), who);
}
function remove(state: EditorState, from: number, to: number, who = alice): EditorState {
  const s = at(state, from, to);
  return tracked(s, s.tr.deleteSelection(), who);
}
const start = () => EditorState.create({ doc: original });
const item = (doc: Node, text: string) => picture(doc).match(new RegExp(`item_text[^(]*\\("[^"]*${text.replace(/[()]/g, '\\$&')}[^"]*"\\)`))?.[0];

describe('text edits', () => {
  it('typing inserts, and the next keystrokes grow the same insertion', () => {
    let s = type(start(), textPos(original, 'Résolution'), 'la ');
    s = type(s, s.selection.from, 'X');
    expect(item(s.doc, 'Résolution')).toBe('item_text("la [+la X+]Résolution 70/125;")');
    expect(listChanges(s.doc)).toHaveLength(1);
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('deleting marks as deleted; deleting the own insertion removes it for real', () => {
    const pos = textPos(original, '70/125');
    let s = remove(start(), pos, pos + 6);
    expect(item(s.doc, '70')).toBe('item_text("la Résolution [-70/125-];")');
    s = type(s, pos + 6, '80/173');
    s = remove(s, pos + 6, pos + 9);
    expect(item(s.doc, '70')).toBe('item_text("la Résolution [-70/125-][+173+];")');
  });

  it('replacing a selection is a deletion followed by an insertion', () => {
    const pos = textPos(original, 'C24');
    const s = at(start(), pos, pos + 3);
    const next = tracked(s, s.tr.insertText('C26'));
    expect(picture(next.doc)).toContain('number_line("RÉSOLUTION 1332 (C11, dernière mod. [-C24-][+C26+])")');
    expect(acceptAll(next.doc).textContent).toContain('dernière mod. C26)');
  });

  it("typing inside another author's deletion goes after it and does not resurrect it", () => {
    const pos = textPos(original, '70/125');
    let s = remove(start(), pos, pos + 6, bob);
    s = type(s, pos + 3, 'x', alice);
    expect(item(s.doc, '70')).toBe('item_text("la Résolution [-70/125-][+x+];")');
  });

  it("deleting inside another author's insertion keeps both marks: gone on accept and on reject", () => {
    const pos = textPos(original, 'Résolution');
    let s = type(start(), pos, 'nouvelle ', bob);
    s = remove(s, pos, pos + 3, alice);
    expect(item(s.doc, 'Résolution')).toBe('item_text("la [+[-nou-]+][+velle +]Résolution 70/125;")');
    expect(itemTexts(acceptAll(s.doc))[0]).toBe('la velle Résolution 70/125;');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('cut and paste of tracked text moves its final text as an insertion', () => {
    const from = textPos(original, '70/125');
    let s = type(start(), from, 'B ', bob);
    const slice = s.doc.slice(from, from + 8);
    s = remove(s, from, from + 8, alice);
    const target = textPos(s.doc, 'dernier');
    const c = at(s, target);
    s = tracked(c, c.tr.replaceSelection(slice), alice);
    expect(item(s.doc, 'dernier')).toBe('item_text("[+B 70/125+]dernier,")');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });
});

describe('structure edits', () => {
  const split = (state: EditorState, pos: number) => {
    const s = at(state, pos);
    let tr: Transaction | null = null;
    splitListItem(schema.nodes.item!)(s, (t) => (tr = t));
    return tracked(s, tr!);
  };

  it('Enter at the end of an item adds an item by an inserted paragraph mark; reject leaves no empty item', () => {
    const end = textPos(original, 'du SMSI,') + 'du SMSI,'.length;
    let s = split(start(), end);
    s = type(s, s.selection.from, 'nouveau point;');
    expect(picture(s.doc)).toContain('item(item_text{pm+}("les résultats<footnote("Note")> du SMSI,")), item(item_text("[+nouveau point;+]"))');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
    expect(itemTexts(acceptAll(s.doc)).slice(0, 3)).toEqual([...itemTexts(original).slice(0, 2), 'nouveau point;']);
  });

  it('Enter at the start of an item splits before its text; reject gives the item back with its id', () => {
    const s = split(start(), textPos(original, 'dernier'));
    expect(picture(s.doc)).toContain('item(item_text{pm+}("")), item(item_text("dernier,"))');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('Backspace at the start of an item and Delete at the end of the previous one track the same join', () => {
    const $start = original.resolve(textPos(original, 'dernier'));
    const back = joinParagraph(start(), $start, 'backward', { author: alice, now })!;
    const $end = original.resolve($start.before() - 3);
    const forward = joinParagraph(start(), $end, 'forward', { author: alice, now })!;
    expect(picture(back.doc)).toContain('continuation{pm-}("et encore")');
    expect(picture(forward.doc)).toBe(picture(back.doc));
    expect(itemTexts(acceptAll(back.doc))).toContain('que le SMSI:');
    expect(acceptAll(back.doc).textContent).toContain('et encoredernier,');
    expect(rejectAll(back.doc).eq(original)).toBe(true);
  });

  it('Delete across two items marks the text and the paragraph mark; accept joins them', () => {
    const s = remove(start(), textPos(original, '125;'), textPos(original, 'résultats'));
    expect(picture(s.doc)).toContain('item(item_text{pm-}("la Résolution 70/[-125;-]")), item(item_text("[-les -]résultats');
    expect(itemTexts(acceptAll(s.doc))[0]).toBe('la Résolution 70/résultatsNote du SMSI,'); // the footnote's text is part of textContent
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('Delete across sections deletes the keyword in between and joins the items on accept', () => {
    const s = remove(start(), textPos(original, 'dernier') + 3, textPos(original, 'un;') + 1);
    expect(picture(s.doc)).toContain('section_keyword{change-}("décide")');
    expect(acceptAll(s.doc).textContent).toContain('dern;');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('deleting a whole section marks the section deleted; accept removes it, reject restores it', () => {
    let sectionPos = -1;
    original.descendants((node, pos) => {
      if (node.type.name === 'section' && node.textContent.startsWith('considérant')) sectionPos = pos;
      return true;
    });
    const tr = deleteBlock(start(), sectionPos, { author: alice, now });
    expect(picture(tr.doc)).toContain('section{change-}(section_keyword("considérant")');
    expect(acceptAll(tr.doc).textContent).not.toContain('considérant');
    expect(rejectAll(tr.doc).eq(original)).toBe(true);
  });
});

describe('review of single changes', () => {
  it('lists changes with author, excerpt, section and label, and accepts or rejects one at a time', () => {
    let s = remove(start(), textPos(original, 'b.'), textPos(original, 'b.') + 2, bob);
    s = type(s, textPos(s.doc, 'trois'), 'encore ', alice);
    const changes = listChanges(s.doc);
    expect(changes.map((c) => [c.kind, c.author, c.excerpt, c.section, c.label])).toEqual([
      ['deletion', 'Bob', 'b.', 'décide', 'b.'],
      ['insertion', 'Alice', 'encore ', 'décide', '3'],
    ]);
    expect(nextChange(s.doc, 0)?.author).toBe('Bob');
    const accepted = s.apply(acceptChange(s, changes[0]!.id)!);
    expect(listChanges(accepted.doc).map((c) => c.author)).toEqual(['Alice']);
    const rejected = s.apply(rejectChange(s, changes[1]!.id)!);
    expect(listChanges(rejected.doc).map((c) => c.author)).toEqual(['Bob']);
    expect(s.apply(rejectChanges(s, { author: 'Bob' })!).doc.textContent).toContain('b.');
  });
});

describe('plenary accept-all / reject-all', () => {
  it('writes the final and the original text of a tracked document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-tracking-'));
    const s = type(start(), textPos(original, 'trois'), 'ajout ', alice);
    await writeFile(join(dir, 'in.plenary'), serializeDocument(s.doc));
    const err: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd: dir };
    expect(await acceptAllCommand(['in.plenary', '-o', 'final.plenary'], io)).toBe(0);
    const { run: rejectAllCommand } = await import('../../shared/cli/commands/reject-all.js');
    expect(await rejectAllCommand(['in.plenary', '-o', 'original.plenary'], io)).toBe(0);
    expect(err.join('')).toContain('1 change(s) accepted');
    const final = JSON.parse(await readFile(join(dir, 'final.plenary'), 'utf8')) as { doc: unknown };
    const back = JSON.parse(await readFile(join(dir, 'original.plenary'), 'utf8')) as { doc: unknown };
    expect(schema.nodeFromJSON(final.doc).eq(acceptAll(s.doc))).toBe(true);
    expect(schema.nodeFromJSON(back.doc).eq(original)).toBe(true);
  });
});
