/**
 * Issue 15, item 5: the labels on screen are never stale. After any tracked edit, undo or redo,
 * the editor's label decorations (renderer/editor/labels-plugin.ts) and its incremental numbering
 * equal what a fresh computation draws; an item deleted with tracking, and the sub-items it takes
 * with it, never show a label of the new numbering.
 */
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { closeHistory, history, redo, undo } from 'prosemirror-history';
import { describe, expect, it } from 'vitest';
import { computeLabels, numberingKey, numberingPlugin } from '../../shared/numbering/index.js';
import { deleteItem } from '../../shared/editing/insert.js';
import { trackIfEnabled, trackingPlugin } from '../../shared/tracking/plugin.js';
import { labelsKey, labelsPlugin } from '../../renderer/editor/labels-plugin.js';
import { edit, editStep } from '../support/tracking-edits.js';
import { fixtureDocument } from '../support/fixtures.js';

/** The label attributes drawn on screen, by node position. */
function drawn(state: EditorState): string[] {
  return labelsKey
    .getState(state)!
    .decorations.find()
    .map((d) => `${d.from}-${d.to} ${JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs)}`)
    .sort();
}

function fresh(doc: Node): EditorState {
  return EditorState.create({ doc, plugins: [numberingPlugin(), labelsPlugin()] });
}

const sorted = (m: ReadonlyMap<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b));

function expectCurrent(state: EditorState, context: string): void {
  expect(drawn(state), context).toEqual(drawn(fresh(state.doc)));
  const numbering = numberingKey.getState(state)!;
  expect(sorted(numbering.labels.items), context).toEqual(sorted(computeLabels(state.doc, { view: 'new' }).items));
  expect(sorted(numbering.original.items), context).toEqual(sorted(computeLabels(state.doc, { view: 'original' }).items));
}

describe('labels on screen', () => {
  const doc = fixtureDocument('council-res-1332-c24.txt');

  it('after random tracked edits, undos and redos, equal a fresh drawing', () => {
    let steps = 0;
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof({ weight: 3, arbitrary: editStep }, { weight: 1, arbitrary: fc.constantFrom('undo' as const, 'redo' as const) }),
          { minLength: 1, maxLength: 10 },
        ),
        (ops) => {
          let state = EditorState.create({ doc, plugins: [numberingPlugin(), labelsPlugin(), history()] });
          for (const op of ops) {
            steps++;
            const before = state;
            if (op === 'undo') undo(state, (tr) => (state = state.apply(tr)));
            else if (op === 'redo') redo(state, (tr) => (state = state.apply(tr)));
            else {
              const built = edit(state, op.op, { author: { name: op.who }, now: () => '2026-04-14T10:00:00Z' });
              if (!built) continue;
              try {
                built.tracked.doc.check();
              } catch {
                continue;
              }
              state = state.apply(closeHistory(built.tracked));
            }
            if (state !== before) ran++;
            expectCurrent(state, JSON.stringify(ops));
          }
        },
      ),
      { numRuns: 120, seed: 15 },
    );
    // The steps really ran (an edit that does not apply, an undo with nothing to undo, are skipped).
    expect(ran / steps).toBeGreaterThan(0.6);
  });

  it('an item deleted with tracking shows its old label struck, and no new label; nor do its sub-items', () => {
    // "décide" 3 of Resolution 1332 has sub-items a) b) …: delete it with tracking on.
    let item = -1;
    doc.descendants((node, pos) => {
      if (item < 0 && node.type.name === 'item' && node.childCount > 1 && node.child(1).type.name === 'item_list') item = pos;
      return item < 0;
    });
    let state = EditorState.create({
      doc,
      plugins: [numberingPlugin(), labelsPlugin(), history(), trackingPlugin({ author: { name: 'A' }, enabled: true })],
    });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, item + 2)));
    deleteItem(state, (tr) => (state = state.apply(trackIfEnabled(state, tr))));
    const deleted = state.doc.nodeAt(item)!;
    expect((deleted.attrs.change as { kind: string } | null)?.kind).toBe('deletion');
    const decorations = labelsKey.getState(state)!.decorations;
    const ids: string[] = [];
    deleted.descendants((node) => {
      if (node.type.name === 'item') ids.push(node.attrs.id as string);
      return true;
    });
    ids.unshift(deleted.attrs.id as string);
    expect(ids.length).toBeGreaterThan(1);
    const attrsOf = (from: number) =>
      decorations.find(from, from + 1).find((d) => d.from === from) as unknown as { type: { attrs: Record<string, string> } } | undefined;
    state.doc.nodesBetween(item, item + deleted.nodeSize, (node, pos) => {
      if (node.type.name !== 'item' || pos < item) return true; // the items around it are not deleted
      const attrs = attrsOf(pos)?.type.attrs ?? {};
      expect(attrs['data-label'], node.textContent.slice(0, 30)).toBeUndefined();
      expect(attrs['data-old-label']).toBeTruthy();
      return true;
    });
    // Undo brings every label back as it was.
    undo(state, (tr) => (state = state.apply(tr)));
    expect(drawn(state)).toEqual(drawn(fresh(doc)));
  });
});
