/**
 * Issue 15, item 4: a selection from a section's last item into the next section (Home,
 * Ctrl+Shift+Down, Delete on the last "décide" item of Resolution 1332) is deleted as selected.
 * Tracked, that is the selected text struck through and the blocks covered whole marked deleted —
 * not the next section deleted and re-inserted.
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { applyIfSaveable, replaceRangeKeepingStructure, structureKeymap } from '../../shared/editing/index.js';
import { uniqueIdsPlugin } from '../../shared/model/index.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { trackIfEnabled, trackingPlugin } from '../../shared/tracking/plugin.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { applyEditorTransaction, createEditorState } from '../../renderer/editor/create-editor.js';
import { resolution1332 } from '../support/docx-fixtures.js';
import { picture } from '../support/tracking.js';

const KEYS = structureKeymap();
const DELETE = chainCommands(KEYS.Delete!, baseKeymap.Delete!);
const BACKSPACE = chainCommands(KEYS.Backspace!, baseKeymap.Backspace!);

/** The last item_text of the section whose keyword starts with `keyword`, and the next section's keyword. */
function boundary(doc: Node, keyword: string): { lastItemText: number; nextKeyword: number; keywordText: string } {
  let inSection = false;
  let lastItemText = -1;
  let nextKeyword = -1;
  let keywordText = '';
  doc.descendants((node, pos) => {
    if (nextKeyword >= 0) return false;
    if (node.type.name === 'section_keyword') {
      if (inSection) {
        nextKeyword = pos;
        keywordText = node.textContent;
      }
      inSection = node.textContent.startsWith(keyword);
    }
    // Items of the section's own list (depth 4: resolution > section > item_list > item > item_text).
    if (inSection && node.type.name === 'item_text' && doc.resolve(pos).depth === 4) lastItemText = pos;
    return true;
  });
  return { lastItemText, nextKeyword, keywordText };
}

function run(doc: Node, from: number, to: number, key: typeof DELETE, tracking: boolean): EditorState {
  let state = EditorState.create({
    doc,
    plugins: [
      uniqueIdsPlugin(),
      trackingPlugin({ author: { name: 'Fédération de Russie' }, enabled: tracking, now: () => '2026-04-14T10:00:00Z' }),
    ],
  });
  state = state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)));
  let tr: Transaction | null = null;
  expect(key(state, (t) => (tr = t))).toBe(true);
  const applied = applyIfSaveable(state, trackIfEnabled(state, tr!));
  if (!applied.ok) throw new Error(applied.message);
  return applied.state;
}

function sections(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'section') out.push(`${node.child(0).textContent} (${node.child(1).childCount})`);
    return node.type.name !== 'section';
  });
  return out;
}

describe('Delete on a selection from the last décide item into the next section', () => {
  const doc = resolution1332();
  const { lastItemText, nextKeyword, keywordText } = boundary(doc, 'décide');
  const lastItem = doc.nodeAt(lastItemText)!.textContent;
  expect(keywordText).toBe('charge le Secrétaire général');

  const cases = [
    { name: 'to the start of the keyword line', to: nextKeyword + 1, keyword: 'charge le Secrétaire général' },
    { name: 'into the keyword line', to: nextKeyword + 1 + 'charge '.length, keyword: 'le Secrétaire général' },
  ];
  for (const c of cases) {
    for (const [keyName, key] of [
      ['Delete', DELETE],
      ['Backspace', BACKSPACE],
    ] as const) {
      it(`${c.name} (${keyName}): the item and the selected words struck, nothing else`, () => {
        const tracked = run(doc, lastItemText + 1, c.to, key, true);
        const changes = listChanges(tracked.doc);
        // One user action, one change: the item deleted whole, the keyword's words with it.
        expect(new Set(changes.map((change) => change.id)).size).toBe(1);
        expect(changes.every((change) => change.kind === 'deletion')).toBe(true);
        // Nothing re-inserted, every other block as it was.
        expect(picture(tracked.doc)).not.toMatch(/\[\+|change\+|pm[+-]/);
        expect(rejectAll(tracked.doc).eq(rejectAll(doc))).toBe(true);
        const accepted = acceptAll(tracked.doc);
        expect(accepted.textContent).not.toContain(lastItem);
        expect(sections(accepted)).toEqual(
          sections(doc).map((s) =>
            s.startsWith('décide')
              ? s.replace(/\((\d+)\)/, (_m, n: string) => `(${Number(n) - 1})`)
              : s.startsWith('charge')
                ? s.replace('charge le Secrétaire général', c.keyword)
                : s,
          ),
        );
        // The same keys with tracking off give the accepted text.
        const untracked = run(doc, lastItemText + 1, c.to, key, false);
        expect(untracked.doc.textContent).toBe(accepted.textContent);
        expect(sections(untracked.doc)).toEqual(sections(accepted));
      });
    }
  }

  it('over the whole keyword line, tracked: refused (its items would stand under no keyword), nothing changed', () => {
    for (const key of [DELETE, BACKSPACE]) {
      expect(() => run(doc, lastItemText + 1, nextKeyword + 1 + keywordText.length, key, true)).toThrow(
        /keyword "charge le Secrétaire général" cannot be deleted while its items stay/,
      );
      // With tracking off the keyword line stays on screen, empty, to be typed into.
      const untracked = run(doc, lastItemText + 1, nextKeyword + 1 + keywordText.length, key, false);
      expect(sections(untracked.doc)).toContain(
        `${sections(doc)
          .find((s) => s.startsWith('charge le Secrétaire général ('))!
          .replace('charge le Secrétaire général', '')}`,
      );
    }
  });

  it('from the middle of the item: its selected words struck, the item stays', () => {
    const middle = lastItemText + 1 + 10;
    const tracked = run(doc, middle, nextKeyword + 1 + 'charge '.length, DELETE, true);
    const accepted = acceptAll(tracked.doc);
    expect(sections(accepted)).toEqual(sections(doc).map((s) => s.replace('charge le Secrétaire général', 'le Secrétaire général')));
    expect(accepted.textContent).toContain(`${lastItem.slice(0, 10)}le Secrétaire général`);
    expect(rejectAll(tracked.doc).eq(rejectAll(doc))).toBe(true);
    expect(picture(tracked.doc)).not.toMatch(/\[\+|change\+/);
  });
});

describe('typing over a selection from the last décide item into the next section', () => {
  const doc = resolution1332();
  const { lastItemText, nextKeyword } = boundary(doc, 'décide');
  const FROM = lastItemText + 1 + 10;
  const TO = nextKeyword + 1 + 'charge '.length;
  const selected = doc.textBetween(FROM, TO, '');

  /**
   * A letter typed over [from, to) as the view types it: the plugins' handleTextInput first (the
   * first that takes it), else ProseMirror's insertText; through the editor's dispatch.
   */
  function typeOver(tracking: boolean, from = FROM, to = TO): EditorState {
    let state = createEditorState(doc, { author: 'Fédération de Russie', tracking });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    const dispatched: Transaction[] = [];
    const view = { state, dispatch: (tr: Transaction) => dispatched.push(tr) } as unknown as EditorView;
    const taken = state.plugins.some((plugin) => plugin.props.handleTextInput?.call(plugin, view, from, to, 'x', () => state.tr));
    expect(taken).toBe(true);
    const applied = applyEditorTransaction(state, dispatched[0]!);
    if (!applied.ok) throw new Error(applied.message);
    return applied.state;
  }

  it('tracks exactly the selected text as deleted and the letter as inserted, the next section standing', () => {
    const tracked = typeOver(true);
    const changes = listChanges(tracked.doc);
    expect(changes.filter((change) => change.kind === 'insertion').map((change) => change.excerpt)).toEqual(['x']);
    const deleted = changes.filter((change) => change.kind === 'deletion');
    expect(new Set(deleted.map((change) => change.id)).size).toBe(1);
    // The struck text is what was selected, no more (the keyword's rest and the next items untouched).
    let struck = '';
    tracked.doc.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === 'deletion')) struck += node.text;
      return true;
    });
    expect(struck).toBe(selected);
    expect(picture(tracked.doc)).not.toMatch(/change[+-]|pm[+-]/);
    expect(sections(tracked.doc)).toEqual(sections(doc));
    expect(rejectAll(tracked.doc).eq(rejectAll(doc))).toBe(true);
    // Accepted, it is what the same key makes with tracking off: the two ends not merged.
    const accepted = acceptAll(tracked.doc);
    const untracked = typeOver(false).doc;
    expect(accepted.textContent).toBe(untracked.textContent);
    expect(sections(accepted)).toEqual(sections(untracked));
    expect(sections(untracked)).toEqual(sections(doc).map((s) => s.replace('charge le Secrétaire général', 'le Secrétaire général')));
    expect(accepted.textContent).toContain(`${doc.textBetween(lastItemText + 1, FROM, '')}x`);
  });

  it('over a whole item up to the next keyword line: the letter stays in that item, the keyword untouched', () => {
    const whole = [lastItemText + 1, nextKeyword + 1] as const;
    const tracked = typeOver(true, ...whole);
    const item = tracked.doc.nodeAt(lastItemText)!;
    // The item stands, its text struck and the letter inserted in it.
    expect(item.type.name).toBe('item_text');
    let struck = '';
    let inserted = '';
    item.forEach((node) => {
      if (node.marks.some((mark) => mark.type.name === 'deletion')) struck += node.text;
      if (node.marks.some((mark) => mark.type.name === 'insertion')) inserted += node.text;
    });
    expect(struck).toBe(doc.nodeAt(lastItemText)!.textContent);
    expect(inserted).toBe('x');
    expect(sections(tracked.doc)).toEqual(sections(doc));
    expect(rejectAll(tracked.doc).eq(rejectAll(doc))).toBe(true);
    const untracked = typeOver(false, ...whole).doc;
    expect(untracked.nodeAt(lastItemText)!.textContent).toBe('x');
    expect(sections(untracked)).toEqual(sections(doc));
    expect(acceptAll(tracked.doc).textContent).toBe(untracked.textContent);
  });
});

describe('a paste read later (in a worker) over a selection across the edge', () => {
  it('keeps the structure as typing over it does', () => {
    const doc = resolution1332();
    const { lastItemText, nextKeyword } = boundary(doc, 'décide');
    const from = lastItemText + 1 + 10;
    const to = nextKeyword + 1 + 'charge '.length;
    const state = EditorState.create({ doc });
    const slice = new Slice(Fragment.from(doc.type.schema.text('collé')), 0, 0);
    const pasted = replaceRangeKeepingStructure(state.tr, from, to, slice).doc;
    pasted.check();
    expect(sections(pasted)).toEqual(sections(doc).map((s) => s.replace('charge le Secrétaire général', 'le Secrétaire général')));
    expect(pasted.textContent).toContain(`${doc.textBetween(lastItemText + 1, from, '')}collé`);
    // ProseMirror's own replace merges the keyword line into the item.
    expect(sections(state.tr.replaceRange(from, to, slice).doc)).not.toEqual(sections(pasted));
  });
});
