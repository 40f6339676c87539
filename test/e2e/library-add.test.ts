/**
 * End to end, in Debian's Chromium against `plenary serve`: a delegate adds a text in force to the
 * library from the editor (toolbar "Library…", File → Add to Library… in the desktop app), checks
 * what was read (number, body, version, language), and finds it at once in Add Proposal… to make a
 * MOD of it. Adding it again asks before anything is replaced.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/browser.js';
import { fixturePath } from '../support/fixtures.js';
import { answerAuthor, caret, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';

let served: ServedEditor;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const folder = tempDir('e2e-library-docs');
  copyFileSync(fixturePath('parallel/council-res-1332-c24-en.txt'), path.join(folder, 'res-1332-en.txt'));
  served = await openServedEditor({ name: 'e2e-library', host: { folder }, problems });
  page = served.page;
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

/** Toolbar "Library…" → From a file… → the file in the in-page picker: the dialog showing what was read. */
async function chooseForLibrary(name: string) {
  await page.getByRole('button', { name: /Add a text in force to the library/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to the library' });
  await dialog.getByRole('button', { name: 'From a file…' }).click();
  await pickFile(page, name);
  await dialog.getByLabel('Version').waitFor({ timeout: 20_000 });
  return dialog;
}

describe('Add to Library…, in Chromium', () => {
  it('adds a text from a file, as read and corrected', async () => {
    const dialog = await chooseForLibrary('res-1332-en.txt');
    expect(await dialog.locator('.library-candidate').innerText()).toMatch(/RESOLUTION 1332 \(C11, last amended C24\)/);
    expect(await dialog.getByLabel('Number').inputValue()).toBe('1332');
    expect(await dialog.getByLabel('Body').inputValue()).toBe('Council');
    expect(await dialog.getByLabel('Version').inputValue()).toBe('C11, last amended C24');
    expect(await dialog.getByLabel('Language').inputValue()).toBe('en');
    // A number the library cannot file is flagged before anything is sent.
    await dialog.getByLabel('Number').fill('13x2');
    expect(await dialog.locator('.field-problem').innerText()).toMatch(/number such as 30/);
    expect(await dialog.getByRole('button', { name: 'Add to library' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Number').fill('1332');
    await shot(page, 'library-add-confirm');
    await dialog.getByLabel('Version').press('Enter');
    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() => page.locator('.messages').innerText())
      .toMatch(/Added to the library: RESOLUTION 1332 \(C11, last amended C24\), Council \(en\)/);
  });

  it('asks before adding the same text again; Cancel keeps the library as it was', async () => {
    const dialog = await chooseForLibrary('res-1332-en.txt');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    const asked = page.getByRole('dialog', { name: 'Already in the library' });
    await asked.waitFor();
    expect(await asked.innerText()).toMatch(/already holds RESOLUTION 1332 \(C11, last amended C24\), Council \(en\)/);
    await shot(page, 'library-add-duplicate');
    await page.keyboard.press('Escape');
    await expect.poll(() => asked.count()).toBe(0);
  });

  it('finds the added text in Add Proposal… and makes a MOD of it', async () => {
    await page.getByRole('button', { name: /New proposals to a conference/ }).click();
    const made = page.getByRole('dialog', { name: 'New proposals to a conference' });
    await page.keyboard.type('sen');
    // A conference no ITU source confirmed is marked, and the dialog says so.
    await made.getByLabel('Conference').selectOption('WRC-27');
    expect(await made.getByLabel('Conference').locator('option:checked').innerText()).toBe('WRC-27 (unverified)');
    expect(await made.locator('.unverified-conference').innerText()).toMatch(/WRC-27 is not confirmed by an ITU source/);
    await made.getByLabel('Conference').selectOption('PP-26');
    expect(await made.locator('.unverified-conference').count()).toBe(0);
    await made.getByLabel('Language').selectOption('en');
    await made.getByLabel('Document number').fill('56');
    await made.getByLabel('Document number').press('Enter');
    await answerAuthor(page, 'Senegal');
    const editor = editorOf(page);
    await expect.poll(() => editor.locator(".pl-cover-field[data-pl-name='meeting']").innerText()).toBe('PLENARY MEETING');
    // The meeting line is a field of the cover form: Tab goes to it from the place line, Tab on to the number.
    const fieldAtCaret = () =>
      page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('.pl-cover-field')?.getAttribute('data-pl-name'));
    await caret(editor.locator(".pl-cover-field[data-pl-name='placeAndDates']"), 'end');
    await page.keyboard.press('Tab');
    await expect.poll(fieldAtCaret).toBe('meeting');
    await page.keyboard.press('Tab');
    await expect.poll(fieldAtCaret).toBe('documentNumber');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(fieldAtCaret).toBe('meeting');

    await page.locator('.proposals-panel').getByRole('button', { name: '+ Add…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a proposal' });
    await add.getByLabel('Symbol').selectOption('MOD');
    await add.getByLabel('Search the library').fill('1332 WSIS');
    const english = add.locator('.library-results li', { hasText: '· en' });
    await expect.poll(() => english.count(), { timeout: 20_000 }).toBe(1);
    await english.click();
    await add.getByRole('button', { name: 'Add MOD' }).click();
    await expect.poll(() => add.count(), { timeout: 20_000 }).toBe(0);
    const mod = editor.locator('.pl-proposal').first();
    expect(await mod.locator('.pl-proposal-line').innerText()).toMatch(/MOD\s*SEN\/56\/1/);
    expect(await mod.locator('.pl-number-line').innerText()).toBe('RESOLUTION 1332 (C11, last amended C24)');
    expect(await mod.locator('.pl-title').innerText()).toMatch(/ITU's role in implementing the outcomes of WSIS/);
    await expect.poll(() => page.locator('.proposal-row .proposal-identifier').allInnerTexts()).toEqual(['SEN/56/1']);
    await shot(page, 'library-add-mod');
    expect(problems).toEqual([]);
  });
});
