/** Explicit boundary cases of suggestion mode (issue 5), on a small resolution. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { splitListItem } from 'prosemirror-schema-list';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import { deleteBlock, joinParagraph } from '../../shared/tracking/structure.js';
import { listChanges, nextChange } from '../../shared/tracking/index.js';
import { acceptChange, rejectChange, rejectChanges } from '../../shared/tracking/changes.js';
import { serializeDocument } from '../../shared/file/index.js';
import { computeLabels } from '../../shared/numbering/index.js';
import type { NumberingView } from '../../shared/numbering/labels.js';
import { run as acceptAllCommand } from '../../cli/commands/accept-all.js';
import { smallResolution } from '../support/tracking-documents.js';
import { itemTexts, picture, textPos, withoutIds } from '../support/tracking.js';
import { insertAnnex, insertFootnote, insertItemAfter, insertSection } from '../../shared/editing/index.js';
import { structureKeymap } from '../../shared/editing/index.js';
import { deleteItem } from '../../shared/editing/insert.js';
import type { Command } from '../../shared/editing/context.js';

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
const item = (doc: Node, text: string) =>
  picture(doc).match(new RegExp(`item_text[^(]*\\("[^"]*${text.replace(/[()]/g, '\\$&')}[^"]*"\\)`))?.[0];

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
    expect(picture(s.doc)).toContain(
      'item(item_text{pm+}("les résultats<footnote("Note")> du SMSI,")), item(item_text("[+nouveau point;+]"))',
    );
    expect(rejectAll(s.doc).eq(original)).toBe(true);
    expect(itemTexts(acceptAll(s.doc)).slice(0, 3)).toEqual([...itemTexts(original).slice(0, 2), 'nouveau point;']);
  });

  it('Enter at the start of an item splits before its text; reject gives the item back with its id', () => {
    const s = split(start(), textPos(original, 'dernier'));
    expect(picture(s.doc)).toContain('item(item_text{pm+}("")), item(item_text("dernier,"))');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  /** The labels of the décide items, by their text, in one numbering view ('·' for no label). */
  const decideLabels = (doc: Node, view: NumberingView): string[] => {
    const labels = computeLabels(doc, { view }).items;
    const out: string[] = [];
    doc.descendants((node) => {
      if (node.type.name === 'section' && node.firstChild!.textContent !== 'décide') return false;
      if (node.type.name !== 'item') return true;
      out.push(`${labels.get(node.attrs.id as string) ?? '·'} ${node.firstChild!.textContent}`);
      return false;
    });
    return out;
  };

  it('labels after a tracked split: the new item is numbered in the new text only, the next ones renumber', () => {
    const s = split(start(), textPos(original, 'un;') + 'un;'.length);
    expect(decideLabels(s.doc, 'new')).toEqual(['1 un;', '2 ', '3 deux:', '4 trois.']);
    expect(decideLabels(s.doc, 'original')).toEqual(['1 un;', '· ', '2 deux:', '3 trois.']);
  });

  it('labels after a tracked join: the joined item has no label of its own in the new text', () => {
    const joined = joinParagraph(start(), original.resolve(textPos(original, 'trois.')), 'backward', { author: alice, now })!;
    expect(decideLabels(joined.doc, 'new')).toEqual(['1 un;', '2 deux:', '· trois.']);
    expect(decideLabels(joined.doc, 'original')).toEqual(['1 un;', '2 deux:', '3 trois.']);
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
      ['deletion', 'Bob', 'b.', 'décide', '2 b.'],
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
    const { run: rejectAllCommand } = await import('../../cli/commands/reject-all.js');
    expect(await rejectAllCommand(['in.plenary', '-o', 'original.plenary'], io)).toBe(0);
    expect(err.join('')).toContain('1 change(s) accepted');
    const final = JSON.parse(await readFile(join(dir, 'final.plenary'), 'utf8')) as { doc: unknown };
    const back = JSON.parse(await readFile(join(dir, 'original.plenary'), 'utf8')) as { doc: unknown };
    expect(schema.nodeFromJSON(final.doc).eq(acceptAll(s.doc))).toBe(true);
    expect(schema.nodeFromJSON(back.doc).eq(original)).toBe(true);
  });
});

/**
 * The boundary cases of issue 5 with the editor's own commands (shared/editing), each tracked as
 * the editor's dispatch tracks it: the tracked document is valid, rejecting gives the previous
 * document back exactly, accepting gives what the command makes with tracking off, and accepting
 * leaves no empty item the untracked command would not leave.
 */
describe('the editor commands at the boundaries, tracked', () => {
  const keys = structureKeymap();
  const emptyItemTexts = (doc: Node) => itemTexts(doc).filter((text) => text === '').length;

  function command(state: EditorState, run: Command, who = alice): { plain: Transaction; next: EditorState } {
    let plain: Transaction | null = null;
    expect(run(state, (tr) => (plain = tr))).toBe(true);
    expect(plain).not.toBeNull();
    const next = tracked(state, plain!, who);
    expect(rejectAll(next.doc).eq(rejectAll(state.doc))).toBe(true);
    const expected = acceptAll(plain!.doc);
    expect(withoutIds(acceptAll(next.doc))).toEqual(withoutIds(expected));
    expect(emptyItemTexts(acceptAll(next.doc))).toBe(emptyItemTexts(expected));
    return { plain: plain!, next };
  }
  const endOf = (doc: Node, text: string) => textPos(doc, text) + text.length;

  it('Backspace at the end of an item deletes its last character, tracked, and joins nothing', () => {
    const s = at(start(), endOf(original, 'dernier,'));
    const { next } = command(s, (state, dispatch) => {
      if (keys.Backspace!(state, dispatch)) return true;
      dispatch?.(state.tr.delete(state.selection.from - 1, state.selection.from));
      return true;
    });
    expect(item(next.doc, 'dernier')).toBe('item_text("dernier[-,-]")');
  });

  it('Enter at the end of an item then Backspace in the new item: the own split goes for real', () => {
    let s = command(at(start(), endOf(original, 'dernier,')), keys.Enter!).next;
    expect(picture(s.doc)).toContain('item(item_text{pm+}("dernier,")), item(item_text(""))');
    s = type(s, s.selection.from, 'n');
    s = remove(s, s.selection.from - 1, s.selection.from);
    s = command(s, keys.Backspace!).next;
    expect(s.doc.eq(original)).toBe(true);
  });

  it('Backspace at the start of an item and Delete at the end of the previous one: tracked joins', () => {
    const back = command(at(start(), textPos(original, 'dernier')), keys.Backspace!).next;
    expect(picture(back.doc)).toContain('continuation{pm-}("et encore")');
    const forward = command(at(start(), endOf(original, 'un;')), keys.Delete!).next;
    expect(picture(forward.doc)).toContain('item(item_text{pm-}("un;"))');
  });

  it('Backspace at the start of an item after a deleted one joins the live item before, as in the final view', () => {
    const deleted = command(at(start(), textPos(original, 'deux:')), deleteItem).next;
    // In the markup the paragraph before is the deleted item's last sub-item (b.): the untracked
    // Backspace would join there; the reference is the same Backspace in the final view.
    const finalView = at(EditorState.create({ doc: acceptAll(deleted.doc) }), textPos(acceptAll(deleted.doc), 'trois.'));
    let expected: Transaction | null = null;
    keys.Backspace!(finalView, (tr) => (expected = tr));
    const s = at(deleted, textPos(deleted.doc, 'trois.'));
    let plain: Transaction | null = null;
    keys.Backspace!(s, (tr) => (plain = tr));
    const next = tracked(s, plain!);
    expect(picture(next.doc)).toContain('item(item_text{pm-}("un;")), item{change-}(item_text("deux:")');
    expect(withoutIds(acceptAll(next.doc))).toEqual(withoutIds(expected!.doc));
    expect(itemTexts(acceptAll(next.doc))).toContain('un;trois.');
    expect(rejectAll(next.doc).eq(original)).toBe(true);
  });

  it('Enter in the middle of an item, Backspace at the start of its tail: joined back for real', () => {
    let s = command(at(start(), textPos(original, 'Résolution')), keys.Enter!).next;
    expect(picture(s.doc)).toContain('item(item_text{pm+}("la ")), item(item_text("Résolution 70/125;"))');
    s = command(at(s, textPos(s.doc, 'Résolution')), keys.Backspace!).next;
    expect(s.doc.eq(original)).toBe(true);
  });

  it('inserting an item and a sub-item marks the whole new items inserted (the text typed in one is part of it)', () => {
    let s = command(at(start(), textPos(original, 'un;')), insertItemAfter).next;
    s = type(s, s.selection.from, 'nouveau;');
    s = command(at(s, textPos(s.doc, 'premier;')), insertItemAfter).next;
    expect(picture(s.doc)).toContain('item{change+}(item_text("nouveau;"))');
    expect(picture(s.doc)).toContain('item(item_text("premier;")), item{change+}(item_text("")), item(item_text("second;"))');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('deleting an item, and the last sub-item of a list: deleted on accept, nothing empty left', () => {
    let s = command(at(start(), textPos(original, 'un;')), deleteItem).next;
    expect(picture(s.doc)).toContain('item{change-}(item_text("un;"))');
    s = command(at(s, textPos(s.doc, 'b.')), deleteItem).next;
    s = command(at(s, textPos(s.doc, 'a;')), deleteItem).next;
    expect(itemTexts(acceptAll(s.doc))).not.toContain('a;');
    expect(acceptAll(s.doc).textContent).toContain('deux:trois.');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('deleting an item another author inserted keeps both changes: gone on accept, gone on reject', () => {
    let s = command(at(start(), textPos(original, 'un;')), insertItemAfter, bob).next;
    s = type(s, s.selection.from, 'de Bob;', bob);
    s = command(at(s, textPos(s.doc, 'de Bob')), deleteItem, alice).next;
    expect(picture(s.doc)).toContain('item{change+,deletion}(item_text("de Bob;"))');
    expect(itemTexts(acceptAll(s.doc))).not.toContain('de Bob;');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('inserting a section, an annex and a footnote marks each inserted; reject removes them', () => {
    let s = command(at(start(), textPos(original, 'trois.')), insertSection('operative', 'charge le Secrétaire général')).next;
    expect(picture(s.doc)).toContain('section{change+}(section_keyword("charge le Secrétaire général")');
    s = command(at(s, textPos(s.doc, 'trois.')), insertAnnex).next;
    expect(picture(s.doc)).toMatch(/annex\{change\+\}\(annex_heading\("ANNEXE"\)/);
    s = command(at(s, textPos(s.doc, 'dernier')), insertFootnote('Voir le rapport.')).next;
    expect(picture(s.doc)).toContain('item_text("<footnote{+}("[+Voir le rapport.+]")>dernier,")');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it("deleting a footnote: another author's is marked deleted, the author's own goes for real", () => {
    const after = textPos(original, ' du SMSI,');
    let s = remove(start(), after - original.resolve(after).nodeBefore!.nodeSize, after);
    expect(picture(s.doc)).toContain('<footnote{-}("[-Note-]")>');
    s = command(at(s, textPos(s.doc, 'dernier')), insertFootnote('Mienne')).next;
    const ownEnd = textPos(s.doc, 'dernier');
    s = remove(s, ownEnd - s.doc.resolve(ownEnd).nodeBefore!.nodeSize, ownEnd);
    expect(item(s.doc, 'dernier')).toBe('item_text("dernier,")');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('deleting a whole annex marks it deleted', () => {
    let annexPos = -1;
    original.descendants((node, pos) => {
      if (node.type.name === 'annex') annexPos = pos;
      return annexPos < 0;
    });
    const tr = deleteBlock(start(), annexPos, { author: alice, now });
    expect(picture(tr.doc)).toContain('annex{change-}(annex_heading("ANNEXE")');
    expect(acceptAll(tr.doc).textContent).not.toContain('ANNEXE');
    expect(rejectAll(tr.doc).eq(original)).toBe(true);
  });

  it('Tab and Shift-Tab are tracked as the item deleted where it was and inserted where it goes', () => {
    // Only the moved item is marked: the item it goes under keeps its own id and no change.
    const demoted = command(at(start(), textPos(original, 'trois.')), keys.Tab!).next;
    expect(picture(demoted.doc)).toContain(
      'item(item_text("deux:"), item_list(item(item_text("a;")), item(item_text("b.")), item{change+}(item_text("trois.")))), item{change-}(item_text("trois."))',
    );
    expect(demoted.selection.$from.parent.textContent).toBe('trois.');
    // Promoted, the sub-item takes along the paragraph that followed its list (as untracked).
    const promoted = command(at(start(), textPos(original, 'second;')), keys['Shift-Tab']!).next;
    expect(picture(promoted.doc)).toContain('item{change-}(item_text("second;"))), continuation{change-}("et encore")');
    expect(picture(promoted.doc)).toContain('item{change+}(item_text("second;"), continuation("et encore"))');
  });

  it('Alt-Up and Alt-Down are tracked as moves (deleted here, inserted there)', () => {
    const up = command(at(start(), textPos(original, 'trois.')), keys['Alt-ArrowUp']!).next;
    expect(itemTexts(acceptAll(up.doc)).indexOf('trois.')).toBeLessThan(itemTexts(acceptAll(up.doc)).indexOf('deux:'));
    expect(picture(up.doc)).toMatch(/change[-+]/);
    const down = command(at(start(), textPos(original, 'premier;')), keys['Alt-ArrowDown']!).next;
    expect(itemTexts(acceptAll(down.doc)).indexOf('second;')).toBeLessThan(itemTexts(acceptAll(down.doc)).indexOf('premier;'));
  });

  it('Delete from an item through the next keyword: accept leaves an empty item only where the untracked edit does', () => {
    const whole = at(start(), textPos(original, 'dernier,'), textPos(original, 'un;') + 3);
    const untracked = whole.apply(whole.tr.deleteSelection()).doc;
    const s = remove(start(), textPos(original, 'dernier,'), textPos(original, 'un;') + 3);
    expect(withoutIds(acceptAll(s.doc))).toEqual(withoutIds(untracked));
    expect(emptyItemTexts(acceptAll(s.doc))).toBe(emptyItemTexts(untracked));
    const part = remove(start(), textPos(original, 'dernier,') + 3, textPos(original, 'un;') + 1);
    expect(emptyItemTexts(acceptAll(part.doc))).toBe(0);
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });
});

describe('review keeps the cursor', () => {
  it('accepting or rejecting every change leaves the cursor on the same text', () => {
    const del = textPos(original, '70/125');
    let s = remove(start(), del, del + 6);
    s = type(s, textPos(s.doc, 'un;'), 'premier ');
    for (const review of [acceptChange, rejectChange]) {
      const placed = at(s, textPos(s.doc, 'trois.') + 2);
      const [first] = listChanges(placed.doc);
      let next = placed.apply(review(placed, first!.id)!);
      next = next.apply(rejectChanges(next)!);
      expect(next.doc.textBetween(next.selection.head, next.selection.head + 4)).toBe('ois.');
    }
  });
});
