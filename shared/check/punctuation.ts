/**
 * Terminal punctuation of items (docs/council-format.md, "Punctuation", verified on the fixtures):
 * an item ends with `;`, the last item of a section with `,`, and the last item of the resolution
 * with `.`; in an annex list, the last item ends with `.`. An item's end is the end of its last
 * paragraph, sub-items included (décide 11 of WTDC Res 30 ends with its sub-item iii)). Sub-items
 * that are not the last of their list end with `;` as well. Read in the new numbering: deleted
 * items and deleted text do not count.
 */
import type { Node } from 'prosemirror-model';
import { countsIn, type Labels } from '../numbering/index.js';
import { visibleText } from '../numbering/index.js';
import type { Finding } from './findings.js';
import { itemWhere } from './where.js';

/** The text an item ends with: its last counted textblock, sub-items included. */
function lastText(item: Node): string {
  let last = '';
  item.descendants((node) => {
    if (!countsIn(node, 'new')) return false;
    if (node.isTextblock) {
      const text = visibleText(node).trim();
      if (text) last = text;
      return false;
    }
    return true;
  });
  return last;
}

/** The punctuation an item ends with, looking past closing quotes and brackets (`2030";` → `;`). */
function terminalMark(text: string): string {
  const trimmed = text.replace(/[\s\u00a0]+$/u, '');
  const match = /([;,.:])["'»”’)\]]*$/u.exec(trimmed);
  if (match) return match[1]!;
  return trimmed.slice(-1);
}

function counted(list: Node): Node[] {
  const items: Node[] = [];
  list.forEach((item) => {
    if (countsIn(item, 'new')) items.push(item);
  });
  return items;
}

interface Expectation {
  list: Node;
  /** What the last item of this list ends with; null: the list's end is not checked here. */
  last: string | null;
}

export function checkPunctuation(doc: Node, labels: Labels): Finding[] {
  const findings: Finding[] = [];
  const check = (item: Node, expected: string) => {
    const text = lastText(item);
    if (!text) return; // an empty item is reported on its own
    const mark = terminalMark(text);
    if (mark === expected) return;
    findings.push({
      severity: 'warning',
      code: 'punctuation',
      message: `ends with "${mark}" where "${expected}" is expected`,
      blockId: (item.attrs.id as string | null) ?? null,
      where: itemWhere(doc, item.attrs.id as string, labels),
    });
  };
  const checkList = ({ list, last }: Expectation) => {
    const items = counted(list);
    items.forEach((item, index) => {
      const isLast = index === items.length - 1;
      if (!isLast) check(item, ';');
      else if (last) check(item, last);
      // Sub-items: the last one ends as its parent does, so only the others are checked.
      item.forEach((child) => {
        if (child.type.name === 'item_list' && countsIn(child, 'new')) checkList({ list: child, last: null });
      });
    });
  };

  doc.descendants((node) => {
    if (node.type.name === 'resolution') {
      const sections: Node[] = [];
      node.forEach((child) => {
        if (child.type.name === 'section' && countsIn(child, 'new')) sections.push(child);
      });
      sections.forEach((section, index) => {
        const list = section.lastChild;
        if (list?.type.name === 'item_list') checkList({ list, last: index === sections.length - 1 ? '.' : ',' });
      });
      return true; // annexes and the resolutions they may hold
    }
    if (node.type.name === 'annex') {
      node.forEach((child) => {
        if (child.type.name === 'item_list' && countsIn(child, 'new')) checkList({ list: child, last: '.' });
      });
      return true;
    }
    return !node.isTextblock && node.type.name !== 'section';
  });
  return findings;
}
