/**
 * Renumbered references, as Word has them: a reference whose target moved shows its old text
 * deleted and its new text inserted (`[-rappelant c) ci-dessus-][+rappelant d) ci-dessus+]`) — a
 * revision that Plenary does not store but computes from the two numberings. Such a pair is
 * collapsed into one untracked live reference when, tried in place, the inserted text links to an
 * item and that reference reads exactly as the deleted text in the original numbering. Any other
 * deletion + insertion pair is a real proposal and stays as it is.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { linkReferences, referenceText } from '../../numbering/index.js';
import { labelsOf } from '../../numbering/index.js';
import { schema } from '../../schema/index.js';

/** Trials are cheap (one linking pass each) but a huge document with thousands of edits is capped. */
const MAX_TRIALS = 300;
const MAX_REFERENCE_LENGTH = 160;

interface Pair {
  from: number;
  deleted: Node;
  inserted: Node;
}

function only(node: Node, mark: 'insertion' | 'deletion'): boolean {
  const tracked = node.marks.filter((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
  return tracked.length === 1 && tracked[0]!.type.name === mark;
}

/**
 * Whether two texts differ only as a renumbered reference does: the same words but for one or two
 * short tokens (the label). Real edits fail this cheaply, before any linking trial.
 */
function differOnlyByLabel(deleted: string, inserted: string): boolean {
  const a = deleted.trim().split(/\s+/);
  const b = inserted.trim().split(/\s+/);
  if (a.length !== b.length || a.length < 2) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i]!.length > 8 || b[i]!.length > 8) return false;
    differing += 1;
  }
  return differing > 0 && differing <= 2;
}

function candidatePairs(doc: Node): Pair[] {
  const pairs: Pair[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let offset = pos + 1;
    for (let index = 0; index + 1 < node.childCount; index++) {
      const deleted = node.child(index);
      const inserted = node.child(index + 1);
      if (
        deleted.isText &&
        inserted.isText &&
        only(deleted, 'deletion') &&
        only(inserted, 'insertion') &&
        deleted.text!.length <= MAX_REFERENCE_LENGTH &&
        inserted.text!.length <= MAX_REFERENCE_LENGTH &&
        differOnlyByLabel(deleted.text!, inserted.text!)
      ) {
        pairs.push({ from: offset, deleted, inserted });
      }
      offset += deleted.nodeSize;
    }
    return false;
  });
  return pairs;
}

export function collapseRenumberedReferences(doc: Node): Node {
  let current = doc;
  // From the end, so that the positions of the pairs still to try stay valid.
  for (const pair of candidatePairs(doc).reverse().slice(0, MAX_TRIALS)) {
    const { from, deleted, inserted } = pair;
    const to = from + deleted.nodeSize + inserted.nodeSize;
    const plain = schema.text(inserted.text!, inserted.marks.filter((m) => m.type.name !== 'insertion'));
    const trial = linkReferences(new Transform(current).replaceWith(from, to, plain).doc);
    const reference = trial.nodeAt(from);
    if (reference?.type.name !== 'cross_reference') continue;
    const renewed = referenceText(reference, trial, labelsOf(trial, 'new'), undefined, 'new').text;
    const original = referenceText(reference, trial, labelsOf(trial, 'original'), undefined, 'original').text;
    if (renewed === inserted.text && original === deleted.text) current = trial;
  }
  return current;
}
