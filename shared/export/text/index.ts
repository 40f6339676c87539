/**
 * The text writer: a document back to the plain-text conventions the importer reads
 * (shared/import/text), so that import → write → import gives the same document, ids aside.
 * - Labels are computed from position (shared/numbering), followed by a tab; the single item of a
 *   section is written without label or tab.
 * - One line per paragraph; continuations and indented paragraphs start with their tabs.
 * - Footnotes: `[footnoteRef:N]` at the anchor and `[N: text]` at the end of the line.
 * - The cover in the canonical order of ./cover.ts.
 * Inline formatting (italics, bold, superscript) has no plain-text form and is not written.
 *
 * Modes: `final` and `original` write the document with every tracked change accepted or
 * rejected; `marked` shows the changes as `[+inserted+]` / `[-deleted-]` (./marks.ts).
 */
import type { Node } from 'prosemirror-model';
import { languageTable, type LanguageTable } from '../../languages/index.js';
import { computeLabels, markedWords, referenceText, trackedReferenceText, type Labels } from '../../numbering/index.js';
import type { ChangeKind } from '../../tracking/index.js';
import { acceptAll, rejectAll, replacedReference } from '../../tracking/index.js';
import { proposalIdentifiers, proposalReferenceText } from '../../proposals/index.js';
import { coverLines } from './cover.js';
import { blockState, inlineState, labelChange, paragraphMarkSuffix, wrap } from './marks.js';

export type TextMode = 'marked' | 'final' | 'original';

export interface TextWriteOptions {
  /** Default `marked`; for a document without tracked changes the three modes write the same text. */
  mode?: TextMode;
}

export function writeText(doc: Node, options: TextWriteOptions = {}): string {
  const mode = options.mode ?? 'marked';
  if (mode === 'final') return new TextWriter(acceptAll(doc), false).write();
  if (mode === 'original') return new TextWriter(rejectAll(doc), false).write();
  return new TextWriter(doc, true).write();
}

type LabelKind = 'items' | 'headings' | 'numberedParagraphs';

/** A written line's content before footnote texts and paragraph marks are appended. */
interface InlineText {
  text: string;
  notes: string[];
}

class TextWriter {
  private readonly lines: string[] = [];
  private readonly table: LanguageTable;
  private readonly current: Labels;
  /** The numbering with every change rejected; only the marked mode shows both. */
  private readonly original: Labels | null;
  private footnotes = 0;
  private readonly identifiers: Map<string, string>;

  constructor(
    private readonly doc: Node,
    private readonly marked: boolean,
  ) {
    this.table = languageTable(doc.attrs.language as string);
    this.current = computeLabels(doc, { view: 'new' });
    this.original = marked ? computeLabels(doc, { view: 'original' }) : null;
    this.identifiers = proposalIdentifiers(doc);
  }

  write(): string {
    this.doc.forEach((block, _offset, index) => {
      if (index > 0) this.lines.push('');
      this.block(block, null);
    });
    return `${this.lines.join('\n')}\n`;
  }

  // --- blocks -------------------------------------------------------------------------------

  private block(node: Node, inherited: ChangeKind | null): void {
    const state = this.stateOf(node, inherited);
    switch (node.type.name) {
      case 'cover':
        for (const line of coverLines(node, this.table, (field) => this.inline(field, this.stateOf(field, state)))) {
          this.lines.push(line);
        }
        return;
      case 'paragraph':
        this.line(node, state, '\t'.repeat(node.attrs.indent as number), null);
        return;
      case 'heading':
        this.line(node, state, '', this.label(node, 'headings', state));
        return;
      case 'numbered_paragraph':
        this.line(node, state, '', this.label(node, 'numberedParagraphs', state));
        return;
      case 'item_list':
        node.forEach((item) => this.item(item, state));
        return;
      case 'resolution':
        node.forEach((child) => this.resolutionPart(child, state));
        return;
      case 'annex':
        this.annex(node, state);
        return;
      case 'table':
        node.forEach((row) => this.tableRow(row, state));
        return;
      case 'proposal':
        // `MOD⇥SEN/56/1`, the body, `Reasons:⇥…` (shared/proposals: the identifier is computed).
        this.lines.push(`${node.attrs.symbol as string}\t${this.identifiers.get(node.attrs.id as string) ?? ''}`);
        node.forEach((child) => this.block(child, state));
        return;
      case 'proposal_reasons':
        this.line(node, state, '', this.table.proposals.reasons);
        return;
      default:
        // Any other textblock (number line, title, call, keyword…) is one line of its own.
        if (node.isTextblock) this.line(node, state, '', null);
        else node.forEach((child) => this.block(child, state));
    }
  }

  private resolutionPart(node: Node, inherited: ChangeKind | null): void {
    const state = this.stateOf(node, inherited);
    if (node.type.name === 'section') {
      node.forEach((child) => this.block(child, state));
    } else if (node.type.name === 'annex') {
      this.lines.push('');
      this.annex(node, state);
    } else {
      this.block(node, state);
    }
  }

  private annex(node: Node, state: ChangeKind | null): void {
    node.forEach((child) => this.block(child, state));
  }

  private item(item: Node, inherited: ChangeKind | null): void {
    const state = this.stateOf(item, inherited);
    const label = this.label(item, 'items', state);
    item.forEach((child, _offset, index) => {
      if (index === 0) this.line(child, this.stateOf(child, state), '', label === '' ? null : label);
      else if (child.type.name === 'continuation')
        this.line(child, this.stateOf(child, state), '\t'.repeat(child.attrs.indent as number), null);
      else this.block(child, state);
    });
  }

  private stateOf(node: Node, inherited: ChangeKind | null): ChangeKind | null {
    return this.marked ? (blockState(node) ?? inherited) : null;
  }

  /**
   * A table row as one line, `| cell | cell |`, the paragraphs of a cell joined by ` / `; a row
   * inserted or deleted whole is wrapped as one change (`[+| … |+]`).
   */
  private tableRow(row: Node, inherited: ChangeKind | null): void {
    const state = this.stateOf(row, inherited);
    const notes: string[] = [];
    const cells: string[] = [];
    row.forEach((cell) => {
      const paragraphs: string[] = [];
      cell.forEach((paragraph) => {
        const written = this.inline(paragraph, state);
        notes.push(...written.notes);
        paragraphs.push(`${written.text}${this.marked ? paragraphMarkSuffix(paragraph) : ''}`);
      });
      cells.push(paragraphs.join(' / '));
    });
    const line = `| ${cells.join(' | ')} |`;
    this.lines.push(`${state ? wrap(state, line) : line}${notes.map((note) => ` ${note}`).join('')}`);
  }

  // --- lines --------------------------------------------------------------------------------

  /** One line: tabs, label and tab, text; then the footnote texts and the paragraph mark. */
  private line(node: Node, state: ChangeKind | null, tabs: string, label: string | null): void {
    const { text, notes } = this.inline(node, state);
    let body = label === null ? text : `${label}\t${text}`;
    if (state) body = wrap(state, body);
    const marks = this.marked ? paragraphMarkSuffix(node) : '';
    this.lines.push(`${tabs}${body}${marks}${notes.map((note) => ` ${note}`).join('')}`);
  }

  /**
   * The label of a block in the current numbering; in the marked mode a label that differs from
   * the original numbering shows both (`[-f-][+g+])`), and a wholly inserted or deleted block
   * shows the label of the numbering it belongs to.
   */
  private label(node: Node, kind: LabelKind, state: ChangeKind | null): string {
    const id = node.attrs.id as string;
    const current = this.current[kind].get(id) ?? '';
    if (!this.original) return current;
    const original = this.original[kind].get(id) ?? '';
    if (state === 'insertion') return current;
    if (state === 'deletion') return original;
    return labelChange(original, current);
  }

  /**
   * A live reference in the document's language; renumbered under tracking, old and new. An
   * inserted reference reads only in the new numbering, a deleted one only in the original.
   */
  private referenceText(node: Node, state: ChangeKind | null): string {
    if (!this.marked) return referenceText(node, this.doc, this.current).text;
    const tracked = trackedReferenceText(node, this.doc);
    if (state === 'insertion') return tracked.new.text;
    if (state === 'deletion') return tracked.original.text;
    return tracked.changed ? markedWords(tracked.original.text, tracked.new.text) : tracked.new.text;
  }

  /** The text of a textblock, footnote anchors numbered, tracked changes marked when they differ from the block's. */
  private inline(node: Node, state: ChangeKind | null): InlineText {
    const notes: string[] = [];
    let text = '';
    let runState: ChangeKind | null = null;
    let run = '';
    const flush = () => {
      text += runState && runState !== state ? wrap(runState, run) : run;
      run = '';
    };
    for (let index = 0; index < node.childCount; index++) {
      const child = node.child(index);
      const childState = this.marked ? inlineState(child) : null;
      const replaced = this.marked && state === null ? replacedReference(node, index) : null;
      if (replaced) {
        // A reference replaced by another (a comparison that finds it names another item): the
        // words both say stay unmarked, only the label is marked (`point [-5-][+4+] du décide`).
        flush();
        runState = null;
        text += markedWords(this.referenceText(replaced.deleted, 'deletion'), this.referenceText(replaced.inserted, 'insertion'));
        index++;
        continue;
      }
      if (childState !== runState) {
        flush();
        runState = childState;
      }
      if (child.isText) {
        run += child.text ?? '';
      } else if (child.type.name === 'footnote') {
        this.footnotes += 1;
        const number = this.footnotes;
        run += `[footnoteRef:${number}]`;
        notes.push(`[${number}: ${this.inline(child, childState ?? state).text}]`);
      } else if (child.type.name === 'proposal_reference') {
        run += proposalReferenceText(this.doc, child, this.identifiers);
      } else if (child.type.name === 'cross_reference') {
        run += this.referenceText(child, childState ?? state);
      }
    }
    flush();
    return { text, notes };
  }
}
