/**
 * Comparing documents as the text format sees them: block ids are not written to text, so a
 * document read back from its text has new ids and is otherwise the same. Used by the round-trip
 * tests of the text writer and of the file format.
 *
 * Ids are dropped, and a cross-reference's `target` (an id) is replaced by the document-order
 * index of the block it names, so that a reference still has to point at the same item.
 */
import type { Node } from 'prosemirror-model';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The document's JSON with every block id removed and reference targets made positional. */
export function jsonWithoutIds(doc: Node): Json {
  const order = new Map<string, number>();
  doc.descendants((node) => {
    const id = node.attrs.id as unknown;
    if (typeof id === 'string' && !order.has(id)) order.set(id, order.size);
    return true;
  });
  return stripIds(doc.toJSON() as Json, order);
}

function stripIds(json: Json, order: Map<string, number>): Json {
  if (Array.isArray(json)) return json.map((item) => stripIds(item, order));
  if (json === null || typeof json !== 'object') return json;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'attrs' && value && typeof value === 'object' && !Array.isArray(value)) {
      const { id: _id, ...rest } = value;
      if (typeof rest.target === 'string') rest.target = `#${order.get(rest.target) ?? 'missing'}`;
      out[key] = stripIds(rest, order);
    } else {
      out[key] = stripIds(value, order);
    }
  }
  return out;
}

export function equalIgnoringIds(a: Node, b: Node): boolean {
  return JSON.stringify(jsonWithoutIds(a)) === JSON.stringify(jsonWithoutIds(b));
}
