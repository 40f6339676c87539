/**
 * Tracked moves keep the moved blocks' identity.
 *
 * In suggestion mode a move (Alt+Up, Tab, Shift+Tab, a cut pasted elsewhere) leaves the block
 * where it was, struck through, and inserts a copy where it goes. Two blocks cannot share an id, so
 * the copy gets a fresh one and records the original's in `movedFrom`: cross-references to the
 * original read from the copy in the new text (shared/numbering/reference-text.ts). Once a review
 * removes the original for good, the copy takes its id back — the document is then the one the
 * untracked move makes, and every reference, language version or comment hanging on the id still
 * finds the block.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { mayIntroduceIds, writtenRanges } from '../model/index.js';
import { blockChange, blockDeletion } from './attrs.js';

interface Standing {
  /** Struck through: deleted itself, or inside a deleted block, pending review. */
  struck: boolean;
}

/** Every block with an id, by id (the first one wins), and whether it stands struck through. */
function blocksById(doc: Node): Map<string, Standing> {
  const blocks = new Map<string, Standing>();
  // Footnotes carry ids too (inline, but copied whole like blocks).
  const walk = (node: Node, struck: boolean) => {
    node.forEach((child) => {
      if (child.isText) return;
      const here = struck || blockChange(child)?.kind === 'deletion' || blockDeletion(child) !== null;
      const id = child.attrs.id as string | null | undefined;
      if (id && !blocks.has(id)) blocks.set(id, { struck: here });
      walk(child, here);
    });
  };
  walk(doc, false);
  return blocks;
}

interface Copy {
  pos: number;
  id: string;
  movedFrom: string;
}

function copiesIn(doc: Node): Copy[] {
  const copies: Copy[] = [];
  doc.descendants((node, pos) => {
    const movedFrom = node.attrs.movedFrom as string | null | undefined;
    if (movedFrom) copies.push({ pos, id: node.attrs.id as string, movedFrom });
    return true;
  });
  return copies;
}

export interface PendingMoves {
  /** Ids of the blocks struck through where they were… */
  originals: ReadonlySet<string>;
  /** …and of their copies where they went. */
  copies: ReadonlySet<string>;
}

/** The moves awaiting review: copies whose original still stands struck through. */
export function pendingMoves(doc: Node): PendingMoves {
  const originals = new Set<string>();
  const copies = new Set<string>();
  const found = copiesIn(doc);
  if (found.length === 0) return { originals, copies };
  const blocks = blocksById(doc);
  for (const copy of found) {
    if (!blocks.get(copy.movedFrom)?.struck) continue;
    originals.add(copy.movedFrom);
    copies.add(copy.id);
  }
  return { originals, copies };
}

/**
 * After a review: a copy whose original is gone takes the original's id (references to the copy
 * itself are turned to that id too); a copy whose original stands again, not struck through (the
 * deletion rejected, the insertion accepted: the item is now there twice), is a copy of nothing any
 * more. A copy whose original is still struck through waits for its review.
 */
export function settleMoves(doc: Node): Node {
  const copies = copiesIn(doc);
  if (copies.length === 0) return doc;
  const blocks = blocksById(doc);
  const tr = new Transform(doc);
  const renamed = new Map<string, string>();
  for (const copy of copies) {
    const original = blocks.get(copy.movedFrom);
    if (!original) {
      tr.setNodeAttribute(copy.pos, 'id', copy.movedFrom).setNodeAttribute(copy.pos, 'movedFrom', null);
      renamed.set(copy.id, copy.movedFrom);
      // A second copy of the same original finds it standing now, and lets it be.
      blocks.set(copy.movedFrom, { struck: false });
    } else if (!original.struck) {
      tr.setNodeAttribute(copy.pos, 'movedFrom', null);
    }
  }
  if (renamed.size > 0) {
    tr.doc.descendants((node, pos) => {
      const target = node.type.name === 'cross_reference' ? renamed.get(node.attrs.target as string) : undefined;
      if (target) tr.setNodeAttribute(pos, 'target', target);
      return true;
    });
  }
  return tr.doc;
}

/**
 * The blocks a tracked edit inserted record `movedFrom` whenever they were copied whole (see
 * track.ts `withFreshIds`), including blocks the untracked edit had just created: those copy
 * nothing that was in the document, and lose the record here. Only edits that insert blocks are
 * looked at, so typing costs nothing.
 */
export function forgetStrayCopies(out: Transaction): void {
  if (!mayIntroduceIds(out)) return;
  let existing: Map<string, Standing> | null = null;
  for (const [from, to] of writtenRanges([out])) {
    out.doc.nodesBetween(from, Math.min(to, out.doc.content.size), (node, pos) => {
      const movedFrom = node.attrs.movedFrom as string | null | undefined;
      if (movedFrom && !(existing ??= blocksById(out.before)).has(movedFrom)) out.setNodeAttribute(pos, 'movedFrom', null);
      return true;
    });
  }
}
