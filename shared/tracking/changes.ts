/**
 * The tracked changes of a document as a list (the changes panel, next/previous navigation) and
 * the review actions on them: accept or reject one change, the changes in a range, by an author,
 * or all — each returned as a transaction, so that review is undoable like any edit.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { computeLabels } from '../numbering/index.js';
import { blockChange, blockDeletion, paragraphMark, trackMarkOf, type ChangeKind } from './attrs.js';
import { pendingMoves } from './moves.js';
import { resolveWithMapping, type Decision } from './review.js';
import { UNTRACKED_META } from './plugin.js';

/** What a change did: text, a whole block (item, section, annex…), or a paragraph mark (split/join). */
export type ChangeScope = 'text' | 'block' | 'paragraph-mark';

export interface TrackedChange {
  id: string;
  kind: ChangeKind;
  scope: ChangeScope;
  /** For block changes: the block type (`item`, `section`…). */
  blockType?: string;
  /** A block change that is half of a move: the block struck where it was, or its copy where it went. */
  moved?: boolean;
  author: string;
  date: string;
  /** Up to 80 characters of the text concerned. */
  excerpt: string;
  /** The section keyword the change stands under, if any (`décide`). */
  section?: string;
  /** The computed label of the item it stands in, in the new numbering (`3`, `b)`). */
  label?: string;
  /** Document range covered (first and last part of a change made of several pieces). */
  from: number;
  to: number;
}

const EXCERPT_LENGTH = 80;

/** One stretch of a change in the document: what a TrackedChange is made of, before it is located. */
type Piece = Omit<TrackedChange, 'excerpt' | 'section' | 'label'> & { text: string };

/** One entry per change id, in document order. */
export function listChanges(doc: Node): TrackedChange[] {
  const pieces = collectPieces(doc);
  const labels = computeLabels(doc, { view: 'new' });
  const original = computeLabels(doc, { view: 'original' });
  const byId = new Map<string, TrackedChange>();
  for (const piece of pieces) {
    const key = `${piece.id}:${piece.kind}`;
    const known = byId.get(key);
    if (known) {
      known.to = Math.max(known.to, piece.to);
      if (known.excerpt.length < EXCERPT_LENGTH) known.excerpt = truncate(`${known.excerpt}${piece.text}`);
      continue;
    }
    const where = locate(doc, piece.from, labels.items, original.items);
    byId.set(key, {
      id: piece.id,
      kind: piece.kind,
      scope: piece.scope,
      ...(piece.blockType ? { blockType: piece.blockType } : {}),
      ...(piece.moved ? { moved: true } : {}),
      author: piece.author,
      date: piece.date,
      excerpt: truncate(piece.text),
      ...where,
      from: piece.from,
      to: piece.to,
    });
  }
  return [...byId.values()].sort((a, b) => a.from - b.from);
}

function truncate(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > EXCERPT_LENGTH ? `${clean.slice(0, EXCERPT_LENGTH - 1)}…` : clean;
}

function collectPieces(doc: Node): Piece[] {
  const pieces: Piece[] = [];
  const moves = pendingMoves(doc);
  doc.descendants((node, pos) => {
    const change = blockChange(node);
    if (change && !node.isText) {
      const id = node.attrs.id as string;
      const moved = (change.kind === 'insertion' ? moves.copies : moves.originals).has(id);
      pieces.push({
        ...change,
        scope: node.isInline ? 'text' : 'block',
        blockType: node.type.name,
        ...(moved ? { moved } : {}),
        from: pos,
        to: pos + node.nodeSize,
        text: node.textContent,
      });
    }
    const later = blockDeletion(node);
    if (later) pieces.push({ ...later, scope: 'block', blockType: node.type.name, from: pos, to: pos + node.nodeSize, text: node.textContent });
    const mark = paragraphMark(node);
    if (mark) {
      const end = pos + node.nodeSize - 1;
      pieces.push({ ...mark, scope: 'paragraph-mark', from: end, to: end + 1, text: '¶' });
    }
    for (const kind of ['insertion', 'deletion'] as const) {
      const m = node.isInline ? trackMarkOf(node, kind) : undefined;
      if (m) {
        pieces.push({
          id: m.attrs.id as string,
          kind,
          scope: 'text',
          author: m.attrs.author as string,
          date: m.attrs.date as string,
          from: pos,
          to: pos + node.nodeSize,
          text: node.isText ? node.text! : node.textContent,
        });
      }
    }
    return true;
  });
  return pieces;
}

/** The section keyword and item label around a position. */
function locate(doc: Node, pos: number, labels: ReadonlyMap<string, string>, originalLabels: ReadonlyMap<string, string>): { section?: string; label?: string } {
  const $pos = doc.resolve(Math.min(pos + 1, doc.content.size));
  const where: { section?: string; label?: string } = {};
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type.name === 'item' && where.label === undefined) {
      const id = node.attrs.id as string;
      const label = labels.get(id) ?? originalLabels.get(id);
      if (label !== undefined) where.label = label;
    }
    if (node.type.name === 'section' && where.section === undefined) {
      where.section = node.firstChild?.textContent ?? '';
    }
  }
  return where;
}

// --- review actions ----------------------------------------------------------------------------

/** Which changes a review action takes. */
export interface ChangeSelection {
  ids?: readonly string[];
  author?: string;
  /** Changes that touch [from, to). */
  range?: { from: number; to: number };
}

function selectedIds(doc: Node, selection: ChangeSelection): Set<string> {
  const ids = new Set<string>();
  for (const change of listChanges(doc)) {
    if (selection.ids && !selection.ids.includes(change.id)) continue;
    if (selection.author !== undefined && change.author !== selection.author) continue;
    if (selection.range && (change.to <= selection.range.from || change.from >= selection.range.to)) continue;
    ids.add(change.id);
  }
  return ids;
}

/**
 * The transaction that accepts or rejects the selected changes (all when the selection is empty),
 * or null when none is selected. It replaces the document in one step — review is rare and the
 * resolved document is computed by the same code as the final/original views — keeps the cursor
 * where it was (carried through the review's own mapping), and is marked untracked so that
 * suggestion mode never tracks the review itself.
 */
export function reviewChanges(state: EditorState, decision: Decision, selection: ChangeSelection = {}): Transaction | null {
  const ids = selectedIds(state.doc, selection);
  if (ids.size === 0) return null;
  const resolved = resolveWithMapping(state.doc, decision, (id) => ids.has(id));
  const tr = state.tr.replaceWith(0, state.doc.content.size, resolved.doc.content);
  const cursor = Math.min(resolved.mapping.map(state.selection.head, -1), tr.doc.content.size);
  tr.setSelection(TextSelection.near(tr.doc.resolve(cursor)));
  tr.setMeta(UNTRACKED_META, true);
  return tr;
}

export function acceptChange(state: EditorState, id: string): Transaction | null {
  return reviewChanges(state, 'accept', { ids: [id] });
}

export function rejectChange(state: EditorState, id: string): Transaction | null {
  return reviewChanges(state, 'reject', { ids: [id] });
}

export function rejectChanges(state: EditorState, selection: ChangeSelection = {}): Transaction | null {
  return reviewChanges(state, 'reject', selection);
}

// --- navigation --------------------------------------------------------------------------------

/** The first change that starts after `pos` (wrapping to the first one), or null when there is none. */
export function nextChange(doc: Node, pos: number): TrackedChange | null {
  const changes = listChanges(doc);
  return changes.find((c) => c.from > pos) ?? changes[0] ?? null;
}

/** The last change that starts before `pos` (wrapping to the last one). */
export function previousChange(doc: Node, pos: number): TrackedChange | null {
  const changes = listChanges(doc);
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i]!.from < pos) return changes[i]!;
  return changes[changes.length - 1] ?? null;
}
