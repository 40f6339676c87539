/**
 * Keeps block ids unique whatever edits the document: ProseMirror's own split and paste copy
 * attributes, so two blocks can end up sharing an id. The block that was already there keeps
 * its id (tracked changes and cross-references hang on it); the one the edit wrote gets a fresh
 * one, even when it stands first (a copy pasted above its original). The fix rides in the same
 * undo step as the edit that caused it (prosemirror-history groups appended transactions).
 */
import type { Fragment, Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceAroundStep, ReplaceStep, type StepMap } from 'prosemirror-transform';
import { newId } from '../model/ids.js';

const uniqueIdsKey = new PluginKey('plenary-unique-ids');

function carriesId(node: Node): boolean {
  return node.type.spec.attrs !== undefined && 'id' in node.type.spec.attrs;
}

function holdsIds(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (carriesId(node)) found = true;
    return !found;
  });
  return found;
}

/**
 * Whether `tr` can have brought in a missing or duplicate id: only steps that insert nodes with
 * ids, or set an id, can. Typing inserts bare text, so a keystroke skips the walk over the whole
 * document.
 */
export function mayIntroduceIds(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return holdsIds(step.slice.content);
    if (step instanceof AttrStep) return step.attr === 'id';
    return false;
  });
}

/** The ranges of the final document that `transactions` wrote (mapped through the later steps). */
export function writtenRanges(transactions: readonly Transaction[]): Array<[number, number]> {
  const maps: StepMap[] = transactions.flatMap((tr) => tr.mapping.maps);
  const ranges: Array<[number, number]> = [];
  maps.forEach((map, index) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let from = newStart;
      let to = newEnd;
      for (const later of maps.slice(index + 1)) {
        from = later.map(from, -1);
        to = later.map(to, 1);
      }
      if (to > from) ranges.push([from, to]);
    });
  });
  return ranges;
}

/**
 * Gives a fresh id to every block without one or sharing one, choosing the block inside
 * `written` (what an edit produced) over the one outside it. Returns null when nothing changes.
 */
export function withFreshIds(tr: Transaction, written: ReadonlyArray<readonly [number, number]>): Transaction | null {
  const isWritten = (pos: number) => written.some(([from, to]) => pos >= from && pos < to);
  const blocks: Array<{ pos: number; id: string | null; written: boolean }> = [];
  tr.doc.descendants((node, pos) => {
    if (carriesId(node)) blocks.push({ pos, id: node.attrs.id as string | null, written: isWritten(pos) });
    return true;
  });
  const taken = new Set<string>();
  const renamed: number[] = [];
  // Blocks the edit did not write claim their ids first.
  for (const pass of [false, true]) {
    for (const block of blocks) {
      if (block.written !== pass) continue;
      if (block.id && !taken.has(block.id)) taken.add(block.id);
      else renamed.push(block.pos);
    }
  }
  if (renamed.length === 0) return null;
  for (const pos of renamed) tr.setNodeAttribute(pos, 'id', newId());
  return tr;
}

export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    key: uniqueIdsKey,
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some(mayIntroduceIds)) return null;
      return withFreshIds(newState.tr, writtenRanges(transactions));
    },
  });
}
