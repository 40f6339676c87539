/**
 * The six ITU language tables. The tables themselves are data (./data/*.json) so that a translator
 * can correct a keyword or an alphabet without touching code; every entry says whether it was
 * verified against an official text.
 */
import ar from './data/ar.json' with { type: 'json' };
import en from './data/en.json' with { type: 'json' };
import es from './data/es.json' with { type: 'json' };
import fr from './data/fr.json' with { type: 'json' };
import ru from './data/ru.json' with { type: 'json' };
import zh from './data/zh.json' with { type: 'json' };
import type { ListStyle, SectionKind } from '../schema/index.js';

export const LANGUAGE_CODES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export interface KeywordEntry {
  /** The keyword as it opens a section line: `charge`, `reconnaissant en outre`. */
  phrase: string;
  /** Language-neutral role, the same in all six tables: `instructs`, `considering`. */
  role: string;
  kind: SectionKind;
  verified: boolean;
}

/**
 * How a cross-reference to an item reads in running text (shared/numbering/reference-text.ts).
 * Placeholders: `{label}` (the item's label, or its labels from the section's item down, joined
 * by `labelSeparator`), `{section}` (the section's keyword phrase), `{reference}` (the whole
 * reference, in `above`). A space in a template matches any run of spaces when references are
 * recognised in imported text; `\u00a0` keeps the word and its label on one line.
 */
export interface ReferenceTemplates {
  /** An item named by its label and its section: `point {label} du {section}`. */
  pointOfSection: string;
  /** A preamble item named by its section keyword: `{section} {label}` (`considérant g)`). */
  preambleItem: string;
  /** A reference that says its target comes earlier: `{reference} ci-dessus`. */
  above: string;
  labelSeparator: string;
  /** Stands for the label of a reference whose target is gone: `point ?? du décide`. */
  missing: string;
  verified: boolean;
}

export interface LanguageTable {
  code: LanguageCode;
  name: string;
  /** Letter that ends a Council document number: C26/93-F. */
  documentSuffix: string;
  direction: 'ltr' | 'rtl';
  /** Punctuation that ends a keyword line (Russian: `учитывая,`). */
  keywordPunctuation: string;
  numberLineWords: string[];
  /**
   * How the number line opens: `{word} {number}` (`RESOLUTION 1332`), or the word around the
   * number (`第{number}号{word}`, Chinese `第1332号决议`).
   */
  numberLineForm: string;
  /**
   * The language's own punctuation for the ASCII marks of fixed lines (Chinese full-width `（，）`,
   * the Arabic comma `،`), and whether a space stands beside it: the one table that the number
   * line, references and labels in another language follow.
   */
  punctuation: { marks: Record<string, string>; spaced: boolean; source?: string; verified: boolean };
  annexWords: string[];
  keywords: KeywordEntry[];
  alphabets: {
    alpha: { letters: string[]; afterLast: 'double'; verified: boolean };
    roman: { case: 'lower' | 'upper'; verified: boolean };
  };
  labelFormats: Record<ListStyle, string> & { verified: boolean };
  cover: {
    agendaItem: string;
    document: string;
    original: string;
    purpose: string;
    actionRequired: string;
    strategicLinks: string;
    financialImplications: string;
    references: string;
    verified: boolean;
  };
  body: { introduction: string; proposal: string; verified: boolean };
  /** The wording of a new Council contribution (File → New revision…); templates take `{number}`. */
  contribution: {
    title: string;
    purpose: string;
    actionRequired: string;
    /** The language's own name as a cover writes it after `Original:` (`français`, `English`). */
    originalLanguage: string;
    /** BCP 47 locale for today's date on the cover (`fr-FR` → `14 avril 2026`). */
    dateLocale: string;
    verified: boolean;
  };
  references: ReferenceTemplates;
  /** The six languages' names as this language writes them on a cover (`Original: russe`). */
  languageNames: Record<LanguageCode, string> & { verified: boolean };
  /**
   * Fixed phrases of a resolution besides its keywords (the call `Le Conseil de l'UIT,`, `dernière
   * mod.` of a number line), each with a role shared by the six tables: what switching a document's
   * language and carrying changes into another language version translate (shared/translation).
   */
  phrases: PhraseEntry[];
  /** The words of a proposals document to a conference (shared/proposals). */
  proposals: {
    /** Opens a proposal's last paragraph: `Reasons:`. */
    reasons: string;
    /** The number line of a draft new resolution, before its bracketed id: `DRAFT NEW RESOLUTION [SEN-1]`. */
    draftNewResolution: string;
    /** The cover title a new proposals document starts with. */
    documentTitle: string;
    /** The cover's meeting line a new proposals document starts with: `PLENARY MEETING`. */
    plenaryMeeting: string;
    verified: boolean;
  };
}

export interface PhraseEntry {
  role: string;
  phrase: string;
  verified: boolean;
}

// The JSON imports are checked against LanguageTable here, once, at the boundary.
const TABLES: Record<LanguageCode, LanguageTable> = {
  ar: ar as LanguageTable,
  zh: zh as LanguageTable,
  en: en as LanguageTable,
  fr: fr as LanguageTable,
  ru: ru as LanguageTable,
  es: es as LanguageTable,
};

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

export function languageTable(code: string): LanguageTable {
  if (!isLanguageCode(code)) throw new RangeError(`unknown language: ${code}`);
  return TABLES[code];
}

export function allLanguageTables(): LanguageTable[] {
  return LANGUAGE_CODES.map((code) => TABLES[code]);
}

export interface KeywordMatch {
  language: LanguageCode;
  entry: KeywordEntry;
}

/**
 * Lowercase, single spaces, typographic apostrophes folded, Arabic tatweel (the stretching stroke
 * in `يقـرر`, typography only) removed: how keywords and headings are compared.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0640/g, '')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase();
}

/** The tables' phrases, folded once: matchKeyword runs on every line of every import. */
const FOLDED_PHRASES = new Map<string, string>();

function foldedPhrase(phrase: string): string {
  let folded = FOLDED_PHRASES.get(phrase);
  if (folded === undefined) {
    folded = foldText(phrase);
    FOLDED_PHRASES.set(phrase, folded);
  }
  return folded;
}

/**
 * The keyword that opens `line`, if any: the longest phrase of the given languages (all six by
 * default) that the line starts with, followed by a word boundary. `charge le Secrétaire général`
 * matches `charge`; `reconnaissant en outre` matches the longer entry, not `reconnaissant`.
 */
export function matchKeyword(line: string, languages: readonly LanguageCode[] = LANGUAGE_CODES): KeywordMatch | null {
  const folded = foldText(line);
  let best: KeywordMatch | null = null;
  for (const code of languages) {
    for (const entry of TABLES[code].keywords) {
      const phrase = foldedPhrase(entry.phrase);
      // Arabic joins a later preamble keyword with و, "and": `وإذ يدرك` is `إذ يدرك`.
      const text = code === 'ar' && folded.startsWith('\u0648') && !phrase.startsWith('\u0648') ? folded.slice(1) : folded;
      if (!text.startsWith(phrase)) continue;
      const next = text.charAt(phrase.length);
      // Chinese has no spaces between words: a prefix is a match there.
      const boundary = next === '' || code === 'zh' || !/[\p{L}\p{N}]/u.test(next);
      if (!boundary) continue;
      if (!best || phrase.length > foldedPhrase(best.entry.phrase).length) best = { language: code, entry };
    }
  }
  return best;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The opening of a number line in a language's form, its word and number captured: `RÉSOLUTION 1332`, `第1332号决议`. */
export function numberLineOpening(table: LanguageTable): RegExp {
  const words = table.numberLineWords.map(escapeRegExp).join('|');
  const pattern = table.numberLineForm
    .split(/(\{word\}|\{number\}|\s+)/u)
    .map((part) =>
      part === '{word}' ? `(?:${words})` : part === '{number}' ? '(\\d+(?:[./]\\d+)*)' : /^\s+$/u.test(part) ? '\\s*' : escapeRegExp(part),
    )
    .join('');
  return new RegExp(`^${pattern}`, 'iu');
}
export { scriptSegments, scriptSegmentsOfPieces, type ScriptSegment } from './scripts.js';

/** The writing direction of a language's text (`rtl` for Arabic); `ltr` for a code the tables do not know. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  return isLanguageCode(code) ? TABLES[code].direction : 'ltr';
}

/**
 * A heading and its text as the language writes them on one line: `Original: russe`, and in
 * Chinese, whose full-width colon takes no space after it, `原文：俄文`.
 */
export function headedText(table: LanguageTable, heading: string, text: string): string {
  if (!text) return heading;
  return table.punctuation.spaced ? `${heading} ${text}` : `${heading}${text}`;
}
