/**
 * The cover of a Council document, read from the lines before its body (docs/council-format.md,
 * "Cover page"): session and place lines, a conference document's meeting line, agenda item, document number, date, original language,
 * the source line, the title in capitals, then the box headings (`Objet`, `Suite à donner par le
 * Conseil`, …, `Références`) each followed by its paragraph. The header template of later pages
 * (`- 2 -`, `C2001/#-F`) is dropped: the writers emit it. The box rule (`__________________`) opens the
 * References field, which has it above its heading.
 */
import type { Node } from 'prosemirror-model';
import type { InlineRun } from '../../model/index.js';
import { newId } from '../../model/index.js';
import { COVER_FIELDS, schema, type CoverFieldName } from '../../schema/index.js';
import { isDate, mostlyCapitals, type LineClassifier } from './classify.js';
import type { SourceLine } from './lines.js';
import { textBlockNode } from './nodes.js';

export interface CoverResult {
  cover: Node;
  warnings: string[];
  unrecognised: SourceLine[];
}

type Metadata = 'agendaItem' | 'documentNumber' | 'date' | 'originalLanguage';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a line above the metadata is a conference document's meeting line: the plenary meeting in
 * the document's language, or, after the session and place lines, a line in capitals (`COMMITTEE 5`,
 * `WORKING GROUP OF THE PLENARY`).
 */
function isMeetingLine(line: SourceLine, classify: LineClassifier, topLines: number): boolean {
  if (classify.afterPrefix(line, classify.table.proposals.plenaryMeeting) === '') return true;
  return topLines >= 2 && mostlyCapitals(line.plain);
}

/** `Addendum 1 to`, `الإضافة 3`, `Addendum 2 au`: the first line of a conference document's number on two lines. */
const ADDENDUM_START = /^\p{L}+\s+\d+(?:\s+\p{L}{1,4})?$/u;

/** The document word of a cover (`Document`, `الوثيقة`), with the Arabic article made optional for `للوثيقة`. */
function documentWordPattern(word: string): string {
  const stem = word.replace(/^ال/u, '');
  return stem === word ? escapeRegExp(word) : `\\p{L}{0,3}${escapeRegExp(stem)}`;
}

/** `Addendum 1 to Document 56-E`, `الإضافة 3 للوثيقة 18-A`: a conference document's addendum, on one line. */
function isAddendumNumber(text: string, documentWord: string): boolean {
  return new RegExp(`^\\p{L}+\\s+\\d+\\s+(?:\\p{L}{1,4}\\s+)?${documentWordPattern(documentWord)}\\s+\\S+$`, 'iu').test(text);
}

/**
 * `Document 56-E`, or the word with a clitic before it (Arabic `للوثيقة 18-A`, "to the document",
 * where the table has `الوثيقة`): the second line of an addendum's number.
 */
function isDocumentLine(line: SourceLine, classify: LineClassifier): boolean {
  if (line.label !== null) return false;
  const word = classify.table.cover.document;
  if (classify.afterPrefix(line, word) !== null) return true;
  return new RegExp(`^\\p{L}{0,3}${documentWordPattern(word)}\\s+\\S+$`, 'iu').test(line.plain);
}

/** Indices of the two lines of an addendum's number (`Addendum 3` / `to Document 18-A`), kept whole as the document number. */
function addendumLines(lines: readonly SourceLine[], classify: LineClassifier): Set<number> {
  const found = new Set<number>();
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (line.label === null && next && ADDENDUM_START.test(line.plain) && isDocumentLine(next, classify)) {
      found.add(index).add(index + 1);
    }
  });
  return found;
}

/** The metadata line this is, with its value (`Document C26/93-F` → documentNumber `C26/93-F`). */
function metadataOf(line: SourceLine, classify: LineClassifier): { name: Metadata; value: string } | null {
  const { cover } = classify.table;
  const agenda = classify.afterPrefix(line, cover.agendaItem);
  if (agenda !== null) return { name: 'agendaItem', value: agenda };
  const document = classify.afterPrefix(line, cover.document);
  if (document !== null && /^\S+$/u.test(document)) return { name: 'documentNumber', value: document };
  // A conference document's addendum, `Addendum 1 to Document 56-E`: kept whole.
  if (line.label === null && isAddendumNumber(line.plain, cover.document)) return { name: 'documentNumber', value: line.plain };
  const original = classify.afterPrefix(line, cover.original);
  if (original !== null) return { name: 'originalLanguage', value: original };
  if (line.label === null && isDate(line.plain)) return { name: 'date', value: line.plain };
  return null;
}

/**
 * Whether these lines are a cover at all: a metadata line or two box headings prove it. One word
 * that happens to be a box heading (`Purpose` in a table of a laboratory method) does not: read
 * as a cover, every later paragraph would be joined into that one field.
 */
export function looksLikeCover(lines: readonly SourceLine[], classify: LineClassifier): boolean {
  if (lines.some((line) => metadataOf(line, classify) !== null)) return true;
  const headings = new Set(lines.map((line) => classify.coverHeadingOf(line)).filter((heading) => heading !== null));
  return headings.size >= 2;
}

export function readCover(lines: readonly SourceLine[], classify: LineClassifier): CoverResult {
  const fields = new Map<CoverFieldName, Array<{ runs: InlineRun[]; line: SourceLine }>>();
  const warnings: string[] = [];
  const unrecognised: SourceLine[] = [];
  const add = (name: CoverFieldName, runs: InlineRun[], line: SourceLine) => {
    const paragraphs = fields.get(name) ?? [];
    paragraphs.push({ runs, line });
    fields.set(name, paragraphs);
  };

  const addendum = addendumLines(lines, classify);
  const firstMetadata = lines.findIndex((line, index) => addendum.has(index) || metadataOf(line, classify) !== null);
  let box: CoverFieldName | null = null;
  let previous: CoverFieldName | null = null;
  let topLines = 0;

  lines.forEach((line, index) => {
    if (classify.isHeaderTemplate(line) || classify.isFieldArtifact(line)) return;
    // The box's rule stands before `Références`, and only there: an empty References field's text
    // writes the rule alone (shared/export/text/cover.ts), which keeps the field.
    if (classify.isRule(line)) {
      box = 'references';
      if (!fields.has('references')) fields.set('references', []);
      return;
    }
    const heading = classify.coverHeadingOf(line);
    if (heading) {
      box = heading;
      if (!fields.has(heading)) fields.set(heading, []);
      return;
    }
    let name: CoverFieldName;
    let runs = line.runs;
    const metadata = box ? null : metadataOf(line, classify);
    if (box) name = box;
    else if (addendum.has(index)) name = 'documentNumber';
    else if (metadata) {
      name = metadata.name;
      // A value that is the whole line (a date) keeps its runs, tracked changes included.
      if (metadata.value !== line.plain) runs = [metadata.value];
    } else if (index < firstMetadata && !fields.has('meeting') && isMeetingLine(line, classify, topLines)) {
      name = 'meeting';
    } else if (index < firstMetadata) {
      // Lines above the agenda item and document number: the session, then place and dates.
      name = topLines === 0 ? 'session' : 'placeAndDates';
      topLines += 1;
    } else if (mostlyCapitals(line.plain) && (!fields.has('title') || previous === 'title')) name = 'title';
    else if (!fields.has('source')) name = 'source';
    else {
      unrecognised.push(line);
      name = previous === 'title' ? 'title' : 'source';
    }
    add(name, runs, line);
    previous = name;
  });

  const children: Node[] = [];
  for (const name of COVER_FIELDS) {
    const paragraphs = fields.get(name);
    if (!paragraphs) continue;
    // A title runs over several lines, as an addendum's number does (`Addendum 3` / `to Document 18-A`).
    if (
      paragraphs.length > 1 &&
      name !== 'title' &&
      !(name === 'documentNumber' && paragraphs.every(({ line }) => addendum.has(lines.indexOf(line))))
    ) {
      warnings.push(`cover: the ${paragraphs.length} paragraphs of "${name}" were joined into one`);
    }
    children.push(
      textBlockNode(
        'cover_field',
        joinRuns(paragraphs.map((paragraph) => paragraph.runs)),
        paragraphs.map((paragraph) => paragraph.line),
        { name },
      ),
    );
  }
  return { cover: schema.nodes.cover!.create({ id: newId() }, children), warnings, unrecognised };
}

/** Lines of one logical paragraph (a title over several lines), joined with single spaces. */
export function joinRuns(paragraphs: readonly InlineRun[][]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const runs of paragraphs) {
    if (runs.length === 0) continue;
    // One space between lines, unless the line already ends with one (a Word paragraph may).
    const last = out[out.length - 1];
    const lastText = typeof last === 'string' ? last : last && 'text' in last ? last.text : '';
    if (out.length > 0 && !/\s$/.test(lastText)) out.push(' ');
    for (const entry of runs) out.push(entry);
  }
  return out;
}
