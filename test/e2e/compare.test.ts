/**
 * End to end, in Debian's Chromium against `plenary serve`: a translator has Resolution 1332 open
 * and the revised text beside it. "Compare…" (Review → Compare With Another Version… in the desktop
 * app) asks for the other version; a new untitled document opens with every difference as a
 * tracked change, word by word, listed in the changes panel, ready to review. Neither file changes.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/browser.js';
import { editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';
import { fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-compare-docs');
  copyFileSync(FIXTURE, path.join(folder, 'res1332.txt'));
  const revised = readFileSync(FIXTURE, 'utf8').replace('le rôle de coordonnateur principal', 'un rôle de coordonnateur essentiel');
  writeFileSync(path.join(folder, 'res1332-rev.txt'), revised);
  served = await openServedEditor({ name: 'e2e-compare', host: { file: path.join(folder, 'res1332.txt') }, problems });
  page = served.page;
  await page.locator('.pl-item-text', { hasText: 'la contribution soumise par' }).waitFor();
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

describe('Compare with another version, in Chromium', () => {
  it('opens the differences as tracked changes, listed in the changes panel, the files untouched', async () => {
    const before = readFileSync(path.join(folder, 'res1332-rev.txt'), 'utf8');
    await page.locator('[data-command="compare"]').click();
    await pickFile(page, 'res1332-rev.txt');
    const decide1 = editorOf(page).locator('.pl-item-text', { hasText: 'rôle de coordonnateur' }).first();
    await expect.poll(() => decide1.locator('del.pl-del').allTextContents()).toEqual(['le', 'principal']);
    expect(await decide1.locator('ins.pl-ins').allTextContents()).toEqual(['un', 'essentiel']);
    await expect.poll(() => page.locator('.changes .change-row').count()).toBe(4);
    expect(await page.locator('.changes .change-author').first().innerText()).toBe('Comparison');
    expect(await page.locator('.message').last().innerText()).toContain('Compared with res1332-rev.txt: 4 difference(s)');
    expect(await page.locator('.status-file').innerText()).toMatch(/^Untitled/);
    // Work to keep: marked unsaved, so closing the window asks first.
    expect(await page.locator('.status-dirty').count()).toBe(1);
    await decide1.scrollIntoViewIfNeeded();
    await shot(page, 'compare');
    expect(readFileSync(path.join(folder, 'res1332-rev.txt'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(folder, 'res1332.txt'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
    expect(problems).toEqual([]);
  });
});
