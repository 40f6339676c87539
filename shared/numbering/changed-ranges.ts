/**
 * Which parts of the document a transaction touched, in the document before it and in the
 * document after it, read from the steps' maps. Incremental numbering recomputes only what lies
 * there. Steps whose maps say nothing (attribute steps) are located by their position; a step that
 * cannot be located asks for a full recomputation.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { AddMarkStep, AddNodeMarkStep, AttrStep, RemoveMarkStep, RemoveNodeMarkStep, type Step } from 'prosemirror-transform';

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

/** The changed ranges of a transaction, or null when only a full recomputation is safe. */
export function changedRanges(tr: Transaction): ChangedRanges | null {
  if (tr.steps.length > MAX_STEPS) return null;
  const before: Range[] = [];
  const after: Range[] = [];
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    const back = tr.mapping.slice(0, i).invert();
    const forward = tr.mapping.slice(i + 1);
    const push = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
      before.push(clamp({ from: back.map(oldFrom, -1), to: back.map(oldTo, 1) }, tr.before));
      after.push(clamp({ from: forward.map(newFrom, -1), to: forward.map(newTo, 1) }, tr.doc));
    };
    if (step instanceof AttrStep) {
      // An attribute of the node at `pos` changed (a list's style, an item's tracked change).
      push(step.pos, step.pos + 1, step.pos, step.pos + 1);
      continue;
    }
    if (isMarkStep(step)) continue;
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
