/**
 * Labels from position. Nothing in a document stores a label: items, headings, numbered paragraphs
 * and footnotes are numbered here, from the structure, in the document's language.
 *
 * Under tracked changes two numberings exist: the `new` one (insertions count, deletions do not)
 * and the `original` one (deletions count, insertions do not). A block that does not count in a
 * view gets no label in that view.
 */
import type { Node } from 'prosemirror-model';
import { languageTable, type LanguageCode, type LanguageTable } from '../languages/index.js';
import type { BlockChange, HeadingNumbering, ListStyle } from '../schema/index.js';
import { formatLabel, toRoman } from './format.js';

export type NumberingView = 'new' | 'original';

export interface LabelOptions {
  /** Defaults to the document's `language` attribute. */
  language?: LanguageCode;
  view?: NumberingView;
}

export interface Labels {
  /**
   * Item id → label (`a)`, `12`, `ii)`, `a.`, `–`); '' for the single item of a section. Read-only:
   * the editor's incremental numbering shares it between states (shared/numbering/plugin.ts).
   */
  items: ReadonlyMap<string, string>;
  /** Heading id → `I`, `2`. */
  headings: Map<string, string>;
  /** Numbered paragraph id → `2.1`. */
  numberedParagraphs: Map<string, string>;
  /** Footnote id → its number through the document. */
  footnotes: Map<string, number>;
}

/**
 * Whether a block counts in a numbering view, given its tracked `change` and its `deletion` (the
 * later deletion of a block another author inserted: it counts in neither view).
 */
export function countsIn(node: Node, view: NumberingView): boolean {
  const change = node.attrs.change as BlockChange | null | undefined;
  if (view === 'new' && node.attrs.deletion) return false;
  if (!change) return true;
  return view === 'new' ? change.kind !== 'deletion' : change.kind !== 'insertion';
}

/** The last textblock inside a block (an item's last paragraph, however deeply its sub-items nest). */
function lastTextblock(node: Node): Node | null {
  let current: Node | null = node;
  while (current && !current.isTextblock) current = current.lastChild;
  return current;
}

/**
 * Whether an item exists in a view only as part of the item before it: a tracked split (Enter
 * made it: the paragraph mark before it is inserted) is joined back in the original; a tracked
 * join (Backspace or Delete at the boundary: that paragraph mark is deleted) has merged it into the
 * previous item in the new text. Either way it takes no label of its own in that view.
 */
function mergedIntoPrevious(previous: Node | null, view: NumberingView): boolean {
  const mark = previous ? (lastTextblock(previous)?.attrs.paragraphMark as BlockChange | null | undefined) : null;
  if (!mark) return false;
  return view === 'original' ? mark.kind === 'insertion' : mark.kind === 'deletion';
}

/** Whether an item counts in a list's numbering: see countsIn and mergedIntoPrevious. */
export function itemCounts(item: Node, previous: Node | null, view: NumberingView): boolean {
  return countsIn(item, view) && !mergedIntoPrevious(previous, view);
}

/** Whether an item_list under `parent` follows the rule "a section with a single item has no label". */
export function singleItemUnlabelled(parent: Node | null | undefined): boolean {
  return parent?.type.name === 'section';
}

const formattedCache = new WeakMap<LanguageTable, Map<ListStyle, string[]>>();

/** The labels of a style already formatted, by position − 1 (filled as lists need them). */
function formattedLabels(table: LanguageTable, style: ListStyle): string[] {
  let byStyle = formattedCache.get(table);
  if (!byStyle) formattedCache.set(table, (byStyle = new Map()));
  let labels = byStyle.get(style);
  if (!labels) byStyle.set(style, (labels = []));
  return labels;
}

/** Labels of one item_list's items, in order (uncounted items are absent), written into `into`. */
export function labelListInto(
  into: Map<string, string>,
  list: Node,
  table: LanguageTable,
  view: NumberingView,
  singleItemUnlabelled: boolean,
): Map<string, string> {
  const style = list.attrs.style as ListStyle;
  const counting: Node[] = [];
  let previous: Node | null = null;
  list.forEach((item) => {
    if (itemCounts(item, previous, view)) counting.push(item);
    previous = item;
  });
  const unlabelled = singleItemUnlabelled && counting.length === 1;
  const labelAt = listLabels(table, style);
  counting.forEach((item, index) => into.set(item.attrs.id as string, unlabelled ? '' : labelAt(index)));
  return into;
}

/** The labels of a list of `style`: the label of the item at (counted) position `index`. */
export function listLabels(table: LanguageTable, style: ListStyle): (index: number) => string {
  // Formatting is the costly part of renumbering a long list: each label is formatted once.
  const formatted = formattedLabels(table, style);
  return (index) => formatted[index] ?? (formatted[index] = formatLabel(style, index + 1, table));
}

/**
 * Whether a list numbers alike in both numberings: none of its items is tracked (no inserted or
 * deleted item, no tracked split or join). The editor renumbers the touched lists on every
 * structural edit, and most lists are not tracked: such a list is labelled once for both views.
 */
export function numbersAlikeInBothViews(list: Node): boolean {
  const items = list.content.content;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.attrs.change || item.attrs.deletion) return false;
    // A tracked split or join at the end of an item merges the next one into it in one view.
    if (i + 1 < items.length && lastTextblock(item)?.attrs.paragraphMark) return false;
  }
  return true;
}

function headingLabel(numbering: HeadingNumbering, n: number): string {
  if (numbering === 'roman') return toRoman(n).toUpperCase();
  if (numbering === 'decimal') return String(n);
  return '';
}

export function computeLabels(doc: Node, options: LabelOptions = {}): Labels {
  const table = languageTable(options.language ?? (doc.attrs.language as string));
  return collectLabels(doc, table, options.view ?? 'new', true);
}

/** The numberings that run through the whole document: headings, numbered paragraphs, footnotes. */
export type DocumentCounters = Omit<Labels, 'items'>;

/** Only the document-wide numberings (item labels are per list and can be recomputed list by list). */
export function computeDocumentCounters(doc: Node, table: LanguageTable, view: NumberingView): DocumentCounters {
  const { headings, numberedParagraphs, footnotes } = collectLabels(doc, table, view, false);
  return { headings, numberedParagraphs, footnotes };
}

/** Whether a block inside `$pos`'s ancestors is out of a view (an item inside a deleted item or section). */
export function insideUncounted(ancestors: Iterable<Node>, view: NumberingView): boolean {
  for (const node of ancestors) if (!node.isTextblock && !countsIn(node, view)) return true;
  return false;
}

function collectLabels(doc: Node, table: LanguageTable, view: NumberingView, withItems: boolean): Labels {
  const items = new Map<string, string>();
  const labels: Labels = { items, headings: new Map(), numberedParagraphs: new Map(), footnotes: new Map() };
  let headingCount = 0;
  let paragraphCount = 0;
  let footnoteCount = 0;

  // `uncounted`: inside a block that is out of this view (a deleted item, section or annex). Its
  // items are struck with it: they take no label in the view either.
  const walk = (node: Node, parent: Node, uncounted: boolean): void => {
    switch (node.type.name) {
      case 'item_list': {
        // "A section with a single item has no label" (resolution-structure.md).
        if (withItems && !uncounted && countsIn(node, view)) labelListInto(items, node, table, view, singleItemUnlabelled(parent));
        break;
      }
      case 'heading': {
        const numbering = node.attrs.numbering as HeadingNumbering;
        if (numbering !== 'none' && countsIn(node, view)) {
          headingCount += 1;
          paragraphCount = 0;
          labels.headings.set(node.attrs.id as string, headingLabel(numbering, headingCount));
        }
        return;
      }
      case 'numbered_paragraph': {
        if (countsIn(node, view)) {
          paragraphCount += 1;
          const label = headingCount > 0 ? `${headingCount}.${paragraphCount}` : String(paragraphCount);
          labels.numberedParagraphs.set(node.attrs.id as string, label);
        }
        break;
      }
      case 'footnote': {
        if (countsIn(node, view)) {
          footnoteCount += 1;
          labels.footnotes.set(node.attrs.id as string, footnoteCount);
        }
        return;
      }
      default:
        if (node.isText) return;
    }
    const inner = uncounted || (!node.isTextblock && !countsIn(node, view));
    node.forEach((child) => walk(child, node, inner));
  };
  doc.forEach((child) => walk(child, doc, false));
  return labels;
}
