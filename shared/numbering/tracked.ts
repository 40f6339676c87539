/**
 * Tracked renumbering. Under tracked changes an item has a label in the original numbering and
 * one in the new numbering (labels.ts); when they differ the change is itself a revision: old
 * label deleted, new label inserted, as Word shows it in Council contributions (`[-f-][+g+])` in
 * C26/93). The same holds for the text of a cross-reference whose target was renumbered.
 */
import type { Node } from 'prosemirror-model';
import type { LanguageCode } from '../languages/index.js';
import { computeLabels, type Labels, type NumberingView } from './labels.js';
import { referenceText, type ReferenceRendering } from './reference-text.js';

/** An item's label in each numbering; absent where the item does not count (inserted / deleted). */
export interface TrackedLabel {
  original?: string;
  new?: string;
}

const labelCache = new WeakMap<Node, Map<string, Labels>>();

/** computeLabels, remembered per document, language and view (documents are immutable). */
export function labelsOf(doc: Node, view: NumberingView, language?: LanguageCode): Labels {
  let byKey = labelCache.get(doc);
  if (!byKey) {
    byKey = new Map();
    labelCache.set(doc, byKey);
  }
  const key = `${language ?? ''}/${view}`;
  let labels = byKey.get(key);
  if (!labels) {
    labels = computeLabels(doc, { view, ...(language ? { language } : {}) });
    byKey.set(key, labels);
  }
  return labels;
}

/** Every item's label in both numberings, by item id. */
export function trackedLabels(doc: Node, language?: LanguageCode): Map<string, TrackedLabel> {
  const original = labelsOf(doc, 'original', language).items;
  const renewed = labelsOf(doc, 'new', language).items;
  const out = new Map<string, TrackedLabel>();
  for (const [id, label] of original) out.set(id, { original: label });
  for (const [id, label] of renewed) out.set(id, { ...out.get(id), new: label });
  return out;
}

/** Whether a label reads differently in the two numberings (appears, disappears or changes). */
export function isRenumbered(label: TrackedLabel): boolean {
  return label.original !== label.new;
}

/**
 * The label with its change made visible, as `plenary text --marked` prints it: `g)` unchanged,
 * `[-f-][+g+])` renumbered (the punctuation both share is kept outside the marks), `[+c)+]` for an
 * inserted item, `[-c)-]` for a deleted one.
 */
export function markedText(original: string | undefined, renewed: string | undefined): string {
  if (original === renewed) return original ?? '';
  if (!original) return `[+${renewed}+]`;
  if (!renewed) return `[-${original}-]`;
  // Shared leading/trailing punctuation stays outside (`f)` → `g)`): only the value changed.
  const { lead, trail } = sharedPunctuation(original, renewed);
  const before = original.slice(0, lead);
  const after = original.slice(original.length - trail);
  return `${before}[-${original.slice(lead, original.length - trail)}-][+${renewed.slice(lead, renewed.length - trail)}+]${after}`;
}

/** How many characters of punctuation (no letter, no digit) two labels share at their start and end. */
function sharedPunctuation(a: string, b: string): { lead: number; trail: number } {
  const punctuation = (c: string) => !/[\p{L}\p{N}]/u.test(c);
  let lead = 0;
  while (lead < a.length && lead < b.length && a[lead] === b[lead] && punctuation(a[lead]!)) lead++;
  let trail = 0;
  while (
    trail < a.length - lead &&
    trail < b.length - lead &&
    a[a.length - 1 - trail] === b[b.length - 1 - trail] &&
    punctuation(a[a.length - 1 - trail]!)
  )
    trail++;
  return { lead, trail };
}

/**
 * A renumbered reference as `plenary text --marked` prints it: the words both numberings share stay
 * outside the marks, only what changed is marked (`point [-5-][+6+] du décide`, `considérant
 * [-c-][+d+])`), as a reader of the proposal sees the consequence of an inserted item.
 */
export function markedWords(original: string, renewed: string): string {
  const change = wordChange(original, renewed);
  const marked =
    change.deleted || change.inserted
      ? `${change.deleted ? `[-${change.deleted}-]` : ''}${change.inserted ? `[+${change.inserted}+]` : ''}`
      : '';
  return `${change.before}${marked}${change.after}`;
}

/** A text in two versions: the words (and the label's punctuation) both share, and what differs. */
export interface WordChange {
  before: string;
  deleted: string;
  inserted: string;
  after: string;
}

/**
 * Where a reference splits into words: after a space, and around each Chinese character — Chinese
 * writes no space (`做出决议第5段`), so each character is a word and the label (`5`, `a)`) between
 * them is one too.
 */
const WORD_BOUNDARY = /(?<=[\s\u00a0])|(?<=\p{Script=Han})|(?=\p{Script=Han})/u;

/**
 * Where two renderings of a reference differ, to the word and, in the changed word, to the label's
 * value (`point 5 du décide` → `point 6 du décide`: only `5`/`6`; `considérant c)` → `considérant
 * d)`: only `c`/`d`; `做出决议第5段` → `做出决议第6段`: only `5`/`6`). The writers mark only that
 * part, so the reader sees which label changed.
 */
export function wordChange(original: string, renewed: string): WordChange {
  if (original === renewed) return { before: original, deleted: '', inserted: '', after: '' };
  const a = original.split(WORD_BOUNDARY);
  const b = renewed.split(WORD_BOUNDARY);
  let head = 0;
  while (head < a.length - 1 && head < b.length - 1 && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - 1 - head && tail < b.length - 1 - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = (words: string[]) => words.slice(head, words.length - tail).join('');
  let changedA = middle(a);
  let changedB = middle(b);
  let before = a.slice(0, head).join('');
  let after = a.slice(a.length - tail).join('');
  // The space a changed word ends with is shared too: keep it outside the marks.
  const space = /[\s\u00a0]$/u.exec(changedA)?.[0];
  if (space !== undefined && changedB.endsWith(space)) {
    changedA = changedA.slice(0, -space.length);
    changedB = changedB.slice(0, -space.length);
    after = `${space}${after}`;
  }
  // Shared leading/trailing punctuation of the changed word stays outside too (`c)` → `d)`).
  if (changedA && changedB) {
    const { lead, trail } = sharedPunctuation(changedA, changedB);
    before = `${before}${changedA.slice(0, lead)}`;
    after = `${changedA.slice(changedA.length - trail)}${after}`;
    changedA = changedA.slice(lead, changedA.length - trail);
    changedB = changedB.slice(lead, changedB.length - trail);
  }
  return { before, deleted: changedA, inserted: changedB, after };
}

export function markedLabel(label: TrackedLabel): string {
  return markedText(label.original, label.new);
}

export interface TrackedReference {
  original: ReferenceRendering;
  new: ReferenceRendering;
  /** The text differs between the two numberings: writers show it as old deleted + new inserted. */
  changed: boolean;
}

/** A cross-reference's text in both numberings. */
export function trackedReferenceText(node: Node, doc: Node, language?: LanguageCode): TrackedReference {
  const original = referenceText(node, doc, labelsOf(doc, 'original', language), language, 'original');
  const renewed = referenceText(node, doc, labelsOf(doc, 'new', language), language, 'new');
  return { original, new: renewed, changed: original.text !== renewed.text || original.dangling !== renewed.dangling };
}
