/**
 * What the panels show, derived from the editor state: the outline (resolution, sections, items,
 * annexes, headings) with labels, the footnotes, the word count and where the cursor is. Pure
 * functions of the state, computed off the keystroke path (see store.ts).
 */
import { translationOf, type TranslationStatus } from '../shared/translation/index.js';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { Labels } from '../shared/numbering/index.js';

/** `title`: a Council document's title (its cover's title field), first in a report's outline. */
export type OutlineKind = 'title' | 'resolution' | 'section' | 'item' | 'annex' | 'heading';

export interface OutlineEntry {
  id: string;
  kind: OutlineKind;
  /** `a)`, `12`, `ii)`; '' when none. */
  label: string;
  /** The first words of the block's text. */
  readonly text: string;
  /** 0 for the title, resolutions, annexes and headings; 1 for sections; 2+ for items by nesting. */
  depth: number;
  /** An item's translation status, in a language version (shared/translation). */
  translation?: TranslationStatus;
}

export interface FootnoteEntry {
  id: string;
  number: number;
  text: string;
}

const PREVIEW_LENGTH = 70;

function preview(text: string): string {
  const flat = text
    .slice(0, PREVIEW_LENGTH * 2)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
}

/** The first textblock's text of a node (an item's own text, a resolution's number line). */
function leadText(node: Node): string {
  let text: string | null = null;
  node.descendants((child) => {
    if (text !== null) return false;
    if (!child.isTextblock) return true;
    text = child.textContent;
    return false;
  });
  return text ?? '';
}

const OUTLINE_KINDS: Record<string, OutlineKind> = {
  resolution: 'resolution',
  annex: 'annex',
  heading: 'heading',
  section: 'section',
  item: 'item',
};

/** The outline entry a node makes, if any: the cover's title field is the only cover field listed. */
function kindOf(node: Node): OutlineKind | undefined {
  if (node.type.name === 'cover_field') return node.attrs.name === 'title' ? 'title' : undefined;
  return OUTLINE_KINDS[node.type.name];
}

/**
 * Entries are cached by node: ProseMirror documents share unchanged nodes between states, so after
 * a keystroke only the edited item (and its ancestors) are looked at again. An entry is reused when
 * its node, label and depth are the same, which also keeps React's memoised rows from re-rendering.
 */
export type OutlineCache = WeakMap<Node, OutlineEntry>;

/** The text an entry shows: a section's keyword line, a heading or the title, an item's own first paragraph. */
function entryText(node: Node, kind: OutlineKind): string {
  if (kind === 'section' || kind === 'annex') return node.firstChild?.textContent ?? '';
  return node.isTextblock ? node.textContent : leadText(node);
}

/**
 * An entry reads its first words from its node when asked: only the rows in view are drawn, and
 * holding the first words of a thousand items (a fresh string wherever tracked changes split an
 * item's text) cost about 0.3 MB of the window's heap (heap snapshot, editor-open.bench.ts).
 */
class NodeOutlineEntry implements OutlineEntry {
  readonly translation?: TranslationStatus;

  constructor(
    private readonly node: Node,
    readonly id: string,
    readonly kind: OutlineKind,
    readonly label: string,
    readonly depth: number,
    translation: TranslationStatus | undefined,
  ) {
    if (translation) this.translation = translation;
  }

  get text(): string {
    return preview(entryText(this.node, this.kind));
  }
}

function entryFor(node: Node, kind: OutlineKind, label: string, depth: number, cache: OutlineCache): OutlineEntry {
  const cached = cache.get(node);
  if (cached && cached.label === label && cached.depth === depth) return cached;
  const status = kind === 'item' ? translationOf(node)?.status : undefined;
  const entry = new NodeOutlineEntry(node, (node.attrs.id as string | null) ?? '', kind, label, depth, status);
  cache.set(node, entry);
  return entry;
}

export function buildOutline(doc: Node, labels: Labels, cache: OutlineCache = new WeakMap()): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const visit = (node: Node, itemDepth: number): void => {
    const kind = kindOf(node);
    // A heading and the title are textblocks: listed, then nothing inside them is. (Looking for
    // kinds only below the textblock test left a report's outline empty.)
    if (!kind && node.isTextblock) return;
    if (kind) {
      const id = (node.attrs.id as string | null) ?? '';
      const label = kind === 'item' ? (labels.items.get(id) ?? '') : kind === 'heading' ? (labels.headings.get(id) ?? '') : '';
      const depth = kind === 'item' ? 2 + itemDepth : kind === 'section' ? 1 : 0;
      entries.push(entryFor(node, kind, label, depth, cache));
      if (node.isTextblock) return;
    }
    const nextItemDepth = kind === 'item' ? itemDepth + 1 : itemDepth;
    node.forEach((child) => visit(child, nextItemDepth));
  };
  doc.forEach((child) => visit(child, 0));
  return entries;
}

export function buildFootnotes(doc: Node, labels: Labels): FootnoteEntry[] {
  const notes: FootnoteEntry[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'footnote') return !node.isTextblock || node.childCount > 1 || node.firstChild?.type.name === 'footnote';
    const id = node.attrs.id as string;
    const number = labels.footnotes.get(id);
    if (number !== undefined) notes.push({ id, number, text: node.textContent });
    return false;
  });
  return notes;
}

/** The id of the innermost outline entry around the cursor: the nearest item, section, annex… */
export function currentEntryId(state: EditorState): string | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (kindOf(node)) return (node.attrs.id as string | null) ?? null;
  }
  return null;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-–.,/]*/gu;

/** Word counts by textblock, cached by node like the outline. */
export type WordCache = WeakMap<Node, number>;

/** Words as a word processor counts them: runs of letters or digits, across every textblock. */
export function countWords(doc: Node, cache: WordCache = new WeakMap()): number {
  let count = 0;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let words = cache.get(node);
    if (words === undefined) {
      words = node.textContent.match(WORD)?.length ?? 0;
      cache.set(node, words);
    }
    count += words;
    return false;
  });
  return count;
}

/** An item a reference can point at, with the keyword of its section (the reference picker's entries). */
export interface ReferenceTarget {
  id: string;
  label: string;
  section: string;
  text: string;
}

/** The labelled items of the outline, each with the keyword of its section. */
export function referenceTargets(outline: readonly OutlineEntry[]): ReferenceTarget[] {
  const targets: ReferenceTarget[] = [];
  let section = '';
  for (const entry of outline) {
    if (entry.kind === 'section') section = entry.text;
    else if (entry.kind === 'item' && entry.label) targets.push({ id: entry.id, label: entry.label, section, text: entry.text });
  }
  return targets;
}
