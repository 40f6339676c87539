/**
 * Tracked content as it reads once accepted, ready to be inserted again: what a paste inserts in
 * suggestion mode, and the copy a tracked move puts where the item goes. Every block gets a fresh id;
 * a block copied whole records the one it copies (`movedFrom`, see moves.ts).
 */
import { Fragment, Slice, type Node, type NodeType } from 'prosemirror-model';
import { newId } from '../model/index.js';
import { blockChange, blockDeletion, isTrackMark, paragraphMark } from './attrs.js';
import { acceptAll, resolveNode } from './review.js';

// --- pasted or re-inserted content -------------------------------------------------------------

/**
 * What an insertion really adds: the final text of the content (deleted runs dropped, deleted
 * paragraph marks joined, earlier marks cleared), every block with a fresh id so the original keeps
 * its own. The open edges of the slice are kept even when tracked, since the slice must keep its
 * shape. `parent` is the type of the node the slice's content lands in: with it, a paragraph mark
 * deleted between two pasted paragraphs joins them as accepting it would (copied across a tracked
 * join, the text pastes as one paragraph, as the final view would copy it).
 */
export function finalSlice(slice: Slice, parent?: NodeType): Slice {
  const joined = parent ? acceptedSlice(slice, parent) : null;
  if (joined) return joined;
  const content = finalFragment(slice.content, slice.openStart, slice.openEnd);
  return new Slice(content, slice.openStart, slice.openEnd);
}

/**
 * The final text of copied tracked content, for the editor's `transformPasted` when suggestion
 * mode is on: a paste inserts what was copied as it would read once accepted. It must be applied
 * before the paste is fitted into the document: fitting copies the target paragraph's attributes
 * onto the slice's first paragraph, so the tracker no longer sees a paragraph mark deleted there.
 */
export function finalPastedSlice(slice: Slice): Slice {
  return finalSlice(slice, containerFor(slice.content) ?? undefined);
}

/** A node type that can hold `content` as it is (the copied range's common parent, or one like it). */
function containerFor(content: Fragment): NodeType | null {
  const first = content.firstChild;
  if (!first) return null;
  if (first.isInline) return first.type.schema.nodes.paragraph ?? null;
  for (const type of Object.values(first.type.schema.nodes)) {
    if (!type.isTextblock && !type.isLeaf && type.validContent(content)) return type;
  }
  return null;
}

/**
 * The slice accepted as a whole inside a node of type `parent`, so that joins across its children
 * are made; null when its content cannot stand in such a node or loses its open edges in the join
 * (the caller then resolves child by child, keeping the split).
 */
function acceptedSlice(slice: Slice, parent: NodeType): Slice | null {
  if (!hasTrackedContent(slice.content)) return null;
  const content = openEdgesKept(slice.content, slice.openStart, slice.openEnd);
  if (!parent.validContent(content)) return null;
  let accepted: Fragment;
  try {
    accepted = acceptAll(parent.create(null, content)).content;
  } catch {
    return null;
  }
  const fresh: Node[] = [];
  accepted.forEach((child) => fresh.push(withFreshIds(child)));
  const result = new Slice(Fragment.fromArray(fresh), slice.openStart, slice.openEnd);
  return opensTo(result.content, slice.openStart, 'first') && opensTo(result.content, slice.openEnd, 'last') ? result : null;
}

function hasTrackedContent(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (blockChange(node) || blockDeletion(node) || paragraphMark(node) || node.marks.some(isTrackMark)) found = true;
    return !found;
  });
  return found;
}

/** Whether the slice content still has non-textual nodes `depth` deep along its first (last) edge. */
function opensTo(fragment: Fragment, depth: number, side: 'first' | 'last'): boolean {
  let current = fragment;
  for (let d = 0; d < depth; d++) {
    const node = side === 'first' ? current.firstChild : current.lastChild;
    if (!node || node.isText || node.isLeaf) return false;
    current = node.content;
  }
  return true;
}

/**
 * The open edges of a slice stand for nodes that are only partly in it: they cannot be inserted or
 * deleted as a whole, so their block changes are dropped; the last open textblock's paragraph mark
 * is not in the slice either.
 */
function openEdgesKept(fragment: Fragment, openStart: number, openEnd: number): Fragment {
  const children: Node[] = [];
  const last = fragment.childCount - 1;
  fragment.forEach((child, _offset, index) => {
    const openFirst = index === 0 && openStart > 0;
    const openLast = index === last && openEnd > 0;
    if (!openFirst && !openLast) {
      children.push(child);
      return;
    }
    const attrs: Record<string, unknown> = { ...child.attrs };
    if ('change' in attrs) attrs.change = null;
    if ('deletion' in attrs) attrs.deletion = null;
    if (openLast && 'paragraphMark' in attrs) attrs.paragraphMark = null;
    const inner = openEdgesKept(child.content, openFirst ? openStart - 1 : 0, openLast ? openEnd - 1 : 0);
    children.push(child.type.create(attrs, inner, child.marks));
  });
  return Fragment.fromArray(children);
}

export function finalFragment(fragment: Fragment, openStart: number, openEnd: number): Fragment {
  const children: Node[] = [];
  const last = fragment.childCount - 1;
  fragment.forEach((child, _offset, index) => {
    const openFirst = index === 0 && openStart > 0;
    const openLast = index === last && openEnd > 0;
    if (openFirst || openLast) {
      const inner = finalFragment(child.content, openFirst ? openStart - 1 : 0, openLast ? openEnd - 1 : 0);
      children.push(child.type.create(freshAttrs(child, false), inner, child.marks));
    } else {
      const resolved = finalNode(child);
      if (resolved) children.push(withFreshIds(resolved));
    }
  });
  return Fragment.fromArray(children);
}

/** A node as if its changes were accepted (joins included); null when the node itself was deleted. */
export function finalNode(node: Node): Node | null {
  if (!resolveNode(node, 'accept')) return null;
  return node.isText ? resolveNode(node, 'accept') : acceptAll(node);
}

/**
 * The attributes of a copy: fresh id, no pending change. A `whole` copy records which block it
 * copies (`movedFrom`: a copy of a copy still stands for the first original, an item moved twice);
 * a block only partly copied (the open edge of a pasted slice) is no copy of anything.
 */
function freshAttrs(node: Node, whole: boolean): Record<string, unknown> {
  const attrs: Record<string, unknown> = { ...node.attrs };
  if ('movedFrom' in attrs) attrs.movedFrom = whole ? ((node.attrs.movedFrom as string | null) ?? (node.attrs.id as string | null)) : null;
  if ('id' in attrs) attrs.id = newId();
  if ('change' in attrs) attrs.change = null;
  if ('deletion' in attrs) attrs.deletion = null;
  if ('paragraphMark' in attrs) attrs.paragraphMark = null;
  return attrs;
}

/**
 * Another version's blocks as a comparison inserts them (shared/compare, shared/carry-over): each
 * keeps its id, since references in that version name it — except a block whose id the document
 * already holds. That one is the same block standing elsewhere in the other version (a move), so it
 * goes in as a tracked move puts it: a copy with a fresh id recording the original in `movedFrom`
 * (two blocks cannot share an id, and a plain insertion would leave the original's counterpart
 * unmatched).
 */
export function versionFragment(content: Fragment, held: ReadonlySet<string>): Fragment {
  const children: Node[] = [];
  content.forEach((child) => children.push(versionNode(child, held)));
  return Fragment.fromArray(children);
}

function versionNode(node: Node, held: ReadonlySet<string>): Node {
  if (node.isText) return node;
  const id = node.attrs.id as string | null | undefined;
  if (id && held.has(id)) return withFreshIds(node);
  return node.isLeaf ? node : node.copy(versionFragment(node.content, held));
}

/**
 * A copy with fresh ids everywhere and no paragraph mark left pending (it was already resolved).
 * `asCopy` false for a new block that copies nothing in the document (see freshAttrs).
 */
export function withFreshIds(node: Node, asCopy = true): Node {
  if (node.isText) return node;
  const children: Node[] = [];
  node.forEach((child) => children.push(withFreshIds(child, asCopy)));
  return node.type.create(freshAttrs(node, asCopy), Fragment.fromArray(children), node.marks);
}
