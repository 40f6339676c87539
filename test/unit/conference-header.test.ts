/**
 * The page header of a conference document (docs/council-format.md, "Page and fonts"): from page 2
 * the document's reference carries the conference's prefix from the conferences table —
 * `PP26/56-E`, `CMR23/4-E`, `CMR12/18(Add.3)-A` — in the document's language letter; a Council
 * document keeps its own `C26/93-F`. Checked against a real WRC-12 document's header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../shared/export/docx/write.js';
import { coverDocumentNumber } from '../../shared/export/docx/cover.js';
import { importDocx, importText } from '../../shared/import/index.js';
import type { LanguageCode } from '../../shared/languages/index.js';
import { conferenceByCode, newProposalsDocument } from '../../shared/proposals/index.js';
import { docxParts, paragraphsOf } from '../support/docx-xml.js';
import { fixturePath } from '../support/fixtures.js';

/** The lines of the header Word shows from page 2 (the one with the page number and the reference). */
async function laterPagesHeader(docx: Uint8Array): Promise<string[]> {
  const parts = docxParts(docx);
  const headers = Object.keys(parts)
    .filter((name) => /^word\/header\d+\.xml$/.test(name))
    .map((name) => paragraphsOf(parts[name]!).map((paragraph) => paragraph.text));
  const withText = headers.filter((lines) => lines.some((line) => line.trim() !== ''));
  expect(withText).toHaveLength(1);
  return withText[0]!;
}

const proposals = (code: string, language: LanguageCode, documentNumber: string) =>
  newProposalsDocument({ language, source: 'SEN', conference: conferenceByCode(code), documentNumber, date: '20 August 2026' });

describe('the page header of a conference document', () => {
  const letters: Record<LanguageCode, string> = { en: 'E', fr: 'F', es: 'S', ru: 'R', ar: 'A', zh: 'C' };
  it.each(Object.entries(letters) as Array<[LanguageCode, string]>)(
    'writes PP26/56 with the language letter of a %s document',
    async (language, letter) => {
      const doc = proposals('PP-26', language, '56');
      expect(coverDocumentNumber(doc, letter)).toBe(`PP26/56-${letter}`);
      const header = await laterPagesHeader(await writeDocx(doc));
      expect(header[1]).toBe(`PP26/56-${letter}`);
    },
  );

  it("writes each conference's own prefix: a WRC's is CMR in every language, an addendum's number in ITU's form", () => {
    expect(coverDocumentNumber(proposals('WRC-23', 'en', '4'), 'E')).toBe('CMR23/4-E');
    expect(coverDocumentNumber(proposals('WTDC-25', 'fr', '12'), 'F')).toBe('WTDC25/12-F');
    expect(coverDocumentNumber(proposals('PP-22', 'en', 'Addendum 1 to Document 56-E'), 'E')).toBe('PP22/56(Add.1)-E');
    // A number typed with its prefix is not prefixed twice.
    expect(coverDocumentNumber(proposals('PP-26', 'en', 'PP26/56-E'), 'E')).toBe('PP26/56-E');
  });

  it('writes no prefix where the session names no conference of the table', () => {
    const unknown = newProposalsDocument({ language: 'en', source: 'SEN', conference: null, documentNumber: '56' });
    expect(coverDocumentNumber(unknown, 'E')).toBe('56-E');
  });

  it("keeps a Council document's C26/93-F (the fixture's cover)", async () => {
    const { doc } = importText(readFileSync(fixturePath('council-c26-93-contribution-cover.txt'), 'utf8'));
    const header = await laterPagesHeader(await writeDocx(doc));
    expect(header[1]).toBe('C26/93-F');
  });

  it("writes the header of a real WRC-12 document as ITU did: CMR12/18(Add.3)-A (Mexico's Addendum 3 to Document 18, Arabic)", async () => {
    const original = new Uint8Array(readFileSync(fixturePath('docx-wild/ptools-RP051-Arabic.docx')));
    // What ITU's own file has in its header from page 2 (its page number is a plain `5`).
    const itu = Object.entries(docxParts(original))
      .filter(([name]) => /^word\/header\d+\.xml$/.test(name))
      .map(([, xml]) =>
        paragraphsOf(xml)
          .map((paragraph) => paragraph.text)
          .join(''),
      )
      .join('');
    expect(itu).toContain('CMR12/18(Add.3)-A');
    const { doc } = await importDocx(original);
    const header = await laterPagesHeader(await writeDocx(doc));
    expect(header[1]).toBe('CMR12/18(Add.3)-A');
  });
});
