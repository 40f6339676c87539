/**
 * End to end, in Debian's Chromium against `plenary serve`: the delegate's workflow of issue 5.
 * "Revise…" (File → New revision of a resolution… in the desktop app) asks for the resolution in
 * force, and a new untitled Council contribution opens: the cover to fill, Introduction and
 * Proposal, the resolution in the annex, tracking on. Filling the cover and writing the
 * introduction are the delegate's own text (not tracked); every edit in the resolution is a
 * proposed revision (tracked). Save asks for a new name; the resolution file is left as it was.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import { writeText } from '../../shared/export/index.js';
import { tempDir } from '../support/browser.js';
import { answerAuthor, caret, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';
import { fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-revision-docs');
  copyFileSync(FIXTURE, path.join(folder, 'res1332.txt'));
  // No file given: the app starts on a new resolution, as the desktop app does.
  served = await openServedEditor({ name: 'e2e-revision', host: { folder }, problems });
  page = served.page;
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

describe('New revision of a resolution, in Chromium', () => {
  it('builds a Council contribution around the chosen resolution, tracking on, cursor in the cover', async () => {
    await page.getByRole('button', { name: /New revision of a resolution/ }).click();
    await pickFile(page, 'res1332.txt');
    await answerAuthor(page, 'Délégation de la France');
    const editor = editorOf(page);
    await expect.poll(() => editor.locator('.pl-cover-field').count()).toBeGreaterThan(8);
    expect(await editor.locator('h2.pl-heading').allInnerTexts()).toEqual(['Introduction', 'Proposition']);
    expect(await editor.locator('.pl-annex-heading').first().innerText()).toBe('ANNEXE');
    expect(await editor.locator('.pl-annex .pl-number-line').innerText()).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(await editor.locator(".pl-cover-field[data-pl-name='title']").innerText()).toMatch(/Projet de révision de la Résolution 1332/i);
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');
    expect(await page.locator('.status-scope').innerText()).toBe('Tracks: resolution only');
    expect(await page.title()).toMatch(/^Untitled/);
    // The caret waits in the first cover field: typing fills the session, untracked.
    await page.keyboard.type('Session de 2026 du Conseil');
    expect(await editor.locator(".pl-cover-field[data-pl-name='session']").innerText()).toBe('Session de 2026 du Conseil');
    expect(await editor.locator('.pl-cover ins.pl-ins').count()).toBe(0);
    await shot(page, 'new-revision-cover');
  });

  it('leaves the introduction untracked and tracks every edit in the resolution', async () => {
    const editor = editorOf(page);
    // The empty paragraph under "Introduction".
    await caret(editor.locator('h2.pl-heading + p.pl-paragraph').first(), 'start');
    await page.keyboard.type("La France propose d'actualiser les références.");
    expect(await editor.locator('h2.pl-heading + p.pl-paragraph ins').count()).toBe(0);
    // In the annex, décide 1 of the resolution gains words: a tracked insertion.
    const decide = editor.locator('.pl-annex .pl-section', { has: page.locator('.pl-keyword', { hasText: /^décide$/ }) });
    await caret(decide.locator('.pl-item-text').first(), 'end');
    await page.keyboard.type(' et en rend compte');
    await expect.poll(() => decide.locator('ins.pl-ins').first().innerText()).toBe(' et en rend compte');
    await shot(page, 'new-revision-annex');
  });

  it('saves the contribution under a new name and leaves the resolution file as it was', async () => {
    const before = readFileSync(path.join(folder, 'res1332.txt'), 'utf8');
    await page.keyboard.press('Control+s');
    await pickFile(page, 'c26-contribution.plenary');
    await expect.poll(() => page.title()).toMatch(/^c26-contribution\.plenary/);
    const saved = parseDocument(readFileSync(path.join(folder, 'c26-contribution.plenary'), 'utf8')).doc;
    expect(saved.attrs.trackingScope).toBe('resolutions');
    const marked = writeText(saved, { mode: 'marked' });
    expect(marked).toContain('[+ et en rend compte+]');
    expect(marked).toContain('Session de 2026 du Conseil');
    expect(marked).not.toContain('[+Session');
    expect(marked).not.toContain('[+La France');
    expect(readFileSync(path.join(folder, 'res1332.txt'), 'utf8')).toBe(before);
  });

  it('switches what tracking covers from the status bar: the whole document, then the resolution again', async () => {
    const editor = editorOf(page);
    const scope = page.locator('.status-scope');
    expect(await scope.innerText()).toBe('Tracks: resolution only');
    await scope.click();
    await expect.poll(() => scope.innerText()).toBe('Tracks: whole document');
    expect(await page.locator('.status-tracking').innerText()).toBe('Track changes: on');
    const introduction = editor.locator('h2.pl-heading + p.pl-paragraph').first();
    await caret(introduction, 'end');
    await page.keyboard.type(' Merci.');
    await expect.poll(() => introduction.locator('ins.pl-ins').allInnerTexts()).toEqual([' Merci.']);
    await scope.click();
    await expect.poll(() => scope.innerText()).toBe('Tracks: resolution only');
    await caret(introduction, 'end');
    await page.keyboard.type(' Bien.');
    await expect.poll(() => introduction.innerText()).toMatch(/Merci\. Bien\.$/);
    expect(await introduction.locator('ins.pl-ins').allInnerTexts()).toEqual([' Merci.']);
    expect(problems).toEqual([]);
  });
});
