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

/** The text an entry shows: a section's keyword line, a heading or the title, an item's own first paragraph. */
function entryText(node: Node, kind: OutlineKind): string {
  if (kind === 'section' || kind === 'annex') return node.firstChild?.textContent ?? '';
  return node.isTextblock ? node.textContent : leadText(node);
}

/** An entry's first words, as its row shows them. */
export function entryPreview(node: Node, kind: OutlineKind): string {
  return preview(entryText(node, kind));
}

const KINDS: readonly OutlineKind[] = ['title', 'resolution', 'section', 'item', 'annex', 'heading'];
/** Kind and depth of an entry in one byte: the kind's index in the low 3 bits, the depth above. */
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;
const MAX_DEPTH = 0xff >> KIND_BITS;

/**
 * The outline of one document: its entries' nodes, each entry's kind and depth packed in a byte,
 * and the labels it was listed with. An entry object is made only when asked for (the rows in
 * view, the reference picker when opened): one object per item of a thousand-item resolution, with
 * a WeakMap to keep them between states, held about 60 KB of the window's heap (heap snapshot,
 * editor-open.bench.ts). Unchanged nodes are shared between states, so a row drawn from its node,
 * label and depth is still memoised across keystrokes (panels/Outline.tsx).
 */
export class Outline {
  private constructor(
    private readonly nodes: readonly Node[],
    private readonly shapes: Uint8Array,
    private readonly labels: Labels | null,
  ) {}

  static build(doc: Node, labels: Labels): Outline {
    const nodes: Node[] = [];
    const shapes: number[] = [];
    const visit = (node: Node, itemDepth: number): void => {
      const kind = kindOf(node);
      // A heading and the title are textblocks: listed, then nothing inside them is. (Looking for
      // kinds only below the textblock test left a report's outline empty.)
      if (!kind && node.isTextblock) return;
      if (kind) {
        const depth = kind === 'item' ? 2 + itemDepth : kind === 'section' ? 1 : 0;
        nodes.push(node);
        shapes.push((Math.min(depth, MAX_DEPTH) << KIND_BITS) | KINDS.indexOf(kind));
        if (node.isTextblock) return;
      }
      const nextItemDepth = kind === 'item' ? itemDepth + 1 : itemDepth;
      node.forEach((child) => visit(child, nextItemDepth));
    };
    doc.forEach((child) => visit(child, 0));
    return new Outline(nodes, Uint8Array.from(shapes), labels);
  }

  /** The outline of no document (the window before one is open). */
  static readonly empty = new Outline([], new Uint8Array(0), null);

  get length(): number {
    return this.nodes.length;
  }

  node(index: number): Node {
    return this.nodes[index]!;
  }

  kind(index: number): OutlineKind {
    return KINDS[this.shapes[index]! & KIND_MASK]!;
  }

  /** 0 for the title, resolutions, annexes and headings; 1 for sections; 2+ for items by nesting. */
  depth(index: number): number {
    return this.shapes[index]! >> KIND_BITS;
  }

  id(index: number): string {
    return (this.nodes[index]!.attrs.id as string | null) ?? '';
  }

  /** `a)`, `12`, `ii)`; '' when none. */
  label(index: number): string {
    const kind = this.kind(index);
    if (kind === 'item') return this.labels?.items.get(this.id(index)) ?? '';
    if (kind === 'heading') return this.labels?.headings.get(this.id(index)) ?? '';
    return '';
  }

  /** An item's translation status, in a language version (shared/translation). */
  translation(index: number): TranslationStatus | undefined {
    return this.kind(index) === 'item' ? translationOf(this.nodes[index]!)?.status : undefined;
  }

  /** The entry at `index`, as an object of its own (made now; its text is read when asked). */
  entry(index: number): OutlineEntry {
    const node = this.nodes[index]!;
    const kind = this.kind(index);
    const translation = this.translation(index);
    return {
      id: this.id(index),
      kind,
      label: this.label(index),
      depth: this.depth(index),
      get text() {
        return entryPreview(node, kind);
      },
      ...(translation ? { translation } : {}),
    };
  }

  /** Every entry, made now. */
  entries(): OutlineEntry[] {
    return this.nodes.map((_, index) => this.entry(index));
  }

  /** The index of the first entry that passes `test`, -1 if none; entries are made one by one until then. */
  findIndex(test: (entry: OutlineEntry) => boolean): number {
    for (let index = 0; index < this.nodes.length; index++) if (test(this.entry(index))) return index;
    return -1;
  }

  find(test: (entry: OutlineEntry) => boolean): OutlineEntry | undefined {
    const index = this.findIndex(test);
    return index < 0 ? undefined : this.entry(index);
  }

  /** The index of the entry of the block with this id, -1 if none. */
  indexOf(id: string): number {
    return this.nodes.findIndex((node) => node.attrs.id === id);
  }
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
export function referenceTargets(outline: Outline): ReferenceTarget[] {
  const targets: ReferenceTarget[] = [];
  let section = '';
  for (let index = 0; index < outline.length; index++) {
    const kind = outline.kind(index);
    if (kind === 'section') section = entryPreview(outline.node(index), kind);
    else if (kind === 'item') {
      const label = outline.label(index);
      if (label) targets.push({ id: outline.id(index), label, section, text: entryPreview(outline.node(index), kind) });
    }
  }
  return targets;
}
