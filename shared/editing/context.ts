/**
 * Where the cursor stands in the structure of a resolution: the item around it, the list that
 * holds that item, and what holds the list (a parent item, a section, or the body/annex).
 * Every structure command starts from here.
 */
import type { Node, NodeType, ResolvedPos } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { schema } from '../schema/index.js';
import { withFreshIds, writtenRanges } from '../model/index.js';

/** A ProseMirror command: pure, no DOM, dispatches at most one transaction. */
export type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

export const types = {
  item: schema.nodes.item!,
  itemList: schema.nodes.item_list!,
  itemText: schema.nodes.item_text!,
  continuation: schema.nodes.continuation!,
  section: schema.nodes.section!,
  sectionKeyword: schema.nodes.section_keyword!,
  resolution: schema.nodes.resolution!,
  annex: schema.nodes.annex!,
  annexHeading: schema.nodes.annex_heading!,
  annexTitle: schema.nodes.annex_title!,
  paragraph: schema.nodes.paragraph!,
  footnote: schema.nodes.footnote!,
} satisfies Record<string, NodeType>;

/** What an item's list hangs from: it decides what "leaving the list" means. */
export type ListHolder = 'item' | 'section' | 'body';

export interface ItemContext {
  /** Depth of the item in `$pos`. */
  depth: number;
  item: Node;
  /** Position just before the item. */
  pos: number;
  list: Node;
  /** Position just before the list. */
  listPos: number;
  /** Index of the item in its list. */
  index: number;
  holder: ListHolder;
}

/** The innermost item around `$pos`, or null when the position is not inside an item. */
export function itemAt($pos: ResolvedPos): ItemContext | null {
  for (let depth = $pos.depth; depth > 1; depth--) {
    if ($pos.node(depth).type !== types.item) continue;
    const holderNode = $pos.node(depth - 2);
    const holder: ListHolder = holderNode.type === types.item ? 'item' : holderNode.type === types.section ? 'section' : 'body';
    return {
      depth,
      item: $pos.node(depth),
      pos: $pos.before(depth),
      list: $pos.node(depth - 1),
      listPos: $pos.before(depth - 1),
      index: $pos.index(depth - 1),
      holder,
    };
  }
  return null;
}

/** Depth of the outermost item_list around `$pos` (the section's or the body's list), or -1. */
export function outerListDepth($pos: ResolvedPos): number {
  for (let depth = 1; depth <= $pos.depth; depth++) {
    if ($pos.node(depth).type === types.itemList) return depth;
  }
  return -1;
}

/** Whether two positions lie inside the same outermost list (the same section's items). */
export function inSameOuterList($a: ResolvedPos, $b: ResolvedPos): boolean {
  const depth = outerListDepth($a);
  return depth > 0 && outerListDepth($b) === depth && $a.before(depth) === $b.before(depth);
}

/** Whether `$pos` is in a textblock that is a direct child of an item (its text or a continuation). */
export function inItemTextblock($pos: ResolvedPos): boolean {
  return $pos.parent.isTextblock && $pos.depth >= 2 && $pos.node(-1).type === types.item;
}

/** An empty item: nothing but an empty item_text. */
export function isEmptyItem(item: Node): boolean {
  return item.childCount === 1 && item.firstChild!.content.size === 0;
}

/** A new empty item with fresh ids. */
export function emptyItem(newId: () => string): Node {
  return types.item.create({ id: newId() }, types.itemText.create({ id: newId() }));
}

/**
 * Dispatches `tr` after giving a fresh id to every block that a split or copy left without one
 * (or with a duplicate), so the transaction is complete even without `uniqueIdsPlugin`.
 */
export function finish(tr: Transaction, dispatch: (tr: Transaction) => void): void {
  withFreshIds(tr, writtenRanges([tr]));
  dispatch(tr.scrollIntoView());
}
