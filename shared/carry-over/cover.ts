/**
 * A Council cover carried into another language: the fields that are data, not prose, are
 * rewritten from the language tables — the document number's language letter (`C26/93-F` →
 * `C26/93-E`), the date in the target's format (`14 avril 2026` → `14 April 2026`), the original
 * language's name (`russe` → `Russian`); the agenda item (`PL 2`) is the same in every language.
 * The other fields are prose: left in the source language, to translate.
 */
import type { Transaction } from 'prosemirror-state';
import { LANGUAGE_CODES, languageTable, foldText, type LanguageCode } from '../languages/index.js';
import { coverDate } from '../contribution/index.js';
import { plainText } from '../translation/index.js';
import type { CoverFieldName } from '../schema/index.js';

export interface CoverFieldTranslation {
  text: string;
  /** Whether the field still needs a translator. */
  toTranslate: boolean;
}

/** `C26/93-F` → `C26/93-E`: the language letter of every document number in the field. */
function documentNumber(text: string, from: LanguageCode, to: LanguageCode): string {
  const letter = languageTable(from).documentSuffix;
  const target = languageTable(to).documentSuffix;
  return text.replace(new RegExp(`(\\d)-${letter}\\b`, 'gu'), `$1-${target}`);
}

/** The day a cover date names, read in the source language's format; null when it reads otherwise. */
export function readCoverDate(text: string, language: LanguageCode): Date | null {
  const locale = languageTable(language).contribution.dateLocale;
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const folded = foldText(text);
  const year = /\b(\d{4})\b/u.exec(folded)?.[1];
  if (!year) return null;
  // Every day of that year formatted as the cover would write it: the one that reads the same.
  // Noon UTC: the same calendar day in every time zone the date is later written in.
  for (let day = Date.UTC(Number(year), 0, 1, 12); new Date(day).getUTCFullYear() === Number(year); day += 86_400_000) {
    if (foldText(format.format(new Date(day))) === folded) return new Date(day);
  }
  return null;
}

/** `russe` → `Russian`: the name of the language, as the target writes it. */
function originalLanguage(text: string, from: LanguageCode, to: LanguageCode): string | null {
  const names = languageTable(from).languageNames;
  const code = LANGUAGE_CODES.find((language) => foldText(names[language]) === foldText(text));
  return code ? languageTable(to).languageNames[code] : null;
}

export function translateCoverField(name: CoverFieldName, text: string, from: LanguageCode, to: LanguageCode): CoverFieldTranslation {
  switch (name) {
    case 'documentNumber':
    case 'agendaItem':
      return { text: documentNumber(text, from, to), toTranslate: false };
    case 'date': {
      const day = readCoverDate(text, from);
      return day ? { text: coverDate(day, languageTable(to).contribution), toTranslate: false } : { text, toTranslate: true };
    }
    case 'meeting': {
      // The plenary meeting has its words in every table; a committee's line is translated by hand.
      const plenary = foldText(text) === foldText(languageTable(from).proposals.plenaryMeeting);
      return plenary ? { text: languageTable(to).proposals.plenaryMeeting, toTranslate: false } : { text, toTranslate: text.trim() !== '' };
    }
    case 'originalLanguage': {
      const translated = originalLanguage(text, from, to);
      return translated ? { text: translated, toTranslate: false } : { text, toTranslate: true };
    }
    default:
      return { text, toTranslate: text.trim() !== '' };
  }
}

/**
 * The cover's data fields of `tr.doc` rewritten from `from` into `to`, in `tr` (the language
 * switch: Document → Language, one undoable step with it): the document number's letter, the
 * date, the original language, the plenary meeting line — as a carry-over writes them. Prose
 * fields stay as written, to translate. Returns how many fields changed.
 */
export function translateCoverFields(tr: Transaction, from: LanguageCode, to: LanguageCode): number {
  const edits: Array<{ from: number; to: number; text: string }> = [];
  tr.doc.descendants((node, pos) => {
    if (node.type.name !== 'cover_field') return node.type.name === 'doc' || node.type.name === 'cover';
    const text = node.textContent;
    // A field with tracked changes or footnotes is left to the translator.
    if (text.trim() === '' || !plainText(node)) return false;
    const field = translateCoverField(node.attrs.name as CoverFieldName, text, from, to);
    if (!field.toTranslate && field.text !== text) edits.push({ from: pos + 1, to: pos + node.nodeSize - 1, text: field.text });
    return false;
  });
  for (const edit of edits.reverse()) tr.insertText(edit.text, edit.from, edit.to);
  return edits.length;
}
