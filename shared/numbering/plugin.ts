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
  labelListBothViews,
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
          if (!insideOneItem(node, pos, range)) into.lists.set(pos, { list: node, parent });
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

/** The labels of the touched lists' items in both views (one pass for a list with nothing tracked). */
function relabel(lists: readonly ListAt[], table: LanguageTable): Record<NumberingView, Map<string, string>> {
  // One list (an item inserted, deleted, moved within it): its maps as they are, no copy.
  if (lists.length === 1) return labelListBothViews(lists[0]!.list, table, singleItemUnlabelled(lists[0]!.parent));
  const out = { new: new Map<string, string>(), original: new Map<string, string>() };
  for (const { list, parent } of lists) {
    const both = labelListBothViews(list, table, singleItemUnlabelled(parent));
    for (const view of ['new', 'original'] as const) {
      for (const [id, label] of both[view]) out[view].set(id, label);
    }
  }
  return out;
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
    // Items of a touched list without a label now, in each view (relabelled ones are written over).
    const removed = { new: [] as string[], original: [] as string[] };
    for (const { list } of gone.lists.values()) {
      list.forEach((item) => {
        const id = item.attrs.id as string;
        if (!relabelled.new.has(id)) removed.new.push(id);
        if (!relabelled.original.has(id)) removed.original.push(id);
      });
    }
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
