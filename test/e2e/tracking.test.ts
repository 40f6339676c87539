/**
 * End to end, in Debian's Chromium against `plenary serve`: a delegate reviews Resolution 1332 with
 * tracked changes. Switching tracking on asks for her name once; typing is marked inserted,
 * deleting strikes through, Enter makes a new item and the following labels show old and new
 * (`[-b)-][+c)+]`); an IME composition and a dead key each make one insertion, not fragments; the
 * changes panel lists the changes, filters them by author, selects one on a click, accepts and
 * rejects; the Final and Original views show the resolved text read-only; undo takes a review back.
 *
 * One browser for the file; each test gets its own host (fresh folder and user data, so no author
 * name yet) and its own page, and makes the changes it needs itself, so the tests run in any order.
 * Screenshots go to test-artifacts/e2e-tracking-*.png.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../host/serve.js';
import { ensureRendererBuilt, launchChromium, startTestHost, tempDir } from '../support/browser.js';
import {
  afterPaint,
  answerAuthor as answerAuthorIn,
  caret,
  collectProblems,
  DESKTOP_VIEWPORT,
  editorOf,
  selectText,
  shot as shotOf,
  waitReady,
} from '../support/page.js';
import { eventually } from '../support/eventually.js';
import { fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');
const MARIE = 'Marie Curie';
const JEAN = 'Jean Dupont';

let browser: Browser;
let context: BrowserContext;
let host: RunningHost;
let page: Page;
let userData: string;
const pageProblems: string[] = [];

/** expect.poll with room for a busy machine (the panels refresh off the keystroke path, throttled). */

const shot = (name: string): Promise<void> => shotOf(page, `tracking-${name}`);
const editor = (): Locator => editorOf(page);
const itemText = (text: string): Locator => page.locator('.pl-item-text', { hasText: text }).first();
/** The item (with its labels) whose own text contains `text`. */
const item = (text: string): Locator =>
  page.locator('.pl-item', { has: page.locator(':scope > .pl-item-text', { hasText: text }) }).first();
const panelRows = (): Locator => page.locator('.changes .change-row');

/** Ids of the insertion marks inside an element. */
async function insertionIds(target: Locator): Promise<string[]> {
  return target.locator('ins.pl-ins').evaluateAll((marks) => [...new Set(marks.map((m) => m.getAttribute('data-pl-id') ?? ''))]);
}

/** The label and old label the page draws on an item. */
async function labelsOf(target: Locator): Promise<[string | null, string | null]> {
  return [await target.getAttribute('data-label'), await target.getAttribute('data-old-label')];
}

async function savedAuthor(): Promise<string> {
  return (JSON.parse(readFileSync(path.join(userData, 'settings.json'), 'utf8')) as { authorName: string }).authorName;
}

const answerAuthor = (name: string): Promise<void> => answerAuthorIn(page, name);

/** The row of the panel for a change whose excerpt is `excerpt`. */
const row = (excerpt: string): Locator =>
  panelRows()
    .filter({ has: page.locator('.change-excerpt', { hasText: excerpt }) })
    .first();

beforeAll(async () => {
  await ensureRendererBuilt();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: DESKTOP_VIEWPORT });
}, 240_000);

beforeEach(async () => {
  pageProblems.length = 0;
  const folder = tempDir('e2e-tracking-docs');
  userData = tempDir('e2e-tracking-data');
  copyFileSync(FIXTURE, path.join(folder, 'res1332.txt'));
  // A first start: no settings yet, so no author name; switching tracking on asks for one.
  host = await startTestHost({ userDataDir: userData, file: path.join(folder, 'res1332.txt') });
  page = collectProblems(await context.newPage(), pageProblems);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(host.url);
  await waitReady(page);
  await page.locator('.pl-item-text', { hasText: 'la contribution soumise par' }).waitFor();
}, 60_000);

afterEach(async () => {
  await page?.close();
  await host?.close();
  // Every test: no console error or uncaught exception on its page.
  expect(pageProblems).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/*
 * What a test needs done before it, each step as the user does it (the tests that check these steps
 * themselves are below; these are their setup for the tests that come after them in the story).
 */

/** Tracking on, with `name` as the author (the first switch asks for it). */
async function trackAs(name: string): Promise<void> {
  await caret(itemText("que l'UIT doit jouer le rôle de coordonnateur"), 'end');
  await page.keyboard.press('Control+Shift+E');
  await answerAuthor(name);
  await eventually(() => page.locator('.status-tracking').textContent()).toBe('Track changes: on');
  await eventually(savedAuthor).toBe(name);
}

/** In décide 1: " et de Genève" typed before the final ";", "principal " deleted. */
async function insertAndDeleteInDecide1(): Promise<void> {
  const decide1 = itemText("que l'UIT doit jouer le rôle de coordonnateur");
  await caret(decide1, 'end');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' et de Genève');
  await eventually(() => decide1.locator('ins.pl-ins').allTextContents()).toEqual([' et de Genève']);
  await selectText(decide1, 'principal ');
  await page.keyboard.press('Backspace');
  await eventually(() => decide1.locator('del.pl-del').allTextContents()).toEqual(['principal ']);
}

/** A new item after notant a), typed: the old b) becomes c). */
async function addNotantItem(): Promise<void> {
  await caret(itemText("que le Secrétaire général de l'UIT a créé le Groupe spécial"), 'end');
  await page.keyboard.press('Enter');
  await page.keyboard.type('que les délégués proposent un texte nouveau;');
  await eventually(() => item('la contribution soumise par').getAttribute('data-label')).toBe('c)');
}

/** "日本 café" composed (IME, then a dead key) at the end of rappelant a); "document final" replaced by a composed "文書". */
async function composeInRappelantA(): Promise<void> {
  const target = itemText('la Résolution 140 (Rév. Bucarest');
  await caret(target, 'end');
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['n', 'に', 'にほ', 'にほん', '日本']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await afterPaint(page);
  }
  await cdp.send('Input.insertText', { text: '日本' });
  await page.keyboard.type(' caf');
  await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
  await afterPaint(page);
  await cdp.send('Input.insertText', { text: 'é' });
  await eventually(() => target.locator('ins.pl-ins').allTextContents()).toEqual(['日本 café']);
  const other = itemText('information a des incidences importantes');
  await selectText(other, 'document final');
  for (const text of ['b', 'ぶ', 'ぶん', '文書']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await afterPaint(page);
  }
  await cdp.send('Input.insertText', { text: '文書' });
  await eventually(() => other.locator('ins.pl-ins').allTextContents()).toEqual(['文書']);
  await cdp.detach();
}

/** "Par ailleurs, " typed at the start of décide 4. */
async function insertAtDecide4(): Promise<void> {
  await caret(itemText('que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert'), 'start');
  await page.keyboard.type('Par ailleurs, ');
  await eventually(() => itemText('Par ailleurs, que le Groupe de travail').locator('ins.pl-ins').count()).toBe(1);
}

/** The changes panel, open (Ctrl+Shift+R). */
async function openPanel(): Promise<void> {
  await page.keyboard.press('Control+Shift+R');
  await page.locator('.changes').waitFor();
}

describe('tracked changes in Chromium', () => {
  it('asks for the author name when tracking is first switched on, and keeps it in the settings', async () => {
    await caret(itemText("que l'UIT doit jouer le rôle de coordonnateur"), 'end');
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.author-dialog').waitFor();
    await shot('author-prompt');
    await answerAuthor(MARIE);
    await eventually(() => page.locator('.status-author').textContent()).toBe(`Author: ${MARIE}`);
    expect(await page.locator('.status-tracking').textContent()).toBe('Track changes: on');
    expect(await page.locator('[data-command="toggle-tracking"]').getAttribute('aria-pressed')).toBe('true');
    await eventually(savedAuthor).toBe(MARIE);
    // Off and on again: the name is known, nothing is asked.
    await page.keyboard.press('Control+Shift+E');
    await page.keyboard.press('Control+Shift+E');
    await afterPaint(page);
    expect(await page.locator('.author-dialog').count()).toBe(0);
    expect(await page.locator('.status-tracking').textContent()).toBe('Track changes: on');
  });

  it('marks typed text inserted and deleted text struck through, with the author on each', async () => {
    await trackAs(MARIE);
    const decide1 = itemText("que l'UIT doit jouer le rôle de coordonnateur");
    await caret(decide1, 'end');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' et de Genève');
    const inserted = decide1.locator('ins.pl-ins');
    await eventually(() => inserted.allTextContents()).toEqual([' et de Genève']);
    expect(await inserted.first().getAttribute('data-pl-author')).toBe(MARIE);
    expect(await decide1.textContent()).toMatch(/de Tunis et de Genève;$/);

    await selectText(decide1, 'principal ');
    await page.keyboard.press('Backspace');
    const deleted = decide1.locator('del.pl-del');
    await eventually(() => deleted.allTextContents()).toEqual(['principal ']);
    expect(await deleted.first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    // The deleted text stays in the page.
    expect(await decide1.textContent()).toContain('coordonnateur principal dans');
  });

  it('tracks Enter as a new item, inserted text and all', async () => {
    await trackAs(MARIE);
    expect(await labelsOf(item('la contribution soumise par'))).toEqual(['b)', null]);
    await caret(itemText("que le Secrétaire général de l'UIT a créé le Groupe spécial"), 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type('que les délégués proposent un texte nouveau;');
    const added = item('que les délégués proposent');
    await eventually(() => added.getAttribute('data-label')).toBe('b)');
    expect(await added.locator(':scope > .pl-item-text').textContent()).toBe('que les délégués proposent un texte nouveau;');
    expect(await insertionIds(added)).toHaveLength(1);
    await eventually(() => item('la contribution soumise par').getAttribute('data-label')).toBe('c)');
    await item('la contribution soumise par').scrollIntoViewIfNeeded();
    await shot('markup');
  });

  it('shows the labels that follow the new item old and new: [-b)-][+c)+]', async () => {
    await trackAs(MARIE);
    await addNotantItem();
    const added = item('que les délégués proposent');
    const old = item('la contribution soumise par');
    // The new item has no label in the original numbering; the old b) is now c).
    await eventually(() => labelsOf(old)).toEqual(['c)', 'b)']);
    expect(await labelsOf(added)).toEqual(['b)', null]);
    // The new item's label is new as well: drawn as inserted, like its text.
    expect(await added.getAttribute('data-label-inserted')).toBe('true');
    expect(await old.getAttribute('data-label-inserted')).toBeNull();
    expect(await old.evaluate((e) => getComputedStyle(e, '::after').textDecorationLine)).toBe('line-through');
    expect(await old.evaluate((e) => getComputedStyle(e, '::before').textDecorationLine)).toBe('underline');
  });

  it('Enter, Enter at the end of décide 1 leaves no deleted item: the labels below keep 2, 3 (#15)', async () => {
    await trackAs(MARIE);
    const decide1 = item("que l'UIT doit jouer le rôle de coordonnateur");
    await caret(itemText("que l'UIT doit jouer le rôle de coordonnateur"), 'end');
    await page.keyboard.press('Enter');
    // The first Enter makes an empty item 2 and pushes the old 2 to 3.
    await eventually(() => labelsOf(item("que l'UIT doit poursuivre la coordination"))).toEqual(['3', '2']);
    await page.keyboard.press('Enter');
    await page.keyboard.type('nouveau');
    // The second Enter ends the list as it does untracked: "nouveau" is a paragraph of décide 1.
    await eventually(() => decide1.locator('.pl-continuation').allTextContents()).toEqual(['nouveau']);
    expect(await labelsOf(item("que l'UIT doit poursuivre la coordination"))).toEqual(['2', null]);
    expect(await labelsOf(item("d'utiliser le cadre du SMSI"))).toEqual(['3', null]);
    // No empty item left behind, no struck label anywhere.
    expect(await page.locator('.pl-item[data-old-label]').count()).toBe(0);
    expect(await decide1.locator('xpath=following-sibling::*[1]').getAttribute('data-label')).toBe('2');
    await shot('enter-enter');
    await openPanel();
    await eventually(() => panelRows().count()).toBe(1);
    expect(await row('nouveau').locator('.change-what').textContent()).not.toBe('Deleted');
    expect(await row('nouveau').locator('.change-where').textContent()).toBe('décide 1');
  });

  it('makes one insertion of an IME composition, and of a dead key, not fragments', async () => {
    await trackAs(MARIE);
    const target = itemText('la Résolution 140 (Rév. Bucarest');
    await caret(target, 'end');
    const cdp = await page.context().newCDPSession(page);
    // A Japanese IME: the composition grows and changes, then is committed.
    for (const text of ['n', 'に', 'にh', 'にほ', 'にほn', 'にほん', '日本']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await afterPaint(page);
    }
    await cdp.send('Input.insertText', { text: '日本' });
    await eventually(() => target.locator('ins.pl-ins').allTextContents()).toEqual(['日本']);
    expect(await insertionIds(target)).toHaveLength(1);
    expect(await target.textContent()).toMatch(/日本$/);
    // Typing goes on in the same insertion.
    await page.keyboard.type(' caf');
    // A dead key: the accent is composed, then the letter commits it.
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    await afterPaint(page);
    await cdp.send('Input.insertText', { text: 'é' });
    await eventually(() => target.locator('ins.pl-ins').allTextContents()).toEqual(['日本 café']);
    expect(await insertionIds(target)).toHaveLength(1);
    // A composition over a selected word: the word is struck through, the composed text is one
    // insertion (renderer/editor/composition-guard.ts; without it the first update stays: "b文書").
    const other = itemText('information a des incidences importantes');
    await selectText(other, 'document final');
    for (const text of ['b', 'ぶ', 'ぶん', 'ぶんし', 'ぶんしょ', '文書']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await afterPaint(page);
    }
    await cdp.send('Input.insertText', { text: '文書' });
    await eventually(() => other.locator('ins.pl-ins').allTextContents()).toEqual(['文書']);
    expect(await other.locator('del.pl-del').allTextContents()).toEqual(['document final']);
    expect(await insertionIds(other)).toHaveLength(1);
    await cdp.detach();
  });

  it('lists the changes in a panel, with author, date and place, filtered by author', async () => {
    await trackAs(MARIE);
    await insertAndDeleteInDecide1();
    await addNotantItem();
    await composeInRappelantA();
    // A second author: the name is changed from the status bar.
    await page.locator('.status-author').click();
    await answerAuthor(JEAN);
    await eventually(savedAuthor).toBe(JEAN);
    const decide4 = itemText('que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert');
    await caret(decide4, 'start');
    await page.keyboard.type('Par ailleurs, ');
    expect(await decide4.locator('ins.pl-ins').first().getAttribute('data-pl-author')).toBe(JEAN);

    // Ctrl+Shift+R opens the panel; in a browser it must not reload the page.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.keyboard.press('Control+Shift+R');
    await page.locator('.changes').waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.locator('[data-command="toggle-changes"]').getAttribute('aria-pressed')).toBe('true');
    await eventually(() => panelRows().count()).toBeGreaterThanOrEqual(5);
    const deletion = row('principal');
    expect(await deletion.locator('.change-what').textContent()).toBe('Deleted');
    expect(await deletion.locator('.change-author').textContent()).toBe(MARIE);
    expect(await deletion.locator('.change-where').textContent()).toBe('décide 1');
    expect(await deletion.locator('.change-date').textContent()).toMatch(/\d/);
    expect(Date.parse((await deletion.locator('.change-date').getAttribute('datetime'))!)).toBeGreaterThan(Date.now() - 3_600_000);
    // The composition and the dead key made one change, listed once.
    expect(await panelRows().filter({ hasText: '日本' }).count()).toBe(1);
    expect(await row('日本 café').locator('.change-where').textContent()).toBe('rappelant a)');
    expect(await row('Par ailleurs').locator('.change-author').textContent()).toBe(JEAN);

    const filter = page.getByLabel('Show changes by');
    expect(await filter.locator('option').allTextContents()).toEqual(['All authors', MARIE, JEAN]);
    await filter.selectOption(JEAN);
    await eventually(() => panelRows().locator('.change-author').allTextContents()).toEqual([JEAN]);
    expect(await page.locator('.changes-bulk button').allTextContents()).toEqual([`Accept all by ${JEAN}`, `Reject all by ${JEAN}`]);
    await shot('panel-filtered');
    await filter.selectOption('');
    await eventually(() => panelRows().count()).toBeGreaterThanOrEqual(5);
  });

  it('selects a change from the panel, and moves from change to change', async () => {
    await trackAs(MARIE);
    await insertAndDeleteInDecide1();
    await openPanel();
    await row('principal').locator('.change-main').click();
    await eventually(() => page.evaluate(() => document.getSelection()?.toString())).toBe('principal ');
    // The panel marks the change at the cursor.
    await eventually(() => row('principal').getAttribute('aria-current')).toBe('true');
    // Alt+PageDown: the next change is the insertion at the end of décide 1.
    await page.keyboard.press('Alt+PageDown');
    await eventually(() => page.evaluate(() => document.getSelection()?.toString())).toBe(' et de Genève');
    await page.keyboard.press('Alt+PageUp');
    await eventually(() => page.evaluate(() => document.getSelection()?.toString())).toBe('principal ');
    await shot('panel');
  });

  it('accepts one change and rejects another from the panel; undo takes the rejection back', async () => {
    await trackAs(MARIE);
    await insertAndDeleteInDecide1();
    await openPanel();
    const decide1 = itemText("que l'UIT doit jouer le rôle de coordonnateur");
    await row('principal')
      .getByRole('button', { name: /^Accept/ })
      .click();
    await eventually(() => decide1.textContent()).not.toContain('principal');
    expect(await decide1.locator('del.pl-del').count()).toBe(0);
    await eventually(() => row('principal').count()).toBe(0);

    await row('et de Genève')
      .getByRole('button', { name: /^Reject/ })
      .click();
    await eventually(() => decide1.textContent()).toMatch(/de l'Agenda de Tunis;$/);
    await eventually(() => row('et de Genève').count()).toBe(0);

    await editor().focus();
    await page.keyboard.press('Control+z');
    await eventually(() => decide1.textContent()).toMatch(/de Tunis et de Genève;$/);
    expect(await decide1.locator('ins.pl-ins').allTextContents()).toEqual([' et de Genève']);
    await eventually(() => row('et de Genève').count()).toBe(1);
    // The accepted deletion stays accepted.
    expect(await decide1.textContent()).toContain('coordonnateur dans');
  });

  it('accepts the change at the cursor with Alt+Shift+A', async () => {
    await trackAs(JEAN);
    await insertAtDecide4();
    await openPanel();
    await eventually(() => row('Par ailleurs').count()).toBe(1);
    const decide4 = itemText('Par ailleurs, que le Groupe de travail');
    await caret(decide4, 'start');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+Shift+A');
    await eventually(() => decide4.locator('ins.pl-ins').count()).toBe(0);
    expect(await decide4.textContent()).toMatch(/^Par ailleurs, que le Groupe/);
    await eventually(() => row('Par ailleurs').count()).toBe(0);
  });

  it('shows the Final and Original views read-only, and comes back to the markup', async () => {
    await trackAs(MARIE);
    await insertAndDeleteInDecide1();
    await addNotantItem();
    await composeInRappelantA();
    await openPanel();
    // The deletion of "principal" accepted: part of the original from then on.
    await row('principal')
      .getByRole('button', { name: /^Accept/ })
      .click();
    await eventually(() => itemText("que l'UIT doit jouer le rôle de coordonnateur").textContent()).not.toContain('principal');
    const before = await editor().textContent();
    const labelsBefore = await labelsOf(item('la contribution soumise par'));
    await page.getByLabel('Review view').selectOption('final');
    await page.locator('.review-banner').waitFor();
    expect(await page.locator('.review-banner').textContent()).toContain('Final view');
    expect(await page.locator('.status-view').textContent()).toBe('View: Final (read-only)');
    expect(await editor().getAttribute('contenteditable')).toBe('false');
    expect(await editor().locator('ins, del').count()).toBe(0);
    expect(await editor().locator('[data-old-label]').count()).toBe(0);
    expect(await itemText("que l'UIT doit jouer le rôle de coordonnateur").textContent()).toMatch(
      /coordonnateur dans .*de Tunis et de Genève;$/,
    );
    expect(await item('la contribution soumise par').getAttribute('data-label')).toBe('c)');
    expect(await itemText('la Résolution 140 (Rév. Bucarest').textContent()).toMatch(/日本 café$/);
    await item('que les délégués proposent').scrollIntoViewIfNeeded();
    await shot('final');

    await page.getByLabel('Review view').selectOption('original');
    await eventually(() => page.locator('.review-banner').textContent()).toContain('Original view');
    expect(await editor().locator('ins, del').count()).toBe(0);
    expect(await page.locator('.pl-item-text', { hasText: 'que les délégués proposent' }).count()).toBe(0);
    expect(await item('la contribution soumise par').getAttribute('data-label')).toBe('b)');
    expect(await itemText('la Résolution 140 (Rév. Bucarest').textContent()).not.toContain('日本');
    // Accepted changes are part of the original now: "principal" is gone for good.
    expect(await itemText("que l'UIT doit jouer le rôle de coordonnateur").textContent()).toMatch(/coordonnateur dans .*de Tunis;$/);
    await item('la contribution soumise par').scrollIntoViewIfNeeded();
    await shot('original');

    // Typing does nothing in a preview; Esc goes back to the markup, as it was.
    await editor().click();
    await page.keyboard.type('zzz');
    expect(await editor().textContent()).not.toContain('zzz');
    await page.keyboard.press('Escape');
    await page.locator('.review-banner').waitFor({ state: 'detached' });
    expect(await editor().getAttribute('contenteditable')).toBe('true');
    expect(await page.locator('.status-view').textContent()).toBe('View: Markup');
    expect(await editor().textContent()).toBe(before);
    await eventually(() => labelsOf(item('la contribution soumise par'))).toEqual(labelsBefore);
  });

  it('rejects all the changes of one author from the panel', async () => {
    await trackAs(MARIE);
    await insertAndDeleteInDecide1();
    await addNotantItem();
    await openPanel();
    await eventually(() => panelRows().count()).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Show changes by').selectOption(MARIE);
    await page.getByRole('button', { name: `Reject all by ${MARIE}` }).click();
    await eventually(() => panelRows().count()).toBe(0);
    await eventually(() => page.locator('.changes-empty').count()).toBe(1);
    expect(await editor().locator('ins, del').count()).toBe(0);
    expect(await labelsOf(item('la contribution soumise par'))).toEqual(['b)', null]);
    await shot('reviewed');
    await page.locator('[data-command="toggle-changes"]').click();
    await page.locator('.changes').waitFor({ state: 'detached' });
  });

  it('moves décide 5 up twice: the reference to it follows, and the panel shows the move as one', async () => {
    await trackAs(MARIE);
    const reference = editor().locator('.pl-xref').first();
    expect(await reference.getAttribute('data-label')).toBe('point\u00a05 du décide');
    await caret(itemText("d'inviter les membres et les autres parties"), 'start');
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    // Moved above décide 4 and 3 (struck through where it was): the reference reads the new place.
    await eventually(() => reference.getAttribute('data-label')).toBe('point\u00a03 du décide');
    expect(await reference.getAttribute('data-old-label')).toBe('point\u00a05 du décide');
    expect(await reference.getAttribute('data-dangling')).toBeNull();
    await page.locator('[data-command="toggle-changes"]').click();
    await page.getByLabel('Show changes by').selectOption('');
    await eventually(() => page.locator('.changes .change-what').allTextContents()).toEqual(['Moved item (to)', 'Moved item (from)']);
    await reference.scrollIntoViewIfNeeded();
    await shot('moved-reference');
    await page.getByRole('button', { name: 'Accept all' }).click();
    await eventually(() => panelRows().count()).toBe(0);
    await eventually(() => reference.getAttribute('data-label')).toBe('point\u00a03 du décide');
    expect(await reference.getAttribute('data-old-label')).toBeNull();
    await page.locator('[data-command="toggle-changes"]').click();
  });

  it('ran without a console error or an uncaught exception', async () => {
    // Its own page, opened and used (each test's page is checked the same way after it).
    await trackAs(MARIE);
    await insertAndDeleteInDecide1();
    expect(pageProblems).toEqual([]);
  });
});
