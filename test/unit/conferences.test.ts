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
  CHECKED_LANGUAGES,
  unverifiedWords,
  type Conference,
  type ConferenceWord,
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

/** A source's words with Arabic tatweel (kashida, `تنميـة`) taken out: a stretch of the letters, not a letter. */
const plain = (words: string): string => words.replace(/\u0640/gu, '');

describe('the conferences table in Spanish, Russian, Arabic and Chinese', () => {
  const WORDS: ConferenceWord[] = ['name', 'place', 'call'];

  it('gives every conference a name, place and call in each language, or says no source confirmed it', () => {
    let checked = 0;
    for (const conference of conferences) {
      for (const language of CHECKED_LANGUAGES) {
        const check = conference.languages?.[language];
        expect(check, `${conference.code} ${language}`).toBeDefined();
        const unverified = unverifiedWords(conference, language);
        for (const word of WORDS) {
          const value = conference[word][language];
          // Either the word is there (and a source confirmed it), or it is absent and listed as unverified: never both, never neither.
          expect(value === undefined, `${conference.code} ${language} ${word}`).toBe(unverified.includes(word));
          if (value !== undefined) expect(check!.sources.length, `${conference.code} ${language} ${word}`).toBeGreaterThan(0);
          checked++;
        }
        for (const source of check!.sources) {
          expect(source.url, conference.code).toMatch(/^(https?:\/\/|test\/fixtures\/)/);
          expect(source.says.length, conference.code).toBeGreaterThan(15);
        }
      }
    }
    expect(checked).toBe(conferences.length * CHECKED_LANGUAGES.length * WORDS.length);
  });

  it("has each name and place quoted by one of its sources, and the name's acronym shown by one", () => {
    for (const conference of conferences) {
      for (const language of CHECKED_LANGUAGES) {
        const says = conference.languages![language]!.sources.map((source) => plain(source.says));
        const place = conference.place[language];
        // Russian sources name a city in the locative (`в Баку`, `в Женеве`): its stem is enough.
        if (place)
          expect(
            says.some((words) => words.includes(language === 'ru' ? place.slice(0, -1) : place)),
            `${conference.code} ${language} ${place}`,
          ).toBe(true);
        const name = conference.name[language];
        if (!name) continue;
        const [, body, acronym] = /^(.*?)\s*[(（]([^-]+)-\d{2}[)）]$/u.exec(name) ?? [];
        expect(body, name).toBeTruthy();
        expect(
          says.some((words) => words.includes(body!)),
          `${conference.code} ${language} ${body}`,
        ).toBe(true);
        expect(
          says.some((words) => words.includes(acronym!)),
          `${conference.code} ${language} ${acronym}`,
        ).toBe(true);
        // The year of the code, whatever the acronym.
        expect(
          name.endsWith(`-${String(conference.year).slice(2)})`) || name.endsWith(`-${String(conference.year).slice(2)}）`),
          name,
        ).toBe(true);
      }
    }
  });

  it("writes PP-26's cover lines in Arabic, Chinese, Spanish and Russian", () => {
    const cover = (language: 'ar' | 'zh' | 'es' | 'ru') => {
      const doc = newProposalsDocument({ language, source: 'MEX', conference: conferenceByCode('PP-26'), documentNumber: '56' });
      return [coverFieldText(doc, 'session'), coverFieldText(doc, 'placeAndDates')];
    };
    // ITU's Arabic press release: مؤتمر المندوبين المفوضين (PP-26) … في الدوحة; the Arabic comma as on an Arabic ITU cover.
    expect(cover('ar')).toEqual(['مؤتمر المندوبين المفوضين (PP-26)', 'الدوحة، 9–27 نوفمبر 2026']);
    expect(cover('zh')[0]).toBe('全权代表大会（PP-26）');
    expect(cover('zh')[1]).toMatch(/^多哈, 2026年11月9日/u);
    expect(cover('es')).toEqual(['Conferencia de Plenipotenciarios (PP-26)', 'Doha, 9–27 de noviembre de 2026']);
    // No source showed Доха: the English place stays, and the dates are Russian.
    expect(cover('ru')).toEqual(['Полномочная конференция (ПК-26)', 'Doha, 9–27 ноября 2026 г.']);
  });

  it('warns when a document uses words no source confirmed in its language, and only then', () => {
    const pp26 = conferenceByCode('PP-26')!;
    expect(unverifiedConferenceWarning(pp26, 'es')).toBeNull();
    expect(unverifiedConferenceWarning(pp26, 'en')).toBeNull();
    expect(unverifiedConferenceWarning(pp26, 'ru')).toBe(
      "PP-26's Russian place and call are not confirmed by a source, so the English are used: check them.",
    );
    expect(unverifiedConferenceWarning(pp26, 'ar')).toBe(
      "PP-26's Arabic call is not confirmed by a source, so the English is used: check it.",
    );
    // An unverified entry says both.
    expect(unverifiedConferenceWarning(conferenceByCode('WRC-27')!, 'zh')).toMatch(
      /^WRC-27 is not confirmed by an ITU source .* WRC-27's Chinese place and call are not confirmed/u,
    );
    // The Spanish call follows the Final Acts' form, with the checked place.
    expect(pp26.call.es).toBe('La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Doha, 2026),');
  });
});
