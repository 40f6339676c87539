/**
 * Renumbering the lists a transaction touched (plugin.ts finds them), writing only the labels that
 * change. A list known before and after (an item inserted, deleted or moved in it) is compared
 * item by item: the items before the first changed one keep their labels, the items after the
 * last changed one keep theirs unless their position in the numbering moved, and the sub-lists of
 * items that did not change keep theirs (their labels follow from the sub-list and whether its
 * ancestors count, neither of which changed). So an item inserted at the top of a 1,000-item list
 * writes the 1,001 labels that moved, and one inserted at its end writes one.
 */
import type { Node } from 'prosemirror-model';
import type { LanguageTable } from '../languages/index.js';
import type { ListStyle } from '../schema/index.js';
import {
  countsIn,
  itemCounts,
  listLabels,
  labelListInto,
  numbersAlikeInBothViews,
  singleItemUnlabelled,
  type NumberingView,
} from './labels.js';

const VIEWS = ['new', 'original'] as const;

export interface ListAt {
  list: Node;
  parent: Node | null;
  /** Which views the list is out of, being inside a block out of them (a deleted item). */
  uncounted: Record<NumberingView, boolean>;
}

/** One list as it was before a transaction and as it is after (found at the mapped position). */
export interface ListPair {
  before: ListAt;
  after: ListAt;
}

/**
 * The labels a relabelling writes, per view. While every list relabelled numbers alike in both
 * views (nothing tracked in it), the two views are one map, written once; the first list that does
 * not splits them.
 */
class Relabelled {
  new = new Map<string, string>();
  original = this.new;

  get shared(): boolean {
    return this.new === this.original;
  }

  /** The map to write a view's labels into, the views split first if they are still one. */
  of(view: NumberingView): Map<string, string> {
    if (this.shared) this.original = new Map(this.new);
    return this[view];
  }

  /** Writes a label that is the same in both views. */
  setBoth(id: string, label: string): void {
    this.new.set(id, label);
    if (!this.shared) this.original.set(id, label);
  }
}

export interface Relabelling {
  set: Relabelled;
  /** Ids that have no label any more, per view. */
  removed: Record<NumberingView, string[]>;
}

function outOfViews(list: Node, uncounted: Record<NumberingView, boolean>): Record<NumberingView, boolean> {
  return { new: uncounted.new || !countsIn(list, 'new'), original: uncounted.original || !countsIn(list, 'original') };
}

/** Which views the lists inside `item` are out of, the item's list being out of `outOf`. */
function insideItem(item: Node, outOf: Record<NumberingView, boolean>): Record<NumberingView, boolean> {
  return { new: outOf.new || !countsIn(item, 'new'), original: outOf.original || !countsIn(item, 'original') };
}

/** What the labels of a list depend on besides its own content: out of a view, the single item of a section. */
function contextOf(outOf: Record<NumberingView, boolean>, single: boolean): number {
  return (outOf.new ? 1 : 0) | (outOf.original ? 2 : 0) | (single ? 4 : 0);
}

/** The sub-lists of one item, as lists to relabel (or whose labels go). */
function subListsInto(into: ListAt[], item: Node, outOf: Record<NumberingView, boolean>): void {
  let inner: Record<NumberingView, boolean> | null = null;
  item.forEach((child) => {
    if (child.type.name !== 'item_list') return;
    inner ??= insideItem(item, outOf);
    into.push({ list: child, parent: item, uncounted: inner });
  });
}

/**
 * Visits a list and the lists nested in its items, with each one's context. Sub-items can come
 * under a deleted item (or out from under one) without being in the changed range — a join
 * carries the next item's sub-list into the item before it — and whether they count follows their
 * ancestors (labels.ts, insideUncounted). `visit` returns false to skip the lists inside one.
 */
function forEachListIn(
  { list, parent, uncounted }: ListAt,
  visit: (list: Node, parent: Node | null, outOf: Record<NumberingView, boolean>, context: number) => boolean,
): void {
  const outOf = outOfViews(list, uncounted);
  if (!visit(list, parent, outOf, contextOf(outOf, singleItemUnlabelled(parent)))) return;
  const nested: ListAt[] = [];
  list.forEach((item) => subListsInto(nested, item, outOf));
  for (const at of nested) forEachListIn(at, visit);
}

/** How many items of `list` count in `view`, up to `limit`. */
function countedUpTo(list: Node, view: NumberingView, limit: number): number {
  let count = 0;
  for (let i = 0; i < list.childCount && count < limit; i++)
    if (itemCounts(list.child(i), i > 0 ? list.child(i - 1) : null, view)) count += 1;
  return count;
}

/** How many items of `list` in [from, to) count in `view`. */
function countedBetween(list: Node, from: number, to: number, view: NumberingView): number {
  let count = 0;
  for (let i = from; i < to; i++) if (itemCounts(list.child(i), i > 0 ? list.child(i - 1) : null, view)) count += 1;
  return count;
}

/** Whether the item at `index` counts in `view`, in `list` (false past its end). */
function countsAt(list: Node, index: number, view: NumberingView): boolean {
  return index < list.childCount && itemCounts(list.child(index), index > 0 ? list.child(index - 1) : null, view);
}

/**
 * Relabels a list known before and after, writing only the labels that change, and collects what
 * changed beneath it: the ids of the items gone from it, the sub-lists of changed items (before:
 * their labels go; after: they are labelled). Returns false when the two are not comparable (the
 * list's style or context changed): the caller relabels it whole.
 */
function relabelPair(
  { before, after }: ListPair,
  table: LanguageTable,
  out: Relabelled,
  goneIds: string[],
  goneLists: ListAt[],
  newLists: ListAt[],
): boolean {
  const old = before.list;
  const cur = after.list;
  const outOf = outOfViews(cur, after.uncounted);
  const oldOutOf = outOfViews(old, before.uncounted);
  const single = singleItemUnlabelled(after.parent);
  if (contextOf(outOf, single) !== contextOf(oldOutOf, singleItemUnlabelled(before.parent))) return false;
  const style = cur.attrs.style as ListStyle;
  if (old.attrs.style !== style) return false;

  // The items alike at both ends (the very same nodes), then the changed run between them.
  const oldItems = old.content.content;
  const curItems = cur.content.content;
  const shorter = Math.min(oldItems.length, curItems.length);
  let prefix = 0;
  while (prefix < shorter && oldItems[prefix] === curItems[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shorter - prefix && oldItems[oldItems.length - 1 - suffix] === curItems[curItems.length - 1 - suffix]) suffix += 1;
  // The first item after the run counts or not according to the item before it (a tracked join or
  // split): when that changed in a view, it belongs to the run.
  const oldEnd = () => old.childCount - suffix;
  const curEnd = () => cur.childCount - suffix;
  while (suffix > 0 && VIEWS.some((view) => !outOf[view] && countsAt(old, oldEnd(), view) !== countsAt(cur, curEnd(), view))) suffix -= 1;

  for (let i = prefix; i < oldEnd(); i++) {
    const item = old.child(i);
    goneIds.push(item.attrs.id as string);
    subListsInto(goneLists, item, oldOutOf);
  }
  for (let i = prefix; i < curEnd(); i++) subListsInto(newLists, cur.child(i), outOf);

  // From which item on labels must be written in a view: the changed run, then the items after it
  // if their place in the numbering moved; all of them when "a section with a single item has no
  // label" starts or stops applying.
  const countedBefore = (list: Node, view: NumberingView, end: number) => countedBetween(list, 0, end, view);
  const writeEnd = (view: NumberingView, prefixCount: number): number => {
    if (suffix === 0) return cur.childCount;
    const oldAt = prefixCount + countedBetween(old, prefix, oldEnd(), view);
    const curAt = prefixCount + countedBetween(cur, prefix, curEnd(), view);
    return oldAt === curAt ? curEnd() : cur.childCount;
  };
  const singleFlips = (view: NumberingView) => single && (countedUpTo(old, view, 2) === 1) !== (countedUpTo(cur, view, 2) === 1);

  if (!outOf.new && !outOf.original && numbersAlikeInBothViews(cur)) {
    // Every item counts in both views: the label of item i is the i-th, written once for both.
    const from = VIEWS.some(singleFlips) ? 0 : prefix;
    const to = Math.max(...VIEWS.map((view) => writeEnd(view, prefix)));
    const labelAt = listLabels(table, style);
    const unlabelled = single && curItems.length === 1;
    for (let i = from; i < to; i++) out.setBoth(curItems[i]!.attrs.id as string, unlabelled ? '' : labelAt(i));
    return true;
  }
  for (const view of VIEWS) {
    if (outOf[view]) continue;
    const into = out.of(view);
    const flips = singleFlips(view);
    const prefixCount = countedBefore(cur, view, prefix);
    const to = writeEnd(view, prefixCount);
    const unlabelled = single && countedUpTo(cur, view, 2) === 1;
    const labelAt = listLabels(table, style);
    let index = flips ? 0 : prefixCount;
    for (let i = flips ? 0 : prefix; i < to; i++) {
      const item = cur.child(i);
      if (!itemCounts(item, i > 0 ? cur.child(i - 1) : null, view)) continue;
      into.set(item.attrs.id as string, unlabelled ? '' : labelAt(index));
      index += 1;
    }
  }
  return true;
}

/**
 * The labels of the touched lists, written only where they change, and the ids that lose theirs.
 * `pairs`: lists known before and after; `gone` and `now`: the other touched lists, before and
 * after. A list (at any depth) that was in a changed part before and is the very same node, in the
 * same context, after keeps its labels as they are.
 */
export function relabel(pairs: readonly ListPair[], gone: readonly ListAt[], now: readonly ListAt[], table: LanguageTable): Relabelling {
  const set = new Relabelled();
  const goneIds: string[] = [];
  const goneLists = [...gone];
  const newLists = [...now];
  for (const pair of pairs) {
    if (relabelPair(pair, table, set, goneIds, goneLists, newLists)) continue;
    goneLists.push(pair.before);
    newLists.push(pair.after);
  }

  const before = new Map<Node, number>();
  for (const at of goneLists) {
    forEachListIn(at, (list, _parent, _outOf, context) => {
      before.set(list, context);
      return true;
    });
  }
  const kept = new Set<Node>();
  for (const at of newLists) {
    forEachListIn(at, (list, parent, outOf, context) => {
      if (before.get(list) === context) {
        kept.add(list);
        return false;
      }
      const single = singleItemUnlabelled(parent);
      if (!outOf.new && !outOf.original && numbersAlikeInBothViews(list)) {
        labelListInto(set.new, list, table, 'new', single);
        if (!set.shared) labelListInto(set.original, list, table, 'original', single);
      } else {
        for (const view of VIEWS) if (!outOf[view]) labelListInto(set.of(view), list, table, view, single);
      }
      return true;
    });
  }

  // Items of a changed part (sub-lists included, kept ones aside) without a label now, in each view.
  for (const at of goneLists) {
    forEachListIn(at, (list) => {
      if (kept.has(list)) return false;
      list.forEach((item) => void goneIds.push(item.attrs.id as string));
      return true;
    });
  }
  const removedNew = goneIds.filter((id) => !set.new.has(id));
  return { set, removed: { new: removedNew, original: set.shared ? removedNew : goneIds.filter((id) => !set.original.has(id)) } };
}
