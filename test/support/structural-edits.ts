/**
 * Tracked structural edits of a resolution — insert, delete and move whole items — made with the
 * editor's own structure commands (shared/tracking/structure.ts), for the tests that send the
 * result through Word and read it back (issue 20).
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { item as buildItem } from '../../shared/model/build.js';
import { blockChange, blockDeletion } from '../../shared/tracking/attrs.js';
import { deleteBlock, insertNode, moveItem, type TrackAs } from '../../shared/tracking/structure.js';

export const DELEGATE: TrackAs = { author: { name: 'Fédération de Russie' }, now: () => '2026-04-14T09:00:00Z' };

export type StructuralEdit =
  { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number } | { kind: 'move'; at: number; to: number };

/** Positions of the items a user can still edit: not already inserted, deleted or moved away. */
export function livingItems(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return true;
    if (blockChange(node) || blockDeletion(node)) return false;
    out.push(pos);
    return true;
  });
  return out;
}

function pick<T>(list: readonly T[], f: number): T | undefined {
  return list.length ? list[f % list.length] : undefined;
}

/**
 * The document after the edit, tracked; null when it does not apply (no item, a move into itself).
 * `at` and `to` are indexes into the living items, taken modulo their number.
 */
export function applyStructuralEdit(doc: Node, edit: StructuralEdit, track: TrackAs = DELEGATE): Node | null {
  const state = EditorState.create({ doc });
  const items = livingItems(doc);
  const at = pick(items, edit.at);
  if (at === undefined) return null;
  const node = doc.nodeAt(at)!;
  switch (edit.kind) {
    case 'insert':
      // Before the item: the items after it are renumbered, references to them follow.
      return insertNode(state, at, buildItem(edit.text), track).doc;
    case 'delete':
      return deleteBlock(state, at, track).doc;
    case 'move': {
      const to = pick(items, edit.to);
      if (to === undefined || (to >= at && to < at + node.nodeSize)) return null;
      return moveItem(state, at, to, track).doc;
    }
  }
}
