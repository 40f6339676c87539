/**
 * Stable block ids. An id is persisted with the document and never reused: tracked changes,
 * cross-references and aligned language versions refer to blocks by id, so a copied or split
 * block must get a fresh one (unique-ids.ts: `uniqueIdsPlugin`).
 */
import type { Node } from 'prosemirror-model';

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
