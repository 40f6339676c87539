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
import { contributionFromResolution } from '../../shared/contribution/index.js';
import { serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import { applyStructuralEdit } from '../support/structural-edits.js';
import { tempDir } from '../support/browser.js';
import { afterPaint, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';
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
  // A delegate's contribution made from the resolution by New revision, with a tracked new item
  // before décide 4 (issue 15, item 6).
  const contribution = contributionFromResolution(importText(readFileSync(FIXTURE, 'utf8')).doc, { today: new Date('2026-11-23') }).doc;
  const texts: string[] = [];
  contribution.descendants((node) => {
    if (node.type.name === 'item') texts.push(node.firstChild!.textContent);
    return true;
  });
  const before4 = texts.findIndex((text) => text.startsWith('que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert'));
  writeFileSync(
    path.join(folder, 'contribution.plenary'),
    serializeDocument(
      applyStructuralEdit(contribution, { kind: 'insert', at: before4, text: "d'accueillir les contributions des États Membres;" })!,
    ),
  );
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

  it('Compare… again over the unsaved comparison asks in the page to discard it; Discard shows the picker, Cancel keeps it', async () => {
    expect(await page.locator('.status-dirty').count()).toBe(1);
    const question = page.locator('.discard-dialog');
    // Cancel (Escape): nothing is asked for, the comparison stays.
    await page.locator('[data-command="compare"]').click();
    await question.waitFor();
    expect(await question.locator('h2').innerText()).toBe('Discard the unsaved changes to this document?');
    await shot(page, 'compare-discard-question');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await afterPaint(page);
    expect(await page.locator('.picker').count()).toBe(0);
    expect(await page.locator('.changes .change-row').count()).toBe(4);
    // Discard: the picker asks for the other version.
    await page.locator('[data-command="compare"]').click();
    await question.getByRole('button', { name: 'Discard' }).click();
    await pickFile(page, 'res1332-rev.txt');
    await page.locator('.message', { hasText: 'Compared with res1332-rev.txt' }).last().waitFor();
    expect(problems).toEqual([]);
  });

  it('compares the resolution with a contribution made from it: the contribution, its proposal tracked, no error', async () => {
    // The resolution in force, freshly opened, as the delegate has it.
    const fresh = await openServedEditor({ name: 'e2e-compare-contribution', host: { file: path.join(folder, 'res1332.txt') }, problems });
    try {
      const tab = fresh.page;
      await tab.locator('.pl-item-text', { hasText: 'la contribution soumise par' }).waitFor();
      await tab.locator('[data-command="compare"]').click();
      await pickFile(tab, 'contribution.plenary');
      const inserted = editorOf(tab).locator('.pl-item', { hasText: "d'accueillir les contributions des États Membres" });
      await inserted.first().waitFor();
      expect(await tab.locator('.message').last().innerText()).toContain('Compared with contribution.plenary');
      expect(await tab.locator('.message').allInnerTexts()).not.toContainEqual(expect.stringMatching(/cannot be tracked/));
      // The contribution's cover came with it, as written: not a proposal.
      expect(await editorOf(tab).locator('.pl-cover-field').count()).toBeGreaterThan(0);
      await expect.poll(() => tab.locator('.changes .change-row', { hasText: "d'accueillir" }).count()).toBeGreaterThan(0);
      await inserted.first().scrollIntoViewIfNeeded();
      await shot(tab, 'compare-contribution');
      expect(problems).toEqual([]);
    } finally {
      await fresh.browser.close();
      await fresh.host.close();
    }
  }, 90_000);
});
