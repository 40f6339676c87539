/**
 * A cross-reference follows its target when a delegate moves the target in suggestion mode.
 *
 * Tracked, a move is the item deleted where it was and a copy inserted where it goes (the copy
 * cannot take the original's id while the original still stands, struck through). Res 1332's
 * "point 5 du décide" must then read "point 4 du décide" in the new text, never "point ?? du
 * décide", and accepting the move must leave the reference on the moved item.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/check/index.js';
import { demoteItem, moveItemUp } from '../../shared/editing/index.js';
import type { Command } from '../../shared/editing/context.js';
import { importText } from '../../shared/import/index.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { linkReferences, referenceText, trackedReferenceText } from '../../shared/numbering/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import { resolveChanges } from '../../shared/tracking/review.js';
import { blockChange } from '../../shared/tracking/index.js';
import { moveItem } from '../../shared/tracking/structure.js';
import { finalPastedSlice } from '../../shared/tracking/final-content.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { itemPos, references, sectionList } from '../support/resolution-places.js';

const RES_1332 = linkReferences(
  importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8'), { language: 'fr' }).doc,
);
const author = { name: 'Brésil' };
const now = () => '2026-11-23T10:00:00Z';
const DECIDE_5 = sectionList(RES_1332, 'décide').list.child(4);

/** The text of the document's only reference in both numberings. */
function reference(doc: Node) {
  const refs = references(doc);
  expect(refs).toHaveLength(1);
  return trackedReferenceText(refs[0]!.node, doc);
}

/** Where décide 5 ("d'inviter les membres…") stands in the new text: the item, not a struck copy. */
function targetPos(doc: Node): number {
  const { list, start } = sectionList(doc, 'décide');
  let at = start;
  for (let i = 0; i < list.childCount; i++) {
    const item = list.child(i);
    if (item.textContent.startsWith("d'inviter les membres") && blockChange(item)?.kind !== 'deletion') return at;
    at += item.nodeSize;
  }
  throw new Error('décide 5 is not in the new text');
}

/** Runs an editor command with the cursor in the text of décide 5, tracked (or not). */
function run(state: EditorState, command: Command, track = true): EditorState {
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, targetPos(state.doc) + 2)));
  let made: Transaction | null = null;
  expect(command(placed, (tr) => (made = tr))).toBe(true);
  return placed.apply(track ? trackTransaction(made!, placed, author, now) : made!);
}

/** The reference's text in a document without tracked changes, and the item it names. */
function settled(doc: Node) {
  return referenceText(references(doc)[0]!.node, doc, computeLabels(doc));
}

function movedFromLeft(doc: Node): string[] {
  const left: string[] = [];
  doc.descendants((node) => {
    if (node.attrs.movedFrom) left.push(node.attrs.movedFrom as string);
    return true;
  });
  return left;
}

describe('a reference to an item moved in suggestion mode (Res 1332, "point 5 du décide")', () => {
  const start = EditorState.create({ doc: RES_1332 });

  it('Alt+Up: the new text reads "point 4", the original "point 5"; accepted, the document is the untracked move’s, ids included', () => {
    const state = run(start, moveItemUp);
    const both = reference(state.doc);
    expect(both.original).toMatchObject({ text: 'point\u00a05 du décide', dangling: false, target: DECIDE_5.attrs.id });
    expect(both.new).toMatchObject({ text: 'point\u00a04 du décide', dangling: false });
    // The item the delegate moved is the one shown moved (not décide 4 going down past it).
    expect(listChanges(state.doc).map((c) => [c.kind, c.moved, c.excerpt.slice(0, 21)])).toEqual([
      ['insertion', true, "d'inviter les membres"],
      ['deletion', true, "d'inviter les membres"],
    ]);
    // The checks do not report a reference that merely follows a pending move.
    expect(checkDocument(state.doc).filter((f) => f.code === 'dangling-reference')).toEqual([]);

    const accepted = acceptAll(state.doc);
    expect(settled(accepted)).toEqual({ text: 'point\u00a04 du décide', dangling: false, target: DECIDE_5.attrs.id });
    expect(accepted.eq(run(start, moveItemUp, false).doc)).toBe(true);
    expect(rejectAll(state.doc).eq(RES_1332)).toBe(true);
  });

  it('moved to the head of décide as a struck original and a copy: the reference reads from the copy', () => {
    const from = targetPos(RES_1332);
    const state = start.apply(moveItem(start, from, itemPos(RES_1332, 'décide', 0), { author, now }));
    // The copy records what it copies, down to its paragraphs.
    expect(movedFromLeft(state.doc)).toContain(DECIDE_5.attrs.id);
    expect(movedFromLeft(state.doc)).toContain(DECIDE_5.firstChild!.attrs.id);
    // The changes list shows the two halves of one move.
    expect(listChanges(state.doc).map((c) => [c.kind, c.blockType, c.moved])).toEqual([
      ['insertion', 'item', true],
      ['deletion', 'item', true],
    ]);
    expect(reference(state.doc).new).toMatchObject({ text: 'point\u00a01 du décide', dangling: false });
    expect(reference(state.doc).original).toMatchObject({ text: 'point\u00a05 du décide', target: DECIDE_5.attrs.id });
    const accepted = acceptAll(state.doc);
    expect(settled(accepted)).toEqual({ text: 'point\u00a01 du décide', dangling: false, target: DECIDE_5.attrs.id });
    expect(movedFromLeft(accepted)).toEqual([]);
    expect(accepted.eq(start.apply(moveItem(start, from, itemPos(RES_1332, 'décide', 0))).doc)).toBe(true);
    expect(rejectAll(state.doc).eq(RES_1332)).toBe(true);
  });

  it('Tab demotes the target under décide 4: "point 4 a. du décide", and so after accepting', () => {
    const state = run(start, demoteItem);
    expect(reference(state.doc).new).toMatchObject({ text: 'point\u00a04 a. du décide', dangling: false });
    expect(settled(acceptAll(state.doc))).toEqual({ text: 'point\u00a04 a. du décide', dangling: false, target: DECIDE_5.attrs.id });
  });

  it('moved twice (the copy moved again): the reference follows to "point 3"', () => {
    const twice = run(run(start, moveItemUp), moveItemUp);
    expect(reference(twice.doc).new).toMatchObject({ text: 'point\u00a03 du décide', dangling: false });
    const accepted = acceptAll(twice.doc);
    expect(settled(accepted)).toEqual({ text: 'point\u00a03 du décide', dangling: false, target: DECIDE_5.attrs.id });
    expect(movedFromLeft(accepted)).toEqual([]);
    expect(accepted.eq(run(run(start, moveItemUp, false), moveItemUp, false).doc)).toBe(true);
  });

  it('half the move accepted: insertion kept and deletion rejected leaves the item twice, the reference on the original', () => {
    const from = targetPos(RES_1332);
    const end = sectionList(RES_1332, 'décide');
    const state = start.apply(moveItem(start, from, end.start + end.list.content.size, { author, now }));
    const changes = listChanges(state.doc);
    const insertion = changes.find((c) => c.kind === 'insertion')!;
    const deletion = changes.find((c) => c.kind === 'deletion')!;
    // The insertion accepted alone: the copy waits for its original's review, still half a move.
    const copyKept = resolveChanges(state.doc, 'accept', (id) => id === insertion.id);
    expect(listChanges(copyKept).map((c) => [c.kind, c.moved])).toEqual([['deletion', true]]);
    const kept = resolveChanges(copyKept, 'reject', (id) => id === deletion.id);
    expect(sectionList(kept, 'décide').list.childCount).toBe(7);
    expect(movedFromLeft(kept)).toEqual([]);
    expect(settled(kept)).toEqual({ text: 'point\u00a05 du décide', dangling: false, target: DECIDE_5.attrs.id });

    // The deletion accepted first, the insertion still pending: the copy carries the item's id.
    const half = resolveChanges(state.doc, 'accept', (id) => id === deletion.id);
    expect(listChanges(half).map((c) => c.kind)).toEqual(['insertion']);
    expect(reference(half).new).toMatchObject({ text: 'point\u00a06 du décide', dangling: false, target: DECIDE_5.attrs.id });
    // …and rejecting that insertion removes the item for good: now the reference is dangling.
    expect(settled(rejectAll(half)).dangling).toBe(true);
  });

  it('cut and paste elsewhere is a move too: the reference reads from the pasted copy', () => {
    const from = itemPos(RES_1332, 'décide', 4);
    const to = from + DECIDE_5.nodeSize;
    const cut = trackTransaction(start.tr.delete(from, to), start, author, now);
    const afterCut = start.apply(cut);
    expect(reference(afterCut.doc).new.dangling).toBe(true);
    const slice = finalPastedSlice(RES_1332.slice(from, to));
    const target = itemPos(afterCut.doc, 'décide', 1);
    const paste = trackTransaction(afterCut.tr.replace(target, target, slice), afterCut, author, now);
    const pasted = afterCut.apply(paste);
    expect(reference(pasted.doc).new).toMatchObject({ text: 'point\u00a02 du décide', dangling: false });
    expect(listChanges(pasted.doc).map((c) => c.moved)).toEqual([true, true]);
    expect(settled(acceptAll(pasted.doc))).toEqual({ text: 'point\u00a02 du décide', dangling: false, target: DECIDE_5.attrs.id });
  });

  it('a copy pasted while the item stays is no move: the reference keeps to the item', () => {
    const from = targetPos(RES_1332);
    const slice = finalPastedSlice(RES_1332.slice(from, from + DECIDE_5.nodeSize));
    const target = itemPos(RES_1332, 'décide', 1);
    const pasted = start.apply(trackTransaction(start.tr.replace(target, target, slice), start, author, now));
    expect(listChanges(pasted.doc).map((c) => [c.kind, c.moved])).toEqual([['insertion', undefined]]);
    expect(reference(pasted.doc).new).toMatchObject({ text: 'point\u00a06 du décide', target: DECIDE_5.attrs.id });
    const accepted = acceptAll(pasted.doc);
    expect(movedFromLeft(accepted)).toEqual([]);
    expect(settled(accepted)).toEqual({ text: 'point\u00a06 du décide', dangling: false, target: DECIDE_5.attrs.id });
  });
});
