/** Dangling references: a cross-reference whose item was deleted reads `point ?? du décide`. */
import type { Node } from 'prosemirror-model';
import type { Labels } from '../numbering/index.js';
import { referenceText } from '../numbering/index.js';
import type { Finding } from './findings.js';
import { itemWhere } from './where.js';

export function checkReferences(doc: Node, labels: Labels): Finding[] {
  const findings: Finding[] = [];
  // The innermost item around each reference says where it is.
  const visit = (node: Node, item: Node | null, block: Node | null) => {
    node.forEach((child) => {
      if (child.type.name === 'cross_reference') {
        const rendering = referenceText(child, doc, labels);
        if (!rendering.dangling || child.marks.some((mark) => mark.type.name === 'deletion')) return;
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
      if (!child.isLeaf) visit(child, child.type.name === 'item' ? child : item, child.isBlock ? child : block);
    });
  };
  visit(doc, null, null);
  return findings;
}
