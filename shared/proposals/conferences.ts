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
  place: Record<string, string>;
  year: number;
  /**
   * The conference's part of a document reference in the page header (`PP26` in `PP26/56-E`,
   * `CMR23` in `CMR23/4(Add.1)-E`): the same in every language, so it is not translated.
   */
  documentPrefix: string;
  /** Whether a real document of the conference's kind showed the prefix's form (./SOURCES.md). */
  documentPrefixVerified: boolean;
  name: Record<string, string>;
  /** The opening phrase of a resolution it adopts (the call). */
  call: Record<string, string>;
  /** First and last day (`2026-11-09`), null while not known. */
  dates: { start: string; end: string } | null;
  /** False when no ITU source confirmed the entry (./SOURCES.md): the UI and the CLI say so when it is used. */
  verified: boolean;
  /** Where the name, place and dates were checked. */
  source: { url: string; says: string };
}

const CONFERENCES = data.conferences as Conference[];

/** `Doha, 9–27 November 2026` in the cover's language: the place line of a conference cover (the year alone while the dates are not known). */
export function conferencePlaceAndDates(conference: Conference, language: string, dateLocale: string): string {
  const place = inLanguage(conference.place, language);
  if (!conference.dates) return `${place}, ${conference.year}`;
  return `${place}, ${dateRange(new Date(`${conference.dates.start}T12:00:00Z`), new Date(`${conference.dates.end}T12:00:00Z`), dateLocale)}`;
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

/** The warning for a conference no ITU source confirmed; null for a verified one. */
export function unverifiedConferenceWarning(conference: Conference): string | null {
  if (conference.verified) return null;
  return `${conference.code} is not confirmed by an ITU source (${conference.dates ? 'its name, place and dates' : 'its dates are not known'}): check the cover's conference and place lines.`;
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
export function inLanguage(words: Record<string, string>, language: string): string {
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
