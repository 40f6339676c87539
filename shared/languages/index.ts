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
import type { ListStyle, SectionKind } from '../schema/schema.js';

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

export interface LanguageTable {
  code: LanguageCode;
  name: string;
  /** Letter that ends a Council document number: C26/93-F. */
  documentSuffix: string;
  direction: 'ltr' | 'rtl';
  /** Punctuation that ends a keyword line (Russian: `учитывая,`). */
  keywordPunctuation: string;
  numberLineWords: string[];
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

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase();
}

/**
 * The keyword that opens `line`, if any: the longest phrase of the given languages (all six by
 * default) that the line starts with, followed by a word boundary. `charge le Secrétaire général`
 * matches `charge`; `reconnaissant en outre` matches the longer entry, not `reconnaissant`.
 */
export function matchKeyword(line: string, languages: readonly LanguageCode[] = LANGUAGE_CODES): KeywordMatch | null {
  const text = normalise(line);
  let best: KeywordMatch | null = null;
  for (const code of languages) {
    for (const entry of TABLES[code].keywords) {
      const phrase = normalise(entry.phrase);
      if (!text.startsWith(phrase)) continue;
      const next = text.charAt(phrase.length);
      // Chinese has no spaces between words: a prefix is a match there.
      const boundary = next === '' || code === 'zh' || !/[\p{L}\p{N}]/u.test(next);
      if (!boundary) continue;
      if (!best || phrase.length > normalise(best.entry.phrase).length) best = { language: code, entry };
    }
  }
  return best;
}
