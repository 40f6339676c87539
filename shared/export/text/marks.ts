/**
 * How tracked changes read in plain text (`plenary text --marked`): `[+inserted+]` and
 * `[-deleted-]`, and a renumbered label as its old value deleted and its new one inserted, the
 * label's punctuation kept outside: `[-f-][+g+])` (docs/resolution-structure.md, "Revisions").
 */
import type { Node } from 'prosemirror-model';
import { blockChange, blockDeletion, paragraphMark, type ChangeKind } from '../../tracking/index.js';

export function wrap(kind: ChangeKind, text: string): string {
  return kind === 'insertion' ? `[+${text}+]` : `[-${text}-]`;
}

/** The tracked change of a whole block: a later deletion wins over the insertion it undoes. */
export function blockState(node: Node): ChangeKind | null {
  if (blockDeletion(node)) return 'deletion';
  return blockChange(node)?.kind ?? null;
}

/** The tracked change on an inline node: its insertion/deletion mark, or (a footnote) its block change. */
export function inlineState(node: Node): ChangeKind | null {
  let state: ChangeKind | null = null;
  for (const mark of node.marks) {
    if (mark.type.name === 'deletion') return 'deletion';
    if (mark.type.name === 'insertion') state = 'insertion';
  }
  return state ?? (node.type.name === 'footnote' ? blockState(node) : null);
}

/** `[+¶+]` / `[-¶-]` after a line whose paragraph mark alone was inserted (a split) or deleted (a join). */
export function paragraphMarkSuffix(node: Node): string {
  const mark = paragraphMark(node);
  return mark ? wrap(mark.kind, '¶') : '';
}

/** A label in both numberings: `f)` → `g)` reads `[-f-][+g+])`; unchanged labels read as they are. */
export function labelChange(original: string, current: string): string {
  if (original === current) return current;
  if (original === '') return wrap('insertion', current);
  if (current === '') return wrap('deletion', original);
  let common = 0;
  while (
    common < Math.min(original.length, current.length) - 1 &&
    original.at(-1 - common) === current.at(-1 - common) &&
    !/[\p{L}\p{N}]/u.test(original.at(-1 - common)!)
  ) {
    common += 1;
  }
  const suffix = original.slice(original.length - common);
  return `${wrap('deletion', original.slice(0, original.length - common))}${wrap('insertion', current.slice(0, current.length - common))}${suffix}`;
}
