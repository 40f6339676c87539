/**
 * The Word importer: an ITU `.docx` (a resolution, a Council document, a colleague's draft with
 * revision marks) becomes a Plenary document with the same structure the text importer gives,
 * every pending revision kept as a tracked change and footnotes at their anchors.
 *
 * Safety first (./package.ts, ./zip.ts): hostile or broken files get a one-line reason and nothing
 * else happens. Then the paragraphs are read (./ooxml.ts), turned into source lines (./lines.ts)
 * and parsed by the text importer's structure parser, with the paragraph style names as the first
 * clue to structure.
 */
import { isLanguageCode, languageTable, type LanguageCode } from '../../languages/index.js';
import { linkReferences } from '../../numbering/index.js';
import { ImportError } from '../errors.js';
import { LineClassifier } from '../text/classify.js';
import { labelReader } from '../text/labels.js';
import { detectLanguage } from '../text/language.js';
import { parseLines } from '../text/parse.js';
import type { TextImportResult } from '../text/index.js';
import { FootnoteBodies } from './footnotes.js';
import { uncoverUntouchedContent } from './block-changes.js';
import { paragraphsToLines } from './lines.js';
import { pairMoves } from './moves.js';
import { collapseRenumberedReferences } from './references.js';
import { readDocxContent, readTrackRevisions } from './ooxml.js';
import { openDocxPackage } from './package.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.js';

export interface DocxImportOptions {
  language?: LanguageCode | string;
  limits?: ZipLimits;
}

/** The same result as the text importer's: the two share the structure parser. */
type DocxImportResult = TextImportResult;

export function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): DocxImportResult {
  if (options.language !== undefined && !isLanguageCode(options.language)) {
    throw new ImportError(`Unknown language "${options.language}": use one of ar, zh, en, fr, ru, es.`);
  }
  const pkg = openDocxPackage(bytes, options.limits ?? DEFAULT_ZIP_LIMITS);
  const content = readDocxContent(pkg.document, pkg.styles, pkg.footnotes, pkg.comments, pkg.endnotes);
  let footnotes = new FootnoteBodies(content.footnotes);
  let lines = paragraphsToLines(content.paragraphs, footnotes);
  if (lines.length === 0) throw new ImportError('the Word document has no text: there is nothing to import');

  const language = (options.language as LanguageCode | undefined) ?? detectLanguage(lines);
  const table = languageTable(language);
  const classifier = new LineClassifier(table);
  // Outside a resolution, labels revised by hand are what the delegate typed: kept as text.
  if (lines.some((line) => line.labelRevised) && !lines.some((line) => classifier.isNumberLine(line))) {
    // A second reading hands each note out afresh (FootnoteBodies gives a note once per reading).
    footnotes = new FootnoteBodies(content.footnotes);
    lines = paragraphsToLines(content.paragraphs, footnotes, { typedLabels: true });
  }
  const parsed = parseLines(lines, classifier, labelReader(table));
  // Renumbered references are collapsed before any other linking (a reference names the numbering of the view its words belong to).
  const linked = linkReferences(collapseRenumberedReferences(pairMoves(uncoverUntouchedContent(parsed.doc), content.moves)));
  // Track Changes on in Word: the document opens in suggestion mode, as it would in Word.
  const doc = readTrackRevisions(pkg.settings)
    ? linked.type.create({ ...linked.attrs, trackChanges: true }, linked.content, linked.marks)
    : linked;
  doc.check();

  const warnings = [...parsed.warnings, ...footnotes.warnings()];
  const { comments, formattingRevisions, tables, endnotes, textBoxes, equations, pictures } = content.report;
  if (comments > 0) warnings.push(`${comments} comment(s) in the Word file were not imported: Plenary documents do not hold comments yet`);
  if (formattingRevisions > 0) {
    warnings.push(
      `${formattingRevisions} formatting-only revision(s) were not kept as tracked changes: the text shows the revised formatting; review them in Word`,
    );
  }
  if (endnotes > 0)
    warnings.push(`${endnotes} endnote(s) were imported as footnotes at their anchors: Plenary documents have one kind of note`);
  if (textBoxes > 0) warnings.push(`${textBoxes} text box(es) were read as paragraphs after the paragraph holding them`);
  if (equations > 0)
    warnings.push(`${equations} equation(s) were read as their linear text (A=πr^2): Plenary documents do not hold equations`);
  if (pictures > 0) warnings.push(`${pictures} picture(s) or embedded object(s) were left out: Plenary documents do not hold pictures`);
  // Layout tables only (a cover, a framed box): data tables are tables in the model (./tables.ts).
  if (tables > 0) warnings.push(`${tables} table(s) were read as plain paragraphs, cell by cell`);
  return {
    doc,
    language,
    warnings,
    unrecognised: parsed.unrecognised.map((line) => ({ line: line.no, text: line.raw })),
  };
}
