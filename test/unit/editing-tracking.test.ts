/**
 * The structure commands under tracked changes: every transaction they build must be one the
 * tracking layer (shared/tracking) can turn into a tracked change, so that rejecting it gives the
 * document back and accepting it gives the command's result. Run on Resolution 1332 at cursor
 * positions all through the document.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Mark, type Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { importText } from '../../shared/import/index.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { acceptAll, blockChange, paragraphMark, rejectAll } from '../../shared/tracking/index.js';
import {
  demoteItem,
  moveItemDown,
  moveItemUp,
  promoteItem,
  insertAnnex,
  insertFootnote,
  insertItemAfter,
  insertSection,
} from '../../shared/editing/index.js';
import { structureKeymap } from '../../shared/editing/index.js';
import { deleteItem } from '../../shared/editing/insert.js';
import { joinItemForward, mergeItemBackward } from '../../shared/editing/join.js';
import { leaveList, splitItem } from '../../shared/editing/enter.js';
import type { Command } from '../../shared/editing/context.js';
import { picture } from '../support/tracking.js';

const ORIGINAL = importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8'), {
  language: 'fr',
}).doc;

/** The start, middle and end of every textblock. */
function cursorPositions(doc: Node): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (const offset of new Set([0, Math.floor(node.content.size / 2), node.content.size])) positions.push(pos + 1 + offset);
    return false;
  });
  return positions;
}

/**
 * About `count` positions, spread through the document, where `command` applies
 * (tracking a structure change diffs the document: each one costs milliseconds).
 */
function samplePositions(doc: Node, command: Command, count: number): number[] {
  const applicable = cursorPositions(doc).filter((pos) => command(at(doc, pos)));
  const stride = Math.max(1, Math.floor(applicable.length / count));
  return applicable.filter((_pos, index) => index % stride === 0);
}

/** Equal documents but for block ids (tracking may give a re-inserted block a new one). */
function sameButIds(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.text !== b.text || a.childCount !== b.childCount || !Mark.sameSet(a.marks, b.marks)) return false;
  const { id: _a, ...attrsA } = a.attrs;
  const { id: _b, ...attrsB } = b.attrs;
  if (JSON.stringify(attrsA) !== JSON.stringify(attrsB)) return false;
  for (let i = 0; i < a.childCount; i++) if (!sameButIds(a.child(i), b.child(i))) return false;
  return true;
}

function at(doc: Node, pos: number): EditorState {
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

function built(command: Command, state: EditorState): Transaction | null {
  let tr: Transaction | null = null;
  command(state, (t) => (tr = t));
  return tr;
}

// Attribute changes (a list's style) pass through tracking untracked by design (shared/tracking),
// so setListStyle is not among them.
const KEYS = structureKeymap();
const COMMANDS: Array<[string, Command]> = [
  ['Enter', KEYS.Enter!],
  ['Shift-Enter', KEYS['Shift-Enter']!],
  ['demoteItem (Tab)', demoteItem],
  ['promoteItem (Shift-Tab)', promoteItem],
  ['mergeItemBackward (Backspace)', mergeItemBackward],
  ['joinItemForward (Delete)', joinItemForward],
  ['moveItemUp (Alt-Up)', moveItemUp],
  ['moveItemDown (Alt-Down)', moveItemDown],
  ['insertItemAfter', insertItemAfter],
  ['deleteItem', deleteItem],
  ['insertFootnote', insertFootnote('note')],
  ['insertSection', insertSection('operative', 'décide en outre')],
  ['insertAnnex', insertAnnex],
];

describe('structure commands under tracked changes', () => {
  it.each(COMMANDS)('%s: the tracked transaction is valid; reject gives the original, accept the result', (_name, command) => {
    let tracked = 0;
    for (const pos of samplePositions(ORIGINAL, command, 10)) {
      const state = at(ORIGINAL, pos);
      const tr = built(command, state);
      if (!tr?.docChanged) continue;
      const result = trackTransaction(tr, state, { name: 'Délégué' }, () => '2026-11-23T00:00:00Z');
      result.doc.check();
      expect(sameButIds(rejectAll(result.doc), ORIGINAL)).toBe(true);
      expect(sameButIds(acceptAll(result.doc), tr.doc)).toBe(true);
      tracked++;
    }
    expect(tracked).toBeGreaterThan(5);
  });

  it('leaveList (Enter in an empty item) too, in every list of the resolution', () => {
    let tracked = 0;
    for (const pos of cursorPositions(ORIGINAL).filter((_pos, index) => index % 5 === 2)) {
      // An empty item first (untracked), then Enter in it, tracked.
      const start = at(ORIGINAL, pos);
      const split = built(splitItem, start);
      if (!split) continue;
      const state = start.apply(split);
      if (state.selection.$from.parent.content.size > 0) continue;
      const tr = built(leaveList, state);
      if (!tr?.docChanged) continue;
      const result = trackTransaction(tr, state, { name: 'Délégué' }, () => '2026-11-23T00:00:00Z');
      result.doc.check();
      expect(sameButIds(rejectAll(result.doc), state.doc)).toBe(true);
      expect(sameButIds(acceptAll(result.doc), tr.doc)).toBe(true);
      tracked++;
    }
    expect(tracked).toBeGreaterThan(5);
  });

  it('Enter, Enter at the end of an item, both tracked: the empty item was never there, so rejecting gives the original back', () => {
    const author = { name: 'Délégué' };
    // A second later each time, as when a user presses the key twice.
    let second = 0;
    const now = () => `2026-11-23T00:00:${String(second++ % 60).padStart(2, '0')}Z`;
    let tracked = 0;
    let inSections = 0;
    let inSubItems = 0;
    let inOtherLists = 0;
    const ends = cursorPositions(ORIGINAL).filter((pos) => {
      const { $from } = at(ORIGINAL, pos).selection;
      return $from.parentOffset === $from.parent.content.size && $from.parent.type.name === 'item_text';
    });
    for (const pos of ends.filter((_pos, index) => index % 4 === 0)) {
      const start = at(ORIGINAL, pos);
      const split = built(KEYS.Enter!, start);
      if (!split) continue;
      const state = start.apply(trackTransaction(split, start, author, now));
      if (state.selection.$from.parent.content.size > 0) continue;
      // Backspace in the empty item instead takes it away with its split: the original, unmarked.
      const back = built(KEYS.Backspace!, state);
      expect(back?.docChanged, `Backspace at ${pos}`).toBe(true);
      const undone = trackTransaction(back!, state, author, now).doc;
      expect(sameButIds(undone, ORIGINAL), `Backspace at ${pos}`).toBe(true);
      const tr = built(KEYS.Enter!, state);
      if (!tr?.docChanged) continue;
      const result = trackTransaction(tr, state, author, now);
      result.doc.check();
      expect(sameButIds(rejectAll(result.doc), ORIGINAL), `at ${pos}`).toBe(true);
      expect(sameButIds(acceptAll(result.doc), acceptAll(tr.doc)), `at ${pos}`).toBe(true);
      tracked++;
      // An item of a section (décide 1, 2…): the empty item the first Enter made goes with its
      // split. An empty sub-item is promoted, the sub-items after it going under it; in an annex's
      // list the empty item becomes a paragraph, the items after it a list of their own: the
      // paragraph mark the first Enter inserted carries either, the items that moved carry no mark.
      // Either way nothing is shown deleted.
      const $item = state.selection.$from;
      const holder = $item.node($item.depth - 3).type.name;
      const marked: string[] = [];
      result.doc.descendants((node) => {
        if (blockChange(node)?.kind === 'deletion' || node.attrs.deletion)
          marked.push(`${node.type.name} [${node.textContent.slice(0, 30)}]`);
        const mark = paragraphMark(node);
        if (mark) marked.push(`${mark.kind} paragraph mark${mark.author === author.name ? '' : ` by ${mark.author}`}`);
        if (node.isText && node.marks.length > 0) marked.push(`marked text [${node.text!.slice(0, 30)}]`);
      });
      expect(marked, `at ${pos}`).toEqual(holder === 'section' ? [] : ['insertion paragraph mark']);
      if (holder === 'item') inSubItems++;
      else if (holder === 'section') inSections++;
      else inOtherLists++;
    }
    expect(tracked).toBeGreaterThan(5);
    expect(inSections).toBeGreaterThan(2);
    expect(inSubItems).toBeGreaterThan(2);
    expect(inOtherLists).toBeGreaterThan(0);
  });
});

describe('Tab after a tracked promotion (found by the UI-level property test, seed 7)', () => {
  it('demotes into the previous item beside its deleted sub-list, not into it: accept keeps the item', () => {
    const author = { name: 'Délégué' };
    const now = () => '2026-11-23T00:00:00Z';
    const track = (state: EditorState, command: Command) => state.apply(trackTransaction(built(command, state)!, state, author, now));
    // The first sub-item of an item whose sub-list has two: promoted, tracked — the sub-list is
    // struck where it was, the promoted item (with the other as its sub-item) inserted after.
    let parentPos = -1;
    ORIGINAL.descendants((node, pos) => {
      if (parentPos < 0 && node.type.name === 'item' && node.lastChild?.type.name === 'item_list' && node.lastChild.childCount === 2)
        parentPos = pos;
      return parentPos < 0;
    });
    const parent = ORIGINAL.nodeAt(parentPos)!;
    const subItemText = parentPos + 1 + parent.firstChild!.nodeSize + 2 + 1;
    const firstSub = ORIGINAL.resolve(subItemText).parent.textContent;
    let state = track(at(ORIGINAL, subItemText), promoteItem);
    expect(picture(state.doc)).toMatch(/item_list\{change-\}/);
    // Tab on the promoted item: it goes back under the item it came from.
    let promoted = -1;
    state.doc.descendants((node, pos) => {
      if (promoted < 0 && node.type.name === 'item' && node.attrs.change?.kind === 'insertion') promoted = pos + 2;
      return promoted < 0;
    });
    expect(state.doc.resolve(promoted).parent.textContent).toBe(firstSub);
    const plain = (() => {
      const accepted = at(acceptAll(state.doc), 0);
      let pos = -1;
      accepted.doc.descendants((node, p) => {
        if (pos < 0 && node.isTextblock && node.textContent === firstSub) pos = p + 1;
        return pos < 0;
      });
      return accepted.apply(built(demoteItem, at(accepted.doc, pos))!).doc;
    })();
    state = track(state.apply(state.tr.setSelection(TextSelection.create(state.doc, promoted))), demoteItem);
    state.doc.check();
    const accepted = acceptAll(state.doc);
    expect(accepted.textContent).toContain(firstSub);
    expect(sameButIds(accepted, plain)).toBe(true);
    expect(sameButIds(rejectAll(state.doc), ORIGINAL)).toBe(true);
  });
});
