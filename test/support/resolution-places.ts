/**
 * Finding places in a resolution by what a reader sees: a section by its keyword, an item by its
 * index there, and the cross-references in document order.
 */
import type { Node } from 'prosemirror-model';
import { keywordText } from '../../shared/numbering/index.js';

export interface Found {
  node: Node;
  pos: number;
}

export function references(doc: Node): Found[] {
  const out: Found[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'cross_reference') out.push({ node, pos });
    return true;
  });
  return out;
}

/** The section whose keyword line starts with `keyword`, and the position just inside its list. */
export function sectionList(doc: Node, keyword: string): { list: Node; start: number } {
  let found: { list: Node; start: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'section' && keywordText(node).startsWith(keyword)) {
      found = { list: node.lastChild!, start: pos + 1 + node.firstChild!.nodeSize + 1 };
      return false;
    }
    return true;
  });
  if (!found) throw new Error(`no section ${keyword}`);
  return found;
}

export function itemPos(doc: Node, keyword: string, index: number): number {
  const { list, start } = sectionList(doc, keyword);
  let at = start;
  for (let i = 0; i < index; i++) at += list.child(i).nodeSize;
  return at;
}
