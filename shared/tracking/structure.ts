/**
 * Structure edits of a resolution — join paragraphs, insert/delete whole blocks, move, promote and
 * demote items — written once for both modes: each builds the plain transaction, or with `track`
 * the tracked one, so that accepting the tracked edit gives the plain result (the property tests
 * hold them to that).
 *
 * Moves, promotions and demotions are tracked as a deletion of the item where it was plus an
 * insertion of its copy where it goes (fresh ids; the issue allows "delete + insert"): both sides
 * stay reviewable on their own, and rejecting gives the original item back with its own id.
 */
import { Fragment, Slice, type Node, type ResolvedPos } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { countsIn } from '../numbering/index.js';
import { newId } from '../model/index.js';
import { schema, type ListStyle } from '../schema/index.js';
import { finalNode, withFreshIds } from './final-content.js';
import { FRAME_TEXTBLOCKS, insertTracked, markDeleted, TRACKED_META, TrackContext, type TrackingAuthor } from './marking.js';
import { trackTransaction, uniqueIdsIn } from './track.js';

export interface TrackAs {
  author: TrackingAuthor;
  now?: () => string;
}

const defaultNow = () => new Date().toISOString();

function finish(state: EditorState, tr: Transaction, track: TrackAs | undefined): Transaction {
  return track ? trackTransaction(tr, state, track.author, track.now ?? defaultNow) : tr;
}

// --- paragraph joins (Backspace at the start, Delete at the end of a textblock) --------------------

function previousTextblock(doc: Node, pos: number): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.nodesBetween(0, pos, (node, p) => {
    if (node.isTextblock) {
      if (p + node.nodeSize <= pos) found = { node, pos: p };
      return false;
    }
    return true;
  });
  return found;
}

function nextTextblock(doc: Node, pos: number): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.nodesBetween(pos, doc.content.size, (node, p) => {
    if (found) return false;
    if (node.isTextblock) {
      if (p >= pos) found = { node, pos: p };
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Joins the textblock at `$pos` with the previous one (`backward`, Backspace at its start) or the
 * next one (Delete at its end). Frame lines (title, call, keywords…) never join. Returns null when
 * there is nothing to join.
 */
export function joinParagraph(
  state: EditorState,
  $pos: ResolvedPos,
  direction: 'backward' | 'forward',
  track?: TrackAs,
): Transaction | null {
  if (!$pos.parent.isTextblock) return null;
  const here = { node: $pos.parent, pos: $pos.before() };
  const other = direction === 'backward' ? previousTextblock(state.doc, here.pos) : nextTextblock(state.doc, here.pos + here.node.nodeSize);
  if (!other) return null;
  const [first, second] = direction === 'backward' ? [other, here] : [here, other];
  if (FRAME_TEXTBLOCKS.has(first.node.type.name) || FRAME_TEXTBLOCKS.has(second.node.type.name)) return null;
  const tr = state.tr.delete(first.pos + first.node.nodeSize - 1, second.pos + 1);
  if (!tr.docChanged) return null;
  return finish(state, tr, track);
}

// --- whole blocks --------------------------------------------------------------------------------

/** Inserts a block (item, section, annex…) or an inline node (footnote) at `pos`. */
export function insertNode(state: EditorState, pos: number, node: Node, track?: TrackAs): Transaction {
  return finish(state, state.tr.insert(pos, withFreshIds(node, false)), track);
}

/** Deletes the whole block at `pos` (an item, a sub-list, a section, an annex). */
export function deleteBlock(state: EditorState, pos: number, track?: TrackAs): Transaction {
  const node = state.doc.nodeAt(pos);
  if (!node) throw new RangeError(`no block at ${pos}`);
  if (!track) return state.tr.deleteRange(pos, pos + node.nodeSize);
  const out = state.tr;
  const ctx = new TrackContext(track.author.name, (track.now ?? defaultNow)());
  markDeleted(out, ctx, pos, pos + node.nodeSize);
  return done(out);
}

function done(out: Transaction): Transaction {
  uniqueIdsIn(out);
  return out.setMeta(TRACKED_META, true);
}

// --- moving items --------------------------------------------------------------------------------

function itemAt(doc: Node, pos: number): Node {
  const node = doc.nodeAt(pos);
  if (!node || node.type !== schema.nodes.item) throw new RangeError(`no item at ${pos}`);
  return node;
}

/** The style of a new sub-list under a list of `style` (Res 1332: i) under a), a. under 1). */
function subListStyle(style: ListStyle): ListStyle {
  return style === 'decimal' ? 'alpha-dot' : 'roman';
}

/**
 * Moves the item at `from` to `to` (a position between items of any item list). Tracked: the item
 * stays where it was, deleted, and its copy is inserted at `to`.
 */
export function moveItem(state: EditorState, from: number, to: number, track?: TrackAs): Transaction {
  const item = itemAt(state.doc, from);
  if (to > from && to < from + item.nodeSize) throw new RangeError('cannot move an item into itself');
  const copy = finalCopy(item);
  if (!track) {
    const tr = state.tr.insert(to, item);
    const start = tr.mapping.map(from, 1);
    return tr.deleteRange(start, start + item.nodeSize);
  }
  return relocate(state, from, item, to, Fragment.from(copy), track);
}

/** Demotes the item at `pos` into the previous item's sub-list (created if needed). */
export function demoteItem(state: EditorState, pos: number, track?: TrackAs): Transaction | null {
  const item = itemAt(state.doc, pos);
  const $pos = state.doc.resolve(pos);
  const index = $pos.index();
  if (index === 0) return null;
  const list = $pos.parent;
  const previous = list.child(index - 1);
  const previousPos = pos - previous.nodeSize;
  const endOfPrevious = previousPos + previous.nodeSize - 1;
  const lastChild = previous.lastChild;
  // A sub-list deleted with tracking is no place to go: the item would go with it on accept.
  const joinsList = !!lastChild && lastChild.type === schema.nodes.item_list && countsIn(lastChild, 'new');
  const target = joinsList ? endOfPrevious - 1 : endOfPrevious;
  const moved = track ? finalCopy(item) : item;
  const inserted = joinsList
    ? Fragment.from(moved)
    : Fragment.from(schema.nodes.item_list!.create({ id: newId(), style: subListStyle(list.attrs.style as ListStyle) }, moved));
  if (!track) {
    const tr = state.tr.insert(target, inserted);
    const start = tr.mapping.map(pos, 1);
    return tr.deleteRange(start, start + item.nodeSize);
  }
  return relocate(state, pos, item, target, inserted, track);
}

/** Promotes the item at `pos` out of its sub-list, to just after the item that holds the sub-list. */
export function promoteItem(state: EditorState, pos: number, track?: TrackAs): Transaction | null {
  const item = itemAt(state.doc, pos);
  const $pos = state.doc.resolve(pos);
  // $pos.parent is the sub-list; its parent must be an item for the move to make sense.
  if ($pos.depth < 2 || $pos.node(-1).type !== schema.nodes.item) return null;
  const target = $pos.after(-1);
  if (!track) {
    const tr = state.tr.insert(target, item);
    return tr.deleteRange(pos, pos + item.nodeSize);
  }
  return relocate(state, pos, item, target, Fragment.from(finalCopy(item)), track);
}

/** The item's final text, fresh ids, ready to be inserted as a tracked copy. */
function finalCopy(item: Node): Node {
  const resolved = finalNode(item);
  if (!resolved) throw new RangeError('the item is deleted: there is nothing to move');
  return withFreshIds(resolved);
}

function relocate(state: EditorState, from: number, item: Node, to: number, inserted: Fragment, track: TrackAs): Transaction {
  const out = state.tr;
  const ctx = new TrackContext(track.author.name, (track.now ?? defaultNow)());
  const range = insertTracked(out, ctx, to, new Slice(inserted, 0, 0), null);
  if (!range) throw new RangeError('the item cannot go there');
  const start = out.mapping.map(from, 1);
  markDeleted(out, ctx, start, start + item.nodeSize);
  return done(out);
}
