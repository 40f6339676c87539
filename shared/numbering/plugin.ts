/**
 * Labels as editor state, kept up to date incrementally: after a transaction only the item lists
 * it touched are renumbered (typing inside an item touches none), and the document-wide
 * numberings (headings, numbered paragraphs, footnotes) only when one of those was touched.
 * No DOM: the view draws labels from `numberingKey.getState(state)`.
 *
 * Both numberings are kept, `labels` (new: insertions count, deletions do not) and `original`,
 * so the editor can draw a renumbered label as old struck + new inserted.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { languageTable, type LanguageCode, type LanguageTable } from '../languages/index.js';
import { changedRanges, type Range } from './changed-ranges.js';
import { LayeredMap } from './layered-map.js';
import {
  computeDocumentCounters,
  computeLabels,
  countsIn,
  insideUncounted,
  labelListBothViews,
  labelListInto,
  singleItemUnlabelled,
  type Labels,
  type NumberingView,
} from './labels.js';

export interface NumberingState {
  language: LanguageCode;
  /** The new numbering: what the document reads once every tracked change is accepted. */
  labels: Labels;
  /** The original numbering: before the tracked changes. */
  original: Labels;
}

export interface NumberingPluginOptions {
  /** A fixed language; by default the document's `language` attribute (and it follows changes to it). */
  language?: LanguageCode;
}

export const numberingKey = new PluginKey<NumberingState>('plenaryNumbering');

function languageOf(doc: Node, fixed: LanguageCode | undefined): LanguageCode {
  return fixed ?? languageTable(doc.attrs.language as string).code;
}

/** The numbering state of a document, computed from scratch. */
export function computeNumberingState(doc: Node, language?: LanguageCode): NumberingState {
  const code = languageOf(doc, language);
  return {
    language: code,
    labels: computeLabels(doc, { language: code, view: 'new' }),
    original: computeLabels(doc, { language: code, view: 'original' }),
  };
}

interface ListAt {
  list: Node;
  parent: Node | null;
  /** Which views the list is out of, being inside a block out of them (a deleted item). */
  uncounted: Record<NumberingView, boolean>;
}

/** The blocks around position `pos` of `doc`, the list itself included. */
function ancestorsAndSelf(doc: Node, pos: number, node: Node): Node[] {
  const $pos = doc.resolve(pos);
  const out: Node[] = [node];
  for (let depth = 1; depth <= $pos.depth; depth++) out.push($pos.node(depth));
  return out;
}

interface Touched {
  /** Lists whose items changed, by position. */
  lists: Map<number, ListAt>;
  /** A heading, numbered paragraph or footnote was added, removed or changed. */
  counters: boolean;
}

/** Whether the range lies inside the content of one item of the list (so the list's items did not change). */
function insideOneItem(list: Node, pos: number, range: Range): boolean {
  const start = pos + 1;
  if (range.from < start || range.to > start + list.content.size) return false;
  const $from = list.resolve(range.from - start);
  const index = $from.index(0);
  if (index >= list.childCount) return false;
  const childStart = start + $from.posAtIndex(index, 0);
  return range.from > childStart && range.to < childStart + list.child(index).nodeSize;
}

function strictlyInside(node: Node, pos: number, range: Range): boolean {
  return range.from > pos && range.to < pos + node.nodeSize;
}

function collectTouched(doc: Node, ranges: Range[], into: Touched): void {
  for (const range of ranges) {
    doc.nodesBetween(range.from, range.to, (node, pos, parent) => {
      switch (node.type.name) {
        case 'item_list':
          if (!insideOneItem(node, pos, range) && !into.lists.has(pos)) {
            const around = ancestorsAndSelf(doc, pos, node);
            into.lists.set(pos, {
              list: node,
              parent,
              uncounted: { new: insideUncounted(around, 'new'), original: insideUncounted(around, 'original') },
            });
          }
          return true;
        case 'heading':
        case 'numbered_paragraph':
          if (!strictlyInside(node, pos, range)) into.counters = true;
          return true;
        case 'footnote':
          if (!strictlyInside(node, pos, range)) into.counters = true;
          return false;
        default:
          return true;
      }
    });
  }
}

type ByView = Record<NumberingView, Map<string, string>>;

/** Whether a touched list is counted in both views and holds no sub-list: labelled in one pass, as it is. */
function plainList({ list, uncounted }: ListAt): boolean {
  if (uncounted.new || uncounted.original || !countsIn(list, 'new') || !countsIn(list, 'original')) return false;
  let nested = false;
  list.forEach((item) => item.forEach((child) => void (nested ||= child.type.name === 'item_list')));
  return !nested;
}

/** The labels of the touched lists' items (and their sub-lists') in both views (one pass for a list with nothing tracked). */
function relabel(lists: readonly ListAt[], table: LanguageTable): ByView {
  // One plain list (an item inserted, deleted, moved within it): its maps as they are, no copy.
  if (lists.length === 1 && plainList(lists[0]!)) return labelListBothViews(lists[0]!.list, table, singleItemUnlabelled(lists[0]!.parent));
  const out: ByView = { new: new Map(), original: new Map() };
  for (const { list, parent, uncounted } of lists) relabelTree(out, list, parent, uncounted, table);
  return out;
}

/**
 * A list and the lists nested in its items. Sub-items can come under a deleted item (or out from
 * under one) without being in the changed range — a join carries the next item's sub-list into the
 * item before it — and whether they count follows their ancestors (labels.ts, insideUncounted).
 */
function relabelTree(out: ByView, list: Node, parent: Node | null, uncounted: Record<NumberingView, boolean>, table: LanguageTable): void {
  const outOf = { new: uncounted.new || !countsIn(list, 'new'), original: uncounted.original || !countsIn(list, 'original') };
  const single = singleItemUnlabelled(parent);
  if (!outOf.new && !outOf.original) {
    const both = labelListBothViews(list, table, single);
    for (const view of ['new', 'original'] as const) for (const [id, label] of both[view]) out[view].set(id, label);
  } else {
    for (const view of ['new', 'original'] as const) if (!outOf[view]) labelListInto(out[view], list, table, view, single);
  }
  list.forEach((item) => {
    const inner = { new: outOf.new || !countsIn(item, 'new'), original: outOf.original || !countsIn(item, 'original') };
    item.forEach((child) => {
      if (child.type.name === 'item_list') relabelTree(out, child, item, inner, table);
    });
  });
}

/** The ids of the items of a list and of the lists nested in them. */
function itemIdsInto(into: string[], list: Node): void {
  list.forEach((item) => {
    into.push(item.attrs.id as string);
    item.forEach((child) => {
      if (child.type.name === 'item_list') itemIdsInto(into, child);
    });
  });
}

/**
 * The numbering state after `tr`, recomputing only what it touched. Exported for the benchmark
 * and the property test; the plugin calls it on every transaction.
 */
export function updateNumbering(value: NumberingState, tr: Transaction, fixedLanguage?: LanguageCode): NumberingState {
  if (!tr.docChanged) return value;
  const ranges = changedRanges(tr);
  if (!ranges || languageOf(tr.doc, fixedLanguage) !== value.language) return computeNumberingState(tr.doc, fixedLanguage);
  const table = languageTable(value.language);

  const gone: Touched = { lists: new Map(), counters: false };
  collectTouched(tr.before, ranges.before, gone);
  // A list touched before may have lost items to a join that leaves no range around it after
  // (deleting from inside one item to inside the next): look at the list where it now stands.
  const after = [...ranges.after];
  for (const pos of gone.lists.keys()) {
    const mapped = tr.mapping.map(pos, 1);
    if (mapped < tr.doc.content.size) after.push({ from: mapped, to: mapped + 1 });
  }
  const now: Touched = { lists: new Map(), counters: gone.counters };
  collectTouched(tr.doc, after, now);

  let { labels, original } = value;
  if (gone.lists.size > 0 || now.lists.size > 0) {
    const relabelled = relabel([...now.lists.values()], table);
    // Items of a touched list (sub-lists included) without a label now, in each view (relabelled ones are written over).
    const goneIds: string[] = [];
    for (const { list } of gone.lists.values()) itemIdsInto(goneIds, list);
    const removed = {
      new: goneIds.filter((id) => !relabelled.new.has(id)),
      original: goneIds.filter((id) => !relabelled.original.has(id)),
    };
    labels = { ...labels, items: LayeredMap.from(labels.items).with(relabelled.new, removed.new) };
    original = { ...original, items: LayeredMap.from(original.items).with(relabelled.original, removed.original) };
  }
  if (now.counters) {
    labels = { ...computeDocumentCounters(tr.doc, table, 'new'), items: labels.items };
    original = { ...computeDocumentCounters(tr.doc, table, 'original'), items: original.items };
  }
  return { language: value.language, labels, original };
}

export function numberingPlugin(options: NumberingPluginOptions = {}): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => computeNumberingState(state.doc, options.language),
      apply: (tr, value) => updateNumbering(value, tr, options.language),
    },
  });
}
