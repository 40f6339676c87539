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
  name: Record<string, string>;
  /** The opening phrase of a resolution it adopts (the call). */
  call: Record<string, string>;
  verified: boolean;
}

const CONFERENCES = data.conferences as Conference[];

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
