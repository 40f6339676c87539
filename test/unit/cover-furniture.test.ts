/**
 * The cover's fixed text (shared/cover) as the Word export writes it and as the editor draws it
 * (renderer/editor/cover-furniture.ts): in each language of the document, `Original:` before the
 * original language, `Document` before the number and the language letter after one that lacks it
 * (judged on the text as it reads after tracked changes, as Word's), the box's headings and rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverFieldFurniture } from '../../shared/cover/index.js';
import { writeDocx } from '../../shared/export/docx/write.js';
import { importText } from '../../shared/import/index.js';
import { LANGUAGE_CODES, languageTable, type LanguageCode } from '../../shared/languages/index.js';
import { conferenceByCode, newProposalsDocument } from '../../shared/proposals/index.js';
import { schema } from '../../shared/schema/index.js';
import { coverFieldAttributes } from '../../renderer/editor/cover-furniture.js';
import { docxParts, paragraphsOf } from '../support/docx-xml.js';
import { fixturePath } from '../support/fixtures.js';

const proposals = (language: LanguageCode) =>
  newProposalsDocument({ language, source: 'SEN', conference: conferenceByCode('PP-26'), documentNumber: '56', date: '20 August 2026' });

/** The decoration attributes of each named field. */
function byName(doc: ReturnType<typeof proposals>): Record<string, Record<string, string>> {
  const attributes = coverFieldAttributes(doc);
  const out: Record<string, Record<string, string>> = {};
  doc.firstChild!.forEach((field, _offset, index) => (out[String(field.attrs.name)] = attributes[index]!));
  return out;
}

describe("the cover's fixed text", () => {
  it.each(LANGUAGE_CODES)(
    'draws Original: and Document in the language of a %s document, as the Word cover writes them',
    async (language) => {
      const doc = proposals(language);
      const table = languageTable(language);
      const drawn = byName(doc);
      const spaced = table.punctuation.spaced;
      expect(drawn.originalLanguage).toEqual({ 'data-pl-before': spaced ? `${table.cover.original} ` : table.cover.original });
      expect(drawn.documentNumber).toEqual({ 'data-pl-before': `${table.cover.document} ` });
      // The session, place, meeting, date, source and title have no fixed text.
      for (const name of ['session', 'placeAndDates', 'meeting', 'date', 'source', 'title']) expect(drawn[name], name).toEqual({});
      // What the editor draws is what Word writes on the lines of the number and the original language.
      const texts = paragraphsOf(docxParts(await writeDocx(doc))['word/document.xml']!).map((paragraph) => paragraph.text);
      expect(texts).toContain(`${table.cover.document} 56-${table.documentSuffix}`);
      expect(texts).toContain(`${drawn.originalLanguage!['data-pl-before']}${table.contribution.originalLanguage}`);
    },
  );

  it("draws C26/93's agenda heading, box headings and rule (the French fixture), and frames the box", () => {
    const { doc } = importText(readFileSync(fixturePath('council-c26-93-contribution-cover.txt'), 'utf8'));
    const drawn = byName(doc);
    expect(drawn.agendaItem).toEqual({ 'data-pl-before': "Point de l'ordre du jour: " });
    expect(drawn.purpose).toEqual({ 'data-pl-heading': 'Objet', class: 'pl-cover-box pl-cover-box-first' });
    expect(drawn.actionRequired).toEqual({ 'data-pl-heading': 'Suite à donner par le Conseil', class: 'pl-cover-box' });
    expect(drawn.references).toEqual({ 'data-pl-heading': 'Références', 'data-pl-rule': '', class: 'pl-cover-box pl-cover-box-last' });
  });

  it('adds the language letter to a number whose letter is a tracked deletion, and no heading twice', () => {
    const table = languageTable('fr');
    const deletion = schema.marks.deletion!.create({ id: 'd1', author: 'A', date: '2026-04-14T10:00:00Z' });
    const number = schema.nodes.cover_field!.create({ id: 'n', name: 'documentNumber' }, [
      schema.text('C26/93'),
      schema.text('-F', [deletion]),
    ]);
    expect(coverFieldFurniture(number, table)).toMatchObject({ before: 'Document ', after: '-F' });
    const typedWithHeading = schema.nodes.cover_field!.create({ id: 'o', name: 'originalLanguage' }, schema.text('Original: russe'));
    expect(coverFieldFurniture(typedWithHeading, table).before).toBe('');
    const addendum = schema.nodes.cover_field!.create({ id: 'a', name: 'documentNumber' }, schema.text('Addendum 1 au Document 56-F'));
    expect(coverFieldFurniture(addendum, table)).toMatchObject({ before: '', after: '' });
    const empty = schema.nodes.cover_field!.create({ id: 'e', name: 'documentNumber' });
    expect(coverFieldFurniture(empty, table)).toMatchObject({ before: '', after: '' });
  });
});
