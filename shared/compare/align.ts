/**
 * Which block of the new version is which block of the old one. Two versions of a resolution read
 * from two files share no ids; the tracker matches blocks by id (shared/tracking/block-diff.ts).
 * So before comparing, each block of the new version takes the id of the old block it is a version
 * of: the same kind of block, in the same order, saying much the same thing (most of its words, or
 * the same keyword, number line, cover field). Blocks left unmatched are new (inserted) or gone
 * (deleted); references to a matched item follow it to its old id.
 */
import { Fragment, type Node } from 'prosemirror-model';
import { commonSubsequence } from '../tracking/block-diff.js';

/** Share of words two textblocks must have in common to be versions of one another. */
const SAME_TEXT = 0.5;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient of the two texts' words (as multisets): 1 for the same words, 0 for none shared. */
export function wordSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 && right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(word, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** The text a block is known by: its own text, or its first textblock's (an item's, a section's keyword…). */
function headline(node: Node): string {
  if (node.isTextblock || node.isInline) return node.textContent;
  let found: string | null = null;
  node.descendants((child) => {
    if (found !== null) return false;
    if (child.isTextblock) found = child.textContent;
    return found === null;
  });
  return found ?? '';
}

function isVersionOf(previous: Node, next: Node): boolean {
  if (previous.type !== next.type) return false;
  if (previous.attrs.id && previous.attrs.id === next.attrs.id) return true;
  if (previous.type.name === 'cover_field') return previous.attrs.name === next.attrs.name;
  // A list is known by its place (a section holds one); the blocks around it were matched already.
  if (previous.type.name === 'item_list' || previous.type.name === 'cover') return true;
  return wordSimilarity(headline(previous), headline(next)) >= SAME_TEXT;
}

/** Index pairs (previous, next) of the longest run of blocks matched in order. */
function matchInOrder(previous: readonly Node[], next: readonly Node[]): Array<[number, number]> {
  const same = previous.map((a) => next.map((b) => isVersionOf(a, b)));
  return commonSubsequence(previous.length, next.length, (i, j) => same[i]![j]!);
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  node.forEach((child) => children.push(child));
  return children;
}

/**
 * `next` with the ids of the blocks of `previous` it keeps. Each renamed id is recorded in
 * `renamed` (next's id → previous's), for the references.
 */
function alignNode(previous: Node, next: Node, renamed: Map<string, string>): Node {
  const attrs = { ...next.attrs };
  const oldId = previous.attrs.id as string | null | undefined;
  if (oldId && typeof next.attrs.id === 'string' && next.attrs.id !== oldId) {
    renamed.set(next.attrs.id, oldId);
    attrs.id = oldId;
  }
  if (next.isText || next.isLeaf) return next.isText ? next : next.type.create(attrs, null, next.marks);
  const olds = childrenOf(previous);
  const news = childrenOf(next);
  const aligned = news.slice();
  // Text runs are compared by the tracker; only nodes with ids (blocks, footnotes) are matched here.
  const withIds = (nodes: Node[]) => nodes.map((node, index) => ({ node, index })).filter(({ node }) => !node.isText);
  const oldNodes = withIds(olds);
  const newNodes = withIds(news);
  for (const [i, j] of matchInOrder(
    oldNodes.map(({ node }) => node),
    newNodes.map(({ node }) => node),
  )) {
    aligned[newNodes[j]!.index] = alignNode(oldNodes[i]!.node, newNodes[j]!.node, renamed);
  }
  return next.type.create(attrs, Fragment.fromArray(aligned), next.marks);
}

/** References in `doc` to a renamed item point at its new (old-version) id. */
function retarget(doc: Node, renamed: ReadonlyMap<string, string>): Node {
  const rewrite = (node: Node): Node => {
    if (node.type.name === 'cross_reference') {
      const target = renamed.get(node.attrs.target as string);
      return target ? node.type.create({ ...node.attrs, target }, null, node.marks) : node;
    }
    if (node.isText || node.isLeaf) return node;
    const children: Node[] = [];
    node.forEach((child) => children.push(rewrite(child)));
    return node.copy(Fragment.fromArray(children));
  };
  return rewrite(doc);
}

/**
 * `next` with the ids of `previous` wherever a block of it is a version of a block of `previous`.
 * Blocks of `next` that take no old id keep theirs; if one of those happens to be an id of
 * `previous` for another block, the tracker renames it (ids stay unique).
 */
export function alignIds(previous: Node, next: Node): Node {
  const renamed = new Map<string, string>();
  const aligned = alignNode(previous, next, renamed);
  return renamed.size > 0 ? retarget(aligned, renamed) : aligned;
}
