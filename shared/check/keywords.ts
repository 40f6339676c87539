/** Section keywords the document's language table does not know (a typo, or a text in another language). */
import type { Node } from 'prosemirror-model';
import { matchKeyword, type LanguageTable } from '../languages/index.js';
import { keywordText } from '../numbering/index.js';
import type { Finding } from './findings.js';
import { sectionName } from './where.js';

export function checkKeywords(doc: Node, table: LanguageTable): Finding[] {
  const findings: Finding[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'section') return !node.isTextblock;
    const text = keywordText(node);
    if (!matchKeyword(text, [table.code])) {
      findings.push({
        severity: 'warning',
        code: 'unknown-keyword',
        message: text ? `"${text}" is not a section keyword of the ${table.name} table` : 'the section has no keyword',
        blockId: (node.attrs.id as string | null) ?? null,
        where: sectionName(node),
      });
    }
    return false;
  });
  return findings;
}
