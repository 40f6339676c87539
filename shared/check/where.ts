/** Naming a place in a resolution the way a reader does: `décide 3 a.`, `considérant g) ii)`, `ANNEXE b)`. */
import type { Node } from 'prosemirror-model';
import type { Labels } from '../numbering/index.js';
import { findItem, visibleText } from '../numbering/index.js';
import { keywordText } from '../numbering/index.js';

export function sectionName(section: Node): string {
  return keywordText(section) || '(section without keyword)';
}

export function itemWhere(doc: Node, itemId: string, labels: Labels): string {
  const place = findItem(doc, itemId);
  if (!place) return '(item)';
  const container = place.section ? sectionName(place.section) : place.annex?.firstChild ? visibleText(place.annex.firstChild).trim() : '';
  const path = place.chain.map((item) => labels.items.get(item.attrs.id as string) ?? '').filter(Boolean);
  return [container, ...path].filter(Boolean).join(' ') || '(item)';
}
