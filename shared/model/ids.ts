/**
 * Stable block ids. An id is persisted with the document and never reused: tracked changes,
 * cross-references and aligned language versions refer to blocks by id, so a copied or split
 * block must get a fresh one (see `withUniqueIds`).
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

const ID_LENGTH = 12;
/** Random bytes are drawn in batches: one getRandomValues call per id was a fifth of an import's time. */
const pool = new Uint8Array(ID_LENGTH * 512);
let poolOffset = pool.length;

/** 12 random base-36 characters: about 62 bits, enough to never collide within a document's life. */
export function newId(): string {
  if (poolOffset + ID_LENGTH > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[pool[poolOffset + i]! % ALPHABET.length];
  poolOffset += ID_LENGTH;
  return id;
}

export function hasIdAttr(node: Node): boolean {
  return 'id' in node.type.spec.attrs!;
}

/** Positions of nodes whose id is missing or already used earlier in document order. */
export function positionsNeedingIds(doc: Node): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.type.spec.attrs || !('id' in node.type.spec.attrs)) return true;
    const id = node.attrs.id as string | null;
    if (!id || seen.has(id)) positions.push(pos);
    else seen.add(id);
    return true;
  });
  return positions;
}

/**
 * Gives a fresh id to every block that has none or shares one with an earlier block (what
 * ProseMirror's split and paste produce, since they copy attributes). Returns the transaction, or
 * null when every id was already unique. Meant for an appendTransaction plugin.
 */
export function withUniqueIds(tr: Transaction): Transaction | null {
  const positions = positionsNeedingIds(tr.doc);
  if (positions.length === 0) return null;
  for (const pos of positions) tr.setNodeAttribute(pos, 'id', newId());
  return tr;
}

/** The same document with ids filled in and made unique (for importers and migrations). */
export function ensureIds(doc: Node): Node {
  const positions = new Set(positionsNeedingIds(doc));
  if (positions.size === 0) return doc;
  return rebuild(doc, 0, positions);
}

function rebuild(node: Node, pos: number, positions: Set<number>): Node {
  // pos is the position before `node` (0 for the doc itself, whose content starts at 0).
  const children: Node[] = [];
  const contentStart = node.type.name === 'doc' ? 0 : pos + 1;
  node.forEach((child, offset) => {
    children.push(rebuild(child, contentStart + offset, positions));
  });
  const attrs = positions.has(pos) && node.type.name !== 'doc' ? { ...node.attrs, id: newId() } : node.attrs;
  if (node.isText) return node;
  return node.type.create(attrs, children, node.marks);
}
