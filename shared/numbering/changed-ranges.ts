/**
 * Which parts of the document a transaction touched, in the document before it and in the
 * document after it, read from the steps' maps. Incremental numbering recomputes only what lies
 * there. Steps whose maps say nothing (attribute steps) are located by their position; a step that
 * cannot be located asks for a full recomputation.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  Mapping,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  type Step,
} from 'prosemirror-transform';

export interface Range {
  from: number;
  to: number;
}

export interface ChangedRanges {
  /** In `tr.before`. */
  before: Range[];
  /** In `tr.doc`. */
  after: Range[];
}

/** Past this many steps, mapping each range through the others costs more than a full pass. */
const MAX_STEPS = 64;

/** Steps that cannot change a label: marks on text or nodes. */
function isMarkStep(step: Step): boolean {
  return (
    step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep
  );
}

function clamp(range: Range, doc: Node): Range {
  const size = doc.content.size;
  const from = Math.max(0, Math.min(range.from, size));
  return { from, to: Math.max(from, Math.min(range.to, size)) };
}

/**
 * What an attribute step can renumber. A list's style: its items (the node at `pos` is enough). A
 * tracked `change` or `deletion`: the block and every list inside it (a deleted item's sub-items
 * leave the new numbering with it), so the whole node. A `paragraphMark`: a tracked join or split
 * merges the item after the one this paragraph ends into it, at every level where it is the last
 * paragraph — so the outermost list around it.
 */
function attrReach(doc: Node, step: AttrStep): Range {
  const node = doc.nodeAt(step.pos);
  if (!node) return { from: step.pos, to: step.pos + 1 };
  if (step.attr === 'paragraphMark') {
    const $pos = doc.resolve(step.pos);
    for (let depth = 1; depth <= $pos.depth; depth++) {
      if ($pos.node(depth).type.name === 'item_list') return { from: $pos.before(depth), to: $pos.after(depth) };
    }
  }
  if (step.attr === 'change' || step.attr === 'deletion') return { from: step.pos, to: step.pos + node.nodeSize };
  return { from: step.pos, to: step.pos + 1 };
}

/** The changed ranges of a transaction, or null when only a full recomputation is safe. */
export function changedRanges(tr: Transaction): ChangedRanges | null {
  if (tr.steps.length > MAX_STEPS) return null;
  const before: Range[] = [];
  const after: Range[] = [];
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    // Not tr.mapping.slice(0, i).invert(): Mapping.invert inverts every map of the mapping it was
    // sliced from, whatever the slice (prosemirror-transform 1.10), which sent ranges astray.
    const back = new Mapping(tr.mapping.maps.slice(0, i)).invert();
    const forward = tr.mapping.slice(i + 1);
    const push = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
      before.push(clamp({ from: back.map(oldFrom, -1), to: back.map(oldTo, 1) }, tr.before));
      after.push(clamp({ from: forward.map(newFrom, -1), to: forward.map(newTo, 1) }, tr.doc));
    };
    if (step instanceof AttrStep) {
      // An attribute of the node at `pos` changed (a list's style, an item's tracked change).
      const { from, to } = attrReach(tr.docs[i]!, step);
      push(from, to, from, to);
      continue;
    }
    if (isMarkStep(step)) continue;
    if (step instanceof ReplaceAroundStep) {
      // A wrap, a lift or a node's markup changed (setNodeMarkup: a tracked `deletion` on an item):
      // what lies in the gap kept its place but may have changed numbering (the sub-items of an item
      // now deleted), so the whole range counts, not only the two ends the map reports.
      const map = step.getMap();
      push(step.from, step.to, map.map(step.from, -1), map.map(step.to, 1));
      continue;
    }
    let located = false;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      located = true;
      push(oldStart, oldEnd, newStart, newEnd);
    });
    // A step with an empty map that is neither an attribute nor a mark step (a document
    // attribute such as the language, or an unknown kind): nothing tells where it acted.
    if (!located) return null;
  }
  return { before, after };
}
