/**
 * What every part of one export shares: the style table, the language, the two numberings (labels
 * before and after the tracked changes), the revision-id counter and the footnotes written so far.
 */
import { Paragraph, type IParagraphOptions, type IRunOptions } from 'docx';
import type { Mark, Node } from 'prosemirror-model';
import { languageTable, type LanguageTable } from '../../languages/index.js';
import { computeLabels, type Labels } from '../../numbering/index.js';
import { pendingMoves } from '../../tracking/index.js';
import { blockChangeOf, RevisionIds, type Attribution } from './revisions.js';
import type { CouncilStyleTable } from '../../council-style/index.js';

export interface ExportContext {
  /** The document being written (cross-references are rendered against it). */
  doc: Node;
  table: CouncilStyleTable;
  language: LanguageTable;
  rightToLeft: boolean;
  ids: RevisionIds;
  footnotes: FootnoteRegistry;
  /**
   * Labels in the numbering before (`original`) and after (`new`) the tracked changes, and
   * `withPending`: counting every insertion, for the label of a block inserted by one author and
   * deleted by another, which is in neither numbering but is shown, struck through, with the label
   * it had when it was inserted.
   */
  labels: { original: Labels; new: Labels; withPending: Labels };
  /**
   * Block id → the name of the pending tracked move it is a side of (the original struck through
   * and its copy share one name): their changes are written as w:moveFrom / w:moveTo.
   */
  moves: Map<string, string>;
  /** Block id → the change that a renumbered label is credited to (see labelAttributions). */
  labelAttribution: Map<string, Attribution>;
  /** Credited when nothing nearer explains a renumbering. */
  fallbackAttribution: Attribution;
  /**
   * Set after writing a paragraph whose paragraph mark alone was inserted (a tracked split): the
   * formatting of that paragraph, with the split's attribution. Rejecting the split in Word keeps
   * the NEXT paragraph's mark, so the next paragraph records this formatting as its former one
   * (`w:pPrChange`), and rejecting restores the unsplit paragraph's formatting.
   */
  splitBefore: { attribution: Attribution; style: string; indentTwips?: number } | null;
}

/** The footnotes of the document, numbered 1, 2, … in the order their anchors are written. */
class FootnoteRegistry {
  private readonly notes = new Map<number, Paragraph[]>();
  add(paragraphs: Paragraph[]): number {
    const id = this.notes.size + 1;
    this.notes.set(id, paragraphs);
    return id;
  }
  get size(): number {
    return this.notes.size;
  }
  toDocx(): Record<string, { children: Paragraph[] }> {
    const out: Record<string, { children: Paragraph[] }> = {};
    for (const [id, children] of this.notes) out[String(id)] = { children };
    return out;
  }
}

export function createContext(doc: Node, table: CouncilStyleTable): ExportContext {
  const language = languageTable(doc.attrs.language as string);
  const attributions = labelAttributions(doc);
  return {
    doc,
    table,
    language,
    rightToLeft: language.direction === 'rtl',
    ids: new RevisionIds(),
    moves: moveNames(doc),
    footnotes: new FootnoteRegistry(),
    labels: numberings(doc),
    labelAttribution: attributions.byBlock,
    fallbackAttribution: attributions.first ?? { kind: 'insertion', author: 'Plenary', date: '' },
    splitBefore: null,
  };
}

/** The pending moves of the document, each named `move1`, `move2`… for its two sides. */
function moveNames(doc: Node): Map<string, string> {
  const names = new Map<string, string>();
  const { originals, copies } = pendingMoves(doc);
  if (copies.size === 0) return names;
  doc.descendants((node) => {
    const id = node.attrs.id as string | null | undefined;
    const movedFrom = node.attrs.movedFrom as string | null | undefined;
    // Only blocks whose own change is the move (an item, not the paragraphs inside it).
    if (id && movedFrom && copies.has(id) && originals.has(movedFrom) && !names.has(movedFrom) && node.attrs.change) {
      const name = `move${names.size / 2 + 1}`;
      names.set(movedFrom, name);
      names.set(id, name);
    }
    return true;
  });
  return names;
}

/**
 * The numbering before and after the tracked changes (computeLabels' `original` and `new` views),
 * and `withPending` for blocks inserted by one author and deleted by another: they count in
 * neither view, but are shown, struck through, with the label they had when they were inserted.
 */
function numberings(doc: Node): ExportContext['labels'] {
  const original = computeLabels(doc, { view: 'original' });
  const after = computeLabels(doc, { view: 'new' });
  const pending = withoutLaterDeletions(doc);
  return { original, new: after, withPending: pending === doc ? after : computeLabels(pending, { view: 'new' }) };
}

/** The document as it was before any pending insertion was deleted again (the same node if none was). */
function withoutLaterDeletions(doc: Node): Node {
  let found = false;
  doc.descendants((node) => {
    if (node.attrs.deletion) found = true;
    return !found;
  });
  if (!found) return doc;
  const strip = (json: { attrs?: Record<string, unknown>; content?: unknown[] }): void => {
    if (json.attrs && 'deletion' in json.attrs) json.attrs.deletion = null;
    json.content?.forEach((child) => strip(child as typeof json));
  };
  // A deep copy: Node.toJSON shares the live nodes' attrs objects.
  const json = structuredClone(doc.toJSON()) as { attrs?: Record<string, unknown>; content?: unknown[] };
  strip(json);
  return doc.type.schema.nodeFromJSON(json);
}

/**
 * A label changes because a sibling before it was inserted or deleted (or, for the label of a
 * single item appearing, because a sibling after it was): the renumbering revision is credited to
 * the nearest such change before the block, else the first one after it.
 */
function labelAttributions(doc: Node): { byBlock: Map<string, Attribution>; first: Attribution | null } {
  const byBlock = new Map<string, Attribution>();
  let first: Attribution | null = null;
  const credit = (sequence: Node[]): void => {
    const changes = sequence.map(blockChangeOf);
    sequence.forEach((node, index) => {
      const before = changes
        .slice(0, index)
        .reverse()
        .find((c) => c !== null);
      const after = changes.slice(index + 1).find((c) => c !== null);
      const chosen = before ?? after;
      if (chosen) byBlock.set(node.attrs.id as string, chosen);
    });
  };
  const numberedBlocks: Node[] = [];
  doc.descendants((node) => {
    first ??= blockChangeOf(node);
    if (node.type.name === 'item_list') credit(childrenOf(node));
    if (node.type.name === 'heading' || node.type.name === 'numbered_paragraph') numberedBlocks.push(node);
    return true;
  });
  credit(numberedBlocks);
  return { byBlock, first };
}

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  node.forEach((child) => out.push(child));
  return out;
}

/** A paragraph in the document's direction: Arabic paragraphs are right to left (`w:bidi`). */
export function paragraph(ctx: ExportContext, options: IParagraphOptions): Paragraph {
  return new Paragraph(ctx.rightToLeft ? { ...options, bidirectional: true } : options);
}

/** Run formatting from the model's marks, in the document's direction. */
export function runFormat(ctx: ExportContext, marks: readonly Mark[] = []): IRunOptions {
  const names = new Set(marks.map((mark) => mark.type.name));
  return {
    ...(names.has('strong') ? { bold: true, boldComplexScript: true } : {}),
    ...(names.has('em') ? { italics: true, italicsComplexScript: true } : {}),
    ...(names.has('superscript') ? { superScript: true } : {}),
    ...(names.has('subscript') ? { subScript: true } : {}),
    ...(ctx.rightToLeft ? { rightToLeft: true } : {}),
    // Characters Chinese shares with Latin text (quotes, dashes, the ellipsis) take the East Asian
    // font and width in a Chinese document, as Word sets them when the text is typed in Chinese.
    ...(ctx.language.code === 'zh' ? { font: { hint: 'eastAsia' } } : {}),
  };
}

/** Indentation from the leading edge: left in left-to-right text, right in Arabic. */
export function leadingIndent(ctx: ExportContext, twips: number): IParagraphOptions['indent'] {
  return ctx.rightToLeft ? { start: twips } : { left: twips };
}
