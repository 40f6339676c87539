/**
 * Enter, Enter with tracking on, as a delegate presses it in Resolution 1332 (issue 15):
 * - at the end of a sub-item with sub-items after it (décide 3 a.), of an item above its sub-items
 *   (décide 3), of a last sub-item (décide 3 b.) and of a sub-item in the middle of its list
 *   (charge le Groupe… 1 ii)): the first Enter makes a new item, the second promotes it (Word's
 *   outdent of an empty numbered paragraph). Only that is tracked, as the one paragraph mark the
 *   first Enter inserted, with the text then typed; the items after it carry no mark and no card.
 * - inside an item already struck out as a tracked deletion: the new item is a live insertion after
 *   the struck one, never a block born deleted; a second Enter leaves it as it is.
 * Each case: the marked text, the change list, and the final and original texts, written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { exportDocx, writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { structureKeymap } from '../../shared/editing/index.js';
import { acceptAll, changeCards, listChanges, rejectAll, type TrackedChange } from '../../shared/tracking/index.js';
import { changeRows } from '../../renderer/panels/change-rows.js';
import { deleteBlock } from '../../shared/tracking/structure.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { fixtureDocument } from '../support/fixtures.js';
import { textPos } from '../support/tracking.js';

const ORIGINAL = fixtureDocument('council-res-1332-c24.txt', { language: 'fr' });
const AUTHOR = { name: 'Fédération de Russie' };
const KEYS = structureKeymap();

let second = 0;
/** A second later at each edit, as when a delegate presses the keys one after the other. */
const now = () => `2026-11-23T10:00:${String(second++ % 60).padStart(2, '0')}Z`;

function caretAt(doc: Node, pos: number): EditorState {
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

/** The caret at the end of the paragraph that holds `text`. */
function atEndOf(doc: Node, text: string): EditorState {
  return caretAt(doc, doc.resolve(textPos(doc, text)).end());
}

function press(state: EditorState, key: 'Enter' | 'Backspace'): EditorState {
  let next: EditorState | null = null;
  const handled = KEYS[key]!(state, (tr) => (next = state.apply(trackTransaction(tr, state, AUTHOR, now))));
  expect(handled, key).toBe(true);
  return next ?? state;
}

function type(state: EditorState, text: string): EditorState {
  return state.apply(trackTransaction(state.tr.insertText(text), state, AUTHOR, now));
}

/** The lines of a text from the one starting with `from` to the one before `to`, each cut to 40 characters. */
function lines(text: string, from: string, to: string): string[] {
  const all = text.split('\n');
  const start = all.findIndex((line) => line.startsWith(from));
  const end = all.findIndex((line, index) => index > start && line.startsWith(to));
  expect(start, from).toBeGreaterThanOrEqual(0);
  return all.slice(start, end).map((line) => line.slice(0, 40));
}

const UTC = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
/** The changes panel's cards: what, where, excerpt. */
const panel = (doc: Node) => changeRows(changeCards(doc), UTC).map((row) => `${row.what} | ${row.where} | ${row.excerpt.slice(0, 30)}`);

/** A tracked change as listChanges gives it: what, where (the keyword's first three words), and its excerpt. */
function card(change: TrackedChange): string {
  const section = change.section?.split(' ').slice(0, 3).join(' ');
  return `${change.kind} ${change.scope}${change.blockType ? ` ${change.blockType}` : ''} @${section} ${change.label}: ${change.excerpt.slice(0, 30)}`;
}

/** What a case is held to: the marked text and the accepted text between two lines, the change list, the panel's cards. */
interface Expected {
  between: [string, string];
  marked: string[];
  changes: string[];
  cards: string[];
  final: string[];
}

/** The tracked document `state` holds, checked against `expected`; everything rejected is the original. */
function expectTracked(state: EditorState, expected: Expected): void {
  const [from, to] = expected.between;
  expect(lines(writeText(state.doc), from, to)).toEqual(expected.marked);
  expect(listChanges(state.doc).map(card)).toEqual(expected.changes);
  expect(panel(state.doc)).toEqual(expected.cards);
  expect(lines(writeText(acceptAll(state.doc)), from, to)).toEqual(expected.final);
  expect(writeText(rejectAll(state.doc))).toBe(writeText(ORIGINAL));
}

const DECIDE_ORIGINAL = [
  'décide',
  "1\tque l'UIT doit jouer le rôle de coordo",
  "2\tque l'UIT doit poursuivre la coordinat",
  "3\td'utiliser le cadre du SMSI comme base",
  'a.\tactualisant ses feuilles de route sur',
  "b.\tcontribuant, selon qu'il conviendra, ",
  '4\tque le Groupe de travail du Conseil su',
  "5\td'inviter les membres et les autres pa",
  '6\tque le Forum 2025 du SMSI devrait être',
];

/** Décide 4 to 6 after a new item 4: their labels renumbered, their text untouched. */
const RENUMBERED_MARKED = [
  '[-4-][+5+]\tque le Groupe de travail du C',
  "[-5-][+6+]\td'inviter les membres et les ",
  '[-6-][+7+]\tque le Forum 2025 du SMSI dev',
];
const RENUMBERED_FINAL = [
  '5\tque le Groupe de travail du Conseil su',
  "6\td'inviter les membres et les autres pa",
  '7\tque le Forum 2025 du SMSI devrait être',
];

describe('tracked Enter, Enter in a sub-item: only the new item is tracked', () => {
  it('the original text is what the tests below start from', () => {
    expect(lines(writeText(ORIGINAL), 'décide', 'charge le Groupe')).toEqual(DECIDE_ORIGINAL);
  });

  it('at the end of décide 3 a., with b. after it: a new item 4 holds b. (now its a.); b. is not struck, one card', () => {
    let state = atEndOf(ORIGINAL, 'actualisant ses feuilles de route');
    state = press(press(state, 'Enter'), 'Enter');
    state = type(state, 'nouveau');
    expectTracked(state, {
      between: ['décide', 'charge le Groupe'],
      marked: [
        ...DECIDE_ORIGINAL.slice(0, 4),
        'a.\tactualisant ses feuilles de route sur',
        '[+4+]\t[+nouveau+]',
        "a.\tcontribuant, selon qu'il conviendra, ",
        ...RENUMBERED_MARKED,
      ],
      changes: ['insertion paragraph-mark @décide 3 a.: ¶', 'insertion text @décide 4: nouveau'],
      cards: ['Inserted item | décide 4 | nouveau'],
      final: [
        ...DECIDE_ORIGINAL.slice(0, 4),
        'a.\tactualisant ses feuilles de route sur',
        '4\tnouveau',
        "a.\tcontribuant, selon qu'il conviendra, ",
        ...RENUMBERED_FINAL,
      ],
    });
  });

  it('at the end of décide 3 above its sub-items: a new item 4 takes a. and b.; they are not struck, one card', () => {
    let state = atEndOf(ORIGINAL, "d'utiliser le cadre du SMSI comme base");
    state = press(state, 'Enter');
    // The first Enter makes a new first sub-item, where the caret shows.
    expect(listChanges(state.doc).map(card)).toEqual(['insertion block item @décide 3 a.: ']);
    state = type(press(state, 'Enter'), 'nouveau');
    expectTracked(state, {
      between: ['décide', 'charge le Groupe'],
      marked: [
        ...DECIDE_ORIGINAL.slice(0, 4),
        '[+4+]\t[+nouveau+]',
        'a.\tactualisant ses feuilles de route sur',
        "b.\tcontribuant, selon qu'il conviendra, ",
        ...RENUMBERED_MARKED,
      ],
      changes: ['insertion paragraph-mark @décide 3: ¶', 'insertion text @décide 4: nouveau'],
      cards: ['Inserted item | décide 4 | nouveau'],
      final: [
        ...DECIDE_ORIGINAL.slice(0, 4),
        '4\tnouveau',
        'a.\tactualisant ses feuilles de route sur',
        "b.\tcontribuant, selon qu'il conviendra, ",
        ...RENUMBERED_FINAL,
      ],
    });
  });

  it('at the end of the last sub-item décide 3 b.: a new item 4 after décide 3, one card', () => {
    let state = atEndOf(ORIGINAL, 'contribuant, selon');
    state = type(press(press(state, 'Enter'), 'Enter'), 'nouveau');
    expectTracked(state, {
      between: ['décide', 'charge le Groupe'],
      marked: [...DECIDE_ORIGINAL.slice(0, 6), '[+4+]\t[+nouveau+]', ...RENUMBERED_MARKED],
      changes: ['insertion paragraph-mark @décide 3 b.: ¶', 'insertion text @décide 4: nouveau'],
      cards: ['Inserted item | décide 4 | nouveau'],
      final: [...DECIDE_ORIGINAL.slice(0, 6), '4\tnouveau', ...RENUMBERED_FINAL],
    });
  });

  it('in the middle of a sub-list (charge le Groupe… 1 ii)): iii) and iv) go under the new item 2, unmarked, one card', () => {
    let state = atEndOf(ORIGINAL, "d'une première réunion physique");
    state = type(press(press(state, 'Enter'), 'Enter'), 'nouveau');
    expectTracked(state, {
      between: ['charge le Groupe', 'charge le Secrétaire'],
      marked: [
        'charge le Groupe de travail du Conseil s',
        '1\tde lancer un appel à contributions, do',
        "i)\td'un formulaire en ligne, qui sera co",
        "ii)\td'une première réunion physique du G",
        '[+2+]\t[+nouveau+]',
        "i)\td'une seconde réunion physique du GTC",
        "ii)\td'une manifestation parallèle qui se",
        '[-2-][+3+]\tde demander au Secrétaire gén',
      ],
      changes: ['insertion paragraph-mark @charge le Groupe 1 ii): ¶', 'insertion text @charge le Groupe 2: nouveau'],
      cards: [
        "Inserted item | charge le Groupe de travail du Conseil sur le Sommet mondial sur la société de l'information et les ODD 2 | nouveau",
      ],
      final: [
        'charge le Groupe de travail du Conseil s',
        '1\tde lancer un appel à contributions, do',
        "i)\td'un formulaire en ligne, qui sera co",
        "ii)\td'une première réunion physique du G",
        '2\tnouveau',
        "i)\td'une seconde réunion physique du GTC",
        "ii)\td'une manifestation parallèle qui se",
        '3\tde demander au Secrétaire général de r',
      ],
    });
  });

  it('at the end of décide 2, in the middle of the list: a paragraph of décide 2, the items below keep their labels', () => {
    let state = atEndOf(ORIGINAL, "que l'UIT doit poursuivre la coordination");
    state = type(press(press(state, 'Enter'), 'Enter'), 'nouveau');
    expectTracked(state, {
      between: ['décide', 'charge le Groupe'],
      marked: [...DECIDE_ORIGINAL.slice(0, 3), '\t[+nouveau+]', ...DECIDE_ORIGINAL.slice(3)],
      changes: ['insertion block continuation @décide 2: nouveau'],
      cards: ['Inserted paragraph | décide 2 | nouveau'],
      final: [...DECIDE_ORIGINAL.slice(0, 3), '\tnouveau', ...DECIDE_ORIGINAL.slice(3)],
    });
  });
});

describe('tracked Enter, then Backspace', () => {
  for (const [where, text] of [
    ['décide 3, above its sub-items', "d'utiliser le cadre du SMSI comme base"],
    ['décide 3 a., with b. after it', 'actualisant ses feuilles de route sur'],
    ['décide 2, in the middle of the list', "que l'UIT doit poursuivre la coordinat"],
  ] as const) {
    it(`at the end of ${where}: the caret is back at the end of its text, where typing lands, and nothing is left tracked`, () => {
      const start = atEndOf(ORIGINAL, text);
      let state = press(press(start, 'Enter'), 'Backspace');
      expect(state.selection.head).toBe(start.selection.head);
      expect(listChanges(state.doc)).toEqual([]);
      state = type(state, ' (fin)');
      const paragraph = state.selection.$head.parent.textContent;
      expect(paragraph.startsWith(text)).toBe(true);
      expect(paragraph.endsWith(' (fin)')).toBe(true);
    });
  }
});

describe('tracked Enter, Enter in a sub-item, through Word', () => {
  it('exported with revision marks and read back, décide 3 a. Enter, Enter gives the same final and original texts', async () => {
    const tracked = ORIGINAL.type.create({ ...ORIGINAL.attrs, trackChanges: true }, ORIGINAL.content);
    let state = atEndOf(tracked, 'actualisant ses feuilles de route');
    state = type(press(press(state, 'Enter'), 'Enter'), 'nouveau');
    const back = importDocx(await exportDocx(state.doc, { mode: 'markup' })).doc;
    expect(lines(writeText(acceptAll(back)), 'décide', 'charge le Groupe')).toEqual(
      lines(writeText(acceptAll(state.doc)), 'décide', 'charge le Groupe'),
    );
    expect(lines(writeText(rejectAll(back)), 'décide', 'charge le Groupe')).toEqual(DECIDE_ORIGINAL);
  });
});

describe('tracked Enter, Enter in a list of the annex', () => {
  it("at the end of the annex's b): a paragraph between two lists; c) to j) carry no mark, one card", () => {
    let state = atEndOf(ORIGINAL, "superviser, examiner et étudier la mise en œuvre par l'");
    state = type(press(press(state, 'Enter'), 'Enter'), 'nouveau');
    // The items after it restart at a), as the plain edit numbers them.
    expect(lines(writeText(state.doc), 'ANNEXE', 'j)').map((line) => line.slice(0, 16))).toEqual([
      'ANNEXE',
      'Mandat du Groupe',
      'a)\tPermettre aux',
      'b)\tsuperviser, e',
      '[+nouveau+]',
      'a)\tsuperviser et',
      'b)\tdonner des in',
      'c)\tfournir aux m',
      'd)\tdonner des or',
      'e)\tdonner des or',
      'f)\télaborer, à l',
      'g)\tfournir des o',
      'h)\tsuivre les me',
    ]);
    expect(listChanges(state.doc).map(card)).toEqual([
      'insertion paragraph-mark @undefined b): ¶',
      'insertion text @undefined undefined: nouveau',
    ]);
    expect(writeText(rejectAll(state.doc))).toBe(writeText(ORIGINAL));
    expect(lines(writeText(acceptAll(state.doc)), 'ANNEXE', 'j)').map((line) => line.slice(0, 20))[4]).toBe('nouveau');
  });
});

describe('tracked Enter inside an item struck out as a deletion', () => {
  /** Décide 4 deleted with tracking (the toolbar's Delete Item), the caret in its text. */
  function deletedDecide4(offset: 'middle' | 'end'): EditorState {
    const item = ORIGINAL.resolve(textPos(ORIGINAL, 'que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert')).before(-1);
    const start = EditorState.create({ doc: ORIGINAL });
    const deleted = start.apply(deleteBlock(start, item, { author: AUTHOR, now }));
    const $text = deleted.doc.resolve(textPos(deleted.doc, 'que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert'));
    return caretAt(deleted.doc, offset === 'end' ? $text.end() : $text.start() + 20);
  }

  const MARKED = [
    ...DECIDE_ORIGINAL.slice(0, 6),
    '[-4\tque le Groupe de travail du Conseil ',
    '[+4\tnouveau+]',
    "5\td'inviter les membres et les autres pa",
    '6\tque le Forum 2025 du SMSI devrait être',
  ];
  const FINAL = [...DECIDE_ORIGINAL.slice(0, 6), '4\tnouveau', ...DECIDE_ORIGINAL.slice(7)];
  const PANEL = ['Deleted item | décide 4 | que le Groupe de travail du Co', 'Inserted item | décide 4 | nouveau'];
  const CARDS = ['deletion block item @décide 4: que le Groupe de travail du Co', 'insertion block item @décide 4: nouveau'];

  for (const where of ['middle', 'end'] as const) {
    it(`Enter in the ${where} of its text: a live inserted item after it, the struck item left whole; one card each`, () => {
      let state = press(deletedDecide4(where), 'Enter');
      // Nothing new is struck: the one deleted block is décide 4.
      let struck = 0;
      state.doc.descendants((node) => {
        if (node.attrs.change?.kind === 'deletion' || node.attrs.deletion) struck++;
        return true;
      });
      expect(struck).toBe(1);
      state = type(state, 'nouveau');
      expect(lines(writeText(state.doc), 'décide', 'charge le Groupe')).toEqual(MARKED);
      expect(listChanges(state.doc).map(card)).toEqual(CARDS);
      expect(panel(state.doc)).toEqual(PANEL);
      expect(panel(state.doc)).toEqual(PANEL);
      expect(lines(writeText(acceptAll(state.doc)), 'décide', 'charge le Groupe')).toEqual(FINAL);
      expect(writeText(rejectAll(state.doc))).toBe(writeText(ORIGINAL));
    });
  }

  it('Enter, Enter: the second Enter leaves the new item as it is (no live item before it to continue)', () => {
    let state = press(press(deletedDecide4('middle'), 'Enter'), 'Enter');
    state = type(state, 'nouveau');
    expectTracked(state, {
      between: ['décide', 'charge le Groupe'],
      marked: MARKED,
      changes: CARDS,
      cards: PANEL,
      final: FINAL,
    });
  });

  it('Enter, Enter in a sub-item of a struck sub-list (considérant g)): a live item in a new list after it', () => {
    const $list = ORIGINAL.resolve(textPos(ORIGINAL, "de superviser l'adaptation de l'UIT"));
    const start = EditorState.create({ doc: ORIGINAL });
    const struck = start.apply(deleteBlock(start, $list.before(-2), { author: { name: 'Jean Dupont' }, now }));
    let state = caretAt(struck.doc, textPos(struck.doc, "de superviser l'adaptation de l'UIT") + 5);
    state = type(press(press(state, 'Enter'), 'Enter'), 'nouveau');
    expect(listChanges(state.doc).map(card)).toEqual([
      "deletion block item_list @considérant g): de superviser, d'examiner et d",
      'insertion block item_list @considérant g): nouveau',
    ]);
    const final = lines(writeText(acceptAll(state.doc)), 'g)\tque, aux termes', 'h)');
    expect(lines(writeText(state.doc), 'g)\tque, aux termes', 'h)').map((line) => line.slice(0, 20))).toEqual([
      'g)\tque, aux termes d',
      '\tpermettre aux membr',
      '\tle Conseil a égalem',
      '[-i)\tde superviser, ',
      '[-ii)\tde superviser ',
      '[-iii)\tde continuer ',
      "[-iv)\td'examiner les",
      "[-v)\td'examiner et d",
      '[-–\tles activités de',
      '[-–\tles règles et le',
      '[-–\tla promotion des',
      '[+i)\tnouveau+]',
      '\tet les membres de l',
      '\t\tà prendre une part',
    ]);
    expect(final.map((line) => line.slice(0, 20))).toEqual([
      'g)\tque, aux termes d',
      '\tpermettre aux membr',
      '\tle Conseil a égalem',
      'i)\tnouveau',
      '\tet les membres de l',
      '\t\tà prendre une part',
    ]);
    expect(writeText(rejectAll(state.doc))).toBe(
      writeText(struck.doc.type.schema.topNodeType === state.doc.type ? rejectAll(struck.doc) : ORIGINAL),
    );
  });
});
