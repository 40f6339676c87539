/**
 * The difference between two versions of a document as edits of whole blocks and of text, matched
 * by block id: what the tracker records for an edit it cannot read as one replace (Tab, Shift-Tab,
 * Alt-Up/Down, several replaces at once).
 *
 * The editor's commands keep a block's id when they move it, so a block with the same id, type and
 * attributes in both versions is the same block: only what changed inside it is an edit (a demoted
 * item is deleted where it was and inserted into the previous item's sub-list, and that item is
 * left alone, rather than the whole stretch of items being deleted and inserted again). Within a
 * parent, blocks are matched in order (longest common subsequence); the others are deleted, and
 * the new ones inserted after them. Pure: the plan is applied by the tracker (track.ts).
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';

export type BlockEdit =
  /** A whole block of the old document, [from, to), is deleted. */
  | { kind: 'delete'; from: number; to: number }
  /** `nodes` (from [newFrom, newTo) of the new document) go in at `at`, a position of the old one. */
  | { kind: 'insert'; at: number; nodes: Node[]; newFrom: number; newTo: number }
  /** The text [from, to) of one textblock becomes `slice` (from [newFrom, newTo) of the new document). */
  | { kind: 'text'; from: number; to: number; slice: Slice; newFrom: number; newTo: number };

/**
 * The edits from `old` to `target`, last first (ready to apply without mapping), or null if none fit.
 * `head`, the cursor in `target`, breaks ties: when two items change places (Alt+Up), either could
 * be the one that moved, and the one the user moved is the one holding the cursor.
 */
export function planBlockEdits(old: Node, target: Node, head?: number): BlockEdit[] | null {
  const edits: BlockEdit[] = [];
  if (!planChildren(old, 0, target, 0, edits, head)) return null;
  return edits.sort((a, b) => position(b) - position(a) || (a.kind === 'insert' ? -1 : 1));
}

function position(edit: BlockEdit): number {
  return edit.kind === 'insert' ? edit.at : edit.from;
}

interface Child {
  node: Node;
  pos: number;
}

function childrenOf(parent: Node, contentStart: number): Child[] {
  const children: Child[] = [];
  parent.forEach((node, offset) => children.push({ node, pos: contentStart + offset }));
  return children;
}

/** Same block: type, id and every other attribute (tracked changes included) equal. */
function sameBlock(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.isText || b.isText) return false;
  if (a === b) return true;
  const { id: idA, ...restA } = a.attrs;
  const { id: idB, ...restB } = b.attrs;
  return idA === idB && JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * Pairs of indexes (old, new) of the longest common subsequence of same blocks. The blocks an edit
 * left alone at both ends of a list are paired first, so the quadratic part only sees the few in
 * between (a Tab in a list of ninety items compares two or three).
 */
function matchChildren(olds: Child[], news: Child[], cursor: number | undefined): Array<[number, number]> {
  let head = 0;
  while (head < olds.length && head < news.length && sameBlock(olds[head]!.node, news[head]!.node)) head++;
  let tail = 0;
  while (tail < olds.length - head && tail < news.length - head && sameBlock(olds[olds.length - 1 - tail]!.node, news[news.length - 1 - tail]!.node)) tail++;
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  const n = olds.length - head - tail;
  const m = news.length - head - tail;
  const same = (i: number, j: number) => sameBlock(olds[head + i]!.node, news[head + j]!.node);
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = same(i, j) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  // Of two equally long matchings, the one that leaves the block holding the cursor unmatched: it
  // is the block the edit moved.
  const holdsCursor = (j: number) => {
    const child = news[head + j]!;
    return cursor !== undefined && cursor > child.pos && cursor < child.pos + child.node.nodeSize;
  };
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(i, j) && table[i]![j] === table[i + 1]![j + 1]! + 1) pairs.push([head + i++, head + j++]);
    else if (table[i + 1]![j]! > table[i]![j + 1]! || (table[i + 1]![j] === table[i]![j + 1] && !holdsCursor(j))) i++;
    else j++;
  }
  for (let k = tail; k > 0; k--) pairs.push([olds.length - k, news.length - k]);
  return pairs;
}

function planChildren(oldParent: Node, oldStart: number, newParent: Node, newStart: number, edits: BlockEdit[], cursor: number | undefined): boolean {
  if (oldParent.inlineContent || newParent.inlineContent) return planText(oldParent, oldStart, newParent, newStart, edits);
  const olds = childrenOf(oldParent, oldStart);
  const news = childrenOf(newParent, newStart);
  // A matched pair that differs inside is planned on its own; if that fails, the pair is
  // deleted and inserted like unmatched blocks.
  const pairs: Array<[number, number]> = [];
  const inner: BlockEdit[] = [];
  for (const [i, j] of matchChildren(olds, news, cursor)) {
    const a = olds[i]!;
    const b = news[j]!;
    if (a.node.eq(b.node)) {
      pairs.push([i, j]);
      continue;
    }
    const nested: BlockEdit[] = [];
    if (planChildren(a.node, a.pos + 1, b.node, b.pos + 1, nested, cursor)) {
      pairs.push([i, j]);
      inner.push(...nested);
    }
  }
  const own: BlockEdit[] = [];
  const result: Node[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [olds.length, news.length] as [number, number]]) {
    for (; i < pi; i++) {
      own.push({ kind: 'delete', from: olds[i]!.pos, to: olds[i]!.pos + olds[i]!.node.nodeSize });
      result.push(olds[i]!.node);
    }
    if (j < pj) {
      const nodes = news.slice(j, pj).map((c) => c.node);
      const at = pi < olds.length ? olds[pi]!.pos : oldStart + oldParent.content.size;
      const newFrom = news[j]!.pos;
      const newTo = news[pj - 1]!.pos + news[pj - 1]!.node.nodeSize;
      own.push({ kind: 'insert', at, nodes, newFrom, newTo });
      result.push(...nodes);
      j = pj;
    }
    if (pi < olds.length) {
      result.push(news[pj]!.node);
      i++;
      j++;
    }
  }
  // The tracked parent holds the deleted blocks beside the inserted ones: its content must allow it.
  if (!oldParent.type.validContent(Fragment.fromArray(result))) return false;
  edits.push(...own, ...inner);
  return true;
}

/**
 * Where two fragments differ: from `start` to `endA` in the first and to `endB` in the second, or
 * null when they are equal. ProseMirror's findDiffEnd can end before findDiffStart when the change
 * repeats the text around it ("aa" → "aaa"); both ends then move forward by the overlap.
 */
export function diffRange(a: Fragment, b: Fragment): { start: number; endA: number; endB: number } | null {
  const start = a.findDiffStart(b);
  if (start === null) return null;
  const end = a.findDiffEnd(b)!;
  const overlap = Math.max(0, start - Math.min(end.a, end.b));
  return { start, endA: end.a + overlap, endB: end.b + overlap };
}

/** The changed stretch of one textblock's (or footnote's) text. */
function planText(oldParent: Node, oldStart: number, newParent: Node, newStart: number, edits: BlockEdit[]): boolean {
  if (!oldParent.inlineContent || !newParent.inlineContent) return false;
  const range = diffRange(oldParent.content, newParent.content);
  if (!range) return true;
  const { start, endA, endB } = range;
  // Both ends in the same text (a footnote's, or the paragraph's around it).
  if (oldParent.resolve(start).parent !== oldParent.resolve(endA).parent) return false;
  if (newParent.resolve(start).parent !== newParent.resolve(endB).parent) return false;
  edits.push({
    kind: 'text',
    from: oldStart + start,
    to: oldStart + endA,
    slice: new Slice(newParent.content.cut(start, endB), 0, 0),
    newFrom: newStart + start,
    newTo: newStart + endB,
  });
  return true;
}
