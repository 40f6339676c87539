/**
 * Tracked changes of the model as Word revisions. The model's change ids are strings and one model
 * change may cover many Word elements (every run of an inserted item, its paragraph marks, its
 * label), while Word wants a unique decimal `w:id` on every `w:ins`/`w:del`: one counter per
 * export hands them out, shared by the body and the footnotes.
 */
import type { Mark, Node } from 'prosemirror-model';
import type { BlockChange } from '../../schema/index.js';

export type RevisionKind = 'insertion' | 'deletion';

/** Who made a change and when: what a Word revision carries besides its id. */
export interface Attribution {
  kind: RevisionKind;
  author: string;
  date: string;
  /** The name of the tracked move this change is a side of: written as w:moveFrom / w:moveTo (./moves.ts). */
  move?: string;
}

/** What `docx` writes as the attributes of `w:ins` / `w:del` / `w:rPr/w:ins`. */
export interface WordRevision {
  id: number;
  author: string;
  date: string;
}

/** A revision element that is one side of a tracked move. */
export interface MoveSide {
  name: string;
  kind: RevisionKind;
}

export class RevisionIds {
  private last = 0;
  /** Revision id → the move it is a side of, for the elements to be written as moves (./moves.ts). */
  readonly moves = new Map<number, MoveSide>();
  next(move?: MoveSide): number {
    this.last += 1;
    if (move) this.moves.set(this.last, move);
    return this.last;
  }
  /** How many revision elements were written. */
  get count(): number {
    return this.last;
  }
}

/**
 * Word's `w:date` is an xsd:dateTime without fractions in practice; a date the model cannot give
 * is left out (the attribute is optional) rather than invented.
 */
export function wordDate(date: string): string | undefined {
  if (!date) return undefined;
  const time = Date.parse(date);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function wordRevision(attribution: Attribution, ids: RevisionIds): WordRevision {
  const date = wordDate(attribution.date);
  // `docx` types `date` as required but leaves an undefined attribute out, which is what Word wants
  // for an unknown date.
  const move = attribution.move ? { name: attribution.move, kind: attribution.kind } : undefined;
  return { id: ids.next(move), author: attribution.author || 'Plenary', date: date as string };
}

function fromBlockChange(change: BlockChange | null | undefined): Attribution | null {
  if (!change) return null;
  return { kind: change.kind, author: change.author, date: change.date };
}

/**
 * The revisions that cover a piece of content: inserted, deleted, or both (inserted by one author,
 * then deleted by another — Word writes that as a `w:del` inside a `w:ins`).
 */
export interface Revisions {
  inserted: Attribution | null;
  deleted: Attribution | null;
}

export const UNREVISED: Revisions = { inserted: null, deleted: null };

export function isRevised(revisions: Revisions): boolean {
  return revisions.inserted !== null || revisions.deleted !== null;
}

/**
 * What covers content inside an enclosing revision: the enclosing block's revisions win, the
 * content's own fill what they leave open (a word deleted inside an inserted item is both).
 */
export function within(outer: Revisions, inner: Revisions): Revisions {
  if (!isRevised(inner)) return outer;
  if (!isRevised(outer)) return inner;
  return { inserted: outer.inserted ?? inner.inserted, deleted: outer.deleted ?? inner.deleted };
}

function split(attributions: Array<Attribution | null>): Revisions {
  const out: Revisions = { inserted: null, deleted: null };
  for (const a of attributions) {
    if (a?.kind === 'insertion') out.inserted ??= a;
    if (a?.kind === 'deletion') out.deleted ??= a;
  }
  return out;
}

/**
 * The whole-block revisions of a node: its `change`, and the later `deletion` of a block that
 * another author inserted (schema attr, see shared/tracking).
 */
export function blockRevisionsOf(node: Node, moves?: ReadonlyMap<string, string>): Revisions {
  const later = node.attrs.deletion as BlockChange | null | undefined;
  const change = fromBlockChange(node.attrs.change as BlockChange | null | undefined);
  // A block that is one side of a pending move: its change is written as the move.
  const move = moves?.get(node.attrs.id as string);
  return split([change && move ? { ...change, move } : change, fromBlockChange(later)]);
}

/** The paragraph-mark revision (tracked split or join) of a textblock. */
export function paragraphMarkRevisionsOf(node: Node): Revisions {
  return split([fromBlockChange(node.attrs.paragraphMark as BlockChange | null | undefined)]);
}

/** The insertion/deletion marks of an inline node. */
export function markRevisionsOf(marks: readonly Mark[]): Revisions {
  return split(
    marks
      .filter((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion')
      .map((mark) => ({ kind: mark.type.name as RevisionKind, author: String(mark.attrs.author ?? ''), date: String(mark.attrs.date ?? '') })),
  );
}

/** The first whole-block change of a node, if any (credited for renumbered labels). */
export function blockChangeOf(node: Node): Attribution | null {
  return fromBlockChange(node.attrs.change as BlockChange | null | undefined);
}

/** `w:pPr/w:rPr/w:ins|w:del` of a paragraph mark in these revisions, as `docx` takes them. */
export function paragraphMarkOptions(revisions: Revisions, ids: RevisionIds): { insertion?: WordRevision; deletion?: WordRevision } {
  return {
    ...(revisions.inserted ? { insertion: wordRevision(revisions.inserted, ids) } : {}),
    ...(revisions.deleted ? { deletion: wordRevision(revisions.deleted, ids) } : {}),
  };
}
