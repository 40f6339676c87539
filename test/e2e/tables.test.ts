/**
 * End to end, in Debian's Chromium against `plenary serve`: an editor of the secretariat adds a
 * timetable to the Secretary-General's WSIS report. She inserts a table from the toolbar, types the
 * cells moving with Tab (Tab in the last cell adds a row), then with tracking on adds a row (marked
 * inserted), deletes one (struck through), is told why columns cannot change while tracking, finds
 * both rows in the Changes panel, saves, reopens and exports to Word with row revisions.
 *
 * The tests run in order on one page. Screenshots go to test-artifacts/e2e-tables-*.png.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/format.js';
import { writeText } from '../../shared/export/text/index.js';
import { docxParts } from '../support/docx-xml.js';
import { ROOT, tempDir } from '../support/browser.js';
import {
  answerAuthor,
  caret,
  DESKTOP_VIEWPORT,
  editorOf,
  openServedEditor,
  pickFile,
  shot as shotOf,
  type ServedEditor,
} from '../support/page.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'council-sg-report-wsis-sdg.txt');

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

const eventually = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 10_000, interval: 50 });
const shot = (name: string): Promise<void> => shotOf(page, `tables-${name}`);
const table = (): Locator => editorOf(page).locator('table.pl-table').first();
const rows = (): Locator => table().locator('tr.pl-row');
const cell = (row: number, column: number): Locator => rows().nth(row).locator('td.pl-cell').nth(column).locator('p').first();
const tableMenu = (command: string) => page.getByLabel('Table', { exact: true }).selectOption(command);

/** The text of each row, cells joined by ` | `. */
async function rowTexts(): Promise<string[]> {
  return rows().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').join(' | ')));
}

beforeAll(async () => {
  folder = tempDir('e2e-tables-docs');
  copyFileSync(FIXTURE, path.join(folder, 'sg-report.txt'));
  served = await openServedEditor({
    name: 'e2e-tables',
    host: { folder, file: path.join(folder, 'sg-report.txt') },
    problems,
    viewport: DESKTOP_VIEWPORT,
  });
  page = served.page;
  await editorOf(page).locator('p', { hasText: 'En 2022 et 2023, deux éditions' }).first().waitFor();
}, 240_000);

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

describe('the outline of a report', () => {
  it("lists the report's title and numbered headings; a click on one goes to it", async () => {
    const outline = page.locator('.outline');
    await outline.locator('.outline-heading').first().waitFor();
    expect(await outline.locator('.outline-empty').count()).toBe(0);
    expect(await outline.locator('.outline-title').innerText()).toMatch(/^RAPPORT SUR LE RÔLE DE L'UIT/);
    const headings = await outline.locator('.outline-heading').allInnerTexts();
    expect(headings.slice(0, 3).map((text) => text.replace(/\s+/g, ' '))).toEqual([
      '1 Introduction',
      "2 Activités menées par l'UIT dans le cadre de la mise en œuvre des résu…",
      '3 Examen du SMSI+20',
    ]);
    await shot('report-outline');
    await outline.locator('.outline-heading', { hasText: 'Examen du SMSI+20' }).click();
    await expect.poll(() => outline.locator('.outline-current').innerText()).toContain('Examen du SMSI+20');
    const cursorIn = await page.evaluate(
      () => window.getSelection()?.anchorNode?.parentElement?.closest('h1, h2, h3, h4, [data-id]')?.textContent ?? '',
    );
    expect(cursorIn).toContain('Examen du SMSI+20');
  });
});

describe('tables in Chromium', () => {
  it('inserts a table after the paragraph of the cursor and types the cells with Tab', async () => {
    await caret(editorOf(page).locator('p', { hasText: 'En 2022 et 2023, deux éditions' }).first(), 'end');
    await tableMenu('insert-table');
    await eventually(() => rows().count()).toBe(3);
    const cells = [
      ['Manifestation', 'Dates', 'Lieu'],
      ['Forum 2022 du SMSI', '30 mai – 3 juin 2022', 'Genève'],
      ['Forum 2023 du SMSI', '13–17 mars 2023', 'Genève'],
      ['Forum 2021 du SMSI', 'mars – mai 2021', 'en ligne'],
    ];
    for (const [r, line] of cells.entries()) {
      for (const [c, text] of line.entries()) {
        // Tab from the last cell of the last row adds the fourth row, as in Word.
        if (r > 0 || c > 0) await page.keyboard.press('Tab');
        await page.keyboard.type(text);
      }
    }
    await eventually(rowTexts).toEqual(cells.map((line) => line.join(' | ')));
    // The heading row is drawn as one.
    expect(await rows().first().getAttribute('class')).toContain('pl-row-header');
    // Shift+Tab goes back one cell and selects its text, as in Word; End, then type.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.type(' (virtuel)');
    await eventually(() => cell(3, 1).innerText()).toBe('mars – mai 2021 (virtuel)');
    await shot('typed');
  });

  it('with tracking on, a row added is marked inserted and a row deleted is struck through', async () => {
    await page.keyboard.press('Control+Shift+E');
    await answerAuthor(page, 'Secrétariat');
    await caret(cell(2, 0), 'end');
    await tableMenu('table-row-below');
    await eventually(() => rows().count()).toBe(5);
    expect(await rows().nth(3).getAttribute('class')).toContain('pl-block-insertion');
    // The cursor is in the new row? Put it there as a user would, and type.
    await caret(cell(3, 0), 'start');
    await page.keyboard.type('Forum SMSI+20');
    await eventually(() => cell(3, 0).innerText()).toBe('Forum SMSI+20');
    // Typed text in an inserted row is the row's insertion: no marks of its own needed, but typing
    // in an old row is an insertion mark.
    await caret(cell(1, 2), 'end');
    await page.keyboard.type(' (Suisse)');
    await eventually(() => cell(1, 2).locator('ins.pl-ins').innerText()).toBe(' (Suisse)');

    await caret(cell(4, 0), 'start');
    await tableMenu('table-delete-row');
    await eventually(() => rows().nth(4).getAttribute('class')).toContain('pl-block-deletion');
    expect(await rows().count()).toBe(5);
    const decoration = await cell(4, 0).evaluate((p) => getComputedStyle(p).textDecorationLine);
    expect(decoration).toContain('line-through');
    await shot('tracked-rows');
  });

  it('says why columns cannot change while tracking', async () => {
    await caret(cell(1, 0), 'end');
    await tableMenu('table-column-after');
    await page.locator('.message', { hasText: 'Columns cannot be added or deleted as tracked changes' }).first().waitFor();
    expect(await rows().first().locator('td').count()).toBe(3);
  });

  it('lists the row changes in the Changes panel', async () => {
    await page.keyboard.press('Control+Shift+R');
    const panel = page.locator('.changes .change-row');
    await eventually(() => panel.count()).toBeGreaterThanOrEqual(3);
    // The panel's list is drawn by React after the command: read it once it names both rows.
    const names = async () => {
      const texts = await panel.allInnerTexts();
      return [texts.some((t) => /Forum SMSI\+20/.test(t)), texts.some((t) => /Forum 2021 du SMSI/.test(t))];
    };
    await eventually(names).toEqual([true, true]);
    await shot('changes-panel');
  });

  it('rejects a row from the panel and accepts one at the cursor; undo takes both back', async () => {
    const insertedRow = page.locator('.changes .change-row', { hasText: 'Inserted table row' }).first();
    await insertedRow.locator('.change-reject').click();
    await eventually(rowTexts).not.toContain('Forum SMSI+20 |  | ');
    expect(await rows().count()).toBe(4);
    // Alt+Shift+A in the struck row accepts its deletion: the row goes.
    await caret(cell(3, 0), 'start');
    await page.keyboard.press('Alt+Shift+A');
    await eventually(() => rows().count()).toBe(3);
    expect((await rowTexts()).join('\n')).not.toContain('Forum 2021');
    await editorOf(page).focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await eventually(() => rows().count()).toBe(5);
    expect(await rows().nth(3).getAttribute('class')).toContain('pl-block-insertion');
    expect(await rows().nth(4).getAttribute('class')).toContain('pl-block-deletion');
  });

  it('saves, reopens with the tracked rows, and exports Word row revisions', async () => {
    await editorOf(page).focus();
    await page.keyboard.press('Control+s');
    await pickFile(page, 'timetable.plenary');
    await eventually(() => page.title()).toMatch(/^timetable\.plenary/);
    const saved = parseDocument(readFileSync(path.join(folder, 'timetable.plenary'), 'utf8')).doc;
    const marked = writeText(saved, { mode: 'marked' })
      .split('\n')
      .filter((line) => line.includes('| '));
    expect(marked).toEqual([
      '| Manifestation | Dates | Lieu |',
      '| Forum 2022 du SMSI | 30 mai – 3 juin 2022 | Genève[+ (Suisse)+] |',
      '| Forum 2023 du SMSI | 13–17 mars 2023 | Genève |',
      '[+| Forum SMSI+20 |  |  |+]',
      '[-| Forum 2021 du SMSI | mars – mai 2021 (virtuel) | en ligne |-]',
    ]);

    await page.keyboard.press('Control+o');
    await pickFile(page, 'timetable.plenary');
    await eventually(() => rows().count()).toBe(5);
    expect(await rows().nth(3).getAttribute('class')).toContain('pl-block-insertion');
    expect(await rows().nth(4).getAttribute('class')).toContain('pl-block-deletion');

    await page.getByLabel('Export to Word').selectOption('export-docx');
    await pickFile(page, 'timetable.docx');
    await page.locator('.message', { hasText: 'Exported timetable.docx' }).first().waitFor({ timeout: 15_000 });
    const xml = docxParts(readFileSync(path.join(folder, 'timetable.docx')))['word/document.xml']!;
    expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins [^>]*w:author="Secrétariat"/s);
    expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del [^>]*w:author="Secrétariat"/s);
    expect(problems).toEqual([]);
  });
});

describe('the outline of a document without structure', () => {
  it('says that there are no sections or headings', async () => {
    writeFileSync(path.join(folder, 'note.txt'), 'Note pour le Secrétariat.\n\nLes tableaux sont joints au rapport.\n');
    await editorOf(page).focus();
    await page.keyboard.press('Control+o');
    await pickFile(page, 'note.txt');
    await eventually(() => page.locator('.status-file').innerText()).toBe('note.txt');
    expect(await page.locator('.outline .outline-empty').innerText()).toBe('No sections or headings in this document');
    expect(await page.locator('.outline .outline-row').count()).toBe(0);
    await shot('note-outline');
    expect(problems).toEqual([]);
  });
});
