/**
 * Empty items: a label with nothing after it (what is left of a deletion or a stray Enter), in the
 * text as proposed — every tracked change accepted. An item deleted with tracking (struck whole,
 * or its text struck and its paragraph joined to the one before) is gone from that text: it is
 * no empty item.
 */
import type { Node } from 'prosemirror-model';
import { countsIn, type Labels } from '../numbering/index.js';
import { visibleText } from '../numbering/index.js';
import { acceptAll } from '../tracking/index.js';
import type { Finding } from './findings.js';
import { itemWhere } from './where.js';

function isEmpty(item: Node): boolean {
  let empty = true;
  item.descendants((node) => {
    if (!empty || !countsIn(node, 'new')) return false;
    if (node.isTextblock) {
      let content = visibleText(node).trim() !== '';
      node.forEach((child) => {
        if (!child.isText) content = true; // a footnote or a reference is content
      });
      if (content) empty = false;
      return false;
    }
    return true;
  });
  return empty;
}

/** Ids of the items that are empty in `doc` (read as it stands). */
function emptyItemIds(doc: Node): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (!countsIn(node, 'new')) return false;
    if (node.type.name === 'item' && isEmpty(node)) {
      ids.add(node.attrs.id as string);
      return false;
    }
    return !node.isTextblock;
  });
  return ids;
}

export function checkEmptyItems(doc: Node, labels: Labels): Finding[] {
  const findings: Finding[] = [];
  const emptyWhenAccepted = emptyItemIds(acceptAll(doc));
  if (emptyWhenAccepted.size === 0) return findings;
  doc.descendants((node) => {
    if (!countsIn(node, 'new')) return false;
    if (node.type.name === 'item' && emptyWhenAccepted.has(node.attrs.id as string)) {
      findings.push({
        severity: 'error',
        code: 'empty-item',
        message: 'the item is empty',
        blockId: (node.attrs.id as string | null) ?? null,
        where: itemWhere(doc, node.attrs.id as string, labels),
      });
      return false;
    }
    return !node.isTextblock;
  });
  return findings;
}
