import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  demoteItem,
  insertFootnote,
  insertItemAfter,
  insertSection,
  moveItemDown,
  moveItemUp,
  promoteItem,
} from '../../shared/editing/index.js';
import { deleteItem, setListStyle } from '../../shared/editing/insert.js';
import type { Command } from '../../shared/editing/context.js';
import { buildDoc } from '../../shared/model/index.js';
import { item as buildItem } from '../../shared/model/build.js';
import { computeLabels, type Labels } from '../../shared/numbering/index.js';
import { numberingKey, numberingPlugin } from '../../shared/numbering/index.js';
import { LIST_STYLES } from '../../shared/schema/index.js';

function sample(): Node {
  return buildDoc({
    blocks: [
      { heading: 'Introduction', numbering: 'roman' },
      { numbered: ['texte', { footnote: 'note 1' }] },
      {
        resolution: {
          number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
          title: 'Titre',
          call: "Le Conseil de l'UIT,",
          sections: [
            { kind: 'preamble', keyword: 'rappelant', items: ['a;', { text: ['b', { footnote: 'n' }, ';'] }, 'c,'] },
            {
              kind: 'preamble',
              keyword: 'considérant',
              items: [
                'un;',
                {
                  text: 'deux:',
                  children: [
                    { continuation: 'suite' },
                    { style: 'roman', items: ['i;', { text: 'ii:', children: [{ style: 'dash', items: ['x;', 'y;'] }] }] },
                  ],
                },
                'trois,',
              ],
            },
            { kind: 'preamble', keyword: 'notant', items: ['seul,'] },
            {
              kind: 'operative',
              keyword: 'décide',
              items: ['1;', { text: '2:', children: [{ style: 'alpha-dot', items: ['a;', 'b;'] }] }, '3;', '4,'],
            },
            { kind: 'operative', keyword: 'charge le Secrétaire général', items: ['un;', 'deux.'] },
          ],
          annexes: [{ heading: 'ANNEXE', title: 'Mandat', blocks: [{ list: { style: 'alpha', items: ['p;', 'q;', 'r.'] } }] }],
        },
      },
      { heading: 'Proposition', numbering: 'roman' },
      { numbered: [{ text: 'fin' }, { footnote: 'note 2' }] },
    ],
  });
}

const itemPositions = (doc: Node): number[] => {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'item') out.push(pos);
    return true;
  });
  return out;
};

const headingPositions = (doc: Node): number[] => {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading' || node.type.name === 'numbered_paragraph') out.push(pos);
    return node.type.name !== 'resolution';
  });
  return out;
};

/** The state with the cursor inside the text of the n-th item. */
function inItem(state: EditorState, n: number): EditorState | null {
  const positions = itemPositions(state.doc);
  if (positions.length === 0) return null;
  const pos = positions[n % positions.length]!;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos + 2)));
}

type Edit =
  | {
      kind: 'command';
      command: 'insert' | 'delete' | 'demote' | 'promote' | 'up' | 'down' | 'footnote' | 'section' | 'restyle';
      at: number;
    }
  | { kind: 'style'; at: number; style: number }
  | { kind: 'track'; at: number; change: 'insertion' | 'deletion' | null; later: boolean }
  | { kind: 'type'; at: number; text: string }
  | { kind: 'join'; at: number }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'heading'; at: number }
  | { kind: 'language'; code: 'fr' | 'en' | 'ar' }
  | { kind: 'batch'; at: number }
  | { kind: 'mark'; at: number; change: 'insertion' | 'deletion' | null }
  | { kind: 'top'; at: number };

const COMMANDS: Record<Extract<Edit, { kind: 'command' }>['command'], Command> = {
  insert: insertItemAfter,
  delete: deleteItem,
  demote: demoteItem,
  promote: promoteItem,
  up: moveItemUp,
  down: moveItemDown,
  footnote: insertFootnote('note'),
  section: insertSection('operative', 'invite'),
  restyle: setListStyle('alpha-dot'),
};

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('command' as const),
    command: fc.constantFrom(...(Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>)),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constant('style' as const), at: fc.nat(), style: fc.nat() }),
  fc.record({
    kind: fc.constant('track' as const),
    at: fc.nat(),
    change: fc.constantFrom('insertion' as const, 'deletion' as const, null),
    later: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('heading' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('language' as const), code: fc.constantFrom('fr' as const, 'en' as const, 'ar' as const) }),
  fc.record({ kind: fc.constant('batch' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('mark' as const), at: fc.nat(), change: fc.constantFrom('insertion' as const, 'deletion' as const, null) }),
  fc.record({ kind: fc.constant('top' as const), at: fc.nat() }),
);

const stamp = { id: 'c1', author: 'A', date: '2026-01-01T00:00:00Z' };

/** The transaction an edit makes, or null when it does not apply to this document. */
function transactionFor(state: EditorState, edit: Edit): Transaction | null {
  const positions = itemPositions(state.doc);
  const pick = (n: number) => positions[n % positions.length]!;
  switch (edit.kind) {
    case 'command': {
      const placed = inItem(state, edit.at);
      if (!placed) return null;
      let made: Transaction | null = null;
      COMMANDS[edit.command](placed, (tr) => {
        made = tr;
      });
      if (!made) return null;
      // Re-base on `state`: the selection change is not an edit, and steps map unchanged.
      const tr = state.tr;
      for (const step of (made as Transaction).steps) tr.step(step);
      return tr;
    }
    case 'style': {
      const pos = pick(edit.at);
      const listPos = state.doc.resolve(pos).before();
      return state.tr.setNodeAttribute(listPos, 'style', LIST_STYLES[edit.style % LIST_STYLES.length]);
    }
    case 'track': {
      const pos = pick(edit.at);
      const change = edit.change ? { kind: edit.change, ...stamp } : null;
      return edit.later
        ? state.tr.setNodeMarkup(pos, undefined, {
            ...state.doc.nodeAt(pos)!.attrs,
            change,
            deletion: change ? { ...stamp, kind: 'deletion' } : null,
          })
        : state.tr.setNodeAttribute(pos, 'change', change);
    }
    case 'type':
      return state.tr.insertText(edit.text, pick(edit.at) + 2);
    case 'join': {
      // A text deletion from inside one item to inside the next: the two become one.
      const pos = pick(edit.at);
      const $pos = state.doc.resolve(pos);
      const list = $pos.parent;
      const index = $pos.index();
      if (index + 1 >= list.childCount) return null;
      const next = pos + list.child(index).nodeSize;
      const tr = state.tr.delete(pos + 2, next + 2);
      try {
        tr.doc.check();
      } catch {
        return null;
      }
      return tr;
    }
    case 'move': {
      // Cut an item and put it back elsewhere (same id) in one transaction.
      const from = pick(edit.at);
      const node = state.doc.nodeAt(from)!;
      const $from = state.doc.resolve(from);
      if ($from.parent.childCount === 1) return null;
      const tr = state.tr.delete(from, from + node.nodeSize);
      const targets = itemPositions(tr.doc);
      const to = targets[edit.to % targets.length]!;
      tr.insert(to, node);
      return tr;
    }
    case 'heading': {
      const headings = headingPositions(state.doc);
      const pos = headingPositions(state.doc)[edit.at % headings.length];
      if (pos === undefined) return null;
      const node = state.doc.nodeAt(pos)!;
      return edit.at % 2 === 0
        ? state.tr.delete(pos, pos + node.nodeSize)
        : state.tr.insert(pos, node.type.create({ ...node.attrs, id: `h${edit.at}` }, node.content));
    }
    case 'language':
      return state.tr.setDocAttribute('language', edit.code);
    case 'mark': {
      // A tracked split (insertion) or join (deletion) at the end of an item: the next item is merged into it in one view.
      const pos = pick(edit.at);
      let last = -1;
      state.doc.nodeAt(pos)!.descendants((node, offset) => {
        if (node.isTextblock) last = pos + 1 + offset;
        return !node.isTextblock;
      });
      return state.tr.setNodeAttribute(last, 'paragraphMark', edit.change ? { kind: edit.change, ...stamp } : null);
    }
    case 'top': {
      // An item inserted at the top of a list: every label after it moves, the sub-lists' do not.
      const $pos = state.doc.resolve(pick(edit.at));
      return state.tr.insert($pos.start(), buildItem(`haut ${edit.at};`));
    }
    case 'batch': {
      // Several structural steps in one transaction: insert two items, retrack a third.
      const tr = state.tr;
      const first = pick(edit.at);
      tr.insert(first, buildItem('nouveau;'));
      const again = itemPositions(tr.doc);
      tr.insert(again[(edit.at * 7) % again.length]!, buildItem('autre;'));
      const third = itemPositions(tr.doc)[(edit.at * 3) % again.length]!;
      tr.setNodeAttribute(third, 'change', { kind: 'deletion', ...stamp });
      return tr;
    }
  }
}

function asObject(labels: Labels): Record<string, unknown> {
  return {
    items: Object.fromEntries([...labels.items].sort()),
    headings: Object.fromEntries([...labels.headings].sort()),
    numberedParagraphs: Object.fromEntries([...labels.numberedParagraphs].sort()),
    footnotes: Object.fromEntries([...labels.footnotes].sort()),
  };
}

function expectFromScratch(state: EditorState): void {
  const value = numberingKey.getState(state)!;
  expect(asObject(value.labels)).toEqual(asObject(computeLabels(state.doc, { view: 'new' })));
  expect(asObject(value.original)).toEqual(asObject(computeLabels(state.doc, { view: 'original' })));
  expect(value.labels.items.size).toBe(computeLabels(state.doc).items.size);
}

describe('incremental numbering (numberingPlugin)', () => {
  it('holds the labels of both numberings from the start', () => {
    const state = EditorState.create({ doc: sample(), plugins: [numberingPlugin()] });
    expectFromScratch(state);
    expect([...numberingKey.getState(state)!.labels.headings.values()]).toEqual(['I', 'II']);
  });

  it('after any sequence of random structural edits, equals a from-scratch computation', () => {
    let generated = 0;
    let changed = 0;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        let state = EditorState.create({ doc: sample(), plugins: [numberingPlugin()] });
        for (const edit of edits) {
          generated += 1;
          const tr = transactionFor(state, edit);
          if (!tr) continue;
          state = state.apply(tr);
          if (tr.docChanged) changed += 1;
          expectFromScratch(state);
        }
      }),
      { numRuns: 250 },
    );
    // The edits really changed documents (not skipped as not applicable): at least three in four.
    expect(changed).toBeGreaterThanOrEqual(0.75 * generated);
  });

  it('does not renumber a list when text is typed inside one of its items', () => {
    let state = EditorState.create({ doc: sample(), plugins: [numberingPlugin()] });
    const before = numberingKey.getState(state)!;
    state = state.apply(state.tr.insertText('mot ', itemPositions(state.doc)[3]! + 2));
    // Nothing was recomputed: the very same maps are kept.
    expect(numberingKey.getState(state)!.labels.items).toBe(before.labels.items);
    expect(numberingKey.getState(state)!.labels.footnotes).toBe(before.labels.footnotes);
  });

  it('renumbers the items after an item inserted at the top of a section', () => {
    let state = EditorState.create({ doc: sample(), plugins: [numberingPlugin()] });
    const first = itemPositions(state.doc)[0]!;
    const old = state.doc.nodeAt(first)!;
    state = state.apply(state.tr.insert(first, buildItem('nouveau;')));
    const labels = numberingKey.getState(state)!.labels.items;
    expect(labels.get(old.attrs.id as string)).toBe('b)');
    expect(labels.get(state.doc.nodeAt(first)!.attrs.id as string)).toBe('a)');
  });
});
