/**
 * End to end, in Debian's Chromium against `plenary serve`: a 1,100-item resolution. Sections out of
 * sight are not rendered (CSS content-visibility, what keeps a keystroke cheap in a long text), and
 * nothing a user does may notice it: jumping from the outline, Ctrl+End and Ctrl+Home, finding a
 * phrase at the far end, paging down, typing where the caret lands — each lands in view, in the
 * right item, and the whole text stays there for save.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/file/index.js';
import { longResolution } from '../support/long-resolution.js';
import { caret, editorOf, openServedEditor, shot, type ServedEditor } from '../support/page.js';
import { tempDir } from '../support/browser.js';
import { eventually } from '../support/eventually.js';

let served: ServedEditor;
let page: Page;
const problems: string[] = [];
const VIEWPORT = { width: 1280, height: 800 };

const itemText = (n: number): Locator => page.locator('.pl-item-text', { hasText: new RegExp(`numéro ${n} sur`) }).first();

/** Whether an element's box is inside the page's scrolled view. */
async function inView(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const scroller = element.closest('.page-scroller')!.getBoundingClientRect();
    return box.height > 0 && box.top >= scroller.top && box.bottom <= scroller.bottom;
  });
}

/** Whether the caret (or the selection's start) is inside the page's scrolled view. */
const caretInView = (): Promise<boolean> =>
  page.evaluate(() => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) return false;
    const range = selection.getRangeAt(0).cloneRange();
    range.collapse(true);
    const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const scroller = document.querySelector('.page-scroller')!.getBoundingClientRect();
    return box.height > 0 && box.top >= scroller.top && box.bottom <= scroller.bottom;
  });

/** The text of the textblock holding the caret. */
const caretBlock = (): Promise<string> =>
  page.evaluate(() => {
    const node = document.getSelection()?.focusNode;
    const element = node instanceof Element ? node : node?.parentElement;
    return element?.closest('.pl-item-text, .pl-number-line, p')?.textContent ?? '';
  });

/** Sections the browser is skipping (not rendered: content-visibility). */
const skippedSections = (): Promise<number> =>
  page
    .locator('.pl-section > .pl-list > .pl-item:first-child')
    .evaluateAll((items) => items.filter((item) => !item.checkVisibility({ contentVisibilityAuto: true })).length);

beforeAll(async () => {
  const folder = tempDir('e2e-long-docs');
  const file = path.join(folder, 'long.plenary');
  writeFileSync(file, serializeDocument(longResolution()));
  served = await openServedEditor({ name: 'e2e-long', host: { file }, problems, viewport: VIEWPORT });
  page = served.page;
  await itemText(0).waitFor();
}, 240_000);

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

describe('a 1,100-item resolution in Chromium', () => {
  it('renders only the sections near the view, while the whole text is in the page', async () => {
    expect(await page.locator('.pl-section').count()).toBe(10);
    expect(await skippedSections()).toBeGreaterThanOrEqual(7);
    expect(await editorOf(page).textContent()).toContain('numéro 899 sur');
  });

  it('jumps from the outline to the last item, in view, and types there', async () => {
    const scroller = page.locator('.outline-scroller');
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    const last = page.locator('.outline-row').last();
    await eventually(() => last.textContent()).toMatch(/numéro 899 sur/);
    await last.click();
    await eventually(() => inView(itemText(899))).toBe(true);
    expect(await caretInView()).toBe(true);
    await page.keyboard.type('(fin) ');
    await eventually(() => itemText(899).textContent()).toMatch(/^\(fin\) que l'UIT doit poursuivre ses travaux numéro 899 sur/);
    expect(await inView(itemText(899))).toBe(true);
    await shot(page, 'long-outline-jump');
  });

  it('Ctrl+Home and Ctrl+End take the caret to either end, in view', async () => {
    await page.keyboard.press('Control+Home');
    await eventually(caretBlock).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    await eventually(caretInView).toBe(true);
    await page.keyboard.press('Control+End');
    await eventually(caretBlock).toMatch(/^\(fin\) .*numéro 899 sur .*États Membres;$/);
    await eventually(caretInView).toBe(true);
  });

  it('finds a phrase far down and shows it', async () => {
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find', { exact: true }).fill('numéro 777 sur');
    await eventually(() => page.locator('.find-count').textContent()).toBe('1 found');
    await page.keyboard.press('Enter');
    // The match is selected in the editor (focus stays in the find box), and scrolled into view.
    const active = page.locator('.ProseMirror-active-search-match');
    await eventually(() => active.textContent()).toBe('numéro 777 sur');
    await eventually(() => inView(active)).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('pages down through the text without the view jumping back', async () => {
    await editorOf(page).focus();
    await page.keyboard.press('Control+Home');
    const top = () => page.locator('.page-scroller').evaluate((element) => element.scrollTop);
    await eventually(caretInView).toBe(true);
    let previous = await top();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('PageDown');
      await eventually(top).toBeGreaterThan(previous);
      previous = await top();
    }
    // The caret is in the text in view: typing lands where the user looks.
    expect(await caretInView()).toBe(true);
    await page.keyboard.type('§');
    const typed = page.locator('.pl-item-text', { hasText: '§' });
    await eventually(() => typed.count()).toBe(1);
    expect(await caretInView()).toBe(true);
    await shot(page, 'long-paged');
  });

  it('trims its view tree when idle, and edits, renumbers and undoes after a trim as before', async () => {
    const editor = editorOf(page);
    // ProseMirror's view tree as renderer/editor/compact-view.ts reaches it (internals of
    // prosemirror-view): a description on the root element, with a `children` array at each node.
    const arrays = await editor.evaluate((root) => {
      type Desc = { children?: unknown };
      let count = 0;
      const walk = (desc: Desc): void => {
        if (!Array.isArray(desc.children)) return;
        count += 1;
        for (const child of desc.children as Desc[]) walk(child);
      };
      walk((root as unknown as { pmViewDesc: Desc }).pmViewDesc);
      return count;
    });
    expect(arrays).toBeGreaterThan(2000);
    await eventually(async () => Number(await editor.getAttribute('data-trimmed-view-arrays'))).toBeGreaterThan(2000);

    const labelOf = (text: Locator) => text.evaluate((element) => element.closest('.pl-item')!.getAttribute('data-label'));
    const before = await labelOf(itemText(501));
    await editor.evaluate((root) => root.removeAttribute('data-trimmed-view-arrays'));
    await caret(itemText(500), 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type('point nouveau');
    const added = page.locator('.pl-item-text', { hasText: 'point nouveau' });
    await eventually(() => added.count()).toBe(1);
    // The items after it are renumbered in the page, and the tree is trimmed again once idle.
    await eventually(() => labelOf(itemText(501))).not.toBe(before);
    await eventually(async () => Number(await editor.getAttribute('data-trimmed-view-arrays'))).toBeGreaterThan(2000);
    // Typing into the trimmed tree, then undoing it all, shows the text as it was.
    await page.keyboard.type(' encore');
    await eventually(() => added.textContent()).toBe('point nouveau encore');
    // Three undo steps: the two typings (apart by more than the grouping delay) and the Enter.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(100);
    }
    await eventually(() => labelOf(itemText(501))).toBe(before);
    expect(await added.count()).toBe(0);
    expect(await itemText(500).textContent()).toMatch(/numéro 500 sur .*;$/);
  });

  it('ran without a console error or an uncaught exception', () => {
    expect(problems).toEqual([]);
  });
});
