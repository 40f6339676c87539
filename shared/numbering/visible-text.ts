/**
 * The visible text of a textblock, as a reader sees it: its text plus the rendered text of its live
 * cross-references (which hold no text of their own — they are computed from the target's label).
 * Footnote contents are left out: they are not part of the sentence they are anchored in.
 */
import type { Node } from 'prosemirror-model';
import type { Labels } from '../numbering/labels.js';
import { referenceText } from '../numbering/references.js';
import { labelsOf } from '../numbering/tracked.js';

export function visibleText(block: Node, doc: Node, labels: Labels = labelsOf(doc, 'new')): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) text += child.text ?? '';
    else if (child.type.name === 'cross_reference') text += referenceText(child, doc, labels).text;
  });
  return text;
}
