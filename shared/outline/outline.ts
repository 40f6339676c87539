/**
 * The outline of a document (`plenary inspect`): each resolution with its number line, title,
 * call, sections (kind, keyword phrase as written, role from the language table, items with their
 * computed labels and what nests inside them) and annexes; the cover fields present; the body
 * headings; the footnote count. Plain JSON, so `inspect --json` prints it as is.
 */
import type { Node } from 'prosemirror-model';
import { languageTable, matchKeyword, type LanguageCode } from '../languages/index.js';
import { computeLabels, type Labels } from '../numbering/index.js';
import type { CoverFieldName, ListStyle, SectionKind } from '../schema/index.js';
import { blockChange } from '../tracking/index.js';

export interface ItemOutline {
  /** Computed label (current numbering); '' for the single item of a section or a deleted item. */
  label: string;
  /** The first words of the item's text. */
  excerpt: string;
  footnotes: number;
  /** Set when the whole item is a tracked insertion or deletion. */
  change?: 'insertion' | 'deletion';
  /** Continuation paragraphs and sub-lists, in document order. */
  children: Array<{ kind: 'continuation'; indent: number } | ({ kind: 'list' } & ListOutline)>;
  continuations: number;
}

export interface ListOutline {
  style: ListStyle;
  items: ItemOutline[];
}

export interface SectionOutline {
  kind: SectionKind;
  /** The keyword phrase as written, addressee included. */
  keyword: string;
  /** Language-neutral role of the keyword (`instructs`), or null when the table does not know it. */
  role: string | null;
  style: ListStyle;
  items: ItemOutline[];
}

export interface AnnexOutline {
  heading: string;
  title: string | null;
  /** Items of the annex's lists, in order (the mandate a)–j) of Res 1332). */
  items: ItemOutline[];
  paragraphs: number;
  /** Tables (budgets, timetables, lists of Member States). */
  tables: number;
  resolutions: ResolutionOutline[];
}

export interface ResolutionOutline {
  number: string;
  adoption: string | null;
  title: string;
  call: string;
  sections: SectionOutline[];
  annexes: AnnexOutline[];
  footnotes: number;
}

export interface HeadingOutline {
  label: string;
  text: string;
}

export interface Outline {
  language: LanguageCode;
  /** Names of the cover fields present, in reading order; null when the document has no cover. */
  cover: CoverFieldName[] | null;
  headings: HeadingOutline[];
  numberedParagraphs: number;
  paragraphs: number;
  tables: number;
  resolutions: ResolutionOutline[];
  /** Annexes of the document itself (not of a resolution). */
  annexes: AnnexOutline[];
  footnotes: number;
}

const EXCERPT_LENGTH = 60;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

function countFootnotes(node: Node): number {
  let count = 0;
  node.descendants((child) => {
    if (child.type.name === 'footnote') count += 1;
    return true;
  });
  return count;
}

/** The text of a textblock without its footnotes' text. */
function ownText(node: Node): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.text ?? '';
  });
  return text;
}

function childOfType(node: Node, type: string): Node | null {
  let found: Node | null = null;
  node.forEach((child) => {
    if (!found && child.type.name === type) found = child;
  });
  return found;
}

class OutlineReader {
  private readonly labels: Labels;
  private readonly language: LanguageCode;

  constructor(doc: Node) {
    this.language = languageTable(doc.attrs.language as string).code;
    this.labels = computeLabels(doc);
  }

  read(doc: Node): Outline {
    const outline: Outline = {
      language: this.language,
      cover: null,
      headings: [],
      numberedParagraphs: 0,
      paragraphs: 0,
      tables: 0,
      resolutions: [],
      annexes: [],
      footnotes: countFootnotes(doc),
    };
    doc.forEach((block) => {
      switch (block.type.name) {
        case 'cover': {
          const fields: CoverFieldName[] = [];
          block.forEach((field) => fields.push(field.attrs.name as CoverFieldName));
          outline.cover = fields;
          break;
        }
        case 'heading':
          outline.headings.push({ label: this.labels.headings.get(block.attrs.id as string) ?? '', text: ownText(block) });
          break;
        case 'numbered_paragraph':
          outline.numberedParagraphs += 1;
          break;
        case 'paragraph':
          outline.paragraphs += 1;
          break;
        case 'table':
          outline.tables += 1;
          break;
        case 'resolution':
          outline.resolutions.push(this.resolution(block));
          break;
        case 'annex':
          outline.annexes.push(this.annex(block));
          break;
      }
    });
    return outline;
  }

  private resolution(node: Node): ResolutionOutline {
    const text = (type: string) => {
      const child = childOfType(node, type);
      return child ? ownText(child) : null;
    };
    const sections: SectionOutline[] = [];
    const annexes: AnnexOutline[] = [];
    node.forEach((child) => {
      if (child.type.name === 'section') sections.push(this.section(child));
      if (child.type.name === 'annex') annexes.push(this.annex(child));
    });
    return {
      number: text('number_line') ?? '',
      adoption: text('adoption_line'),
      title: text('resolution_title') ?? '',
      call: text('call') ?? '',
      sections,
      annexes,
      footnotes: countFootnotes(node),
    };
  }

  private section(node: Node): SectionOutline {
    const keyword = ownText(node.child(0));
    const list = this.list(node.child(1));
    return {
      kind: node.attrs.kind as SectionKind,
      keyword,
      role: matchKeyword(keyword, [this.language])?.entry.role ?? null,
      ...list,
    };
  }

  private annex(node: Node): AnnexOutline {
    const outline: AnnexOutline = { heading: ownText(node.child(0)), title: null, items: [], paragraphs: 0, tables: 0, resolutions: [] };
    node.forEach((child) => {
      if (child.type.name === 'annex_title') outline.title = ownText(child);
      else if (child.type.name === 'item_list') for (const entry of this.list(child).items) outline.items.push(entry);
      else if (child.type.name === 'resolution') outline.resolutions.push(this.resolution(child));
      else if (child.type.name === 'table') outline.tables += 1;
      else if (child.type.name !== 'annex_heading') outline.paragraphs += 1;
    });
    return outline;
  }

  private list(node: Node): ListOutline {
    const items: ItemOutline[] = [];
    node.forEach((item) => items.push(this.item(item)));
    return { style: node.attrs.style as ListStyle, items };
  }

  private item(node: Node): ItemOutline {
    const outline: ItemOutline = {
      label: this.labels.items.get(node.attrs.id as string) ?? '',
      excerpt: excerpt(ownText(node.child(0))),
      footnotes: countFootnotes(node.child(0)),
      children: [],
      continuations: 0,
    };
    const change = blockChange(node);
    if (change) outline.change = change.kind;
    node.forEach((child, _offset, index) => {
      if (index === 0) return;
      if (child.type.name === 'continuation') {
        outline.children.push({ kind: 'continuation', indent: child.attrs.indent as number });
        outline.continuations += 1;
      } else if (child.type.name === 'item_list') {
        outline.children.push({ kind: 'list', ...this.list(child) });
      }
    });
    return outline;
  }
}

export function outline(doc: Node): Outline {
  return new OutlineReader(doc).read(doc);
}

// --- text form ----------------------------------------------------------------------------------

/** Labels of items without children on one line; an item with children gets its own lines. */
function formatItems(items: readonly ItemOutline[], indent: string, out: string[]): void {
  let row: string[] = [];
  const flushRow = () => {
    if (row.length > 0) out.push(`${indent}${row.join(' ')}`);
    row = [];
  };
  for (const item of items) {
    const label = itemName(item);
    if (item.children.length === 0) {
      row.push(label);
      continue;
    }
    row.push(label);
    flushRow();
    for (const child of item.children) {
      if (child.kind === 'continuation') out.push(`${indent}  ${label} continuation (indent ${child.indent})`);
      else {
        out.push(`${indent}  ${label} ${child.style} list:`);
        formatItems(child.items, `${indent}    `, out);
      }
    }
  }
  flushRow();
}

function itemName(item: ItemOutline): string {
  const label = item.label || (item.change === 'deletion' ? '(deleted)' : '(single item)');
  const notes = item.footnotes > 0 ? `[${item.footnotes} footnote${item.footnotes > 1 ? 's' : ''}]` : '';
  const change = item.change ? `{${item.change}}` : '';
  return `${label}${notes}${change}`;
}

function formatResolution(resolution: ResolutionOutline, indent: string, out: string[]): void {
  out.push(`${indent}${resolution.number}`);
  if (resolution.adoption !== null) out.push(`${indent}  adoption: ${resolution.adoption}`);
  out.push(`${indent}  title: ${resolution.title}`);
  out.push(`${indent}  call: ${resolution.call}`);
  for (const section of resolution.sections) {
    const role = section.role ? ` [${section.role}]` : '';
    out.push(
      `${indent}  ${section.kind} «${section.keyword}»${role}: ${section.items.length} item${section.items.length === 1 ? '' : 's'}`,
    );
    formatItems(section.items, `${indent}    `, out);
  }
  for (const annex of resolution.annexes) formatAnnex(annex, `${indent}  `, out);
  out.push(`${indent}  footnotes: ${resolution.footnotes}`);
}

function formatAnnex(annex: AnnexOutline, indent: string, out: string[]): void {
  out.push(`${indent}${annex.heading}${annex.title !== null ? ` — ${annex.title}` : ''}`);
  if (annex.items.length > 0) formatItems(annex.items, `${indent}  `, out);
  if (annex.paragraphs > 0) out.push(`${indent}  paragraphs: ${annex.paragraphs}`);
  if (annex.tables > 0) out.push(`${indent}  tables: ${annex.tables}`);
  for (const resolution of annex.resolutions) formatResolution(resolution, `${indent}  `, out);
}

/** A readable indented text of the outline, for `plenary inspect`. */
export function formatOutline(outline: Outline): string {
  const out: string[] = [`language: ${outline.language}`];
  if (outline.cover) out.push(`cover: ${outline.cover.join(', ')}`);
  if (outline.headings.length > 0) {
    out.push('headings:');
    for (const heading of outline.headings) out.push(`  ${heading.label ? `${heading.label}\t` : ''}${heading.text}`);
  }
  if (outline.numberedParagraphs > 0 || outline.paragraphs > 0) {
    out.push(`body: ${outline.paragraphs} paragraphs, ${outline.numberedParagraphs} numbered paragraphs`);
  }
  if (outline.tables > 0) out.push(`tables: ${outline.tables}`);
  for (const resolution of outline.resolutions) formatResolution(resolution, '', out);
  for (const annex of outline.annexes) formatAnnex(annex, '', out);
  out.push(`footnotes: ${outline.footnotes}`);
  return out.join('\n');
}
