/**
 * End to end, in Chromium against `plenary serve`, with the keyboard (issue 15): Enter, Enter with
 * tracking on in Resolution 1332.
 * - At the end of décide 3 a., with b. after it: the new item 4 holds b. (now its a.), which
 *   carries no mark; one card in the changes panel.
 * - In décide 4, struck out by another delegate: Enter makes a live inserted item 4 after it, the
 *   struck item left whole; a card for each.
 * Screenshots go to test-artifacts/e2e-tracked-enter-*.png.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EditorState } from 'prosemirror-state';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../host/serve.js';
import { serializeDocument } from '../../shared/file/index.js';
import { deleteBlock } from '../../shared/tracking/structure.js';
import { ensureRendererBuilt, launchChromium, startTestHost, tempDir } from '../support/browser.js';
import { answerAuthor, caret, collectProblems, DESKTOP_VIEWPORT, editorOf, shot, waitReady } from '../support/page.js';
import { eventually } from '../support/eventually.js';
import { fixtureDocument, fixturePath } from '../support/fixtures.js';
import { textPos } from '../support/tracking.js';

const MARIE = 'Marie Curie';
const DECIDE_4 = 'que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert';

let browser: Browser;
let context: BrowserContext;
let host: RunningHost | undefined;
let page: Page;
const problems: string[] = [];

const itemText = (text: string): Locator => page.locator('.pl-item-text', { hasText: text }).first();
const item = (text: string): Locator =>
  page.locator('.pl-item', { has: page.locator(':scope > .pl-item-text', { hasText: text }) }).first();
const panelRows = (): Locator => page.locator('.changes .change-row');

/** The panel's rows as "what | where". */
async function rows(): Promise<string[]> {
  return panelRows().evaluateAll((all) =>
    all.map((row) => `${row.querySelector('.change-what')?.textContent ?? ''} | ${row.querySelector('.change-where')?.textContent ?? ''}`),
  );
}

/** The text a reader sees in an item, brought into view first (pages keep unrendered sections empty). */
async function seen(target: Locator): Promise<string> {
  await target.scrollIntoViewIfNeeded();
  return target.evaluate((element) => (element as HTMLElement).innerText);
}

/** Serves `file` in a fresh folder, opens it, and switches tracking on as Marie. */
async function openTracked(file: string): Promise<void> {
  host = await startTestHost({ userDataDir: tempDir('e2e-tracked-enter-data'), file });
  page = collectProblems(await context.newPage(), problems);
  await page.goto(host.url);
  await waitReady(page);
  await itemText("que l'UIT doit jouer le rôle de coordonnateur").waitFor();
  await caret(itemText("que l'UIT doit jouer le rôle de coordonnateur"), 'end');
  await page.keyboard.press('Control+Shift+E');
  await answerAuthor(page, MARIE);
  await eventually(() => page.locator('.status-tracking').textContent()).toBe('Track changes: on');
}

beforeAll(async () => {
  await ensureRendererBuilt();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: DESKTOP_VIEWPORT });
}, 240_000);

afterEach(async () => {
  await page?.close();
  await host?.close();
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('tracked Enter, Enter in Chromium', () => {
  it('at the end of décide 3 a.: a new item 4 takes b. as its a., unmarked; the panel shows one inserted item', async () => {
    const folder = tempDir('e2e-tracked-enter-docs');
    copyFileSync(fixturePath('council-res-1332-c24.txt'), path.join(folder, 'res1332.txt'));
    await openTracked(path.join(folder, 'res1332.txt'));
    await caret(itemText('actualisant ses feuilles de route'), 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('nouveau');
    const added = item('nouveau');
    await eventually(() => added.getAttribute('data-label')).toBe('4');
    expect(await added.getAttribute('data-label-inserted')).toBe('true');
    expect((await seen(added.locator(':scope > .pl-item-text'))).trim()).toBe('nouveau');
    // b. went under the new item: now its a., its text as it was, no mark on it.
    const follower = item('contribuant, selon');
    expect(await follower.getAttribute('data-label')).toBe('a.');
    expect(await seen(follower.locator(':scope > .pl-item-text'))).toMatch(/^contribuant, selon qu'il conviendra/);
    expect(await follower.locator('ins.pl-ins, del.pl-del').count()).toBe(0);
    expect(await editorOf(page).locator('.pl-block-deletion').count()).toBe(0);
    // The old 4 is 5 now, shown old and new.
    expect(await item(DECIDE_4).getAttribute('data-label')).toBe('5');
    expect(await item(DECIDE_4).getAttribute('data-old-label')).toBe('4');
    await shot(page, 'tracked-enter-sub-item');
    await page.keyboard.press('Control+Shift+R');
    await page.locator('.changes').waitFor();
    await eventually(rows).toEqual(['Inserted item | décide 4']);
  });

  it('in décide 4 struck out by another delegate: Enter makes a live inserted item 4 after it; a card each', async () => {
    const folder = tempDir('e2e-tracked-enter-docs');
    const original = fixtureDocument('council-res-1332-c24.txt', { language: 'fr' });
    const state = EditorState.create({ doc: original });
    const struck = state.apply(
      deleteBlock(state, original.resolve(textPos(original, DECIDE_4)).before(-1), {
        author: { name: 'Jean Dupont' },
        now: () => '2026-11-20T09:00:00Z',
      }),
    );
    const file = path.join(folder, 'res1332-struck.plenary');
    writeFileSync(file, serializeDocument(struck.doc));
    await openTracked(file);
    const old = item(DECIDE_4);
    expect(await old.getAttribute('class')).toContain('pl-block-deletion');
    // The caret in the middle of the struck text, as a click there puts it.
    await caret(itemText(DECIDE_4), 'start');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.type('nouveau');
    const added = item('nouveau');
    await eventually(() => added.getAttribute('data-label')).toBe('4');
    const classes = (await added.getAttribute('class')) ?? '';
    expect(classes).toContain('pl-block-insertion');
    expect(classes).not.toContain('pl-block-deletion');
    expect((await seen(added.locator(':scope > .pl-item-text'))).trim()).toBe('nouveau');
    // The struck item is left whole, still struck, its text all there.
    expect(await old.getAttribute('class')).toContain('pl-block-deletion');
    expect(await seen(old.locator(':scope > .pl-item-text'))).toMatch(
      /^que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert à tous/,
    );
    expect(await editorOf(page).locator('.pl-block-deletion').count()).toBe(1);
    await shot(page, 'tracked-enter-struck');
    await page.keyboard.press('Control+Shift+R');
    await page.locator('.changes').waitFor();
    await eventually(rows).toEqual(['Deleted item | décide 4', 'Inserted item | décide 4']);
  });
});
