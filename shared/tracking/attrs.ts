/**
 * Reading the three places a tracked change can live: insertion/deletion marks on inline content,
 * the `change` attribute of a block (or footnote), and the `paragraphMark` attribute of a textblock.
 */
import type { Mark, MarkType, Node } from 'prosemirror-model';
import { schema, type BlockChange } from '../schema/index.js';

export type ChangeKind = BlockChange['kind'];

/** Who makes a change and when: stamped on every mark and attribute the tracker writes. */
export interface ChangeStamp {
  id: string;
  author: string;
  date: string;
}

export const insertionMark: MarkType = schema.marks.insertion!;
export const deletionMark: MarkType = schema.marks.deletion!;

export function markTypeOf(kind: ChangeKind): MarkType {
  return kind === 'insertion' ? insertionMark : deletionMark;
}

export function isTrackMark(mark: Mark): boolean {
  return mark.type === insertionMark || mark.type === deletionMark;
}

function asBlockChange(value: unknown): BlockChange | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<BlockChange>;
  if ((v.kind !== 'insertion' && v.kind !== 'deletion') || typeof v.id !== 'string') return null;
  return { kind: v.kind, id: v.id, author: v.author ?? '', date: v.date ?? '' };
}

export function blockChange(node: Node): BlockChange | null {
  return 'change' in node.attrs ? asBlockChange(node.attrs.change) : null;
}

/** The later deletion of a block that another author inserted (schema attr `deletion`). */
export function blockDeletion(node: Node): BlockChange | null {
  return 'deletion' in node.attrs ? asBlockChange(node.attrs.deletion) : null;
}

export function paragraphMark(node: Node): BlockChange | null {
  return 'paragraphMark' in node.attrs ? asBlockChange(node.attrs.paragraphMark) : null;
}

export function hasChangeAttr(node: Node): boolean {
  return 'change' in node.attrs;
}

export function hasParagraphMarkAttr(node: Node): boolean {
  return 'paragraphMark' in node.attrs;
}

/** The tracked mark of `kind` on an inline node, if any. */
export function trackMarkOf(node: Node, kind: ChangeKind): Mark | undefined {
  const type = markTypeOf(kind);
  return node.marks.find((m) => m.type === type);
}

/**
 * A live reference deleted and, right after it, one inserted by the same author: one reference made
 * to name another item (a comparison finds `point 5 du décide` became `point 4 du décide`, a new
 * item). Writers show it as one reference whose label changed, not two whole phrases.
 */
export function replacedReference(parent: Node, index: number): { deleted: Node; inserted: Node } | null {
  if (index + 1 >= parent.childCount) return null;
  const deleted = parent.child(index);
  const inserted = parent.child(index + 1);
  if (deleted.type.name !== 'cross_reference' || inserted.type.name !== 'cross_reference') return null;
  const gone = trackMarkOf(deleted, 'deletion');
  const added = trackMarkOf(inserted, 'insertion');
  if (!gone || !added || trackMarkOf(deleted, 'insertion') || trackMarkOf(inserted, 'deletion')) return null;
  return gone.attrs.author === added.attrs.author ? { deleted, inserted } : null;
}

export function stampOfMark(mark: Mark): ChangeStamp {
  return { id: mark.attrs.id as string, author: mark.attrs.author as string, date: mark.attrs.date as string };
}

export function blockChangeOf(kind: ChangeKind, stamp: ChangeStamp): BlockChange {
  return { kind, id: stamp.id, author: stamp.author, date: stamp.date };
}

/** Whether a document holds any tracked change at all (cheap test for writers and the CLI). */
export function hasTrackedChanges(doc: Node): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (blockChange(node) || blockDeletion(node) || paragraphMark(node) || node.marks.some(isTrackMark)) found = true;
    return !found;
  });
  return found;
}
