/**
 * The fixed text a cover sets beside its fields (docs/council-format.md, "Cover page"): the
 * headings `Point de l'ordre du jour:` and `Original:`, the word `Document` before a number and the
 * language letter after one that lacks it, the summary box's run-in headings (`Objet`, …,
 * `Références`) and the rule before `Références` — in the document's language. None of it is
 * stored: the Word export writes it, the plain-text export writes what reads back, and the editor
 * shows it as labels that are not text. One place decides it, so the three agree.
 */
import type { Node } from 'prosemirror-model';
import type { LanguageTable } from '../languages/index.js';
import type { CoverFieldName } from '../schema/index.js';

export interface CoverFieldFurniture {
  /** On the field's own line, before its text: `Point de l'ordre du jour: `, `Original: `, `Document `. */
  before: string;
  /** On its line, after its text: the language letter a document number lacks (`-F`). */
  after: string;
  /** A line of its own above the field: the summary box's heading (`Objet`, `Références`); '' for none. */
  heading: string;
  /** Whether the box's short rule stands above the heading (before `Références`). */
  ruleAbove: boolean;
}

const NONE: CoverFieldFurniture = { before: '', after: '', heading: '', ruleAbove: false };

/** The summary box's fields, in order, each under its heading. */
export const COVER_BOX_FIELDS = ['purpose', 'actionRequired', 'strategicLinks', 'financialImplications', 'references'] as const;
type BoxField = (typeof COVER_BOX_FIELDS)[number];

const DOCUMENT_SUFFIX = /-[A-Z]$/;

/** The text of a field as it reads after the tracked changes. */
export function acceptedFieldText(field: Node): string {
  let text = '';
  field.forEach((child) => {
    if (child.isText && !child.marks.some((mark) => mark.type.name === 'deletion')) text += child.text ?? '';
  });
  return text.trim();
}

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

/** Whether the field's text already opens with its heading (`Original: russe` vs `russe`). */
function startsWithHeading(text: string, heading: string): boolean {
  const normalise = (value: string) => value.replace(/[:：\s]+$/u, '').toLocaleLowerCase();
  return text.toLocaleLowerCase().startsWith(normalise(heading));
}

/** A heading before a field's text: a space after it, but none after Chinese full-width punctuation (`原文：俄文`). */
function headingBefore(text: string, heading: string, table: LanguageTable): string {
  if (startsWithHeading(text, heading)) return '';
  return table.punctuation.spaced ? `${heading} ` : heading;
}

function isBoxField(name: CoverFieldName): name is BoxField {
  return (COVER_BOX_FIELDS as readonly string[]).includes(name);
}

/** What the cover sets beside `field` in a document of `table`'s language. */
export function coverFieldFurniture(field: Node, table: LanguageTable): CoverFieldFurniture {
  const name = field.attrs.name as CoverFieldName;
  const text = field.textContent;
  switch (name) {
    case 'agendaItem':
      return { ...NONE, before: headingBefore(text, table.cover.agendaItem, table) };
    case 'originalLanguage':
      return { ...NONE, before: headingBefore(text, table.cover.original, table) };
    case 'documentNumber':
      // An unfilled number (New revision, before the delegate has one) gets nothing: no "Document -F".
      if (!text.trim()) return NONE;
      return {
        ...NONE,
        // `Addendum 1 to Document 56-E` names the document already.
        before: namesDocument(text, table.cover.document) ? '' : `${table.cover.document} `,
        after: DOCUMENT_SUFFIX.test(acceptedFieldText(field)) ? '' : `-${table.documentSuffix}`,
      };
    default:
      if (isBoxField(name)) return { ...NONE, heading: table.cover[name], ruleAbove: name === 'references' };
      return NONE;
  }
}
