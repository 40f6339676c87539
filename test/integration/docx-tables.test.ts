/**
 * Tables through the Word export, checked by real clients: the XML has Word's own row revisions
 * (`w:trPr/w:ins`, `w:trPr/w:del`) with every cell's runs and paragraph marks in the row's
 * revision; LibreOffice renders the table (PDF text, a PNG page kept in test-artifacts to look at);
 * pandoc, accepting or rejecting every change, reads the rows our final and original views have;
 * the text views print the table row by row.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { attr, childrenOf, docxParts, findAll, firstChild, malformedParts, nameOf, parseXml, type XmlNode } from '../support/docx-xml.js';
import { pandoc, pdfPages, renderPage, requireTool, sofficeConvert, tempDir } from '../support/office.js';
import { RUSSIA, SECRETARIAT, reportWithTimetable } from '../support/tables.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'docx-tables');

let work: string;
let markup: string;
let pdf: string;
const doc = reportWithTimetable(true);

beforeAll(async () => {
  for (const tool of ['soffice', 'pandoc', 'pdftotext', 'pdftoppm'] as const) await requireTool(tool);
  work = tempDir('docx-tables');
  markup = join(work, 'sg-report-timetable.docx');
  writeFileSync(markup, await exportDocx(doc, { mode: 'markup' }));
  const pdfDir = join(work, 'pdf');
  mkdirSync(pdfDir);
  [pdf] = (await sofficeConvert([markup], 'pdf', pdfDir)) as [string];
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function textOf(node: XmlNode): string {
  if (nameOf(node) === 'w:t' || nameOf(node) === 'w:delText')
    return childrenOf(node)
      .map((c) => String((c as Record<string, unknown>)['#text'] ?? ''))
      .join('');
  return childrenOf(node).map(textOf).join('');
}

/** The rows of the one table of the body: revision of the row, text of each cell, styles used. */
async function exportedRows(source: Node, mode: 'markup' | 'final' | 'original' = 'markup') {
  const parts = docxParts(await exportDocx(source, { mode }));
  expect(malformedParts(parts)).toEqual([]);
  const body = parseXml(parts['word/document.xml']!);
  const tables = findAll(body, 'w:tbl').filter((t) => findAll([t], 'w:tblHeader').length > 0);
  expect(tables).toHaveLength(1);
  return findAll(tables, 'w:tr').map((tr) => {
    const trPr = firstChild(tr, 'w:trPr');
    const revision = trPr ? childrenOf(trPr).find((c) => nameOf(c) === 'w:ins' || nameOf(c) === 'w:del') : undefined;
    const cells = findAll([tr], 'w:tc');
    return {
      revision: revision ? `${nameOf(revision)}:${attr(revision, 'w:author')}` : '',
      header: trPr ? findAll([trPr], 'w:tblHeader').length > 0 : false,
      cells: cells.map(textOf),
      styles: [...new Set(findAll(cells, 'w:pStyle').map((s) => attr(s, 'w:val')))],
      insertedRuns: findAll(cells, 'w:ins').length,
      deletedRuns: findAll(cells, 'w:del').length,
      paragraphs: findAll(cells, 'w:p').length,
    };
  });
}

describe('the Word table', () => {
  it('writes row revisions on the rows, and the rows cells in the same revision', async () => {
    const rows = await exportedRows(doc);
    expect(rows.map((r) => [r.revision, r.cells.join(' | ')])).toEqual([
      ['', 'Manifestation | Dates | Lieu'],
      [`w:del:${RUSSIA.author}`, 'Forum 2021 du SMSI | mars – mai 2021 | en ligne'],
      ['', 'Forum 2022 du SMSI | 30 mai – 3 juin 2022 | Genève'],
      ['', 'Forum 2023 du SMSI | 13–17 mars 2023 | Genève'],
      [`w:ins:${SECRETARIAT.author}`, 'Forum SMSI+20 | 27–31 mai 2024 | Genève'],
    ]);
    expect(rows[0]!.header).toBe(true);
    expect(rows[0]!.styles).toEqual(['Tablehead']);
    expect(rows[2]!.styles).toEqual(['Tabletext']);
    // Each cell paragraph of a revised row: its runs (one w:del/w:ins) and its mark (one more).
    expect(rows[1]!.deletedRuns).toBe(2 * rows[1]!.paragraphs);
    expect(rows[4]!.insertedRuns).toBe(2 * rows[4]!.paragraphs);
    expect(rows[2]!.insertedRuns + rows[2]!.deletedRuns).toBe(0);
  });

  it('writes the final and original views without the rows they lose and without marks', async () => {
    const final = await exportedRows(doc, 'final');
    expect(final.map((r) => r.cells[0])).toEqual(['Manifestation', 'Forum 2022 du SMSI', 'Forum 2023 du SMSI', 'Forum SMSI+20']);
    expect(final.every((r) => r.revision === '' && r.insertedRuns + r.deletedRuns === 0)).toBe(true);
    const original = await exportedRows(doc, 'original');
    expect(original.map((r) => r.cells[0])).toEqual(['Manifestation', 'Forum 2021 du SMSI', 'Forum 2022 du SMSI', 'Forum 2023 du SMSI']);
  });
});

describe('the Word table in an Arabic document', () => {
  it('lays the grid right to left (w:bidiVisual) and its cell paragraphs as bidi paragraphs', async () => {
    const arabic = doc.type.create({ ...doc.attrs, language: 'ar' }, doc.content);
    const xml = docxParts(await exportDocx(arabic, { mode: 'markup' }))['word/document.xml']!;
    const table = parseXml(xml);
    const timetable = findAll(table, 'w:tbl').find((t) => findAll([t], 'w:tblHeader').length > 0)!;
    expect(findAll([timetable], 'w:bidiVisual')).toHaveLength(1);
    const cellParagraphs = findAll([timetable], 'w:p');
    expect(cellParagraphs.every((p) => findAll([p], 'w:bidi').length === 1)).toBe(true);
  });
});

describe('LibreOffice renders the table', () => {
  it('converts the export to PDF with every cell on the page', async () => {
    const pages = await pdfPages(pdf, { layout: true });
    const text = pages.join('\n');
    for (const cell of ['Manifestation', 'Forum 2021 du SMSI', 'Forum SMSI+20', '27–31 mai 2024']) expect(text).toContain(cell);
    const page = pages.findIndex((p) => p.includes('Forum SMSI+20')) + 1;
    mkdirSync(ARTIFACTS, { recursive: true });
    await renderPage(pdf, page, join(ARTIFACTS, 'timetable-page'), 60);
  });
});

/** The rows pandoc reads from its HTML output (the timetable, not the cover's table): cell texts joined by ` | `. */
function htmlRows(html: string): string[] {
  const table = html.split('</table>').find((t) => t.includes('Manifestation')) ?? '';
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)]
      .map((cell) =>
        cell[1]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .join(' | '),
  );
}

/** Our own view's rows, as the text writer prints them (`| a | b |`). */
function viewRows(view: Node): string[] {
  return writeText(view, { mode: 'final' })
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2));
}

describe('pandoc agrees with the final and original views', () => {
  it.each([
    ['accept', acceptAll],
    ['reject', rejectAll],
  ] as const)('--track-changes=%s reads the rows of our view', async (decision, resolve) => {
    const html = await pandoc(['-f', 'docx', `--track-changes=${decision}`, '-t', 'html', '--wrap=none', markup]);
    const rows = htmlRows(html);
    // pandoc (2.17) does not read row revisions (w:trPr/w:ins|w:del): it drops the row's runs, which
    // are in the revision too, but keeps the row's empty shell, where Word and LibreOffice remove
    // the row. So: exactly one empty shell (the one row this decision removes), and the rest ours.
    const shells = rows.filter((row) => row.replace(/[\s|]/g, '') === '');
    expect(shells).toHaveLength(1);
    expect(rows.filter((row) => !shells.includes(row))).toEqual(viewRows(resolve(doc)));
  });
});

describe('text views', () => {
  it('print each row on a line, tracked rows wrapped whole', () => {
    const marked = writeText(doc)
      .split('\n')
      .filter((l) => l.includes('| '));
    expect(marked).toEqual([
      '| Manifestation | Dates | Lieu |',
      '[-| Forum 2021 du SMSI | mars – mai 2021 | en ligne |-]',
      '| Forum 2022 du SMSI | 30 mai – 3 juin 2022 | Genève |',
      '| Forum 2023 du SMSI | 13–17 mars 2023 | Genève |',
      '[+| Forum SMSI+20 | 27–31 mai 2024 | Genève |+]',
    ]);
    expect(writeText(doc, { mode: 'final' })).not.toContain('Forum 2021');
    expect(writeText(doc, { mode: 'original' })).not.toContain('SMSI+20 |');
  });
});
