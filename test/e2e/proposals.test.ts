/**
 * End to end, in Debian's Chromium against `plenary serve`: a delegation drafts proposals to a
 * conference. New Proposals… (toolbar "Proposals…", File → New Proposals to a Conference… in the
 * desktop app), the Add Proposal dialog picks texts from the library of texts in force (seeded from
 * resources/library), the MOD is edited with tracking on, Reasons are written, the panel re-orders
 * proposals (identifiers follow), and the document saves and exports to Word with the MOD's
 * revisions and none in the ADD.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import { writeText } from '../../shared/export/index.js';
import { pandoc } from '../support/office.js';
import { tempDir } from '../support/browser.js';
import { answerAuthor, caret, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-proposals-docs');
  served = await openServedEditor({ name: 'e2e-proposals', host: { folder }, problems });
  page = served.page;
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

/** `symbol identifier` of each row of the Proposals panel. */
async function panelRows(): Promise<string[]> {
  const rows = page.locator('.proposal-row');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push(`${await row.locator('.proposal-symbol').innerText()} ${await row.locator('.proposal-identifier').innerText()}`);
  }
  return out;
}

/** Whether the element stands inside the window. */
async function isOnScreen(target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height;
}

async function addFromLibrary(symbol: string, query: string): Promise<void> {
  await page.locator('.proposals-panel').getByRole('button', { name: '+ Add…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a proposal' });
  await dialog.getByLabel('Symbol').selectOption(symbol);
  await dialog.getByLabel('Search the library').fill(query);
  // The first search opens (and seeds) the library, and the text is read in the host's import
  // worker: on a loaded machine that takes a few seconds.
  await expect.poll(() => dialog.locator('.library-results li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await dialog.getByLabel('Search the library').press('Enter');
  await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
}

describe('Proposals to a conference, in Chromium', () => {
  it('creates a proposals document from the dialog, keyboard only', async () => {
    await page.getByRole('button', { name: /New proposals to a conference/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New proposals to a conference' });
    // The first field has the focus.
    await page.keyboard.type('sen');
    expect(await dialog.getByLabel('Source prefix').inputValue()).toBe('SEN');
    await dialog.getByLabel('Conference').selectOption('WTDC-25');
    await dialog.getByLabel('Language').selectOption('fr');
    await dialog.getByLabel('Document number').fill('56');
    await dialog.getByLabel('Document number').press('Enter');
    await answerAuthor(page, 'Sénégal');
    const editor = editorOf(page);
    await expect.poll(() => editor.locator(".pl-cover-field[data-pl-name='session']").innerText()).toMatch(/CMDT-25/);
    expect(await page.locator('.proposals-panel').innerText()).toMatch(/No proposal yet/);
  });

  it('adds a MOD and a SUP from the library and an ADD by its title; identifiers in order', async () => {
    await addFromLibrary('MOD', '30');
    await expect.poll(panelRows).toEqual(['MOD SEN/56/1']);
    // The MOD proposes the new conference in the number line at once.
    const editor = editorOf(page);
    const mod = editor.locator('.pl-proposal').first();
    expect(await mod.locator('.pl-proposal-line').innerText()).toMatch(/MOD\s*SEN\/56\/1/);
    // The new proposal shows from its start, where the caret is: a whole resolution centred would
    // show its middle, pages away from the caret.
    await expect.poll(() => isOnScreen(mod.locator('.pl-proposal-line'))).toBe(true);
    expect(await mod.locator('.pl-number-line del').innerText()).toBe('Kigali, 2022');
    expect(await mod.locator('.pl-number-line ins').innerText()).toBe('Bakou, 2025');

    await addFromLibrary('SUP', 'Résolution 1332');
    await page.locator('.proposals-panel').getByRole('button', { name: '+ Add…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a proposal' });
    await dialog.getByLabel('Symbol').selectOption('ADD');
    await dialog.getByLabel('Title of the new resolution').fill('Accessibilité des services numériques');
    await dialog.getByRole('button', { name: 'Add ADD' }).click();
    await expect.poll(panelRows).toEqual(['MOD SEN/56/1', 'SUP SEN/56/2', 'ADD SEN/56/3']);
    expect(await editor.locator('.pl-proposal').nth(2).locator('.pl-number-line').innerText()).toBe(
      'PROJET DE NOUVELLE RÉSOLUTION [SEN-1]',
    );
    // The SUP requires Reasons: flagged in the page and in the panel.
    expect(await editor.locator('.pl-proposal').nth(1).locator('.pl-reasons-required').count()).toBe(1);
    expect(await page.locator('.proposal-row').nth(1).locator('.proposal-warning').count()).toBe(1);
    await shot(page, 'proposals-added');
  });

  it('tracks edits in the MOD only, takes Reasons, and re-orders from the panel', async () => {
    const editor = editorOf(page);
    const mod = editor.locator('.pl-proposal').first();
    await caret(mod.locator('.pl-item-text').first(), 'end');
    await page.keyboard.type(' et son suivi');
    await expect.poll(() => mod.locator('.pl-item-text ins.pl-ins').first().innerText()).toBe(' et son suivi');
    const add = editor.locator('.pl-proposal').nth(2);
    await caret(add.locator('.pl-item-text').first(), 'start');
    await page.keyboard.type("que l'accessibilité est un droit;");
    expect(await add.locator('ins.pl-ins').count()).toBe(0);
    const sup = editor.locator('.pl-proposal').nth(1);
    await caret(sup.locator('.pl-reasons'), 'start');
    await page.keyboard.type('La Résolution est remplacée par la nouvelle résolution ');
    // A live reference to the ADD, from the panel: it reads the ADD's identifier, now and after moves.
    await page.getByRole('button', { name: 'Refer to SEN/56/3 at the cursor' }).click();
    await page.keyboard.type('.');
    await expect.poll(() => sup.locator('.pl-proposal-ref').getAttribute('data-label')).toBe('SEN/56/3');
    await expect.poll(() => sup.locator('.pl-reasons-required').count()).toBe(0);
    expect(await sup.locator('.pl-reasons ins.pl-ins').count()).toBe(0);

    // ADD first: every identifier follows.
    await page.getByRole('button', { name: 'Move SEN/56/3 up' }).click();
    await expect.poll(panelRows).toEqual(['MOD SEN/56/1', 'ADD SEN/56/2', 'SUP SEN/56/3']);
    await page.getByRole('button', { name: 'Move SEN/56/2 up' }).click();
    await expect.poll(panelRows).toEqual(['ADD SEN/56/1', 'MOD SEN/56/2', 'SUP SEN/56/3']);
    await expect.poll(() => editor.locator('.pl-proposal-ref').getAttribute('data-label')).toBe('SEN/56/1');
    expect(await editor.locator('.pl-proposal').first().locator('.pl-proposal-line').innerText()).toMatch(/ADD\s*SEN\/56\/1/);
    // The panel jumps to a proposal.
    await page.locator('.proposal-row').nth(2).locator('.proposal-jump').click();
    await expect.poll(() => page.locator('.proposal-current .proposal-identifier').innerText()).toBe('SEN/56/3');
    await shot(page, 'proposals-reordered');
  });

  it('saves, and exports to Word with the MOD revisions and none in the ADD', async () => {
    await page.keyboard.press('Control+s');
    await pickFile(page, 'sen-56.plenary');
    await expect.poll(() => page.title()).toMatch(/^sen-56\.plenary/);
    const saved = parseDocument(readFileSync(path.join(folder, 'sen-56.plenary'), 'utf8')).doc;
    const marked = writeText(saved, { mode: 'marked' });
    expect(marked).toContain('ADD\tSEN/56/1\nPROJET DE NOUVELLE RÉSOLUTION [SEN-1]');
    expect(marked).toContain('MOD\tSEN/56/2\nRÉSOLUTION 30 (Rév. [-Kigali, 2022-][+Bakou, 2025+])');
    expect(marked).toContain('[+ et son suivi+]');
    expect(marked).toContain('Motifs:\tLa Résolution est remplacée par la nouvelle résolution SEN/56/1.');

    await page.locator('select[aria-label="Export to Word"]').selectOption({ label: 'with revision marks' });
    await pickFile(page, 'sen-56.docx');
    await expect.poll(() => page.locator('.messages').innerText()).toMatch(/sen-56\.docx/);
    const markdown = await pandoc(['--track-changes=all', '-t', 'markdown', path.join(folder, 'sen-56.docx')]);
    const addPart = markdown.slice(markdown.indexOf('ADD SEN/56/1'), markdown.indexOf('MOD SEN/56/2'));
    const modPart = markdown.slice(markdown.indexOf('MOD SEN/56/2'), markdown.indexOf('SUP SEN/56/3'));
    expect(addPart).toContain('accessibilité est un droit');
    expect(addPart).not.toMatch(/\{\.(insertion|deletion)/);
    expect(modPart).toMatch(/\[\s?et son suivi\]\{\.insertion/);
    expect(markdown).toMatch(/Motifs:\*\*\s+La Résolution est remplacée par la nouvelle résolution\s+SEN\/56\/1\./);
    expect(problems).toEqual([]);
  });
});
