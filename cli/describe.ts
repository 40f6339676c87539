/** A one-line count of what a document holds, for the summary `plenary import` prints. */
import type { Node } from 'prosemirror-model';

const COUNTED: ReadonlyArray<[type: string, one: string, many: string]> = [
  ['cover', 'cover', 'covers'],
  ['resolution', 'resolution', 'resolutions'],
  ['section', 'section', 'sections'],
  ['item', 'item', 'items'],
  ['annex', 'annex', 'annexes'],
  ['footnote', 'footnote', 'footnotes'],
];

export function describeContent(doc: Node): string {
  const counts = new Map<string, number>();
  doc.descendants((node) => {
    counts.set(node.type.name, (counts.get(node.type.name) ?? 0) + 1);
    return true;
  });
  const parts = COUNTED.filter(([type]) => counts.has(type)).map(([type, one, many]) => {
    const n = counts.get(type)!;
    return `${n} ${n === 1 ? one : many}`;
  });
  return `${parts.join(', ') || 'no structure'}, ${doc.childCount} top-level block${doc.childCount === 1 ? '' : 's'}`;
}
