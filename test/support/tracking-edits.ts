/**
 * Random edit sequences for the tracking property tests: each edit is built as a plain transaction
 * and as its tracked version on the same state, and every step is checked against the invariants.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state';
import { closeHistory, history, undo } from 'prosemirror-history';
import { splitListItem } from 'prosemirror-schema-list';
import { item as buildItem } from '../../shared/model/build.js';
import { schema } from '../../shared/schema/index.js';
import { finalPastedSlice } from '../../shared/tracking/final-content.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { UntrackableEditError } from '../../shared/tracking/untrackable.js';
import { acceptAll, rejectAll, resolveWithMapping } from '../../shared/tracking/index.js';
import {
  deleteBlock,
  demoteItem,
  insertNode,
  joinParagraph,
  moveItem,
  promoteItem,
  type TrackAs,
} from '../../shared/tracking/structure.js';
import { picture, pictureDiff, withoutIds } from './tracking.js';
import { insertAnnex, insertFootnote, insertItemAfter, insertSection } from '../../shared/editing/index.js';
import { structureKeymap } from '../../shared/editing/index.js';
import { deleteItem as deleteItemCommand } from '../../shared/editing/insert.js';
import type { Command } from '../../shared/editing/context.js';

export type Op =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'enter'; at: number }
  | { kind: 'join'; at: number; backward: boolean }
  | { kind: 'paste'; at: number; source: number; length: number }
  | { kind: 'insertItem'; at: number; text: string }
  | { kind: 'deleteItem'; at: number }
  | { kind: 'moveItem'; at: number; to: number }
  | { kind: 'demote'; at: number }
  | { kind: 'promote'; at: number }
  | { kind: 'command'; at: number; edge: Edge; name: CommandName };

/** Where in its paragraph a command's cursor stands. */
type Edge = 'start' | 'middle' | 'end';

/** The editor's structure commands (shared/editing), as the keys and menus run them. */
const KEYS = structureKeymap();
const COMMANDS = {
  Enter: KEYS.Enter!,
  'Shift-Enter': KEYS['Shift-Enter']!,
  Backspace: KEYS.Backspace!,
  Delete: KEYS.Delete!,
  Tab: KEYS.Tab!,
  'Shift-Tab': KEYS['Shift-Tab']!,
  'Alt-ArrowUp': KEYS['Alt-ArrowUp']!,
  'Alt-ArrowDown': KEYS['Alt-ArrowDown']!,
  insertItemAfter,
  deleteItem: deleteItemCommand,
  insertFootnote: insertFootnote('note'),
  insertSection: insertSection('operative', 'décide en outre'),
  insertAnnex,
} satisfies Record<string, Command>;
type CommandName = keyof typeof COMMANDS;

const fraction = fc.integer({ min: 0, max: 9999 });
const word = fc.constantFrom('x', 'ab', ' nouveau ', 'é', 'C26', ';');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fraction, text: word }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fraction, length: fc.integer({ min: 1, max: 30 }), text: word }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('enter' as const), at: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), at: fraction, backward: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fraction, source: fraction, length: fc.integer({ min: 1, max: 60 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertItem' as const), at: fraction, text: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteItem' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('moveItem' as const), at: fraction, to: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('demote' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('promote' as const), at: fraction }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      at: fraction,
      edge: fc.constantFrom<Edge>('start', 'middle', 'end'),
      name: fc.constantFrom(...(Object.keys(COMMANDS) as CommandName[])),
    }),
  },
);
const author = fc.constantFrom('Alice', 'Bob');

export const editStep = fc.record({ op, who: author });

const TEXT_KINDS = new Set<Op['kind']>(['type', 'delete', 'replace', 'enter', 'join', 'paste', 'command']);
/** Typing, deleting and replacing only: no structure edits. */
export const typingStep = fc.record({
  op: op.filter((o) => o.kind === 'type' || o.kind === 'delete' || o.kind === 'replace'),
  who: author,
});

function joinTracked(state: EditorState, o: Extract<Op, { kind: 'join' }>, track: TrackAs): Transaction | null {
  const texts = textPositions(state.doc);
  const $at = state.doc.resolve(pick(texts, o.at)!);
  const $edge = state.doc.resolve(o.backward ? $at.start() : $at.end());
  return joinParagraph(state, $edge, o.backward ? 'backward' : 'forward', track);
}

/** Positions where text can go, in document order. */
export function textPositions(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      for (let p = pos + 1; p <= pos + node.nodeSize - 1; p++) out.push(p);
      return false;
    }
    return true;
  });
  return out;
}

function positionsOf(doc: Node, type: string): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === type) out.push(pos);
    return true;
  });
  return out;
}

/**
 * EXCLUSION (kept): an edit whose range starts or ends inside a deleted block, or a paste copied
 * from or into one. A deleted block has no final text: its positions collapse, in the final view,
 * onto the block's boundary, so the "same edit with tracking off" would be a different edit there
 * (typing between two items, a paste of nothing). The tracker keeps such typing inside the deleted
 * block (it goes with the block on accept), which explicit cases test.
 */
function endsInsideDeletedBlock(doc: Node, pos: number): boolean {
  const $pos = doc.resolve(pos);
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if ((node.attrs.change as { kind?: string } | null)?.kind === 'deletion' || node.attrs.deletion) return true;
  }
  return false;
}

function touchesDeletedBlock(doc: Node, o: Op): boolean {
  const texts = textPositions(doc);
  const at = 'at' in o ? o.at % texts.length : 0;
  const length = 'length' in o ? o.length : 0;
  // A paste's range is its source; the text goes at `at`.
  const start = o.kind === 'paste' ? o.source % texts.length : at;
  const ends = [texts[start]!, texts[Math.min(texts.length - 1, start + length)]!];
  if ([...ends, texts[at]!].some((pos) => endsInsideDeletedBlock(doc, pos))) return true;
  // EXCLUSION (kept): a range from inside a footnote to outside it. A footnote is an atom in the
  // editor: its text is edited on its own, and no selection starts inside one and ends outside
  // it, so this is not an edit anyone can make (typing and deleting inside a footnote are compared).
  if (length > 0) {
    const footnoteAt = (pos: number) => {
      const $pos = doc.resolve(pos);
      return $pos.parent.type.name === 'footnote' ? $pos.before() : -1;
    };
    if (footnoteAt(ends[0]!) !== footnoteAt(ends[1]!)) return true;
  }
  return false;
}

function commandPosition(doc: Node, o: Extract<Op, { kind: 'command' }>): number {
  const $at = doc.resolve(pick(textPositions(doc), o.at)!);
  return o.edge === 'start' ? $at.start() : o.edge === 'end' ? $at.end() : $at.pos;
}

/** Commands that act on a whole item (or add a whole block) rather than on text at the cursor. */
const ITEM_COMMANDS = new Set<CommandName>([
  'Tab',
  'Shift-Tab',
  'Alt-ArrowUp',
  'Alt-ArrowDown',
  'insertItemAfter',
  'deleteItem',
  'insertSection',
  'insertAnnex',
]);

/**
 * An item command acts on the item the author sees in the markup; its reference is the same
 * command untracked there, then everything accepted.
 * EXCLUSION (kept): not when a paragraph mark is pending in the list around the item (or in the
 * item holding that list): it joins the item with a neighbour, or splits it from one, so the item
 * is one thing in the markup (where the author acts) and another in the final view (where the join
 * is made), and which text a move, a promotion or a deletion takes along has no single reference.
 * Reject-all, schema validity and undo are still checked for these steps.
 */
function itemCommandIsComparable(doc: Node, pos: number): boolean {
  const $pos = doc.resolve(pos);
  let pending = false;
  for (let depth = $pos.depth; depth > 0 && !pending; depth--) {
    const node = $pos.node(depth);
    if (node.type.name !== 'item_list') continue;
    const scope = $pos.node(depth - 1);
    scope.descendants((child) => {
      if (child.attrs.paragraphMark) pending = true;
      return !pending;
    });
    break;
  }
  return !pending;
}

/**
 * EXCLUSION (kept) for moving, demoting and promoting the item at `pos`: a paragraph mark pending
 * inside it, or a deleted one just before it (which joins the item to the paragraph before). A
 * tracked move carries the item's final text, a plain move its pending changes; once accepted they
 * are the same text, except for such a join, which the plain move makes with a new neighbour.
 */
function pendingJoinAt(doc: Node, pos: number): boolean {
  let pending = false;
  doc.nodeAt(pos)!.descendants((node) => {
    if (node.attrs.paragraphMark) pending = true;
    return !pending;
  });
  const before = Selection.findFrom(doc.resolve(pos), -1, true);
  const mark = before?.$from.parent.attrs.paragraphMark as { kind?: string } | null | undefined;
  return pending || mark?.kind === 'deletion';
}

function pick<T>(list: T[], f: number): T | undefined {
  return list.length ? list[f % list.length] : undefined;
}

/**
 * The edit as a plain transaction and as its tracked version, both built on `state`; null when the
 * edit does not apply here (no item to demote…).
 */
export interface BuiltEdit {
  /** The edit without tracking, on the tracked document (item commands' oracle). */
  plain: Transaction;
  tracked: Transaction;
  /**
   * For text edits: the same edit made with tracking off on the accepted document, at the mapped
   * positions — what accepting the tracked edit must give.
   */
  expectedFinal?: Node;
  /**
   * False for the edits excluded from the accept comparison (see EXCLUSION): they are still made,
   * and schema validity, reject-all and undo are checked for them.
   */
  compareAccept?: boolean;
}

/** A text edit (positions in `doc`) as a plain transaction on `state`, or null when it does not apply. */
function textEdit(state: EditorState, o: Op, map: (pos: number) => number, sourceDoc: Node): Transaction | null {
  const doc = state.doc;
  const texts = textPositions(sourceDoc);
  const cursor = (pos: number, end = pos) => state.apply(state.tr.setSelection(TextSelection.create(doc, map(pos), map(end))));
  switch (o.kind) {
    case 'type':
      return cursor(pick(texts, o.at)!).tr.insertText(o.text);
    case 'delete':
    case 'replace': {
      const i = o.at % texts.length;
      const from = texts[i]!;
      const to = texts[Math.min(texts.length - 1, i + o.length)]!;
      if (to <= from) return null;
      const s = cursor(from, to);
      if (s.selection.empty) return o.kind === 'delete' ? state.tr : s.tr.insertText(o.text);
      return o.kind === 'delete' ? s.tr.deleteSelection() : s.tr.insertText(o.text);
    }
    case 'enter': {
      let plain: Transaction | null = null;
      splitListItem(schema.nodes.item!)(cursor(pick(texts, o.at)!), (tr) => (plain = tr));
      return plain;
    }
    case 'join': {
      const $at = sourceDoc.resolve(pick(texts, o.at)!);
      const $edge = doc.resolve(map(o.backward ? $at.start() : $at.end()));
      // Where the edge is no edge any more (its paragraph already joined), the join is done.
      if ($edge.pos !== (o.backward ? $edge.start() : $edge.end())) return state.tr;
      return joinParagraph(state, $edge, o.backward ? 'backward' : 'forward') ?? state.tr;
    }
    case 'paste': {
      const i = o.source % texts.length;
      const source = doc.slice(map(texts[i]!), map(texts[Math.min(texts.length - 1, i + o.length)]!));
      if (source.size === 0) return null;
      // The editor pastes the final text of what was copied (its transformPasted, with suggestion
      // mode on): the clipboard holds it before ProseMirror fits it into the target paragraph.
      return cursor(pick(texts, o.at)!).tr.replaceSelection(finalPastedSlice(source));
    }
    case 'command': {
      let plain: Transaction | null = null;
      const s = cursor(commandPosition(sourceDoc, o));
      if (!COMMANDS[o.name](s, (tr) => (plain = tr))) return state.tr;
      return plain ?? state.tr;
    }
    default:
      return null;
  }
}

/**
 * EXCLUSION (kept): ProseMirror's paste fitting can build content the schema refuses (an item with
 * no text): that edit is invalid before tracking is involved, so it is not one to track (the
 * tracker may refuse it, as the editor then tells the user).
 */
function schemaValid(doc: Node): boolean {
  try {
    doc.check();
    return true;
  } catch {
    return false;
  }
}

/**
 * An edit the tracker refuses with a message (a section's whole keyword deleted, a table's columns)
 * is refused by the editor too, nothing changed: for the sequence it is a step that did not run.
 */
function refusedAsNull(track: () => Transaction): Transaction | null {
  try {
    return track();
  } catch (error) {
    if (error instanceof UntrackableEditError) return null;
    throw error;
  }
}

export function edit(state: EditorState, o: Op, track: TrackAs): BuiltEdit | null {
  const doc = state.doc;
  if (TEXT_KINDS.has(o.kind)) {
    const plain = textEdit(state, o, (pos) => pos, doc);
    if (!plain || !plain.docChanged || !schemaValid(plain.doc)) return null;
    const tracked =
      o.kind === 'join' ? joinTracked(state, o, track) : refusedAsNull(() => trackTransaction(plain, state, track.author, track.now));
    if (!tracked) return null;
    // Inside a wholly deleted block there is no final text to replay the edit on: typing there is
    // kept with the block (and goes with it on accept), a design choice tested explicitly elsewhere.
    if (touchesDeletedBlock(doc, o)) return { plain, tracked, compareAccept: false };
    // An item command acts on the item the author sees in the markup: its reference is the same
    // command without tracking there, then everything accepted (see itemCommandIsComparable).
    if (o.kind === 'command' && ITEM_COMMANDS.has(o.name)) {
      return { plain, tracked, compareAccept: itemCommandIsComparable(doc, commandPosition(doc, o)) };
    }
    const accepted = resolveWithMapping(doc, 'accept');
    const finalState = EditorState.create({ doc: accepted.doc });
    const onFinal = textEdit(finalState, o, (pos) => accepted.mapping.map(pos), doc);
    if (!onFinal) return null;
    return { plain, tracked, expectedFinal: onFinal.doc };
  }
  switch (o.kind) {
    case 'insertItem': {
      const items = positionsOf(doc, 'item');
      const at = pick(items, o.at);
      if (at === undefined) return null;
      const where = at + doc.nodeAt(at)!.nodeSize;
      const node = buildItem(o.text);
      return { plain: insertNode(state, where, node), tracked: insertNode(state, where, node, track) };
    }
    case 'deleteItem': {
      const at = pick(positionsOf(doc, 'item'), o.at);
      if (at === undefined) return null;
      return { plain: deleteBlock(state, at), tracked: deleteBlock(state, at, track) };
    }
    case 'moveItem': {
      const items = positionsOf(doc, 'item');
      const from = pick(items, o.at);
      const target = pick(items, o.to);
      if (from === undefined || target === undefined) return null;
      const size = doc.nodeAt(from)!.nodeSize;
      if (target >= from && target < from + size) return null;
      // A tracked move carries the item's final text, a plain move its pending changes: the same
      // once accepted, unless a pending paragraph mark joins the item to a neighbour (see below).
      if (endsInsideDeletedBlock(doc, from + 1)) return null;
      try {
        return {
          plain: moveItem(state, from, target),
          tracked: moveItem(state, from, target, track),
          compareAccept: !pendingJoinAt(doc, from),
        };
      } catch {
        return null;
      }
    }
    case 'demote':
    case 'promote': {
      const at = pick(positionsOf(doc, 'item'), o.at);
      if (at === undefined) return null;
      const command = o.kind === 'demote' ? demoteItem : promoteItem;
      if (endsInsideDeletedBlock(doc, at + 1)) return null;
      const plain = command(state, at);
      if (!plain) return null;
      return { plain, tracked: command(state, at, track)!, compareAccept: !pendingJoinAt(doc, at) };
    }
    default:
      return null;
  }
}

function describeOps(ops: Array<{ op: Op; who: string }>): string {
  return ops.map(({ op, who }) => `${who}:${JSON.stringify(op)}`).join('\n');
}

/** Runs and checks the steps one by one; returns how many applied (the others were skipped). */
export function runSequence(original: Node, ops: Array<{ op: Op; who: string }>): number {
  let applied = 0;
  let state = EditorState.create({ doc: original, plugins: [history()] });
  const originalView = rejectAll(original);
  for (const { op: o, who } of ops) {
    const track: TrackAs = { author: { name: who }, now: () => '2026-11-23T10:00:00.000Z' };
    const before = state;
    const built = edit(state, o, track);
    if (!built) continue;
    const { plain, tracked } = built;
    // The same exclusion as in edit() (schemaValid), for the structure edits built there.
    if (!schemaValid(plain.doc)) continue;
    // Each step is its own undo event (the editor groups fast typing; here every step is checked).
    const after = state.apply(closeHistory(tracked));
    const context = () =>
      `${describeOps(ops)}\nstep: ${who}:${JSON.stringify(o)}\nbefore → after (tracked):\n${pictureDiff(picture(before.doc), picture(after.doc))}`;
    // The failure messages (pictures of whole documents and their difference) are built only on a
    // failure: built eagerly, they cost more than the checks themselves.
    try {
      after.doc.check();
    } catch (error) {
      expect.fail(`the tracked document breaks the schema (${String(error)})\n${context()}`);
    }
    const rejected = rejectAll(after.doc);
    if (!rejected.eq(originalView)) {
      expect.fail(
        `reject-all changed the original\n${context()}\nrejected vs original:\n${pictureDiff(picture(rejected), picture(originalView))}`,
      );
    }
    if (built.compareAccept !== false) {
      const expected = built.expectedFinal ?? acceptAll(plain.doc);
      const accepted = acceptAll(after.doc);
      const sameFinal = JSON.stringify(withoutIds(accepted)) === JSON.stringify(withoutIds(expected));
      if (!sameFinal) {
        expect.fail(
          `accept-all differs from the untracked edit\n${context()}\naccepted vs untracked:\n${pictureDiff(picture(accepted), picture(expected))}`,
        );
      }
    }
    // An edit of text that is already deleted changes nothing, and leaves nothing to undo.
    if (tracked.docChanged) {
      let undone: EditorState | null = null;
      undo(after, (tr) => (undone = after.apply(tr)));
      if (!(undone as EditorState | null)?.doc.eq(before.doc)) expect.fail(`undo did not restore\n${context()}`);
    }
    state = after;
    applied++;
  }
  expect(rejectAll(state.doc).eq(original)).toBe(true);
  return applied;
}
