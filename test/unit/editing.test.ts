/**
 * Structure editing commands (shared/editing) on Resolution 1332 (the fixture, through the text
 * importer): each command's resulting structure and labels, a valid document, unique ids, and
 * undo back to the original.
 */
import { visibleText } from '../../shared/numbering/visible-text.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { buildDoc } from '../../shared/model/index.js';
import { importText } from '../../shared/import/index.js';
import { positionsNeedingIds } from '../../shared/model/ids.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { schema } from '../../shared/schema/index.js';
import {
  demoteItem,
  documentEdgeKeymap,
  insertAnnex,
  insertFootnote,
  insertItemAfter,
  insertSection,
  moveItemDown,
  moveItemUp,
  promoteItem,
  sectionKindPlugin,
  parsePastedText,
} from '../../shared/editing/index.js';
import { structureKeymap } from '../../shared/editing/index.js';
import { deleteItem, setListStyle } from '../../shared/editing/insert.js';
import { enterFromKeyword, insertContinuation, leaveList, splitItem } from '../../shared/editing/enter.js';
import { joinItemForward, mergeItemBackward } from '../../shared/editing/join.js';
import type { Command } from '../../shared/editing/context.js';
import { uniqueIdsPlugin, mayIntroduceIds } from '../../shared/model/index.js';

// ---------------------------------------------------------------------------------------------
// Resolution 1332 and the texts of its lines, read from the fixture.

const FIXTURE = readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8').split('\n');

/** The text of the fixture line that starts with `label` + tab after line `after` (1-based). */
function line(label: string, after = 0): string {
  const tabbed = `${label}\t`;
  for (let i = after; i < FIXTURE.length; i++) {
    const raw = FIXTURE[i]!.replace(/^(\[bookmark: [^\]]*\])+/, '');
    if (raw.startsWith(tabbed)) return raw.slice(tabbed.length).trim();
  }
  throw new Error(`no line ${JSON.stringify(label)} after ${after} in the Res 1332 fixture`);
}
const lineNumber = (text: string): number => FIXTURE.findIndex((l) => l.trim() === text);

/** Resolution 1332 as the text importer reads the fixture. */
function res1332(): Node {
  return importText(FIXTURE.join('\n'), { language: 'fr' }).doc;
}

// ---------------------------------------------------------------------------------------------
// Helpers: editor states, cursors, and a readable outline with computed labels.

function stateOf(doc: Node): EditorState {
  return EditorState.create({ doc, plugins: [history(), uniqueIdsPlugin()] });
}

/**
 * The state with the cursor in the first textblock whose text starts like `text` (up to a
 * footnote marker of the fixture line, which the document holds as a footnote node), at
 * `offset` ('end' = at its end).
 */
function cursorAt(state: EditorState, text: string, offset: number | 'end' = 0): EditorState {
  const start = text.split('[footnoteRef:')[0]!;
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at >= 0) return false;
    // Live references hold no text of their own: read the block as a reader sees it.
    if (node.isTextblock && visibleText(node, state.doc).startsWith(start)) {
      at = pos + 1 + (offset === 'end' ? node.content.size : offset);
      return false;
    }
    return true;
  });
  if (at < 0) throw new Error(`no textblock starting with ${JSON.stringify(start)}`);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
}

/** Runs `command`, expecting it to apply; returns the new state. */
function run(state: EditorState, command: Command): EditorState {
  let next = state;
  const applied = command(state, (tr: Transaction) => {
    next = state.apply(tr);
  });
  expect(applied).toBe(true);
  return next;
}

/** Each item as `label first-words`, indented by depth; continuations as `¶ first-words`. */
function outline(doc: Node, keyword: string): string[] {
  const labels = computeLabels(doc);
  const out: string[] = [];
  const words = (text: string) => text.split(/\s+/).slice(0, 3).join(' ');
  const walk = (node: Node, depth: number) => {
    node.forEach((child) => {
      if (child.type.name === 'item') {
        out.push(`${'  '.repeat(depth)}${labels.items.get(child.attrs.id as string)} ${words(child.firstChild!.textContent)}`.trimEnd());
        child.forEach((part, _o, i) => {
          if (i === 0) return;
          if (part.type.name === 'continuation') out.push(`${'  '.repeat(depth + 1)}¶ ${words(part.textContent)}`.trimEnd());
          else walk(part, depth + 1);
        });
      }
    });
  };
  doc.descendants((node) => {
    if (node.type.name === 'section' && node.firstChild!.textContent === keyword) walk(node.child(1), 0);
    return node.type.name !== 'section';
  });
  return out;
}

/** Each section as `kind:first word of its keyword:item count`. */
function sections(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'section')
      out.push(`${node.attrs.kind}:${node.firstChild!.textContent.split(' ')[0]}:${node.child(1).childCount}`);
    return node.type.name !== 'section';
  });
  return out;
}

function expectSound(state: EditorState): void {
  expect(() => state.doc.check()).not.toThrow();
  expect(positionsNeedingIds(state.doc)).toEqual([]);
}

/** Undoes everything; the document must be the original again. */
function expectUndoneTo(state: EditorState, original: Node): void {
  let current = state;
  while (undo(current, (tr) => (current = current.apply(tr)))) {
    /* keep undoing */
  }
  expect(current.doc.eq(original)).toBe(true);
}

const ORIGINAL = res1332();
const CONSIDERANT = [
  "a) que l'UIT a",
  'b) que le Groupe',
  'c) que, dans sa',
  'd) que la mise',
  'e) que, par sa',
  'f) que, dans sa',
  'g) que, aux termes',
  '  ¶ permettre aux membres',
  '  ¶ le Conseil a',
  "  i) de superviser, d'examiner",
  "  ii) de superviser l'adaptation",
  '  iii) de continuer de',
  "  iv) d'examiner les résultats",
  "  v) d'examiner et d'améliorer,",
  '    – les activités de',
  '    – les règles et',
  '    – la promotion des',
  '  ¶ et les membres',
  '  ¶ à prendre une',
  'h) que la Résolution',
];

describe('the Res 1332 document the tests edit', () => {
  it('has considérant g) with its continuations, sub-items and dashes, labelled from position', () => {
    expect(outline(ORIGINAL, 'considérant')).toEqual(CONSIDERANT);
    expect(outline(ORIGINAL, 'décide').slice(2, 5)).toEqual([
      "3 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      "  b. contribuant, selon qu'il",
    ]);
  });
});

describe('Enter', () => {
  it('at the end of an item makes a new empty item after it, the cursor inside', () => {
    const start = cursorAt(stateOf(ORIGINAL), 'que la mise en œuvre', 'end');
    const after = run(start, splitItem);
    expectSound(after);
    const expected = [...CONSIDERANT.slice(0, 4), 'e)', ...CONSIDERANT.slice(4).map((l) => l.replace(/^e\)/, 'f)').replace(/^f\)/, 'g)'))];
    expect(outline(after.doc, 'considérant').slice(0, 8)).toEqual([
      "a) que l'UIT a",
      'b) que le Groupe',
      'c) que, dans sa',
      'd) que la mise',
      'e)',
      'f) que, par sa',
      'g) que, dans sa',
      'h) que, aux termes',
    ]);
    expect(outline(after.doc, 'considérant')).toHaveLength(expected.length);
    expect(after.selection.$from.parent.type.name).toBe('item_text');
    expect(after.selection.$from.parent.content.size).toBe(0);
    expectUndoneTo(after, ORIGINAL);
  });

  it('at the end of the last continuation of considérant g) makes h) and renumbers the old h) to i)', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), 'à prendre une part active', 'end'), splitItem);
    expectSound(after);
    expect(outline(after.doc, 'considérant').slice(-3)).toEqual(['  ¶ à prendre une', 'h)', 'i) que la Résolution']);
    expectUndoneTo(after, ORIGINAL);
  });

  it('in the middle of considérant g) splits it: the rest of its text and all its children go to the new h)', () => {
    const g = line('g)', lineNumber('considérant'));
    const cut = g.indexOf(' un rapport') + 1;
    const after = run(cursorAt(stateOf(ORIGINAL), g, cut), splitItem);
    expectSound(after);
    expect(outline(after.doc, 'considérant').slice(6, 9)).toEqual([
      'g) que, aux termes',
      "h) un rapport d'activité",
      '  ¶ permettre aux membres',
    ]);
    expect(outline(after.doc, 'considérant').slice(-1)).toEqual(['i) que la Résolution']);
    expect(after.doc.textContent).toBe(ORIGINAL.textContent);
    expectUndoneTo(after, ORIGINAL);
  });

  it('in the middle of an operative item splits it: 1 2 3 … becomes 1 2 3 4 …', () => {
    const text = line('2', lineNumber('décide'));
    const after = run(cursorAt(stateOf(ORIGINAL), text, 20), splitItem);
    expectSound(after);
    expect(outline(after.doc, 'décide').map((l) => l.trim().split(' ')[0])).toEqual(['1', '2', '3', '4', 'a.', 'b.', '5', '6', '7']);
    expectUndoneTo(after, ORIGINAL);
  });

  it('at the end of 3 of décide, right above a. b., makes a new first sub-item a.', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('3', lineNumber('décide')), 'end'), splitItem);
    expectSound(after);
    expect(outline(after.doc, 'décide').slice(2, 7)).toEqual([
      "3 d'utiliser le cadre",
      '  a.',
      '  b. actualisant ses feuilles',
      "  c. contribuant, selon qu'il",
      '4 que le Groupe',
    ]);
    expect(after.selection.$from.parent.content.size).toBe(0);
    expectUndoneTo(after, ORIGINAL);
  });

  it('in an empty sub-item promotes it to the parent list', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), 'actualisant ses feuilles', 'end'), splitItem);
    expect(outline(state.doc, 'décide').slice(2, 6)).toEqual([
      "3 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      '  b.',
      "  c. contribuant, selon qu'il",
    ]);
    state = run(state, splitItem);
    expectSound(state);
    expect(outline(state.doc, 'décide').slice(2, 7)).toEqual([
      "3 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      '4',
      "  a. contribuant, selon qu'il",
      '5 que le Groupe',
    ]);
    expectUndoneTo(state, ORIGINAL);
  });

  it('in the empty last item of a section starts a new section, the cursor on its keyword line', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('6', lineNumber('décide')), 'end'), splitItem);
    state = run(state, splitItem);
    expectSound(state);
    expect(state.selection.$from.parent.type.name).toBe('section_keyword');
    const before = sections(ORIGINAL);
    const decide = before.indexOf('operative:décide:6');
    expect(decide).toBeGreaterThan(0);
    expect(sections(state.doc)).toEqual([...before.slice(0, decide + 1), 'operative::1', ...before.slice(decide + 1)]);
    expectUndoneTo(state, ORIGINAL);
  });

  it('the new section takes the kind of the keyword typed on its line (sectionKindPlugin)', () => {
    const base = EditorState.create({ doc: ORIGINAL, plugins: [history(), uniqueIdsPlugin(), sectionKindPlugin()] });
    let state = run(cursorAt(base, line('h)', lineNumber('considérant')), 'end'), splitItem);
    state = run(state, splitItem);
    const keywordPos = state.selection.from;
    state = state.apply(state.tr.insertText('décide en outre', keywordPos));
    const section = state.doc.resolve(keywordPos).node(-1);
    expect(section.attrs.kind).toBe('operative');
    expect(section.child(1).attrs.style).toBe('decimal');
    // Enter at the end of the keyword line goes to the section's (empty) first item.
    state = run(state, structureKeymap().Enter!);
    expect(state.selection.$from.parent.type.name).toBe('item_text');
    expect(state.selection.$from.node(-3)).toBe(section);
    expectUndoneTo(state, ORIGINAL);
  });

  it('at the end of a keyword line inserts a first item when the section has one already', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), 'rappelant', 'end'), enterFromKeyword);
    expectSound(after);
    expect(outline(after.doc, 'rappelant').slice(0, 4)).toEqual([
      'a)',
      'b) la Résolution 140',
      'c) la Résolution 70',
      'd) la Résolution 102',
    ]);
    expect(outline(after.doc, 'rappelant').slice(-1)).toEqual(['m) la Résolution A/78/L.49']);
    expect(after.selection.$from.parent.type.name).toBe('item_text');
    expectUndoneTo(after, ORIGINAL);
  });

  it('in an empty item between others turns it into a continuation of the previous item', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), 'que la mise en œuvre', 'end'), splitItem);
    state = run(state, splitItem);
    expectSound(state);
    expect(outline(state.doc, 'considérant').slice(3, 6)).toEqual(['d) que la mise', '  ¶', 'e) que, par sa']);
    expectUndoneTo(state, ORIGINAL);
  });

  it('in an empty item of the annex list turns it into a paragraph that splits the list', () => {
    const annexB = line('b)', lineNumber('ANNEXE'));
    let state = run(cursorAt(stateOf(ORIGINAL), annexB, 'end'), splitItem);
    state = run(state, splitItem);
    expectSound(state);
    const annex = state.doc.firstChild!.lastChild!;
    expect(
      annex.content.content.map(
        (block) => `${block.type.name}:${block.type.name === 'item_list' ? block.childCount : block.textContent.slice(0, 6)}`,
      ),
    ).toEqual(['annex_heading:ANNEXE', 'annex_title:Mandat', 'item_list:2', 'paragraph:', 'item_list:8']);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expectUndoneTo(state, ORIGINAL);
  });

  it('Shift-Enter then Enter at the end of an item gives a new item, not an empty continuation', () => {
    const b = line('b)', 0);
    let state = run(cursorAt(stateOf(ORIGINAL), b, 'end'), insertContinuation);
    state = run(state, splitItem);
    expectSound(state);
    expect(outline(state.doc, 'rappelant').slice(0, 4)).toEqual([
      'a) la Résolution 140',
      'b) la Résolution 70',
      'c)',
      'd) la Résolution 102',
    ]);
    expectUndoneTo(state, ORIGINAL);
  });

  it('over a selection from a) into b) deletes it and splits there, in one undo step (keymap)', () => {
    const start = cursorAt(stateOf(ORIGINAL), line('a)', 0), 3);
    const end = cursorAt(start, line('b)', 0), 3);
    const selected = start.apply(start.tr.setSelection(TextSelection.create(start.doc, start.selection.from, end.selection.from)));
    const after = run(selected, structureKeymap().Enter!);
    expectSound(after);
    expect(outline(after.doc, 'rappelant').slice(0, 3)).toEqual(['a) la', 'b) Résolution 70 (Rév.', 'c) la Résolution 102']);
    expect(outline(after.doc, 'rappelant')).toHaveLength(12);
    expect(after.selection.$from.parentOffset).toBe(0);
    let undone = after;
    expect(undo(undone, (tr) => (undone = undone.apply(tr)))).toBe(true);
    expect(undone.doc.eq(ORIGINAL)).toBe(true);
  });

  it('Shift-Enter starts a continuation inside the item', () => {
    const text = line('b)', lineNumber('considérant'));
    const after = run(cursorAt(stateOf(ORIGINAL), text, 'end'), insertContinuation);
    expectSound(after);
    expect(outline(after.doc, 'considérant').slice(1, 4)).toEqual(['b) que le Groupe', '  ¶', 'c) que, dans sa']);
    expect(after.selection.$from.parent.type.name).toBe('continuation');
    expectUndoneTo(after, ORIGINAL);
  });
});

describe('Tab and Shift-Tab', () => {
  it('Tab demotes h) under g): g) ends with continuations, so h) opens a new sub-list, labelled i)', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('h)', lineNumber('considérant')), 3), demoteItem);
    expectSound(after);
    expect(outline(after.doc, 'considérant').slice(-3)).toEqual(['  ¶ et les membres', '  ¶ à prendre une', '  i) que la Résolution']);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Tab in décide gives the sub-list the style the section already uses (a. as in décide 3)', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('5', lineNumber('décide'))), demoteItem);
    expectSound(after);
    expect(outline(after.doc, 'décide').slice(5)).toEqual(['4 que le Groupe', "  a. d'inviter les membres", '5 que le Forum']);
    expectUndoneTo(after, ORIGINAL);
  });

  it("Tab joins the previous item's sub-list when it ends with one (4 becomes c. under 3)", () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('4', lineNumber('décide'))), demoteItem);
    expectSound(after);
    expect(outline(after.doc, 'décide').slice(2, 7)).toEqual([
      "3 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      "  b. contribuant, selon qu'il",
      '  c. que le Groupe',
      "4 d'inviter les membres",
    ]);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Tab on the first item of a list does nothing but keeps the key', () => {
    const state = cursorAt(stateOf(ORIGINAL), line('1', lineNumber('décide')));
    expect(demoteItem(state)).toBe(false);
    expect(structureKeymap().Tab!(state)).toBe(true);
  });

  it('Shift-Tab promotes iii) of considérant g): iv) and v) follow as its sub-items, the continuations after the list follow it', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), 'de continuer de faire rapport'), promoteItem);
    expectSound(after);
    expect(outline(after.doc, 'considérant').slice(6)).toEqual([
      'g) que, aux termes',
      '  ¶ permettre aux membres',
      '  ¶ le Conseil a',
      "  i) de superviser, d'examiner",
      "  ii) de superviser l'adaptation",
      'h) de continuer de',
      "  i) d'examiner les résultats",
      "  ii) d'examiner et d'améliorer,",
      '    – les activités de',
      '    – les règles et',
      '    – la promotion des',
      '  ¶ et les membres',
      '  ¶ à prendre une',
      'i) que la Résolution',
    ]);
    expect(after.doc.textContent).toBe(ORIGINAL.textContent);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Tab then Shift-Tab gives back the same structure', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('5', lineNumber('décide'))), demoteItem);
    state = run(state, promoteItem);
    expect(outline(state.doc, 'décide')).toEqual(outline(ORIGINAL, 'décide'));
  });

  it('Shift-Tab on a top-level item does nothing', () => {
    expect(promoteItem(cursorAt(stateOf(ORIGINAL), line('h)', lineNumber('considérant'))))).toBe(false);
  });
});

describe('Backspace and Delete', () => {
  it('Backspace at the start of c) merges it into b) and renumbers', () => {
    const cText = line('c)', lineNumber('considérant'));
    const after = run(cursorAt(stateOf(ORIGINAL), cText), mergeItemBackward);
    expectSound(after);
    const considerant = outline(after.doc, 'considérant');
    expect(considerant.slice(0, 4)).toEqual(["a) que l'UIT a", 'b) que le Groupe', 'c) que la mise', 'd) que, par sa']);
    const b = line('b)', lineNumber('considérant'));
    expect(after.selection.$from.parent.textContent).toBe(b + cText);
    expect(after.selection.$from.parentOffset).toBe(b.length);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Backspace at the start of h) appends it to the last paragraph of g), whatever its depth', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('h)', lineNumber('considérant'))), mergeItemBackward);
    expectSound(after);
    expect(outline(after.doc, 'considérant')).toEqual(CONSIDERANT.slice(0, -1));
    expect(after.selection.$from.parent.textContent.startsWith('à prendre une part active')).toBe(true);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Backspace at the start of 3 of décide merges it into 2, its sub-items a. b. coming along', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('3', lineNumber('décide'))), mergeItemBackward);
    expectSound(after);
    expect(outline(after.doc, 'décide')).toEqual([
      "1 que l'UIT doit",
      "2 que l'UIT doit",
      '  a. actualisant ses feuilles',
      "  b. contribuant, selon qu'il",
      '3 que le Groupe',
      "4 d'inviter les membres",
      '5 que le Forum',
    ]);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Backspace at the start of 4 of décide appends it to b. under 3, the deepest paragraph before it', () => {
    const four = line('4', lineNumber('décide'));
    const after = run(cursorAt(stateOf(ORIGINAL), four), mergeItemBackward);
    expectSound(after);
    expect(outline(after.doc, 'décide').slice(2)).toEqual([
      "3 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      "  b. contribuant, selon qu'il",
      "4 d'inviter les membres",
      '5 que le Forum',
    ]);
    expect(after.selection.$from.parent.textContent.endsWith(four)).toBe(true);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Backspace at the start of the first item of a section does nothing, and keeps the key', () => {
    const state = cursorAt(stateOf(ORIGINAL), line('a)', lineNumber('considérant')));
    let dispatched = false;
    expect(mergeItemBackward(state, () => (dispatched = true))).toBe(true);
    expect(dispatched).toBe(false);
  });

  it('Backspace in an empty first item (made by Enter on the keyword line) removes it, back to the keyword', () => {
    const entered = run(cursorAt(stateOf(ORIGINAL), 'rappelant', 'end'), enterFromKeyword);
    const after = run(entered, mergeItemBackward);
    expect(after.doc.eq(ORIGINAL)).toBe(true);
    expect(after.selection.$from.parent.textContent).toBe('rappelant');
    expect(after.selection.$from.parentOffset).toBe('rappelant'.length);
  });

  it('Delete at the end of an item joins the next item into it', () => {
    const aText = line('a)', 0);
    const after = run(cursorAt(stateOf(ORIGINAL), aText, 'end'), joinItemForward);
    expectSound(after);
    expect(outline(after.doc, 'rappelant').slice(0, 2)).toEqual(['a) la Résolution 140', 'b) la Résolution 102']);
    expect(outline(after.doc, 'rappelant')).toHaveLength(11);
    expect(after.selection.$from.parentOffset).toBe(aText.length);
    expectUndoneTo(after, ORIGINAL);
  });

  it('Delete at the end of 1 of charge le Groupe joins its first sub-item i) into it', () => {
    const keyword = FIXTURE.find((l) => l.startsWith('charge le Groupe de travail'))!.trim();
    const one = line('1', lineNumber(keyword));
    const after = run(cursorAt(stateOf(ORIGINAL), one, 'end'), joinItemForward);
    expectSound(after);
    expect(outline(after.doc, keyword)).toEqual([
      '1 de lancer un',
      "  i) d'une première réunion",
      "  ii) d'une seconde réunion",
      "  iii) d'une manifestation parallèle",
      '2 de demander au',
    ]);
    expect(visibleText(after.selection.$from.parent, after.doc)).toBe(one + line('i)', lineNumber(keyword)));
    expect(after.doc.textContent).toBe(ORIGINAL.textContent);
    expectUndoneTo(after, ORIGINAL);
  });
});

describe('Alt-Up and Alt-Down', () => {
  it('moves v) of considérant g) with its dashes above iv)', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), "d'examiner et d'améliorer", 4), moveItemUp);
    expectSound(after);
    expect(outline(after.doc, 'considérant').slice(12, 17)).toEqual([
      "  iv) d'examiner et d'améliorer,",
      '    – les activités de',
      '    – les règles et',
      '    – la promotion des',
      "  v) d'examiner les résultats",
    ]);
    expect(after.selection.$from.parent.textContent.startsWith("d'examiner et d'améliorer")).toBe(true);
    expect(after.selection.$from.parentOffset).toBe(4);
    expectUndoneTo(after, ORIGINAL);
  });

  it('moves 3 of décide with a. b. below 4, and not past the end of the list', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('3', lineNumber('décide'))), moveItemDown);
    expectSound(state);
    expect(outline(state.doc, 'décide').slice(2, 6)).toEqual([
      '3 que le Groupe',
      "4 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      "  b. contribuant, selon qu'il",
    ]);
    state = cursorAt(state, line('6', lineNumber('décide')));
    expect(moveItemDown(state)).toBe(false);
    expect(moveItemUp(cursorAt(stateOf(ORIGINAL), line('a)', 0)))).toBe(false);
  });

  it('steps over an item struck through by a pending deletion: it is not in the new text', () => {
    // décide 4 deleted in suggestion mode; Alt-Up on décide 5 passes it and décide 3.
    const start = cursorAt(stateOf(ORIGINAL), line('4', lineNumber('décide')));
    const struck = start.apply(
      start.tr.setNodeAttribute(start.selection.$from.before(-1), 'change', {
        kind: 'deletion',
        id: 'c1',
        author: 'Brésil',
        date: '2026-11-23T10:00:00Z',
      }),
    );
    const after = run(cursorAt(struck, line('5', lineNumber('décide'))), moveItemUp);
    expectSound(after);
    // In the new numbering (the struck item has no label) décide 5 is 3 now, before the old 3.
    expect(outline(after.doc, 'décide').filter((entry) => !entry.startsWith('undefined'))).toEqual([
      "1 que l'UIT doit",
      "2 que l'UIT doit",
      "3 d'inviter les membres",
      "4 d'utiliser le cadre",
      '  a. actualisant ses feuilles',
      "  b. contribuant, selon qu'il",
      '5 que le Forum',
    ]);
    // And at the head of the list, nothing live before it: Alt-Up refuses.
    const atHead = run(run(after, moveItemUp), moveItemUp);
    expect(outline(atHead.doc, 'décide')[0]).toBe("1 d'inviter les membres");
    expect(moveItemUp(atHead)).toBe(false);
  });
});

describe('Ctrl-Home and Ctrl-End', () => {
  const keys = documentEdgeKeymap(false);
  it('take the caret to the start and the end of the document, or extend the selection there', () => {
    const middle = cursorAt(stateOf(ORIGINAL), line('3', lineNumber('décide')), 5);
    const end = run(middle, keys['Mod-End']!);
    expect(end.selection.empty).toBe(true);
    expect(end.selection.head).toBe(Selection.atEnd(end.doc).head);
    const start = run(middle, keys['Mod-Home']!);
    expect(start.selection.head).toBe(Selection.atStart(start.doc).head);
    expect(start.selection.$head.parent.type.name).toBe('number_line');
    const extended = run(middle, keys['Shift-Mod-End']!);
    expect([extended.selection.anchor, extended.selection.head]).toEqual([middle.selection.head, end.selection.head]);
    expect(run(middle, keys['Shift-Mod-Home']!).selection.from).toBe(start.selection.head);
  });

  it('have the Mac keys too (Cmd-Up, Cmd-Down), only on a Mac', () => {
    expect(Object.keys(documentEdgeKeymap(true))).toContain('Mod-ArrowDown');
    expect(Object.keys(keys)).not.toContain('Mod-ArrowDown');
  });
});

describe('inserting sections, footnotes, annexes and items', () => {
  it('inserts a section after the current one, with the keyword given and one empty item', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('b)', 0)), insertSection('preamble', 'rappelant en outre'));
    expectSound(after);
    const before = sections(ORIGINAL);
    expect(sections(after.doc)).toEqual([before[0], 'preamble:rappelant:1', ...before.slice(1)]);
    expect(outline(after.doc, 'rappelant en outre')).toEqual(['']); // a single item has no label
    expect(after.selection.$from.parent.type.name).toBe('item_text');
    expectUndoneTo(after, ORIGINAL);
  });

  it('inserts a section before the first one from the call line, after the last one from the annex', () => {
    const fromCall = run(cursorAt(stateOf(ORIGINAL), "Le Conseil de l'UIT,"), insertSection('preamble', "ayant à l'esprit"));
    const fromAnnex = run(
      cursorAt(stateOf(ORIGINAL), 'Mandat du Groupe de travail'),
      insertSection('operative', 'prie le Secrétaire général'),
    );
    expectSound(fromCall);
    expectSound(fromAnnex);
    const before = sections(ORIGINAL);
    expect(sections(fromCall.doc)).toEqual(['preamble:ayant:1', ...before]);
    expect(sections(fromAnnex.doc)).toEqual([...before, 'operative:prie:1']);
    expect(fromAnnex.doc.firstChild!.lastChild!.type.name).toBe('annex');
  });

  it('inserts a footnote at the cursor, numbered through the document', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('h)', lineNumber('considérant')), 10), insertFootnote('Organisations comprenant'));
    state = run(cursorAt(state, line('a)', 0), 5), insertFootnote());
    expectSound(state);
    const footnotes: Array<[string, number | undefined]> = [];
    const labels = computeLabels(state.doc);
    state.doc.descendants((node) => {
      if (node.type.name === 'footnote') footnotes.push([node.textContent, labels.footnotes.get(node.attrs.id as string)]);
      return true;
    });
    const existing = footnotes[2]![0];
    expect(existing.trim().startsWith('Organisations comprenant, entre autres')).toBe(true);
    expect(footnotes).toEqual([
      ['', 1],
      ['Organisations comprenant', 2],
      [existing, 3],
    ]);
    expectUndoneTo(state, ORIGINAL);
  });

  it('inserts an annex at the end of the resolution, headed in the document language', () => {
    const after = run(cursorAt(stateOf(ORIGINAL), line('a)', 0)), insertAnnex);
    expectSound(after);
    const resolution = after.doc.firstChild!;
    expect(resolution.lastChild!.type.name).toBe('annex');
    expect(resolution.lastChild!.firstChild!.textContent).toBe('ANNEXE');
    expect(resolution.childCount).toBe(ORIGINAL.firstChild!.childCount + 1);
    expect(after.selection.$from.parent.type.name).toBe('annex_title');
    expectUndoneTo(after, ORIGINAL);
  });

  it('inserts an item after the current one, deletes an item, changes a list style', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('a)', 0)), insertItemAfter);
    expect(outline(state.doc, 'rappelant').slice(0, 4)).toEqual([
      'a) la Résolution 140',
      'b)',
      'c) la Résolution 70',
      'd) la Résolution 102',
    ]);
    state = run(cursorAt(state, line('c)', 0)), deleteItem);
    expect(outline(state.doc, 'rappelant').slice(0, 4)).toEqual([
      'a) la Résolution 140',
      'b)',
      'c) la Résolution 70',
      'd) la Résolution 175',
    ]);
    expect(outline(state.doc, 'rappelant')).toHaveLength(12);
    state = run(cursorAt(state, 'actualisant ses feuilles'), setListStyle('roman'));
    expect(outline(state.doc, 'décide').slice(3, 5)).toEqual(['  i) actualisant ses feuilles', "  ii) contribuant, selon qu'il"]);
    expectSound(state);
    expectUndoneTo(state, ORIGINAL);
  });

  it('does not delete the only item of a section', () => {
    const single = buildDoc({
      blocks: [
        { resolution: { number: 'R', title: 'T', call: 'C', sections: [{ kind: 'preamble', keyword: 'notant', items: ['seul'] }] } },
      ],
    });
    expect(deleteItem(cursorAt(stateOf(single), 'seul'))).toBe(false);
  });
});

describe('pasting text copied from Word', () => {
  /** Pastes `text` at the selection as the editor would, through parsePastedText. */
  function paste(state: EditorState, text: string): EditorState {
    const slice = parsePastedText(text, state.selection.$from, schema);
    return state.apply(state.tr.replaceSelection(slice));
  }

  it('turns label + tab lines pasted into an empty preamble item into items', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('a)', 0), 'end'), splitItem);
    state = paste(state, 'a)\tla Résolution 71 (Rév. Bucarest, 2022);\r\nb)\tla Résolution 139 (Rév. Bucarest, 2022);\r\n');
    expectSound(state);
    expect(outline(state.doc, 'rappelant').slice(0, 4)).toEqual([
      'a) la Résolution 140',
      'b) la Résolution 71',
      'c) la Résolution 139',
      'd) la Résolution 70',
    ]);
    expect(outline(state.doc, 'rappelant')).toHaveLength(14);
    expectUndoneTo(state, ORIGINAL);
  });

  it('reads 1, 2 … pasted into décide as operative items (alone they would read as headings)', () => {
    let state = run(cursorAt(stateOf(ORIGINAL), line('6', lineNumber('décide')), 'end'), splitItem);
    state = paste(state, "1\tde publier le rapport;\n2\td'en informer les membres:\ni)\tpar lettre circulaire;\nii)\tsur le site web.");
    expectSound(state);
    expect(outline(state.doc, 'décide').slice(-5)).toEqual([
      '6 que le Forum',
      '7 de publier le',
      "8 d'en informer les",
      '  i) par lettre circulaire;',
      '  ii) sur le site',
    ]);
    expectUndoneTo(state, ORIGINAL);
  });

  it('pastes lines without labels as text, and several of them as continuations in an item', () => {
    const b = line('b)', 0);
    let state = paste(cursorAt(stateOf(ORIGINAL), b, 'end'), ' et ses annexes');
    expect(state.selection.$from.parent.textContent).toBe(`${b} et ses annexes`);
    state = paste(state, '\nPremier paragraphe ajouté\nSecond paragraphe ajouté');
    expectSound(state);
    expect(outline(state.doc, 'rappelant').slice(1, 4)).toEqual([
      'b) la Résolution 70',
      '  ¶ Premier paragraphe ajouté',
      '  ¶ Second paragraphe ajouté',
    ]);
    expectUndoneTo(state, ORIGINAL);
  });
});

describe('uniqueIdsPlugin', () => {
  it('gives fresh ids to a pasted copy of an item, in the same undo step, and leaves typing alone', () => {
    let state = stateOf(ORIGINAL);
    const considerant = (doc: Node) => {
      let list: { node: Node; pos: number } | null = null;
      doc.descendants((node, pos) => {
        if (!list && node.type.name === 'item_list' && node.firstChild!.textContent.startsWith("que l'UIT a un rôle")) list = { node, pos };
        return !list;
      });
      return list!;
    };
    const { node: list, pos } = considerant(state.doc);
    const copied = list.firstChild!;
    state = state.apply(state.tr.insert(pos + 1, copied));
    expectSound(state);
    const ids = (doc: Node) => considerant(doc).node.content.content.map((item) => item.attrs.id as string);
    // The copy stands first, yet the original keeps its id and the copy gets a fresh one.
    expect(ids(state.doc)[1]).toBe(copied.attrs.id);
    expect(ids(state.doc)[0]).not.toBe(copied.attrs.id);
    expect(ids(state.doc).slice(1)).toEqual(ids(ORIGINAL));

    const typing = state.tr.insertText('x', pos + 3);
    expect(mayIntroduceIds(typing)).toBe(false);
    expectUndoneTo(state, ORIGINAL);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any sequence of commands at any positions leaves a valid document with unique ids.

const KEYS = structureKeymap();
const COMMANDS: Array<[string, Command]> = [
  ...Object.entries(KEYS),
  ['leaveList', leaveList],
  ['insertItemAfter', insertItemAfter],
  ['deleteItem', deleteItem],
  ['insertFootnote', insertFootnote('note')],
  ['insertSection', insertSection('operative', 'décide en outre')],
  ['insertAnnex', insertAnnex],
  ['setListStyle', setListStyle('dash')],
  ['paste items', pasting('a)\tpremier point;\nb)\tsecond point:\ni)\tsous-point,')],
  ['paste lines', pasting('une ligne\nune autre')],
];

/** Pasting `text` at the selection, as a command. */
function pasting(text: string): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.replaceSelection(parsePastedText(text, state.selection.$from, schema)));
    return true;
  };
}

/** Every text position of the document (the cursor positions a user can reach). */
function textPositions(doc: Node): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      const size = node.content.size;
      // Start, end and a middle point of each textblock are where the commands differ.
      for (const offset of new Set([0, Math.floor(size / 2), size])) positions.push(pos + 1 + offset);
      return false;
    }
    return true;
  });
  return positions;
}

const RUNS = Number(process.env.EDITING_RUNS ?? 150);

const step = fc.record({
  command: fc.nat(COMMANDS.length - 1),
  anchor: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  // Most steps act at a cursor; some on a selection reaching into later blocks.
  reach: fc.oneof(fc.constant(0), fc.nat(6)),
});

describe('structure commands, property', () => {
  it(
    'random sequences of commands at random positions keep the document valid, ids unique, undo exact',
    () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
          let state = stateOf(ORIGINAL);
          for (const { command, anchor, reach } of steps) {
            const positions = textPositions(state.doc);
            const from = Math.floor(anchor * positions.length);
            const to = Math.min(positions.length - 1, from + reach);
            state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, positions[from]!, positions[to]!)));
            const [name, run] = COMMANDS[command]!;
            // Asking whether a command applies must not disagree with applying it.
            const applies = run(state);
            const before = state;
            const applied = run(state, (tr) => (state = state.apply(tr)));
            expect(applied, name).toBe(applies);
            if (!applied) expect(state).toBe(before);
            state.doc.check();
            expect(positionsNeedingIds(state.doc), name).toEqual([]);
          }
          expectUndoneTo(state, ORIGINAL);
        }),
        { numRuns: RUNS },
      );
    },
    30_000 + RUNS * 40,
  );
});
