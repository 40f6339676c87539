/**
 * A block change covers a block's whole content: rejecting an inserted item removes its
 * continuations and sub-items with it. Word has no such nesting: every paragraph carries its own
 * revision, and the structure parser may hang a paragraph Word left untouched (a continuation, a
 * sub-item, a line it could not place) under a paragraph Word inserted or deleted. Left so, the
 * untouched text would vanish from one view — 433 words of an Arabic resolution's original view.
 *
 * This pass finds such blocks and moves their change down to where Word had it: onto the text of
 * the block's own first paragraph (as insertion/deletion marks), so the block stands in both views
 * and only its own text comes and goes. The paragraphs under it carry their own changes already
 * (each came from a Word paragraph with its own revision).
 */
import { Fragment, type Mark, type Node } from 'prosemirror-model';
import type { BlockChange } from '../../schema/index.js';
import { blockChange, blockDeletion, markTypeOf, type ChangeKind } from '../../tracking/index.js';

export function uncoverUntouchedContent(doc: Node): Node {
  return rebuild(doc);
}

function rebuild(node: Node): Node {
  if (node.isTextblock || node.isLeaf) return node;
  let current = node;
  const change = blockChange(node);
  if (change && node.childCount > 0 && node.firstChild!.isTextblock && hasUntouchedContent(node, change.kind)) {
    current = demote(node, change, blockDeletion(node));
  }
  const children: Node[] = [];
  current.forEach((child) => children.push(rebuild(child)));
  return current.copy(Fragment.from(children));
}

/** Whether text under `node`, past its own first paragraph, is not covered by a change of `kind`. */
function hasUntouchedContent(node: Node, kind: ChangeKind): boolean {
  let found = false;
  node.forEach((child, _offset, index) => {
    if (found || index === 0) return;
    found = untouched(child, kind);
  });
  return found;
}

function untouched(node: Node, kind: ChangeKind): boolean {
  if (blockChange(node)?.kind === kind) return false;
  if (node.isTextblock) {
    let bare = false;
    node.descendants((inline) => {
      if (inline.isInline && !inline.marks.some((mark) => mark.type === markTypeOf(kind))) bare = true;
      return false;
    });
    return bare;
  }
  let found = false;
  node.forEach((child) => {
    if (!found) found = untouched(child, kind);
  });
  return found;
}

/** The block without its change; its first paragraph's content marked with it instead. */
function demote(node: Node, change: BlockChange, deletion: BlockChange | null): Node {
  const attrs = { ...node.attrs, change: null, ...('deletion' in node.attrs ? { deletion: null } : {}) };
  const marks = [markOf(change), ...(deletion ? [markOf(deletion)] : [])];
  const first = node.firstChild!;
  const content: Node[] = [];
  first.forEach((inline) => content.push(inline.mark(marks.reduce((set, mark) => mark.addToSet(set), inline.marks))));
  const children: Node[] = [first.copy(Fragment.from(content))];
  node.forEach((child, _offset, index) => {
    if (index > 0) children.push(child);
  });
  return node.type.create(attrs, children, node.marks);
}

function markOf(change: BlockChange): Mark {
  return markTypeOf(change.kind).create({ id: change.id, author: change.author, date: change.date });
}
