/**
 * Issue 15, end to end in Chromium against `plenary serve`: the delegate's C26/93 job through the
 * UI, keyboard and mouse, with tracking on over the whole contribution. Revise… on Resolution 1332;
 * the cover filled with Tab and Enter inside it; words changed, an item inserted and one deleted, a
 * footnote added with Ctrl+Alt+F and written in its own editor, a selection across a section's edge
 * deleted, undo and redo; saved, reopened (tracking still on) and exported in the three Word views.
 * The marked, final and original text of the result is checked against what the delegate did.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import { writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { ROOT, tempDir } from '../support/browser.js';
import { answerAuthor, caret, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';

/** The footnote's own editor has the keyboard: what is typed next goes into the note. */
async function footnoteEditorFocused(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator('.pl-footnote-editor .ProseMirror')
        .evaluate((element) => element === document.activeElement || element.contains(document.activeElement)),
    )
    .toBe(true);
}

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'council-res-1332-c24.txt');

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-delegate-job');
  copyFileSync(FIXTURE, path.join(folder, 'res1332.txt'));
  served = await openServedEditor({ name: 'e2e-delegate-job', host: { folder }, problems });
  page = served.page;
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

const section = (keyword: RegExp) =>
  editorOf(page).locator('.pl-annex .pl-section', { has: page.locator('.pl-keyword', { hasText: keyword }) });
const field = (name: string) => editorOf(page).locator(`.pl-cover-field[data-pl-name='${name}']`);

describe('the C26/93 job with tracking on, keyboard and mouse', () => {
  it('Revise…: a contribution, tracking on (saved with it), the caret in the cover', async () => {
    await page.getByRole('button', { name: /New revision of a resolution/ }).click();
    await pickFile(page, 'res1332.txt');
    await answerAuthor(page, 'Fédération de Russie');
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');
    // The whole document is tracked, the cover too.
    await page.locator('.status-scope').click();
    await expect.poll(() => page.locator('.status-scope').innerText()).toBe('Tracks: whole document');
  });

  it('fills the cover with Tab and Enter moving between its fields, never duplicating one', async () => {
    const fields = await editorOf(page).locator('.pl-cover-field').count();
    await caret(field('session'), 'end');
    await page.keyboard.type('Conseil 2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type(' Genève, 9-19 juin 2026');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' PL 2');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(',');
    expect(await editorOf(page).locator('.pl-cover-field').count()).toBe(fields);
    expect(await field('session').innerText()).toContain('Conseil 2026');
    expect(await field('placeAndDates').innerText()).toContain('Genève, 9-19 juin 2026,');
    expect(await field('agendaItem').innerText()).toContain('PL 2');
    expect(await editorOf(page).locator('.pl-cover ins.pl-ins').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.status-dirty').count()).toBe(1);
  });

  it('changes words, inserts an item with Enter, adds a footnote in its own editor', async () => {
    const decide = section(/^décide$/);
    await caret(decide.locator('.pl-item-text').first(), 'end');
    await page.keyboard.type(' et en rend compte');
    await page.keyboard.press('Enter');
    await page.keyboard.type("d'examiner la Résolution 80/173");
    // Ctrl+Alt+F: the caret goes into the new note; what is typed stays there, tracked.
    await page.keyboard.press('Control+Alt+f');
    await page.locator('.pl-footnote-editor .ProseMirror').waitFor();
    await footnoteEditorFocused(page);
    // The box opens on screen, whole (it is placed in the frame after it opens: wait for it there).
    const viewport = page.viewportSize()!;
    await expect
      .poll(async () => {
        const box = (await page.locator('.pl-footnote-editor').boundingBox())!;
        return box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
      })
      .toBe(true);
    await page.keyboard.type('Voir le Document C26/59.');
    await page.keyboard.press('Escape');
    await page.keyboard.type(';');
    const items = decide.locator('.pl-item-text');
    await expect.poll(() => items.nth(1).innerText()).toMatch(/^d'examiner la Résolution 80\/173\d*;$/);
    await expect.poll(() => decide.locator('.pl-footnote').last().getAttribute('title')).toBe('Voir le Document C26/59.');
    expect(await decide.innerText()).not.toContain('Voir le Document');
    await shot(page, 'delegate-job-footnote');
    // An existing footnote at the end of a long line, near the right edge: its box stays on screen too.
    const note = editorOf(page).locator('.pl-footnote').first();
    await note.scrollIntoViewIfNeeded();
    await note.click();
    await page.locator('.pl-footnote-editor .ProseMirror').waitFor();
    await footnoteEditorFocused(page);
    await expect
      .poll(async () => {
        const other = (await page.locator('.pl-footnote-editor').boundingBox())!;
        return other.x >= 0 && other.x + other.width <= page.viewportSize()!.width;
      })
      .toBe(true);
    // Typing there stays in the note, tracked, the box open key after key.
    await page.keyboard.type(' (rév.)');
    await expect.poll(() => note.getAttribute('title')).toMatch(/ \(rév\.\)$/);
    expect(await page.locator('.pl-footnote-editor').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('deletes a selection from the last décide item into the next section: exactly that is struck', async () => {
    const decide = section(/^décide$/);
    const charge = section(/^charge le Secrétaire général$/);
    const chargeItems = await charge.locator('.pl-item').count();
    await caret(decide.locator('.pl-item-text').last(), 'start');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Shift+ArrowDown');
    await page.keyboard.press('Control+Shift+ArrowDown');
    await page.keyboard.press('Delete');
    // The next section stands, its items untouched (not deleted and re-inserted).
    expect(await charge.locator('.pl-item').count()).toBe(chargeItems);
    expect(await charge.locator('.pl-block-insertion, ins.pl-ins').count()).toBe(0);
    expect(
      await decide
        .locator('.pl-item')
        .last()
        .evaluate((e) => e.classList.contains('pl-block-deletion') || !!e.querySelector('del')),
    ).toBe(true);
    // Undo and redo give the same.
    const before = await editorOf(page).innerHTML();
    await page.keyboard.press('Control+z');
    await expect.poll(() => charge.locator('del.pl-del, .pl-block-deletion').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => editorOf(page).innerHTML()).toBe(before);
  });

  it('saves, reopens with tracking on, and exports the three Word views', async () => {
    await page.keyboard.press('Control+s');
    await pickFile(page, 'c26-93.plenary');
    await expect.poll(() => page.title()).toMatch(/^c26-93\.plenary/);
    const saved = parseDocument(readFileSync(path.join(folder, 'c26-93.plenary'), 'utf8')).doc;
    expect(saved.attrs.trackChanges).toBe(true);

    const marked = writeText(saved, { mode: 'marked' });
    const final = writeText(saved, { mode: 'final' });
    const original = writeText(saved, { mode: 'original' });
    expect(marked).toContain('[+ et en rend compte+]');
    expect(marked).toContain('Conseil 2026');
    expect(final).toContain("d'examiner la Résolution 80/173");
    expect(final).toContain('Voir le Document C26/59.');
    expect(final).toContain('charge le Secrétaire général');
    expect(original).not.toContain("d'examiner la Résolution 80/173");
    expect(original).not.toContain('Conseil 2026Conseil');

    // Open it again (the window holds it saved): tracking is still on.
    await page.locator('.status-tracking').click();
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: off');
    await page.locator('.status-tracking').click();
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');
    await page.keyboard.press('Control+s');
    // Keyboard only: the picker takes the focus on its first file, arrows move, Enter opens.
    await page.keyboard.press('Control+o');
    await page.locator('.picker').waitFor();
    const focused = () =>
      page.evaluate(() => (document.activeElement?.closest('.picker-list') ? document.activeElement.textContent : null));
    await expect.poll(focused).not.toBeNull();
    for (let i = 0; i < 10 && (await focused()) !== 'c26-93.plenary'; i++) await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('c26-93.plenary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');

    for (const [option, name] of [
      ['export-docx', 'c26-93-marked.docx'],
      ['export-docx-final', 'c26-93-final.docx'],
      ['export-docx-original', 'c26-93-original.docx'],
    ] as const) {
      await page.getByLabel('Export to Word').selectOption(option);
      await pickFile(page, name);
      await expect.poll(() => page.locator('.message', { hasText: `Exported ${name}` }).count()).toBeGreaterThan(0);
    }
    const marks = importDocx(readFileSync(path.join(folder, 'c26-93-marked.docx')));
    expect(marks.doc.attrs.trackChanges).toBe(true);
    expect(writeText(marks.doc, { mode: 'final' })).toContain("d'examiner la Résolution 80/173");
    expect(writeText(importDocx(readFileSync(path.join(folder, 'c26-93-final.docx'))).doc, { mode: 'marked' })).not.toContain('[+');
    expect(writeText(importDocx(readFileSync(path.join(folder, 'c26-93-original.docx'))).doc, { mode: 'marked' })).not.toContain(
      "d'examiner la Résolution 80/173",
    );
    expect(problems).toEqual([]);
  });
});
