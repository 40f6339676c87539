/**
 * Word paragraphs → the source lines the structure parser reads (the same parser as the text
 * importer's, so a .docx and its text give the same outline). What Word adds over text is kept on
 * the line: the paragraph style name (the first clue to structure), tracked runs, and the revision
 * of the whole paragraph or of its paragraph mark.
 *
 * A paragraph whose every run and whose paragraph mark were inserted (or deleted) by one revision
 * is an inserted (deleted) block: the block carries the change and its runs need no marks. A label
 * that was itself revised (`[-f-][+g+])`, what Word shows after a renumbering) is read in the view
 * the paragraph lives in: the new label for a paragraph that exists after the changes, the old one
 * for a deleted paragraph. Labels are recomputed anyway; they only tell the structure.
 */
import type { InlineRun } from '../../model/index.js';
import type { BlockChange } from '../../schema/index.js';
import { LABEL_SHAPE, splitLines, type SourceLine } from '../text/lines.js';
import { councilStyleTable } from '../../council-style/index.js';
import { itemTextIndentTwips } from '../../council-style/index.js';
import type { FootnoteBodies } from './footnotes.js';
import type { Revision, SourceParagraph, SourceRun } from './ooxml.js';
import { buildTable, tableLine } from './tables.js';

function toChange(revision: Revision): BlockChange {
  return { kind: revision.kind, id: revision.id, author: revision.author, date: revision.date };
}

function hasContent(run: SourceRun): boolean {
  return run.kind === 'footnote' || (run.kind === 'text' && run.text.trim() !== '');
}

/** The revision that covers the whole paragraph, runs and mark alike, if there is one. */
function wholeParagraphRevision(paragraph: SourceParagraph): Revision | null {
  const mark = paragraph.markRevision;
  if (!mark) return null;
  const content = paragraph.runs.filter(hasContent);
  const covered = content.every((run) => run.revision?.kind === mark.kind && Boolean(run.revision.insertedBy) === Boolean(mark.insertedBy));
  return covered ? mark : null;
}

/** The tracked changes a run's revision stands for: a deletion of inserted text is both. */
function changesOf(revision: Revision): BlockChange[] {
  return revision.insertedBy ? [toChange(revision.insertedBy), toChange(revision)] : [toChange(revision)];
}

function textIn(runs: SourceRun[], view: 'new' | 'original'): string {
  const hidden = view === 'new' ? 'deletion' : 'insertion';
  return runs.map((run) => (run.kind === 'text' && run.revision?.kind !== hidden ? run.text : '')).join('');
}

function inlineRuns(runs: SourceRun[], block: Revision | null, footnotes: FootnoteBodies): InlineRun[] {
  const out: InlineRun[] = [];
  // Runs of the block's own revision need no marks: the block carries it.
  const changeOf = (revision: Revision | null) =>
    revision && !(block && revision.kind === block.kind && Boolean(revision.insertedBy) === Boolean(block.insertedBy))
      ? changesOf(revision)
      : undefined;
  for (const run of runs) {
    if (run.kind === 'tab') {
      out.push(withChange(' ', changeOf(run.revision)));
    } else if (run.kind === 'text') {
      const change = changeOf(run.revision);
      out.push({ text: run.text, ...(run.formats.length ? { marks: [...run.formats] } : {}), ...(change ? { change } : {}) });
    } else {
      const note = footnotes.take(run.id);
      if (!note) continue;
      const body = footnoteRuns(note, footnotes);
      const change = changeOf(run.revision)?.at(-1);
      out.push({ footnote: body, ...(change ? { change } : {}) });
    }
  }
  return out;
}

function withChange(text: string, change: BlockChange[] | undefined): InlineRun {
  return change ? { text, change } : text;
}

/** A footnote's paragraphs as one run list; the number mark and the tab after it are Word's, not text. */
function footnoteRuns(paragraphs: SourceParagraph[], footnotes: FootnoteBodies): InlineRun[] {
  const runs: InlineRun[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) runs.push(' ');
    // Anchors inside a note are dropped before reading it: a note is never expanded inside another.
    const own = paragraph.runs.filter((run) => run.kind !== 'footnote');
    if (own.length < paragraph.runs.length) footnotes.skipNested();
    for (const run of inlineRuns(own, null, footnotes)) runs.push(run);
  });
  // Drop the white space Word puts between the footnote number and its text.
  while (runs.length > 0) {
    const first = runs[0]!;
    const text = typeof first === 'string' ? first : 'text' in first ? first.text : null;
    if (text === null) break;
    const trimmed = text.replace(/^\s+/, '');
    if (trimmed === '') runs.shift();
    else {
      runs[0] = typeof first === 'string' ? trimmed : { ...first, text: trimmed };
      break;
    }
  }
  return runs;
}

export interface DocxSourceLine extends SourceLine {
  /** The paragraph style's name (`ResNo`, `Call`, `enumlev1`…). */
  style: string | null;
  /** The label was itself revised (`[-4-][+6+]`). */
  labelRevised: boolean;
}

export interface LineOptions {
  /**
   * Keep typed labels as text: in a document that is not an ITU resolution, a list Word numbered
   * by hand (`[-4-][+6+]`) cannot be renumbered from position without changing what it says.
   */
  typedLabels?: boolean;
}

/** The conversion artifacts of the text format, found in a .docx made from such a text. */
const TEXT_ARTIFACTS = /\[(?:bookmark|image|footnoteRef):/;

/**
 * A paragraph with no revisions and no Word footnotes whose text still carries the text format's
 * artifacts (`[bookmark: …]`, `[footnoteRef:1]` … `[1: …]`): a Word file made from a converted
 * text. It is read by the text importer's own line reader, so both give the same line.
 */
function asTextLine(paragraph: SourceParagraph, no: number): DocxSourceLine | null {
  if (paragraph.markRevision || paragraph.runs.some((run) => run.kind === 'footnote' || run.revision)) return null;
  const raw = paragraph.runs.map((run) => (run.kind === 'tab' ? '\t' : run.kind === 'text' ? run.text : '')).join('');
  if (!TEXT_ARTIFACTS.test(raw)) return null;
  const line = splitLines(raw).lines[0];
  return line ? { ...line, no, style: paragraph.styleName, labelRevised: false } : null;
}

export function paragraphsToLines(paragraphs: SourceParagraph[], footnotes: FootnoteBodies, options: LineOptions = {}): DocxSourceLine[] {
  const lines: DocxSourceLine[] = [];
  const emptyKeywordLines = new Set<DocxSourceLine>();
  // An empty paragraph after a revised paragraph mark is what that paragraph joins in one view:
  // left out, the join would take the next paragraph's text instead.
  let joinsNext = false;
  paragraphs.forEach((paragraph, index) => {
    const afterRevisedMark = joinsNext;
    joinsNext = paragraph.markRevision !== null;
    if (paragraph.table) {
      // A data table (./tables.ts): its cells read as paragraphs are, handed on as one block.
      const table = buildTable(paragraph.table, (cell) => paragraphsToLines(cell, footnotes));
      if (table) lines.push({ ...tableLine(table, paragraph.table, index + 1), labelRevised: false });
      return;
    }
    const textLine = asTextLine(paragraph, index + 1);
    if (textLine) {
      lines.push(textLine);
      return;
    }
    const whole = wholeParagraphRevision(paragraph);
    const view = whole?.kind === 'deletion' ? 'original' : 'new';
    // Leading tabs (and the blanks around them) give the indent of a continuation. Counted with
    // an index (not shift(), which is linear): a paragraph can hold 200,000 tabs.
    let tabs = 0;
    let start = 0;
    for (; start < paragraph.runs.length; start++) {
      const first = paragraph.runs[start]!;
      if (first.kind === 'tab') tabs += 1;
      else if (!(first.kind === 'text' && first.text.trim() === '')) break;
    }
    let runs = paragraph.runs.slice(start);

    // Word writes a continuation as an indented paragraph rather than with tabs: its indentation
    // tells the depth of the item text it stands at.
    if (tabs === 0 && paragraph.indentTwips > 0 && !runs.some((run) => run.kind === 'tab')) {
      tabs = depthOfIndent(paragraph.indentTwips);
    }

    // A label is what stands before the first tab, when it has the shape of one.
    let label: string | null = null;
    let labelRevised = false;
    if (tabs === 0 && !options.typedLabels) {
      const tabAt = runs.findIndex((run) => run.kind === 'tab');
      if (tabAt > 0 && runs.slice(0, tabAt).every((run) => run.kind === 'text')) {
        // A paragraph whose label and text are all deleted, its mark kept (an item joined to the
        // one before: that one's mark is deleted), has no label in the new view: the old one
        // says where it stands.
        const content = runs.filter(hasContent);
        const allDeleted = !whole && content.length > 0 && content.every((run) => run.revision?.kind === 'deletion');
        const inView = textIn(runs.slice(0, tabAt), allDeleted ? 'original' : view).trim();
        // A label deleted with none inserted (`[-2-]\t`: the item left alone in its section, which
        // has no label, when the one before it was deleted): the old label says where it stands.
        const candidate = inView === '' && view === 'new' ? textIn(runs.slice(0, tabAt), 'original').trim() : inView;
        if (LABEL_SHAPE.test(candidate)) {
          label = candidate;
          labelRevised = runs.slice(0, tabAt).some((run) => run.revision !== null && run.revision !== whole);
          let next = tabAt + 1;
          while (runs[next]?.kind === 'tab') next += 1;
          runs = runs.slice(next);
        }
      }
    }

    const inline = inlineRuns(runs, whole, footnotes);
    const plain = textIn(runs, view).replace(/\s+/g, ' ').trim();
    const hasFootnote = inline.some((run) => typeof run !== 'string' && 'footnote' in run);
    // A paragraph is left out only when it holds nothing in either view: one whose text is all
    // deleted (or all inserted) still stands in the other view, its mark kept.
    const hasText = runs.some(hasContent);
    const empty = label === null && !hasText && !hasFootnote && !whole && !paragraph.markRevision && !afterRevisedMark;
    // An empty keyword-style paragraph may be a section whose keyword was deleted (see below).
    if (empty && paragraph.styleName !== KEYWORD_STYLE) return;
    lines.push({
      no: index + 1,
      tabs,
      label,
      runs: inline,
      plain,
      raw: `${label ? `${label}\t` : ''}${plain}`,
      style: paragraph.styleName,
      labelRevised,
      change: whole ? toChange(whole.insertedBy ?? whole) : null,
      deletion: whole?.insertedBy ? toChange(whole) : null,
      paragraphMark: !whole && paragraph.markRevision ? toChange(paragraph.markRevision) : null,
    });
    if (empty) emptyKeywordLines.add(lines[lines.length - 1]!);
  });
  return emptyKeywordLines.size === 0 ? lines : withEmptyKeywords(lines, emptyKeywordLines);
}

/** The paragraph style of a section's keyword line, as the exporter writes it (shared/export/docx/blocks.ts). */
const KEYWORD_STYLE = 'Call';

/**
 * Empty keyword-style paragraphs: one just before a labelled item opens a section with no keyword
 * (an edit with tracking off can leave one; Word shows it as an empty line before the items, and
 * read as nothing, the items would join the section before). Its kind is what its items' labels
 * say: `1` operative, `a)` preamble. Anywhere else it is spacing, and left out as before.
 */
function withEmptyKeywords(lines: DocxSourceLine[], candidates: ReadonlySet<DocxSourceLine>): DocxSourceLine[] {
  const kept: DocxSourceLine[] = [];
  lines.forEach((line, index) => {
    if (!candidates.has(line)) {
      kept.push(line);
      return;
    }
    const label = lines[index + 1]?.label;
    if (label) kept.push({ ...line, emptyKeyword: { kind: /^\d+$/.test(label) ? 'operative' : 'preamble' } });
  });
  return kept;
}

const ITEM_TEXT_INDENTS = [1, 2, 3, 4, 5, 6].map((depth) => itemTextIndentTwips(councilStyleTable(), depth));

/** The item-text depth (1 = a section item's text) whose indentation is nearest to `twips`. */
function depthOfIndent(twips: number): number {
  let best = 1;
  ITEM_TEXT_INDENTS.forEach((indent, index) => {
    if (Math.abs(indent - twips) < Math.abs(ITEM_TEXT_INDENTS[best - 1]! - twips)) best = index + 1;
  });
  return best;
}
