/**
 * A resolution's structure as two language versions must share it: each section's keyword role
 * (the same in every language) and its items' labels, nested ones after their parent.
 */
import type { Node } from 'prosemirror-model';
import { languageTable } from '../../shared/languages/index.js';
import { keywordEntry, labelsOf } from '../../shared/numbering/index.js';

export function sectionOutline(doc: Node): string[] {
  const table = languageTable(doc.attrs.language as string);
  const labels = labelsOf(doc, 'new').items;
  const lines: string[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'section') return true;
    const items: string[] = [];
    node.descendants((child) => {
      if (child.type.name === 'item') items.push(labels.get(child.attrs.id as string) ?? '?');
      return true;
    });
    lines.push(`${keywordEntry(node, table)?.role ?? '?'}: ${items.join(' ')}`);
    return false;
  });
  return lines;
}
