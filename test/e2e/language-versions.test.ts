/**
 * End to end, in Debian's Chromium against `plenary serve`: a translator has the English
 * Resolution 1332 in force open. View → Language Versions… (toolbar: Languages…) takes the French
 * contribution: its changes come in as tracked changes, the French beside the English row by row;
 * Alt+Shift+T goes to the next item to translate, the translator types the English, Alt+Shift+D
 * marks it translated; the delegate changes that item in the French, the source is read again, and
 * the item is stale ("changed in source"), the text it was translated from struck beside the new.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../../shared/compare/index.js';
import { serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import { ROOT, tempDir } from '../support/browser.js';
import {
  answerAuthor,
  DESKTOP_VIEWPORT,
  editorOf,
  openServedEditor,
  pickFile,
  selectText,
  shot,
  type ServedEditor,
} from '../support/page.js';

const FR_TEXT = readFileSync(path.join(ROOT, 'test', 'fixtures', 'council-res-1332-c24.txt'), 'utf8');
const EN = path.join(ROOT, 'test', 'fixtures', 'parallel', 'council-res-1332-c24-en.txt');

/** The French contribution: a new invite 6 worded `wording`, and considérant a) changed. */
function frenchContribution(wording: string): string {
  const revised = FR_TEXT.replace(
    "6\tà encourager les membres de l'Union",
    `6\t${wording}\n7\tà encourager les membres de l'Union`,
  ).replace('un rôle déterminant', 'un rôle essentiel');
  return serializeDocument(
    compareDocuments(importText(FR_TEXT).doc, importText(revised).doc, { author: 'Fédération de Russie', date: '2026-04-14T09:00:00Z' }),
  );
}

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-language-versions');
  copyFileSync(EN, path.join(folder, 'res1332-en.txt'));
  writeFileSync(path.join(folder, 'c26-93-fr.plenary'), frenchContribution("à soutenir l'examen du SMSI+20 en 2025;"));
  served = await openServedEditor({
    name: 'e2e-language-versions',
    host: { file: path.join(folder, 'res1332-en.txt') },
    problems,
    viewport: DESKTOP_VIEWPORT,
  });
  page = served.page;
  await page.locator('.pl-item-text', { hasText: 'the contribution submitted by ITU' }).waitFor();
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

const unitWith = (text: string) =>
  editorOf(page)
    .locator('.pl-item', { has: page.locator(':scope > .pl-item-text', { hasText: text }) })
    .first();

describe('Language versions side by side, in Chromium', () => {
  it('carries the French proposal in, goes to the item to translate, translates it, marks it translated', async () => {
    await page.locator('[data-command="language-versions"]').click();
    await pickFile(page, 'c26-93-fr.plenary');
    // The carried version is the proposal in English: tracking on, under the translator's name.
    await answerAuthor(page, 'Ana Translator');
    await expect.poll(() => page.locator('.source-pane .source-row').count()).toBeGreaterThan(50);
    expect(await page.locator('.status-bar').innerText()).toMatch(/Track changes: on/);
    await expect.poll(() => page.locator('.status-translate').innerText()).toBe('2 left to translate');
    const added = unitWith("à soutenir l'examen du SMSI+20");
    expect(await added.getAttribute('data-translation')).toBe('to-translate');
    expect(await unitWith('that ITU has a crucial role').getAttribute('data-translation')).toBe('changed-in-source');

    // The next item to translate: considering a) (changed in source), then the new invite 6.
    await editorOf(page).locator('.pl-item-text').first().click();
    await page.keyboard.press('Alt+Shift+T');
    await page.keyboard.press('Alt+Shift+T');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('to support the WSIS+20 review in 2025;');
    const translated = unitWith('to support the WSIS+20 review in 2025;');
    await expect.poll(() => translated.getAttribute('data-translation')).toBe('to-translate');
    await page.keyboard.press('Alt+Shift+D');
    await expect.poll(() => translated.getAttribute('data-translation')).toBe('translated');
    await expect.poll(() => page.locator('.status-translate').innerText()).toBe('1 left to translate');
    // The outline row of the item says it too (the outline follows the cursor).
    await expect.poll(() => page.locator('.outline-row.outline-current').getAttribute('data-translation')).toBe('translated');
    // The French row beside it, on the same line.
    const row = page.locator('.source-row', { hasText: "à soutenir l'examen du SMSI+20" });
    const [rowBox, unitBox] = [await row.boundingBox(), await translated.boundingBox()];
    expect(Math.abs(rowBox!.y - unitBox!.y)).toBeLessThan(4);
    // Typed over the French of an item the carry-over inserted: the French goes, nothing struck.
    expect(await translated.locator('del').count()).toBe(0);
  });

  it("tracks the translator's rewording of an item changed in source, as the French marks it", async () => {
    const changed = unitWith('role to play in giving a global perspective');
    await selectText(changed.locator(':scope > .pl-item-text'), 'crucial');
    await page.keyboard.type('essential');
    await expect.poll(() => changed.locator(':scope > .pl-item-text ins.pl-ins').innerText()).toBe('essential');
    expect(await changed.locator(':scope > .pl-item-text del').innerText()).toBe('crucial');
    await page.keyboard.press('Alt+Shift+D');
    await expect.poll(() => changed.getAttribute('data-translation')).toBe('translated');
  });

  it('shows the item stale when the source changes it after it was translated', async () => {
    writeFileSync(path.join(folder, 'c26-93-fr.plenary'), frenchContribution("à soutenir activement l'examen du SMSI+20 en 2025;"));
    await page.locator('[data-command="language-versions"]').click();
    await pickFile(page, 'c26-93-fr.plenary');
    const translated = unitWith('to support the WSIS+20 review in 2025;');
    await expect.poll(() => translated.getAttribute('data-translation')).toBe('changed-in-source');
    // considering a), translated against a source that did not change since, stays translated.
    await expect.poll(() => page.locator('.status-translate').innerText()).toBe('1 left to translate');
    const row = page.locator('.source-row', { hasText: 'activement' });
    expect(await row.locator('.source-row-previous').innerText()).toBe("à soutenir l'examen du SMSI+20 en 2025;");
    await translated.scrollIntoViewIfNeeded();
    await shot(page, 'language-versions');
    expect(problems).toEqual([]);
  });
});
