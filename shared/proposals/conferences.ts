/**
 * The ITU conferences a proposals document is addressed to (./conferences.json, data a secretariat
 * editor can correct without touching code): what a proposal needs of one — its name for the cover,
 * the body whose texts it revises, and its place and year for a revised resolution's number line.
 */
import data from './conferences.json' with { type: 'json' };

/** The bodies whose texts a library holds and a conference revises. */
export const BODIES = ['PP', 'Council', 'WTDC', 'WTSA', 'WRC'] as const;
export type Body = (typeof BODIES)[number];

export interface Conference {
  code: string;
  body: Body;
  /** The place in each language it has been checked in; other languages use the English. */
  place: ConferenceWords;
  year: number;
  /**
   * The conference's part of a document reference in the page header (`PP26` in `PP26/56-E`,
   * `CMR23` in `CMR23/4(Add.1)-E`): the same in every language, so it is not translated.
   */
  documentPrefix: string;
  /** Whether a real document of the conference's kind showed the prefix's form (./SOURCES.md). */
  documentPrefixVerified: boolean;
  name: ConferenceWords;
  /** The opening phrase of a resolution it adopts (the call). */
  call: ConferenceWords;
  /** First and last day (`2026-11-09`), null while not known. */
  dates: { start: string; end: string } | null;
  /** False when no ITU source confirmed the entry (./SOURCES.md): the UI and the CLI say so when it is used. */
  verified: boolean;
  /** Where the name, place and dates were checked. */
  source: { url: string; says: string };
  /**
   * For each language beyond English and French (es, ru, ar, zh): the sources of its words, and the
   * words no source confirmed (`unverified`), which the table leaves out so that the English is used.
   */
  languages?: Record<string, LanguageCheck>;
}

export type ConferenceWord = 'name' | 'place' | 'call';

/** A word of the table in each language it has (English always). */
export type ConferenceWords = { en: string } & Partial<Record<string, string>>;

export interface LanguageCheck {
  sources: Array<{ url: string; says: string }>;
  unverified?: ConferenceWord[];
  note?: string;
}

/** The languages whose words each entry records as checked or not (`languages`); English and French are the table's own. */
export const CHECKED_LANGUAGES = ['es', 'ru', 'ar', 'zh'] as const;

const LANGUAGE_NAMES: Record<string, string> = { es: 'Spanish', ru: 'Russian', ar: 'Arabic', zh: 'Chinese' };

/** The words of `conference` in `language` that no source confirmed (English is used for them). */
export function unverifiedWords(conference: Conference, language: string): ConferenceWord[] {
  return conference.languages?.[language]?.unverified ?? [];
}

const CONFERENCES = data.conferences as Conference[];

/** `Doha, 9–27 November 2026` in the cover's language: the place line of a conference cover (the year alone while the dates are not known). */
export function conferencePlaceAndDates(conference: Conference, language: string, dateLocale: string): string {
  const place = inLanguage(conference.place, language);
  // An Arabic cover writes the Arabic comma (`جنيف، 23 يناير - 17 فبراير 2012` on WRC-12's Document 18(Add.3)-A).
  const comma = language === 'ar' ? '، ' : ', ';
  if (!conference.dates) return `${place}${comma}${conference.year}`;
  return `${place}${comma}${dateRange(new Date(`${conference.dates.start}T12:00:00Z`), new Date(`${conference.dates.end}T12:00:00Z`), dateLocale)}`;
}

/** `9–27 November 2026`, `26 September – 14 October 2022`: as ITU covers write a conference's dates. */
function dateRange(start: Date, end: Date, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  // Intl sets the dash between thin spaces; a cover uses ordinary ones.
  const range = format.formatRange(start, end).replace(/[\u2009\u202f]/gu, ' ');
  // Some locales fall back to numeric dates in a range (zh: `2026/11/9 – 2026/11/27`): both days in full then.
  if (/\d\/\d/.test(range)) return `${format.format(start)} – ${format.format(end)}`;
  // Two days of one month are joined by a bare dash, as ITU writes them (`9–27`, not `9 – 27`).
  return range.replace(/^(\d+)\s+–\s+(\d+)(?=\s)/u, '$1–$2');
}

/**
 * The warning for a conference no ITU source confirmed, or whose words in the document's `language`
 * no source confirmed (the English ones are used); null when all is confirmed.
 */
export function unverifiedConferenceWarning(conference: Conference, language = 'en'): string | null {
  const warnings: string[] = [];
  if (!conference.verified)
    warnings.push(
      `${conference.code} is not confirmed by an ITU source (${conference.dates ? 'its name, place and dates' : 'its dates are not known'}): check the cover's conference and place lines.`,
    );
  const words = unverifiedWords(conference, language);
  if (words.length > 0) {
    const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
    warnings.push(
      `${conference.code}'s ${LANGUAGE_NAMES[language] ?? language} ${list} ${words.length === 1 ? 'is' : 'are'} not confirmed by a source, so the English ${words.length === 1 ? 'is' : 'are'} used: check ${words.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return warnings.length > 0 ? warnings.join(' ') : null;
}

/**
 * A document's reference as the page header prints it from page 2: `56-E` → `PP26/56-E`,
 * `18(Add.3)-A` → `CMR12/18(Add.3)-A`. A number that already has a prefix (`C26/93-F`) is kept.
 */
export function conferenceDocumentReference(conference: Conference, documentNumber: string): string {
  if (!documentNumber || documentNumber.includes('/')) return documentNumber;
  return `${conference.documentPrefix}/${documentNumber}`;
}

/** The conference of a code (`PP-26`, case-insensitive), or null. */
export function conferenceByCode(code: string): Conference | null {
  const wanted = code.trim().toUpperCase();
  return CONFERENCES.find((conference) => conference.code === wanted) ?? null;
}

export function conferenceCodes(): string[] {
  return CONFERENCES.map((conference) => conference.code);
}

/** A word of the conference in `language`, English when the table has none for it. */
export function inLanguage(words: ConferenceWords, language: string): string {
  return words[language] ?? words.en ?? '';
}

/** The conference a cover's session line names (`Conférence mondiale de développement des télécommunications (CMDT-25)`), in any language of the table. */
export function conferenceOfSession(session: string): Conference | null {
  const wanted = session.trim();
  if (!wanted) return null;
  return (
    CONFERENCES.find((conference) => Object.values(conference.name).includes(wanted)) ??
    conferenceByCode(/\(([A-Z]+-\d{2})\)/.exec(wanted)?.[1] ?? '')
  );
}
