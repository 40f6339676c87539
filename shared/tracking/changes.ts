/**
 * The tracked changes of a document as a list (the changes panel, next/previous navigation) and
 * the review actions on them: accept or reject one change, the changes in a range, by an author,
 * or all — each returned as a transaction, so that review is undoable like any edit.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { computeLabels, type Labels } from '../numbering/index.js';
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
  /**
   * The labels of the item it stands in and of the items around that one, outermost first, in the
   * new numbering (the original one for a deleted item): `3`, `4 c)`.
   */
  label?: string;
  /** The change is in a footnote (its number) or in a field of the cover (its name), not in the text. */
  footnote?: number;
  coverField?: string;
  /**
   * A card of the changes panel that stands for one user action made of several changes (a new
   * item: the split and the text typed in it): every change id it covers, `id` first.
   */
  ids?: string[];
  /** Document range covered (first and last part of a change made of several pieces). */
  from: number;
  to: number;
}

const EXCERPT_LENGTH = 80;

/** One stretch of a change in the document: what a TrackedChange is made of, before it is located. */
type Piece = Omit<TrackedChange, 'excerpt' | 'section' | 'label'> & {
  /** The piece as it reads in the excerpt, a footnote in it as its reference marker (`[3]`). */
  text: string;
  /** A footnote inserted or deleted whole: its own text, the excerpt of a change that is only the footnote. */
  footnoteText?: string;
};

/** One entry per change id, in document order. */
export function listChanges(doc: Node): TrackedChange[] {
  const labels = computeLabels(doc, { view: 'new' });
  const original = computeLabels(doc, { view: 'original' });
  const pieces = collectPieces(doc, labels.footnotes);
  const byId = new Map<string, TrackedChange>();
  // The changes that so far stand for a footnote alone: their excerpt is the footnote's text until
  // another piece joins them, then the footnote reads as its marker among the body text.
  const footnoteOnly = new Map<string, string>();
  for (const piece of pieces) {
    const key = `${piece.id}:${piece.kind}`;
    const known = byId.get(key);
    if (known) {
      known.to = Math.max(known.to, piece.to);
      const before = footnoteOnly.get(key);
      if (before !== undefined) {
        footnoteOnly.delete(key);
        known.excerpt = truncate(before);
      }
      if (known.excerpt.length < EXCERPT_LENGTH) known.excerpt = truncate(`${known.excerpt}${piece.text}`);
      continue;
    }
    if (piece.footnoteText !== undefined) footnoteOnly.set(key, piece.text);
    const where = locate(doc, piece.from, labels, original.items);
    byId.set(key, {
      id: piece.id,
      kind: piece.kind,
      scope: piece.scope,
      ...(piece.blockType ? { blockType: piece.blockType } : {}),
      ...(piece.moved ? { moved: true } : {}),
      author: piece.author,
      date: piece.date,
      excerpt: truncate(piece.footnoteText ?? piece.text),
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

/** A footnote as the excerpt shows it within body text: its reference marker, never its text. */
function footnoteMarker(footnote: Node, numbers: ReadonlyMap<string, number>): string {
  return `[${numbers.get(footnote.attrs.id as string) ?? '*'}]`;
}

/**
 * The text of a node as an excerpt reads it: each footnote as its marker (its text would run into
 * the body text: "80/173Voir le Document C26/59.;"), a space between paragraphs.
 */
function excerptText(node: Node, numbers: ReadonlyMap<string, number>): string {
  if (node.isText) return node.text!;
  if (node.type.name === 'footnote') return footnoteMarker(node, numbers);
  const parts: string[] = [];
  node.forEach((child) => parts.push(excerptText(child, numbers)));
  return parts.join(node.isTextblock ? '' : ' ');
}

function collectPieces(doc: Node, footnotes: ReadonlyMap<string, number>): Piece[] {
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
        text: excerptText(node, footnotes),
        ...(node.type.name === 'footnote' ? { footnoteText: node.textContent } : {}),
      });
    }
    const later = blockDeletion(node);
    if (later)
      pieces.push({
        ...later,
        scope: 'block',
        blockType: node.type.name,
        from: pos,
        to: pos + node.nodeSize,
        text: excerptText(node, footnotes),
      });
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
          // A footnote (an inline node) inserted or deleted with its text: the panel names it.
          ...(node.isText ? {} : { blockType: node.type.name }),
          author: m.attrs.author as string,
          date: m.attrs.date as string,
          from: pos,
          to: pos + node.nodeSize,
          text: excerptText(node, footnotes),
          ...(node.type.name === 'footnote' ? { footnoteText: node.textContent } : {}),
        });
      }
    }
    return true;
  });
  return pieces;
}

type Place = Pick<TrackedChange, 'section' | 'label' | 'footnote' | 'coverField'>;

/** The section keyword, the item labels (outermost first), and the footnote or cover field around a position. */
function locate(doc: Node, pos: number, labels: Labels, originalLabels: ReadonlyMap<string, string>): Place {
  const $pos = doc.resolve(Math.min(pos + 1, doc.content.size));
  const where: Place = {};
  const path: string[] = [];
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    const id = node.attrs.id as string;
    switch (node.type.name) {
      case 'item': {
        const label = labels.items.get(id) ?? originalLabels.get(id);
        if (label) path.unshift(label);
        break;
      }
      case 'section':
        if (where.section === undefined) where.section = node.firstChild?.textContent ?? '';
        break;
      case 'footnote': {
        const number = labels.footnotes.get(id);
        if (number !== undefined) where.footnote = number;
        break;
      }
      case 'cover_field':
        where.coverField = String(node.attrs.name);
        break;
    }
  }
  // A change to a footnote as a whole (inserted or deleted with its text) stands on the footnote node.
  const node = doc.nodeAt(pos);
  if (node?.type.name === 'footnote' && where.footnote === undefined) {
    const number = labels.footnotes.get(node.attrs.id as string);
    if (number !== undefined) where.footnote = number;
  }
  if (path.length) where.label = path.join(' ');
  return where;
}

// --- cards: one per user action ----------------------------------------------------------------

/** The first textblock that starts at or after `pos`, with its position; null at the end. */
function textblockFrom(doc: Node, pos: number): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  if (pos >= doc.content.size) return null;
  doc.nodesBetween(pos, doc.content.size, (node, at) => {
    if (found) return false;
    if (node.isTextblock && at >= pos) found = { node, pos: at };
    return !node.isTextblock;
  });
  return found;
}

/**
 * The changes of the list as the changes panel shows them: one card per user action. Enter at the
 * end of an item makes a paragraph mark and a new item, typed into afterwards; Backspace over an
 * item's text joins it to the item before. Word shows such a split or join with the paragraph whose
 * text is wholly inserted or deleted by the same author as one change; so does this list: an
 * "Inserted item" or "Deleted item" (or paragraph) whose `ids` cover the mark and the text.
 */
export function changeCards(doc: Node, changes: readonly TrackedChange[] = listChanges(doc)): TrackedChange[] {
  if (!changes.some((change) => change.scope === 'paragraph-mark' || change.blockType === 'footnote')) return [...changes];
  const labels = computeLabels(doc, { view: 'new' });
  const original = computeLabels(doc, { view: 'original' }).items;
  const place = (pos: number) => locate(doc, pos, labels, original);
  const folded = new Set<string>();
  const cards: TrackedChange[] = [];
  const keyOf = (change: TrackedChange) => `${change.id}:${change.kind}`;
  for (const change of changes) {
    if (folded.has(keyOf(change))) continue;
    const card =
      change.scope === 'paragraph-mark'
        ? foldParagraph(doc, change, changes, place)
        : change.blockType === 'footnote'
          ? foldFootnote(change, changes)
          : null;
    if (!card) {
      cards.push(change);
      continue;
    }
    for (const key of card.keys) folded.add(key);
    cards.push(card.card);
  }
  return cards;
}

/** A footnote inserted (or deleted) whole and the same author's same changes inside it, as one card. */
function foldFootnote(footnote: TrackedChange, changes: readonly TrackedChange[]): { card: TrackedChange; keys: string[] } | null {
  const inside = changes.filter(
    (c) => c !== footnote && c.kind === footnote.kind && c.author === footnote.author && c.from > footnote.from && c.to < footnote.to,
  );
  if (inside.length === 0) return null;
  return {
    card: { ...footnote, ids: [footnote.id, ...inside.map((c) => c.id)] },
    keys: [`${footnote.id}:${footnote.kind}`, ...inside.map((c) => `${c.id}:${c.kind}`)],
  };
}

/** A split or join whose next paragraph is wholly the same author's insertion or deletion, as one card. */
function foldParagraph(
  doc: Node,
  mark: TrackedChange,
  changes: readonly TrackedChange[],
  place: (pos: number) => Place,
): { card: TrackedChange; keys: string[] } | null {
  const next = textblockFrom(doc, mark.to);
  if (!next) return null;
  const start = next.pos + 1;
  const end = next.pos + next.node.nodeSize - 1;
  // Every inline piece of the next paragraph: the mark's kind, by the mark's author.
  let whole = true;
  const ids = new Set<string>();
  next.node.forEach((child) => {
    const m = trackMarkOf(child, mark.kind);
    if (!m || (m.attrs.author as string) !== mark.author) whole = false;
    else ids.add(m.attrs.id as string);
  });
  if (!whole || (next.node.content.size === 0 && mark.kind === 'deletion')) return null;
  const inside = changes.filter((c) => c.kind === mark.kind && ids.has(c.id));
  // A change that also stands elsewhere is not this action's alone: leave the cards apart.
  if (inside.some((c) => c.from < start || c.to > end) && inside.some((c) => c.id !== mark.id)) return null;
  const holder = doc.resolve(next.pos).parent;
  const blockType =
    next.node.type.name === 'item_text' && holder.type.name === 'item' && holder.firstChild === next.node ? 'item' : 'paragraph';
  const others = inside.filter((c) => c.id !== mark.id);
  // The card is about the new (or deleted) paragraph: it is named where that one stands.
  const { section: _section, label: _label, footnote: _footnote, coverField: _coverField, ...rest } = mark;
  const card: TrackedChange = {
    ...rest,
    ...place(next.pos),
    scope: 'block',
    blockType,
    excerpt: truncate(visibleOf(next.node)),
    to: Math.max(mark.to, end),
    ...(others.length ? { ids: [mark.id, ...others.map((c) => c.id)] } : {}),
  };
  return { card, keys: [`${mark.id}:${mark.kind}`, ...others.map((c) => `${c.id}:${c.kind}`)] };
}

function visibleOf(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) text += child.text;
  });
  return text;
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
