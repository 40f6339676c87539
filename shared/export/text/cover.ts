/**
 * The cover of a Council document as text, in the canonical order the importer reads back
 * (shared/import/text/cover.ts): session and place lines, a conference document's meeting line, agenda item, document number, date,
 * original language (each with its prefix from the language table), source, title; then the box
 * headings, each followed by its paragraph, with the rule before `Références`.
 */
import type { Node } from 'prosemirror-model';
import { headedText, type LanguageTable } from '../../languages/index.js';
import type { CoverFieldName } from '../../schema/index.js';

/** The rule of the cover box, as in the fixtures. */
const COVER_RULE = '__________________';

type FieldText = (field: Node) => { text: string; notes: string[] };

const BOX: ReadonlyArray<Exclude<keyof LanguageTable['cover'], 'agendaItem' | 'document' | 'original' | 'verified'>> = [
  'purpose',
  'actionRequired',
  'strategicLinks',
  'financialImplications',
  'references',
];

/** Whether a document number field's text already holds the word `Document` (`Addendum 1 to Document 56-E`). */
export function namesDocument(text: string, word: string): boolean {
  const wanted = word.toLocaleLowerCase();
  // Arabic joins "to the" to the word: `للوثيقة` names `الوثيقة`.
  const stem = wanted.replace(/^ال/u, '');
  return text
    .toLocaleLowerCase()
    .split(/\s+/u)
    .some((candidate) => candidate === wanted || (stem !== wanted && candidate.endsWith(stem)));
}

export function coverLines(cover: Node, table: LanguageTable, textOf: FieldText): string[] {
  const fields = new Map<CoverFieldName, Node>();
  cover.forEach((field) => {
    const name = field.attrs.name as CoverFieldName;
    if (!fields.has(name)) fields.set(name, field);
  });
  const lines: string[] = [];
  const value = (name: CoverFieldName): string | null => {
    const field = fields.get(name);
    if (!field) return null;
    const { text, notes } = textOf(field);
    return [text, ...notes].join(' ');
  };
  const push = (name: CoverFieldName, prefix = '') => {
    const text = value(name);
    if (text !== null) lines.push(prefix ? headedText(table, prefix, text) : text);
  };

  push('session');
  push('placeAndDates');
  push('meeting');
  push('agendaItem', table.cover.agendaItem);
  // `Addendum 1 to Document 56-E` already names the document; `56-E` gets the word. An unfilled
  // number (New revision, before the delegate has one) writes no line, as the Word cover writes
  // no "Document": the heading alone would read back as the first line of the source.
  const documentNumber = value('documentNumber');
  if (documentNumber?.trim()) {
    push('documentNumber', namesDocument(documentNumber, table.cover.document) ? '' : table.cover.document);
  }
  push('date');
  push('originalLanguage', table.cover.original);
  push('source');
  push('title');
  for (const name of BOX) {
    const text = value(name);
    if (text === null) continue;
    if (name === 'references') lines.push(COVER_RULE);
    lines.push(table.cover[name]);
    if (text !== '') lines.push(text);
  }
  return lines;
}
