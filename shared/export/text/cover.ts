/**
 * The cover of a Council document as text, in the canonical order the importer reads back
 * (shared/import/text/cover.ts): session and place lines, a conference document's meeting line,
 * agenda item, document number, date, original language (each with its heading, shared/cover),
 * source, title; then the box headings, each followed by its paragraph, with the rule before
 * `Références`. A heading whose field is empty is not written: `Original:` or `Objet` on a line of
 * its own reads as if the next line were its text (the Word cover keeps them, as the form to fill).
 * Such a field is then not read back, as an unfilled document number never was — except an empty
 * References, which ITU documents have (C26/93's sister report): the rule alone stands for it.
 */
import type { Node } from 'prosemirror-model';
import { COVER_BOX_FIELDS, coverFieldFurniture } from '../../cover/index.js';
import type { LanguageTable } from '../../languages/index.js';
import type { CoverFieldName } from '../../schema/index.js';

/** The rule of the cover box, as in the fixtures. */
const COVER_RULE = '__________________';

type FieldText = (field: Node) => { text: string; notes: string[] };

export function coverLines(cover: Node, table: LanguageTable, textOf: FieldText): string[] {
  const fields = new Map<CoverFieldName, Node>();
  cover.forEach((field) => {
    const name = field.attrs.name as CoverFieldName;
    if (!fields.has(name)) fields.set(name, field);
  });
  const lines: string[] = [];
  const value = (field: Node): string => {
    const { text, notes } = textOf(field);
    return [text, ...notes].join(' ');
  };
  /** A line without heading: written even empty, as the importer reads lines in their places. */
  const plain = (name: CoverFieldName) => {
    const field = fields.get(name);
    if (field) lines.push(value(field));
  };
  /** A line with its heading (`Original: russe`, `Document 56-E`): none when the field is empty. */
  const headed = (name: CoverFieldName) => {
    const field = fields.get(name);
    if (!field) return;
    const text = value(field);
    if (text.trim()) lines.push(`${coverFieldFurniture(field, table).before}${text}`);
  };

  plain('session');
  plain('placeAndDates');
  plain('meeting');
  headed('agendaItem');
  // `Addendum 1 to Document 56-E` already names the document; `56-E` gets the word. Not the
  // language letter the Word cover adds to a number without one: the text keeps what was typed.
  headed('documentNumber');
  plain('date');
  headed('originalLanguage');
  plain('source');
  plain('title');
  for (const name of COVER_BOX_FIELDS) {
    const field = fields.get(name);
    if (!field) continue;
    const text = value(field);
    const { heading, ruleAbove } = coverFieldFurniture(field, table);
    // The rule closes the box even when References is empty, and reads back as that field.
    if (ruleAbove) lines.push(COVER_RULE);
    if (text.trim()) lines.push(heading, text);
  }
  return lines;
}
