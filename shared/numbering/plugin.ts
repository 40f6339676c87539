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
import { languageTable, type LanguageCode } from '../languages/index.js';
import { changedRanges, type Range } from './changed-ranges.js';
import { LayeredMap } from './layered-map.js';
import { computeDocumentCounters, computeLabels, insideUncounted, type Labels } from './labels.js';
import { relabel, type ListAt, type ListPair } from './relabel.js';

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
  const labels = computeLabels(doc, { language: code, view: 'new' });
  const original = computeLabels(doc, { language: code, view: 'original' });
  // Without tracked blocks both numberings read alike: one map of a thousand labels held, not two.
  if (sameEntries(labels.items, original.items)) original.items = labels.items;
  return { language: code, labels, original };
}

function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
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

/**
 * Whether the range lies inside the content of one item of the list and leaves its items' numbering
 * as it was. Whether the next item counts depends on the item's last paragraph (a tracked split or
 * join at its end): a range that reaches that paragraph's ends, or adds one after it (a sub-item
 * appended), touches the list; typing inside it does not.
 */
function insideOneItem(list: Node, pos: number, range: Range): boolean {
  const start = pos + 1;
  if (range.from < start || range.to > start + list.content.size) return false;
  const $from = list.resolve(range.from - start);
  const index = $from.index(0);
  if (index >= list.childCount) return false;
  const childStart = start + $from.posAtIndex(index, 0);
  const item = list.child(index);
  if (range.from <= childStart || range.to >= childStart + item.nodeSize) return false;
  const last = lastTextblockAt(item, childStart);
  return range.to <= last.from || (range.from > last.from && range.to < last.to);
}

/** Where the last textblock of a block starting at `pos` starts and ends. */
function lastTextblockAt(block: Node, pos: number): Range {
  let node = block;
  let at = pos;
  while (!node.isTextblock && node.lastChild) {
    at += 1 + node.content.size - node.lastChild.nodeSize;
    node = node.lastChild;
  }
  return { from: at, to: at + node.nodeSize };
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
    const { set, removed } = relabel(...pairUp(gone.lists, now.lists, tr), table);
    labels = { ...labels, items: LayeredMap.from(labels.items).with(set.new, removed.new) };
    original = { ...original, items: LayeredMap.from(original.items).with(set.original, removed.original) };
  }
  if (now.counters) {
    labels = { ...computeDocumentCounters(tr.doc, table, 'new'), items: labels.items };
    original = { ...computeDocumentCounters(tr.doc, table, 'original'), items: original.items };
  }
  return { language: value.language, labels, original };
}

/**
 * The touched lists known before and after (a list before, and the list now at its mapped
 * position), and the others: renumbering a known list rewrites only the labels that changed.
 */
function pairUp(gone: Map<number, ListAt>, now: Map<number, ListAt>, tr: Transaction): [ListPair[], ListAt[], ListAt[]] {
  const pairs: ListPair[] = [];
  const unpairedGone: ListAt[] = [];
  const paired = new Set<number>();
  for (const [pos, before] of gone) {
    const mapped = tr.mapping.map(pos, 1);
    const after = paired.has(mapped) ? undefined : now.get(mapped);
    if (after) {
      paired.add(mapped);
      pairs.push({ before, after });
    } else unpairedGone.push(before);
  }
  const unpairedNow = [...now].filter(([pos]) => !paired.has(pos)).map(([, at]) => at);
  return [pairs, unpairedGone, unpairedNow];
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
