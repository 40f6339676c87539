/**
 * End to end, in Chromium against `plenary serve`: another program changes the open file on disk,
 * the user edits and saves, and the conflict dialog asks what to do — explaining what changed and
 * when, holding the focus (Tab and Shift+Tab wrap inside it), Escape cancelling. Each choice is
 * taken in its own test, and the file on disk and the editor are checked afterwards: Cancel (the
 * keyboard's Escape), Overwrite (by keyboard), Reload from Disk, Save As….
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/file/index.js';
import { tempDir } from '../support/browser.js';
import { afterPaint, caret, editorOf, pickFile, servedPerTest, shot } from '../support/page.js';
import { fixtureDocument } from '../support/fixtures.js';

/** Words of item a) of *rappelant*, which the other program edits. */
const THEIRS_AT = "l'intégration du principe";
const THEIRS = 'EXTERNE ';
const MINE = 'LOCAL ';

let file: string;
let opened: string;

const served = servedPerTest(() => {
  file = path.join(tempDir('conflict-docs'), 'res1332.plenary');
  opened = serializeDocument(fixtureDocument('council-res-1332-c24.txt'));
  writeFileSync(file, opened);
  return file;
});

/** Another program writes its own version of the file; returns what it wrote. */
function changeOnDisk(): string {
  const theirs = opened.replace(THEIRS_AT, `${THEIRS}${THEIRS_AT}`);
  expect(theirs).not.toBe(opened);
  writeFileSync(file, theirs);
  return theirs;
}

/** Types `MINE` at the start of the first item and saves with Ctrl+S: the conflict dialog opens. */
async function editAndSave(): Promise<ReturnType<Page['getByRole']>> {
  await caret(editorOf(served.page).locator('.pl-item-text').first(), 'start');
  await served.page.keyboard.type(MINE);
  await served.page.keyboard.press('Control+s');
  const dialog = served.page.getByRole('alertdialog', { name: 'res1332.plenary was changed on disk' });
  await dialog.waitFor({ timeout: 15_000 });
  return dialog;
}

const focusedLabel = () => served.page.evaluate(() => document.activeElement?.textContent ?? '');

describe('a save over a file changed on disk', () => {
  it('explains what changed and when, keeps the focus inside, and Escape cancels: nothing written, nothing lost', async () => {
    const theirs = changeOnDisk();
    const changedAt = statSync(file).mtime;
    const dialog = await editAndSave();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Another program or window changed the file at');
    // The time shown is the file's, as the page's locale writes it.
    const shown = await served.page.evaluate(
      (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
      changedAt.toISOString(),
    );
    expect(text).toContain(shown);
    await shot(served.page, 'save-conflict-dialog');

    // The safe choice has the focus; Tab goes round the four buttons and never leaves the dialog.
    expect(await focusedLabel()).toBe('Save As…');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await served.page.keyboard.press('Tab');
      order.push(await focusedLabel());
    }
    expect(order).toEqual(['Cancel', 'Reload from Disk', 'Overwrite', 'Save As…']);
    await served.page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Overwrite');
    await served.page.keyboard.press('Shift+Tab');
    await served.page.keyboard.press('Shift+Tab');
    await served.page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Save As…');

    await served.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(await editorOf(served.page).textContent()).toContain(MINE);
    expect(await served.page.title()).toMatch(/•/);
    // Typing goes to the editor again, where it was.
    await served.page.keyboard.type('Z');
    await afterPaint(served.page);
    expect(await editorOf(served.page).locator('.pl-item-text').first().textContent()).toMatch(/^LOCAL Z/);
  });

  it('Overwrite, by keyboard: my version is on disk, theirs kept as .bak, and the next save goes through', async () => {
    const theirs = changeOnDisk();
    await editAndSave();
    await served.page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Overwrite');
    const saved = served.page.waitForResponse((r) => r.url().endsWith('/api/call/save'));
    await served.page.keyboard.press('Enter');
    expect((await saved).ok()).toBe(true);
    await served.page.locator('.message', { hasText: 'Saved res1332.plenary' }).waitFor();
    expect(await served.page.getByRole('alertdialog').count()).toBe(0);
    const mine = readFileSync(file, 'utf8');
    expect(mine).toContain(MINE);
    expect(mine).not.toContain(THEIRS);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(theirs);
    // The Enter that chose did not reach the page.
    expect(await editorOf(served.page).locator('.pl-item-text').first().textContent()).toMatch(/^LOCAL /);
    // Saved at the new revision: another edit saves without a question.
    await served.page.keyboard.type('Y');
    const again = served.page.waitForResponse((r) => r.url().endsWith('/api/call/save'));
    await served.page.keyboard.press('Control+s');
    expect(((await (await again).json()) as { ok: boolean }).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('LOCAL Y');
  });

  it('Reload from Disk: the editor shows their version, mine is dropped, the file is untouched', async () => {
    const theirs = changeOnDisk();
    const dialog = await editAndSave();
    await dialog.getByRole('button', { name: 'Reload from Disk' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => editorOf(served.page).textContent()).toContain(`${THEIRS}${THEIRS_AT}`);
    expect(await editorOf(served.page).textContent()).not.toContain(MINE);
    expect(await served.page.title()).not.toMatch(/•/);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('Save As…: my version goes to a new file, theirs stays, and the window holds the new file', async () => {
    const theirs = changeOnDisk();
    const dialog = await editAndSave();
    await dialog.getByRole('button', { name: 'Save As…' }).click();
    await pickFile(served.page, 'res1332-mine.plenary');
    await served.page.locator('.message', { hasText: 'Saved res1332-mine.plenary' }).waitFor();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    const mine = readFileSync(path.join(path.dirname(file), 'res1332-mine.plenary'), 'utf8');
    expect(mine).toContain(MINE);
    expect(mine).not.toContain(THEIRS);
    expect(await served.page.title()).toMatch(/^res1332-mine\.plenary/);
  });
});
