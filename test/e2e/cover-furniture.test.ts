/**
 * End to end, in Debian's Chromium against `plenary serve`: the cover shows the fixed text the Word
 * export sets beside its fields (shared/cover) — `Document`, `Original:`, `Point de l'ordre du
 * jour:`, the box's headings and rule — in the document's language, laid out as Word lays it out;
 * and none of it is text of the document: Select All + Copy and the selection give the fields' text
 * alone. Screenshots at 1366 px: test-artifacts/e2e-cover-*.png.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import { conferenceByCode, newProposalsDocument } from '../../shared/proposals/index.js';
import { tempDir } from '../support/browser.js';
import { fixture, fixturePath } from '../support/fixtures.js';
import { afterPaint, caret, editorOf, servedPerTest, shot } from '../support/page.js';

/** The documents the tests open, in order: a French proposals document to PP-26, then C26/93 (French). */
const files: string[] = [];
const folder = tempDir('e2e-cover-docs');
const proposals = path.join(folder, 'sen-pp26.plenary');
writeFileSync(
  proposals,
  serializeDocument(
    newProposalsDocument({
      language: 'fr',
      source: 'SEN',
      sourceName: 'Sénégal (République du)',
      conference: conferenceByCode('PP-26'),
      documentNumber: '56',
      date: '20 août 2026',
    }),
  ),
);
const contribution = path.join(folder, 'c26-93.plenary');
writeFileSync(contribution, serializeDocument(importText(fixture('council-c26-93-contribution-cover.txt')).doc));
// A proposals document saved before the cover had its meeting line (format 2, test/fixtures/format-2).
const older = path.join(folder, 'sen-pp26-format2.plenary');
copyFileSync(fixturePath('format-2/sen-pp26-proposals.plenary'), older);
// C26/93 again, to be switched to English from the toolbar.
const toSwitch = path.join(folder, 'c26-93-en.plenary');
copyFileSync(contribution, toSwitch);
files.push(proposals, contribution, older, toSwitch);

const served = servedPerTest(() => files.shift()!);

const field = (page: Page, name: string): Locator => editorOf(page).locator(`.pl-cover-field[data-pl-name='${name}']`);

/** What CSS draws before and after a field (`none` when nothing). */
async function drawn(target: Locator): Promise<{ before: string; after: string }> {
  return target.evaluate((element) => ({
    before: getComputedStyle(element, '::before').content,
    after: getComputedStyle(element, '::after').content,
  }));
}

/** Select All in the editor, then Copy: the selection's text and the plain text put on the clipboard. */
async function selectAllAndCopy(page: Page): Promise<{ selection: string; copied: string }> {
  await caret(field(page, 'title'), 'end');
  await page.evaluate(() => {
    const win = window as unknown as { copied: string };
    win.copied = '';
    window.addEventListener('copy', (event) => (win.copied = event.clipboardData?.getData('text/plain') ?? ''), { once: true });
  });
  await page.keyboard.press('Control+A');
  await afterPaint(page);
  const selection = await page.evaluate(() => document.getSelection()!.toString());
  await page.keyboard.press('Control+C');
  await afterPaint(page);
  const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
  return { selection, copied };
}

/** The top of a field's box on the page, and its left edge. */
async function placeOf(target: Locator): Promise<{ top: number; left: number; right: number }> {
  const box = (await target.boundingBox())!;
  return { top: Math.round(box.y), left: Math.round(box.x), right: Math.round(box.x + box.width) };
}

describe('The fixed text of the cover, in Chromium', () => {
  it('shows Document and Original: on a French proposals cover, laid out as in Word, and none of it is copied', async () => {
    const { page } = served;
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect.poll(() => field(page, 'documentNumber').count()).toBe(1);
    expect(await drawn(field(page, 'documentNumber'))).toEqual({ before: '"Document "', after: 'none' });
    expect(await drawn(field(page, 'originalLanguage'))).toEqual({ before: '"Original: "', after: 'none' });
    // The field's own text is what it was: the heading is not in it.
    expect(await field(page, 'documentNumber').innerText()).toBe('56-F');
    expect(await field(page, 'originalLanguage').innerText()).toBe('français');
    // Word's layout: the conference top right; the meeting line left, beside the number on the right.
    const session = await placeOf(field(page, 'session'));
    const meeting = await placeOf(field(page, 'meeting'));
    const number = await placeOf(field(page, 'documentNumber'));
    expect(number.top).toBe(meeting.top);
    expect(meeting.right).toBeLessThanOrEqual(number.left);
    expect(session.left).toBe(number.left);
    expect(session.top).toBeLessThan(number.top);

    const { selection, copied } = await selectAllAndCopy(page);
    for (const text of [selection, copied]) {
      expect(text).toContain('56-F');
      expect(text).toContain('français');
      expect(text).not.toContain('Document');
      expect(text).not.toContain('Original');
    }
    await page.keyboard.press('Control+Home');
    await shot(page, 'cover-proposals-fr');
  });

  it("shows Point de l'ordre du jour:, the box's headings and its rule on C26/93, as Word does; typing stays in the field", async () => {
    const { page } = served;
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect.poll(() => field(page, 'agendaItem').count()).toBe(1);
    expect(await drawn(field(page, 'agendaItem'))).toEqual({ before: `"Point de l'ordre du jour: "`, after: 'none' });
    expect((await drawn(field(page, 'purpose'))).before).toBe('"Objet"');
    expect((await drawn(field(page, 'actionRequired'))).before).toBe('"Suite à donner par le Conseil"');
    expect((await drawn(field(page, 'references'))).before).toBe('"__________________\\a Références"');
    // The agenda item beside the document number, as in Word's cover table.
    expect((await placeOf(field(page, 'agendaItem'))).top).toBe((await placeOf(field(page, 'documentNumber'))).top);
    // No session line on this cover: the source still comes after the table, the title after it.
    expect((await placeOf(field(page, 'source'))).top).toBeGreaterThan((await placeOf(field(page, 'originalLanguage'))).top);
    expect((await placeOf(field(page, 'title'))).top).toBeGreaterThan((await placeOf(field(page, 'source'))).top);
    expect((await placeOf(field(page, 'purpose'))).top).toBeGreaterThan((await placeOf(field(page, 'title'))).top);

    await shot(page, 'cover-c26-93-fr');

    // Typing at the start of the agenda item goes into its text, after the heading.
    await caret(field(page, 'agendaItem'), 'start');
    await page.keyboard.type('X ');
    expect(await field(page, 'agendaItem').innerText()).toBe('X PL 2');
    const { copied } = await selectAllAndCopy(page);
    expect(copied).toContain('X PL 2');
    expect(copied).not.toContain("Point de l'ordre du jour");
    expect(copied).not.toMatch(/^Objet$/m);
  });

  it('opens a proposals document saved before the meeting line with the line in its place, empty, beside the number', async () => {
    const { page } = served;
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect.poll(() => field(page, 'meeting').count()).toBe(1);
    expect((await field(page, 'meeting').innerText()).trim()).toBe('');
    // Its placeholder says what goes there; the number beside it has its Document.
    expect((await drawn(field(page, 'meeting'))).before).toBe('"Meeting (e.g. PLENARY MEETING, COMMITTEE 5)"');
    expect((await placeOf(field(page, 'meeting'))).top).toBe((await placeOf(field(page, 'documentNumber'))).top);
    expect(await drawn(field(page, 'documentNumber'))).toEqual({ before: '"Document "', after: 'none' });
    await shot(page, 'cover-format-2');
  });

  it("switched to English from the toolbar, C26/93's cover reads as an English cover, and is saved so", async () => {
    const { page } = served;
    // Wide enough for the whole toolbar: its language drop-down is in view, not in the More menu.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => field(page, 'documentNumber').innerText()).toBe('C26/93-F');
    await page.getByLabel('Document language').selectOption('en');
    // The data fields follow the language, as a carry-over writes them; the fixed text too.
    await expect.poll(() => field(page, 'documentNumber').innerText()).toBe('C26/93-E');
    expect(await field(page, 'date').innerText()).toBe('14 April 2026');
    expect(await field(page, 'originalLanguage').innerText()).toBe('Russian');
    expect((await drawn(field(page, 'agendaItem'))).before).toBe('"Agenda item: "');
    // The drop-down and the status bar say so too.
    await expect.poll(() => page.getByLabel('Document language').inputValue()).toBe('en');
    await expect.poll(() => page.locator('.status-bar').innerText()).toContain('English');
    // The prose is the translator's: the title stays as written.
    expect(await field(page, 'title').innerText()).toMatch(/^PROJET DE RÉVISION DE LA RÉSOLUTION 1332/);
    await shot(page, 'cover-c26-93-en');

    await editorOf(page).focus();
    await page.keyboard.press('Control+s');
    await expect.poll(() => parseDocument(readFileSync(toSwitch, 'utf8')).doc.attrs.language).toBe('en');
    const saved = parseDocument(readFileSync(toSwitch, 'utf8')).doc;
    const fields: Record<string, string> = {};
    saved.firstChild!.forEach((node) => void (fields[node.attrs.name as string] = node.textContent));
    expect(fields).toMatchObject({ documentNumber: 'C26/93-E', date: '14 April 2026', originalLanguage: 'Russian', agendaItem: 'PL 2' });
  });
});
