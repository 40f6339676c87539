/**
 * Edit sequences the property test (tracking-property.test.ts) found with other seeds, shrunk by
 * fast-check and replayed here by name, each with every check of a property run: schema-valid
 * documents, reject-all gives the original exactly, accept-all equals the same edit with tracking
 * off, undo restores. Each case asserts that all its steps applied (none skipped as
 * not comparable), so it keeps testing the shape it was found with.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { runSequence, type Op } from '../support/tracking-edits.js';
import { smallResolution } from '../support/tracking-documents.js';
import { fixtureDocument } from '../support/fixtures.js';
import { itemTexts, picture, textPos } from '../support/tracking.js';
import { finalPastedSlice } from '../../shared/tracking/final-content.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import { joinParagraph } from '../../shared/tracking/structure.js';
import { trackingPlugin } from '../../shared/tracking/index.js';
import type { EditorView } from 'prosemirror-view';
import { listChanges, reviewChanges } from '../../shared/tracking/changes.js';
import { insertItemAfter } from '../../shared/editing/index.js';
import { applyEditorTransaction, createEditorState } from '../../renderer/editor/create-editor.js';
import { AUTHOR_RU, AUTHOR_SEC, contributionC26_93, revised1332 } from '../support/docx-fixtures.js';

const RES_1332 = fixtureDocument('council-res-1332-c24.txt');
const RES_30 = fixtureDocument('wtdc-res-30-kigali-2022.txt');
const now = () => '2026-11-23T10:00:00.000Z';
const alice = { name: 'Alice' };

function replay(doc: typeof RES_1332, ops: Op[]): void {
  expect(
    runSequence(
      doc,
      ops.map((op) => ({ op, who: 'Alice' })),
    ),
  ).toBe(ops.length);
}

describe('sequences found by the seed sweep (Resolution 1332 and Resolution 30)', () => {
  it('seed 13: a paste of text copied across a tracked join pastes it as one paragraph', () => {
    replay(RES_1332, [
      { kind: 'join', at: 815, backward: false },
      { kind: 'paste', at: 227, source: 1075, length: 22 },
    ]);
  });

  it('seed 9: Backspace at the start of an item that follows a deleted item joins the live item before it', () => {
    replay(RES_1332, [
      { kind: 'enter', at: 227 },
      { kind: 'deleteItem', at: 6212 },
      { kind: 'join', at: 816, backward: true },
    ]);
  });

  it('seed 10: the same after a tracked move left the item before deleted', () => {
    replay(RES_1332, [
      { kind: 'moveItem', at: 4297, to: 26 },
      { kind: 'join', at: 8538, backward: true },
    ]);
  });

  it('seed 18: the same in a sub-list emptied by a demotion', () => {
    replay(RES_1332, [
      { kind: 'insertItem', at: 0, text: 'x' },
      { kind: 'demote', at: 651 },
      { kind: 'join', at: 8107, backward: true },
    ]);
  });

  it('seed 7 (Res 30): Delete at the end of a section whose last item is deleted does not join the next keyword', () => {
    replay(RES_30, [
      { kind: 'moveItem', at: 0, to: 22 },
      { kind: 'deleteItem', at: 9123 },
      { kind: 'join', at: 6005, backward: false },
      { kind: 'type', at: 0, text: 'x' },
    ]);
  });

  it('seed 18 (Res 30): rejecting a split whose tail moved away gives the item back with its own id', () => {
    replay(RES_30, [
      { kind: 'enter', at: 332 },
      { kind: 'moveItem', at: 1, to: 0 },
    ]);
  });

  it('seed 12: typing in a footnote after a replace there is tracked (a footnote holds text like a paragraph)', () => {
    replay(RES_1332, [
      { kind: 'replace', at: 9620, length: 2, text: 'x' },
      { kind: 'type', at: 9621, text: 'x' },
    ]);
  });

  it('seed 3 (commands): Tab, then Delete at the end of the demoted item joins past the deleted original', () => {
    // ProseMirror writes this join as a ReplaceAroundStep; tracked, it is the paragraph mark deleted.
    replay(RES_1332, [
      { kind: 'command', at: 7309, edge: 'start', name: 'Tab' },
      { kind: 'join', at: 7309, backward: false },
    ]);
  });

  it('seed 20: moving the only item of a sub-list another author inserted leaves no empty item on accept', () => {
    replay(RES_1332, [
      { kind: 'demote', at: 2 },
      { kind: 'moveItem', at: 9992, to: 0 },
    ]);
  });

  it('seed 27: Enter (the editor command) at the end of a paragraph whose mark is deleted', () => {
    replay(RES_1332, [
      { kind: 'join', at: 6248, backward: false },
      { kind: 'command', at: 6248, edge: 'end', name: 'Enter' },
      { kind: 'delete', at: 0, length: 1 },
    ]);
  });

  it('seed 29: two Backspace joins after a move', () => {
    replay(RES_1332, [
      { kind: 'moveItem', at: 0, to: 802 },
      { kind: 'join', at: 7318, backward: true },
      { kind: 'join', at: 9002, backward: true },
      { kind: 'replace', at: 0, length: 1, text: 'x' },
    ]);
  });

  it('seed 23 (Res 30): Shift-Enter at the start of a paragraph whose mark is deleted is a tracked split', () => {
    replay(RES_30, [
      { kind: 'join', at: 7409, backward: false },
      { kind: 'command', at: 7409, edge: 'start', name: 'Shift-Enter' },
    ]);
  });

  it('seed 36 (Res 30): a deletion from an item through its own new empty item into the next one', () => {
    // The split is undone for real; the deletion still joins the item with the next one on accept.
    replay(RES_30, [
      { kind: 'command', at: 2317, edge: 'end', name: 'Enter' },
      { kind: 'delete', at: 2516, length: 15 },
    ]);
  });

  it('Enter at the start, and at the end, of a paragraph whose mark is deleted still splits it', () => {
    replay(RES_1332, [
      { kind: 'join', at: 1756, backward: true },
      { kind: 'enter', at: 1490 },
    ]);
    replay(RES_1332, [
      { kind: 'join', at: 2191, backward: false },
      { kind: 'enter', at: 2191 },
    ]);
  });
});

describe('the shapes behind them, on the small resolution', () => {
  const original = smallResolution();
  const at = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

  it('a paste of a copied tracked join is the joined text, inserted without a paragraph mark', () => {
    const $start = original.resolve(textPos(original, 'les résultats'));
    const joined = EditorState.create({
      doc: joinParagraph(EditorState.create({ doc: original }), $start, 'backward', { author: alice, now })!.doc,
    });
    expect(picture(joined.doc)).toContain('item_text{pm-}("la Résolution 70/125;")');
    const copied = finalPastedSlice(joined.doc.slice(textPos(joined.doc, '125;'), textPos(joined.doc, 'les résultats') + 5));
    expect(copied.content.childCount).toBe(1);
    const target = at(joined, textPos(joined.doc, 'dernier'));
    const pasted = target.apply(trackTransaction(target.tr.replaceSelection(copied), target, alice, now));
    expect(picture(pasted.doc)).toContain('item_text("[+125;les r+]dernier,")');
    expect(rejectAll(pasted.doc).eq(original)).toBe(true);
  });

  it("the editor's paste goes through finalPastedSlice while tracking is on, and only then", () => {
    const $start = original.resolve(textPos(original, 'les résultats'));
    const joinedDoc = joinParagraph(EditorState.create({ doc: original }), $start, 'backward', { author: alice, now })!.doc;
    const copied = joinedDoc.slice(textPos(joinedDoc, '125;'), textPos(joinedDoc, 'les résultats') + 5);
    for (const enabled of [true, false]) {
      const plugin = trackingPlugin({ author: alice, enabled });
      const state = EditorState.create({ doc: joinedDoc, plugins: [plugin] });
      // transformPasted reads only the view's state.
      const view = { state } as unknown as EditorView;
      const pasted = plugin.props.transformPasted!.call(plugin, copied, view, false);
      expect(pasted.content.childCount, `tracking ${enabled ? 'on' : 'off'}`).toBe(enabled ? 1 : 2);
    }
  });

  it('an edit tracked as whole blocks keeps the pending join of the last block it re-inserts', () => {
    const $start = original.resolve(textPos(original, 'trois.'));
    const joined = EditorState.create({
      doc: joinParagraph(EditorState.create({ doc: original }), $start, 'backward', { author: alice, now })!.doc,
    });
    // Two insertions in one transaction: the tracker diffs the documents and re-inserts the items.
    const tr = joined.tr.insertText('Z', textPos(joined.doc, 'un;')).insertText('Y', textPos(joined.doc, 'b.') + 1 + 1);
    const result = trackTransaction(tr, joined, alice, now);
    result.doc.check();
    expect(itemTexts(acceptAll(result.doc))).toEqual(itemTexts(acceptAll(tr.doc)));
    expect(rejectAll(result.doc).eq(original)).toBe(true);
  });
});

describe('reject-all when the first block is an inserted resolution (issue 16)', () => {
  const inserted = { kind: 'insertion', id: 'c-first', author: 'A', date: '2026-01-01T00:00:00Z' };

  it('removes it and leaves the blocks after it, every block with an id', () => {
    const doc = fixtureDocument('council-res-1332-c24.txt');
    const first = doc.child(0);
    const withInserted = doc.type.create(doc.attrs, [
      first.type.create({ ...first.attrs, id: 'r-new', change: inserted }, first.content),
      ...Array.from({ length: doc.childCount }, (_, i) => doc.child(i)),
    ]);
    const rejected = rejectAll(withInserted);
    rejected.check();
    expect(rejected.eq(doc)).toBe(true);
  });

  it('leaves an empty paragraph with an id when the inserted resolution was the only block', () => {
    const doc = fixtureDocument('council-res-1332-c24.txt');
    const only = doc.type.create(doc.attrs, [doc.child(0).type.create({ ...doc.child(0).attrs, change: inserted }, doc.child(0).content)]);
    const rejected = rejectAll(only);
    rejected.check();
    const ids: unknown[] = [];
    rejected.descendants((node) => {
      if ('id' in node.attrs) ids.push(node.attrs.id);
    });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
  });
});

describe("+ Item with the author of the fixture's own changes, then reject-all (issue 15, reported last session)", () => {
  // Reported: with the author already recorded in a fixture's changes, insertItemAfter then
  // reject-all left the inserted item. Not reproduced on this tree; this walks every item of both
  // tracked fixtures, as each of their authors, through the editor's dispatch and the panel's
  // Reject all, with and without text typed in the new item.
  for (const [name, make] of [
    ['Res 1332 as revised (C26/93)', () => revised1332()],
    ['the C26/93 contribution', () => contributionC26_93()],
  ] as const) {
    it(name, () => {
      const doc = make();
      const authors = new Set(listChanges(doc).map((change) => change.author));
      expect([...authors].sort()).toEqual([AUTHOR_RU, AUTHOR_SEC].sort());
      let tried = 0;
      for (const author of authors) {
        const base = createEditorState(doc, { author, tracking: true });
        const original = rejectAll(base.doc);
        base.doc.descendants((node, pos) => {
          if (node.type.name !== 'item_text') return true;
          for (const typed of ['', 'de publier un rapport;']) {
            let state = base.apply(base.tr.setSelection(TextSelection.create(base.doc, pos + node.nodeSize - 1)));
            const run = (tr: Transaction) => {
              const applied = applyEditorTransaction(state, tr);
              if (applied.ok) state = applied.state;
            };
            if (!insertItemAfter(state, run)) continue;
            if (typed) run(state.tr.insertText(typed));
            expect(rejectAll(state.doc).eq(original)).toBe(true);
            expect(state.apply(reviewChanges(state, 'reject')!).doc.eq(original)).toBe(true);
            tried++;
          }
          return false;
        });
      }
      expect(tried).toBeGreaterThan(80);
    });
  }
});
