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
import { diffArrays } from 'diff';
import { Fragment, Mark, Slice, type Node } from 'prosemirror-model';

type BlockEdit =
  /** A whole block of the old document, [from, to), is deleted. */
  | { kind: 'delete'; from: number; to: number }
  /** `nodes` (from [newFrom, newTo) of the new document) go in at `at`, a position of the old one. */
  | { kind: 'insert'; at: number; nodes: Node[]; newFrom: number; newTo: number }
  /** The text [from, to) of one textblock becomes `slice` (from [newFrom, newTo) of the new document). */
  | { kind: 'text'; from: number; to: number; slice: Slice; newFrom: number; newTo: number };

export interface PlanOptions {
  /**
   * The cursor in `target`; it breaks ties: when two items change places (Alt+Up), either could be
   * the one that moved, and the one the user moved is the one holding the cursor.
   */
  cursor?: number;
  /**
   * Text changes word by word (comparing two versions: `[-SMSI-][+Sommet+]`), rather than as the one
   * stretch from the first difference to the last (an edit in the editor: what the user selected).
   */
  words?: boolean;
}

/** The edits from `old` to `target`, last first (ready to apply without mapping), or null if none fit. */
export function planBlockEdits(old: Node, target: Node, options: PlanOptions = {}): BlockEdit[] | null {
  const edits: BlockEdit[] = [];
  if (!planChildren(old, 0, target, 0, edits, options)) return null;
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
  // The ids first: the matching compares every pair of a list's blocks, and most differ by id.
  return a.attrs.id === b.attrs.id && otherAttrs(a) === otherAttrs(b);
}

const otherAttrsCache = new WeakMap<Node, string>();

/** Every attribute but the id, as one string, computed once per (immutable) node. */
function otherAttrs(node: Node): string {
  let key = otherAttrsCache.get(node);
  if (key === undefined) {
    const { id: _id, ...rest } = node.attrs;
    key = JSON.stringify(rest);
    otherAttrsCache.set(node, key);
  }
  return key;
}

/**
 * Pairs of indexes (old, new) of the longest common subsequence of same blocks. The blocks an edit
 * left alone at both ends of a list are paired first, so the quadratic part only sees the few in
 * between (a Tab in a list of ninety items compares two or three).
 */
/**
 * Index pairs (i, j) of a longest common subsequence of two sequences of n and m elements, where
 * `same(i, j)` says whether element i of the first is element j of the second. Of two equally long
 * ones, the one that leaves element j of the second unmatched when `keepOut(j)`.
 */
export function commonSubsequence(
  n: number,
  m: number,
  same: (i: number, j: number) => boolean,
  keepOut: (j: number) => boolean = () => false,
): Array<[number, number]> {
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = same(i, j) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (same(i, j) && table[i]![j] === table[i + 1]![j + 1]! + 1) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! > table[i]![j + 1]! || (table[i + 1]![j] === table[i]![j + 1] && !keepOut(j))) i++;
    else j++;
  }
  return pairs;
}

function matchChildren(olds: Child[], news: Child[], { cursor }: PlanOptions): Array<[number, number]> {
  let head = 0;
  while (head < olds.length && head < news.length && sameBlock(olds[head]!.node, news[head]!.node)) head++;
  let tail = 0;
  while (
    tail < olds.length - head &&
    tail < news.length - head &&
    sameBlock(olds[olds.length - 1 - tail]!.node, news[news.length - 1 - tail]!.node)
  )
    tail++;
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  // Of two equally long matchings, the one that leaves the block holding the cursor unmatched: it
  // is the block the edit moved.
  const holdsCursor = (j: number) => {
    const child = news[head + j]!;
    return cursor !== undefined && cursor > child.pos && cursor < child.pos + child.node.nodeSize;
  };
  const middle = commonSubsequence(
    olds.length - head - tail,
    news.length - head - tail,
    (i, j) => sameBlock(olds[head + i]!.node, news[head + j]!.node),
    holdsCursor,
  );
  for (const [i, j] of middle) pairs.push([head + i, head + j]);
  for (let k = tail; k > 0; k--) pairs.push([olds.length - k, news.length - k]);
  return pairs;
}

function planChildren(
  oldParent: Node,
  oldStart: number,
  newParent: Node,
  newStart: number,
  edits: BlockEdit[],
  options: PlanOptions,
): boolean {
  if (oldParent.inlineContent || newParent.inlineContent) {
    if (!oldParent.inlineContent || !newParent.inlineContent) return false;
    const range = diffRange(oldParent.content, newParent.content);
    if (!range) return true;
    return options.words
      ? planWords(oldParent, oldStart, newParent, newStart, edits)
      : planStretch(oldParent, oldStart, newParent, newStart, range, edits);
  }
  const olds = childrenOf(oldParent, oldStart);
  const news = childrenOf(newParent, newStart);
  // A matched pair that differs inside is planned on its own; if that fails, the pair is
  // deleted and inserted like unmatched blocks.
  const pairs: Array<[number, number]> = [];
  const inner: BlockEdit[] = [];
  for (const [i, j] of matchChildren(olds, news, options)) {
    const a = olds[i]!;
    const b = news[j]!;
    if (a.node.eq(b.node)) {
      pairs.push([i, j]);
      continue;
    }
    const nested: BlockEdit[] = [];
    if (planChildren(a.node, a.pos + 1, b.node, b.pos + 1, nested, options)) {
      pairs.push([i, j]);
      for (const entry of nested) inner.push(entry);
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
      for (const entry of nodes) result.push(entry);
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
  for (const edit of own) edits.push(edit);
  for (const edit of inner) edits.push(edit);
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

/**
 * A piece of a textblock's content for the word diff: a word, a run of spaces, a punctuation sign
 * (each with its marks), or an inline node (a footnote, a reference) as a whole.
 */
interface Token {
  /** Offset in the parent's content. */
  at: number;
  size: number;
  text: string | null;
  node: Node;
}

const WORDS = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

function tokens(parent: Node): Token[] {
  const out: Token[] = [];
  parent.forEach((child, offset) => {
    if (!child.isText) {
      out.push({ at: offset, size: child.nodeSize, text: null, node: child });
      return;
    }
    for (const match of child.text!.matchAll(WORDS))
      out.push({ at: offset + match.index, size: match[0].length, text: match[0], node: child });
  });
  return out;
}

function sameToken(a: Token, b: Token): boolean {
  if (a.text !== null || b.text !== null) return a.text === b.text && Mark.sameSet(a.node.marks, b.node.marks);
  return a.node.eq(b.node);
}

/** The same inline node with other content (a footnote whose text was edited). */
function sameInlineNode(a: Node, b: Node): boolean {
  return a.type === b.type && a.inlineContent && a.attrs.id !== null && a.attrs.id === b.attrs.id && Mark.sameSet(a.marks, b.marks);
}

/** Above this many tokens compared (old × new), one stretch is tracked, not word by word. */
const WORD_DIFF_LIMIT = 4_000_000;

/**
 * What changed in one textblock's (or footnote's) text, word by word: each stretch of words that
 * differs is its own edit, so a reviewer sees "[-SMSI-][+Sommet+]" and not the whole sentence
 * between the first and the last change struck and retyped.
 */
function planWords(oldParent: Node, oldStart: number, newParent: Node, newStart: number, edits: BlockEdit[]): boolean {
  const range = diffRange(oldParent.content, newParent.content);
  if (!range) return true;
  const olds = tokens(oldParent);
  const news = tokens(newParent);
  if (olds.length * news.length > WORD_DIFF_LIMIT) return planStretch(oldParent, oldStart, newParent, newStart, range, edits);
  let i = 0;
  let j = 0;
  let pending: { i: number; j: number } | null = null;
  const flush = () => {
    if (!pending) return;
    // A footnote whose own text changed (the same footnote on both sides): its text is planned.
    const a = i - pending.i === 1 ? olds[pending.i]! : null;
    const b = j - pending.j === 1 ? news[pending.j]! : null;
    if (a && b && a.text === null && b.text === null && sameInlineNode(a.node, b.node)) {
      const inner = planWords(a.node, oldStart + a.at + 1, b.node, newStart + b.at + 1, edits);
      pending = null;
      if (inner) return;
      pending = { i: i - 1, j: j - 1 };
    }
    const from = pending.i < olds.length ? olds[pending.i]!.at : oldParent.content.size;
    const to = i < olds.length ? olds[i]!.at : oldParent.content.size;
    const newFrom = pending.j < news.length ? news[pending.j]!.at : newParent.content.size;
    const newTo = j < news.length ? news[j]!.at : newParent.content.size;
    edits.push({
      kind: 'text',
      from: oldStart + from,
      to: oldStart + to,
      slice: new Slice(newParent.content.cut(newFrom, newTo), 0, 0),
      newFrom: newStart + newFrom,
      newTo: newStart + newTo,
    });
    pending = null;
  };
  for (const change of diffArrays(olds, news, { comparator: sameToken })) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      flush();
      i += count;
      j += count;
      continue;
    }
    pending ??= { i, j };
    if (change.removed) i += count;
    else j += count;
  }
  flush();
  return true;
}

/** The changed stretch of one textblock's text as one edit (from the first difference to the last). */
function planStretch(
  oldParent: Node,
  oldStart: number,
  newParent: Node,
  newStart: number,
  range: { start: number; endA: number; endB: number },
  edits: BlockEdit[],
): boolean {
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
