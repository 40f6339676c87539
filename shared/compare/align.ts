/**
 * Which block of the new version is which block of the old one. Two versions of a resolution read
 * from two files share no ids; the tracker matches blocks by id (shared/tracking/block-diff.ts).
 * So before comparing, each block of the new version takes the id of the old block it is a version
 * of: the same kind of block, in the same order, saying much the same thing (most of its words, or
 * the same keyword, number line, cover field). Blocks left unmatched are new (inserted) or gone
 * (deleted); references to a matched item follow it to its old id.
 */
import { diffArrays } from 'diff';
import { Fragment, type Node } from 'prosemirror-model';
import { commonSubsequence } from '../tracking/index.js';

/** Share of words two textblocks must have in common to be versions of one another. */
const SAME_TEXT = 0.5;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient of two lists of words (as multisets). */
function similarity(left: readonly string[], right: readonly string[]): number {
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

/** Dice coefficient of the two texts' words (as multisets): 1 for the same words, 0 for none shared. */
export function wordSimilarity(a: string, b: string): number {
  return similarity(words(a), words(b));
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

/** A headline's words, computed once per node (a block is compared with many). */
const headlineWords = new WeakMap<Node, string[]>();
function wordsOf(node: Node): string[] {
  let cached = headlineWords.get(node);
  if (!cached) headlineWords.set(node, (cached = words(headline(node))));
  return cached;
}

function isVersionOf(previous: Node, next: Node): boolean {
  if (previous.type !== next.type) return false;
  if (previous.attrs.id && previous.attrs.id === next.attrs.id) return true;
  if (previous.type.name === 'cover_field') return previous.attrs.name === next.attrs.name;
  // A list is known by its place (a section holds one); the blocks around it were matched already.
  if (previous.type.name === 'item_list' || previous.type.name === 'cover') return true;
  return similarity(wordsOf(previous), wordsOf(next)) >= SAME_TEXT;
}

/** Above this many pairs of blocks (old × new) between two anchors, only blocks that read the same are matched. */
const SIMILARITY_LIMIT = 40_000;

/**
 * Index pairs (previous, next) of blocks matched in order. Blocks that read exactly the same are
 * paired first (Myers' diff: quick on long lists); between two such anchors, the blocks left are
 * paired by similarity (a revised sentence still matches its old self). Anchoring first keeps a
 * text of near-identical paragraphs (a report's boilerplate) from pairing each with its neighbour.
 */
function matchInOrder(previous: readonly Node[], next: readonly Node[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const [anchorI, anchorJ] of [...sameTextPairs(previous, next), [previous.length, next.length] as [number, number]]) {
    const olds = previous.slice(i, anchorI);
    const news = next.slice(j, anchorJ);
    if (olds.length > 0 && news.length > 0 && olds.length * news.length <= SIMILARITY_LIMIT) {
      for (const [oi, nj] of commonSubsequence(olds.length, news.length, (x, y) => isVersionOf(olds[x]!, news[y]!))) pairs.push([i + oi, j + nj]);
    }
    if (anchorI < previous.length) pairs.push([anchorI, anchorJ]);
    i = anchorI + 1;
    j = anchorJ + 1;
  }
  return pairs;
}

/** Pairs of blocks of the same type and the same words, in order (Myers' diff: quick on long lists). */
function sameTextPairs(olds: readonly Node[], news: readonly Node[]): Array<[number, number]> {
  const key = (node: Node) => `${node.type.name}\u0000${String(node.attrs.name ?? '')}\u0000${wordsOf(node).join(' ')}`;
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(olds.map(key), news.map(key))) {
    const count = change.value.length;
    if (change.added) j += count;
    else if (change.removed) i += count;
    else for (let k = 0; k < count; k++) pairs.push([i++, j++]);
  }
  return pairs;
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
