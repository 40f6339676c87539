/**
 * The conferences table (shared/proposals/conferences.json): every entry carries the source its
 * name, place and dates were checked against, dates that agree with its year, and a warning when no
 * ITU source confirmed it; the cover's place line is written from the dates in the cover's language.
 */
import { describe, expect, it } from 'vitest';
import data from '../../shared/proposals/conferences.json' with { type: 'json' };
import {
  conferenceByCode,
  conferenceCodes,
  conferencePlaceAndDates,
  newProposalsDocument,
  unverifiedConferenceWarning,
  coverFieldText,
  type Conference,
} from '../../shared/proposals/index.js';

const conferences = data.conferences as Conference[];

describe('the conferences table', () => {
  it('names each conference once, with a source and dates that fall in its year', () => {
    expect(new Set(conferenceCodes()).size).toBe(conferences.length);
    expect(conferenceCodes()).toEqual(expect.arrayContaining(['PP-22', 'PP-26', 'WTDC-22', 'WTDC-25', 'WTSA-24', 'WRC-23', 'WRC-27']));
    for (const conference of conferences) {
      expect(conference.source.url, conference.code).toMatch(/^https:\/\//);
      expect(conference.source.says.length, conference.code).toBeGreaterThan(20);
      expect(conference.code.endsWith(String(conference.year).slice(2)), conference.code).toBe(true);
      expect(conference.name.en, conference.code).toContain(`(${conference.code})`);
      expect(conference.call.en, conference.code).toContain(`${conference.place.en}, ${conference.year}`);
      if (conference.verified) {
        // A verified entry has its dates, and its source quotes the place it names.
        expect(conference.dates, conference.code).not.toBeNull();
        expect(conference.source.says, conference.code).toContain(conference.place.en);
      }
      // The page header's prefix: the code's letters (a WRC's in French, CMR) and its year, no hyphen.
      expect(conference.documentPrefix, conference.code).toMatch(new RegExp(`^[A-Z]+${String(conference.year).slice(2)}$`));
      if (conference.body === 'WRC') expect(conference.documentPrefix, conference.code).toMatch(/^CMR/);
      if (conference.dates) {
        expect(conference.dates.start <= conference.dates.end, conference.code).toBe(true);
        expect(conference.dates.start.slice(0, 4), conference.code).toBe(String(conference.year));
      }
    }
  });

  it('writes the place line as ITU covers do, in the cover language', () => {
    expect(conferencePlaceAndDates(conferenceByCode('PP-26')!, 'en', 'en-GB')).toBe('Doha, 9–27 November 2026');
    expect(conferencePlaceAndDates(conferenceByCode('PP-22')!, 'en', 'en-GB')).toBe('Bucharest, 26 September – 14 October 2022');
    expect(conferencePlaceAndDates(conferenceByCode('PP-22')!, 'fr', 'fr-FR')).toBe('Bucarest, 26 septembre – 14 octobre 2022');
    expect(conferencePlaceAndDates(conferenceByCode('WTDC-25')!, 'fr', 'fr-FR')).toBe('Bakou, 17–28 novembre 2025');
    expect(conferencePlaceAndDates(conferenceByCode('WRC-23')!, 'en', 'en-GB')).toBe('Dubai, 20 November – 15 December 2023');
    // Without dates, the year alone.
    expect(conferencePlaceAndDates(conferenceByCode('WRC-27')!, 'en', 'en-GB')).toBe('Shanghai, 2027');
  });

  it('warns about an entry no ITU source confirmed, and only about it', () => {
    const unverified = conferences.filter((conference) => unverifiedConferenceWarning(conference) !== null).map((c) => c.code);
    expect(unverified).toEqual(['WRC-27']);
    expect(unverifiedConferenceWarning(conferenceByCode('WRC-27')!)).toMatch(/WRC-27 is not confirmed by an ITU source/);
  });

  it('a new proposals document to PP-26 carries the conference, its place and dates on the cover', () => {
    const doc = newProposalsDocument({ language: 'en', source: 'SEN', conference: conferenceByCode('PP-26'), documentNumber: '56' });
    expect(coverFieldText(doc, 'session')).toBe('Plenipotentiary Conference (PP-26)');
    expect(coverFieldText(doc, 'placeAndDates')).toBe('Doha, 9–27 November 2026');
  });
});
