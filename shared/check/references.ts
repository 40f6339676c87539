/**
 * Dangling references: a cross-reference whose item was deleted reads `point ?? du décide`.
 * Ambiguous references: a phrase that reads as a reference to this resolution's items but that no
 * import could link — part of it inserted or deleted, or a keyword two sections share — stays text
 * and will not follow renumbering: the editor has to look at it.
 */
import type { Node } from 'prosemirror-model';
import { countsIn, findItem, referenceText, scanReferences, type AmbiguityReason, type Labels } from '../numbering/index.js';
import type { Finding } from './findings.js';
import { itemWhere } from './where.js';

export function checkReferences(doc: Node, labels: Labels): Finding[] {
  const findings: Finding[] = [];
  // The innermost item around each reference says where it is. A reference in deleted text (a
  // deleted phrase, or inside a deleted item) reads only in the original view, where its item stands.
  const visit = (node: Node, item: Node | null, block: Node | null, deleted: boolean) => {
    node.forEach((child) => {
      if (child.type.name === 'cross_reference') {
        const rendering = referenceText(child, doc, labels);
        if (!rendering.dangling || deleted || child.marks.some((mark) => mark.type.name === 'deletion')) return;
        const holder = item ?? block;
        findings.push({
          severity: 'error',
          code: 'dangling-reference',
          message: `"${rendering.text}" refers to an item that no longer exists`,
          blockId: (holder?.attrs.id as string | null) ?? null,
          where: item ? itemWhere(doc, item.attrs.id as string, labels) : '(outside the items)',
        });
        return;
      }
      if (!child.isLeaf) {
        visit(child, child.type.name === 'item' ? child : item, child.isBlock ? child : block, deleted || !countsIn(child, 'new'));
      }
    });
  };
  visit(doc, null, null, false);
  return findings;
}

const AMBIGUITY: Record<AmbiguityReason, string> = {
  'partly-tracked': 'part of it is inserted or deleted, so it names an item in neither numbering for sure',
  'shared-keyword': 'two sections open with that keyword',
};

export function checkAmbiguousReferences(doc: Node, labels: Labels): Finding[] {
  return scanReferences(doc).flatMap((scanned) => {
    if (scanned.outcome.kind !== 'ambiguous') return [];
    const item = scanned.blockId ? findItem(doc, scanned.blockId) : undefined;
    return [
      {
        severity: 'warning' as const,
        code: 'ambiguous-reference' as const,
        message: `"${scanned.text}" stays text and will not follow renumbering: ${AMBIGUITY[scanned.outcome.reason]}`,
        blockId: scanned.blockId,
        where: item ? itemWhere(doc, scanned.blockId!, labels) : '(outside the items)',
      },
    ];
  });
}
