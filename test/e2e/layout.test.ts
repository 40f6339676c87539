/**
 * End to end, in Debian's Chromium against `plenary serve`: the window at the sizes delegates work
 * at (issue 15, item 10). A 1,100-item resolution compared with a revision of it (words changed, an
 * item and a sub-item deleted, so that labels show old and new side by side), the outline and the
 * changes panel open:
 *
 * - at 1366×768, 1280×800 and 1024×768 nothing scrolls sideways and every label in view — the
 *   page's, the outline's, the changes panel's places — is whole, inside its column;
 * - at 1920×1080 the whole toolbar is one row; narrower, the commands that do not fit are in the
 *   More menu, which the keyboard opens, walks and closes, and from which a command really runs;
 * - the footnote box opens whole near the bottom of a 768-pixel window;
 * - a banner goes when its problem is gone: a failed export's error after an export that works, a
 *   failed save's after a save that works, "Preparing the Word file…" when the export ends.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/file/index.js';
import { compareDocuments } from '../../shared/compare/index.js';
import { COMMANDS, type CommandSpec } from '../../shared/commands/index.js';
import { longResolution } from '../support/long-resolution.js';
import { afterPaint, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';
import { tempDir } from '../support/browser.js';

/** The item whose first paragraph says "numéro n sur", the most deeply nested when there are two. */
function itemRange(doc: Node, n: number): { from: number; to: number } {
  let found: { from: number; to: number; depth: number } | null = null;
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item' || !node.firstChild?.textContent.includes(`numéro ${n} sur`)) return true;
    const depth = doc.resolve(pos).depth;
    if (!found || depth > found.depth) found = { from: pos, to: pos + node.nodeSize, depth };
    return true;
  });
  if (!found) throw new Error(`no item numéro ${n}`);
  return found;
}

/**
 * The revision a delegate proposes: "renforcer" for "poursuivre" in every item numbered …5, item
 * numéro 3 deleted (the items after it relabelled), the first sub-item of item 9 deleted (its second
 * becomes i)).
 */
function revised(doc: Node): Node {
  const tr = EditorState.create({ doc }).tr;
  const sub = itemRange(doc, 91);
  tr.delete(sub.from, sub.to);
  const item = itemRange(tr.doc, 3);
  tr.delete(item.from, item.to);
  const words: number[] = [];
  tr.doc.descendants((node, pos) => {
    const at = node.isText && /numéro \d*5 sur/.test(node.text!) ? node.text!.indexOf('poursuivre') : -1;
    if (at >= 0) words.push(pos + at);
  });
  for (const at of words.reverse()) tr.insertText('renforcer', at, at + 'poursuivre'.length);
  return tr.doc;
}

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-layout-docs');
  const original = longResolution();
  writeFileSync(path.join(folder, 'long.plenary'), serializeDocument(compareDocuments(original, revised(original), { author: 'Kenya' })));
  // A folder where a file is wanted: a save or an export under this name fails.
  mkdirSync(path.join(folder, 'taken.docx'));
  mkdirSync(path.join(folder, 'taken.plenary'));
  served = await openServedEditor({
    name: 'e2e-layout',
    host: { file: path.join(folder, 'long.plenary') },
    problems,
    viewport: { width: 1366, height: 768 },
  });
  page = served.page;
  await editorOf(page).locator('.pl-item-text').first().waitFor();
  // The changes panel (Ctrl+Shift+R), beside the outline that shows by default.
  await editorOf(page).click();
  await page.keyboard.press('Control+Shift+R');
  await page.locator('.changes .change-row').first().waitFor();
}, 240_000);

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

async function resize(width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await afterPaint(page);
  // The toolbar settles after its slots are measured (ResizeObserver, then one render).
  await afterPaint(page);
}

/** What is cut or out of place at this size: [] when the layout is whole. */
function layoutProblems(): Promise<{ problems: string[]; labels: number; oldLabels: number; places: number }> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`the window scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const scroller = document.querySelector('.page-scroller')!;
    if (scroller.scrollWidth > scroller.clientWidth)
      out.push(`the page column scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    const column = scroller.getBoundingClientRect();
    const sheet = document.querySelector('.page')!.getBoundingClientRect();
    const inside = (left: number, right: number, frame: DOMRect) => left >= frame.left - 0.5 && right <= frame.right + 0.5;

    // The page's labels, every one of the document (an item out of view is laid out when measured):
    // drawn by ::before (new) and ::after (old, struck), measured in their font. Whole on the page,
    // clear of the item's text and of each other; in view, inside the page column too.
    const context = document.createElement('canvas').getContext('2d')!;
    let labels = 0;
    let oldLabels = 0;
    for (const item of document.querySelectorAll<HTMLElement>('.pl-item[data-label], .pl-item[data-old-label]')) {
      const box = item.getBoundingClientRect();
      const inView = box.height > 0 && box.bottom > column.top && box.top < column.bottom;
      const textStart = box.left + parseFloat(getComputedStyle(item).paddingLeft);
      const drawn: Array<{ text: string; left: number; right: number; top: number; bottom: number }> = [];
      for (const [pseudo, text] of [
        ['::before', item.dataset.label],
        ['::after', item.dataset.oldLabel],
      ] as const) {
        if (!text) continue;
        const style = getComputedStyle(item, pseudo);
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const width = context.measureText(text).width;
        const left = style.left === 'auto' ? box.right - parseFloat(style.right) - width : box.left + parseFloat(style.left);
        const top = box.top + parseFloat(style.top);
        drawn.push({ text, left, right: left + width, top, bottom: top + parseFloat(style.lineHeight) });
      }
      labels++;
      if (drawn.length === 2) oldLabels++;
      for (const label of drawn) {
        if (!inside(label.left, label.right, sheet))
          out.push(`label ${label.text} at ${label.left.toFixed(0)}–${label.right.toFixed(0)} is off the page`);
        if (inView && !inside(label.left, label.right, column))
          out.push(`label ${label.text} at ${label.left.toFixed(0)}–${label.right.toFixed(0)} is cut`);
        if (label.right > textStart + 0.5)
          out.push(`label ${label.text} runs into its text (${label.right.toFixed(0)} > ${textStart.toFixed(0)})`);
      }
      if (drawn.length === 2) {
        const [fresh, old] = drawn as [(typeof drawn)[0], (typeof drawn)[0]];
        const across = old.right > fresh.left - 2 && fresh.right > old.left - 2;
        const down = old.bottom > fresh.top + 0.5 && fresh.bottom > old.top + 0.5;
        if (across && down) out.push(`labels ${old.text} and ${fresh.text} overlap`);
      }
      const text = item.querySelector('.pl-item-text')!.getBoundingClientRect();
      if (inView && !inside(text.left, text.right, column)) out.push(`the text of item ${item.dataset.label} is cut`);
    }

    // The outline's labels, inside the outline.
    const outline = document.querySelector('.outline')!.getBoundingClientRect();
    for (const label of document.querySelectorAll<HTMLElement>('.outline-label')) {
      const box = label.getBoundingClientRect();
      if (box.width === 0 || box.bottom < outline.top || box.top > outline.bottom) continue;
      if (label.scrollWidth > label.clientWidth + 0.5 || !inside(box.left, box.right, outline))
        out.push(`outline label ${label.textContent} is cut`);
    }

    // The changes panel: each card's place and buttons inside the panel.
    const panel = document.querySelector('.changes')!.getBoundingClientRect();
    let places = 0;
    for (const element of document.querySelectorAll<HTMLElement>('.changes .change-where, .changes button')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.bottom < panel.top || box.top > panel.bottom) continue;
      if (element.classList.contains('change-where')) places++;
      if (!inside(box.left, box.right, panel) || element.scrollWidth > element.clientWidth + 0.5)
        out.push(`${element.textContent} is cut in the changes panel`);
    }

    // The toolbar: what shows on its row is whole.
    const row = document.querySelector('.tb-row')!.getBoundingClientRect();
    for (const slot of document.querySelectorAll<HTMLElement>('.tb-row > .tb-slot')) {
      const box = slot.getBoundingClientRect();
      if (!inside(box.left, box.right, row) || box.right > root.clientWidth) out.push(`toolbar entry ${slot.dataset.fitKey} is cut`);
    }
    return { problems: out, labels, oldLabels, places };
  });
}

/** The toolbar buttons of the registry. */
const TOOLBAR_BUTTONS = (COMMANDS as readonly CommandSpec[])
  .filter((command) => command.toolbar && 'label' in command.toolbar)
  .map((c) => c.id);

describe('the window at laptop and desktop sizes, outline and changes panel open', () => {
  for (const [width, height] of [
    [1366, 768],
    [1280, 800],
    [1024, 768],
  ] as const) {
    it(`at ${width}×${height} nothing scrolls sideways and every label in view is whole`, async () => {
      await resize(width, height);
      expect(await page.locator('.outline').isVisible()).toBe(true);
      expect(await page.locator('.changes').isVisible()).toBe(true);
      const top = await layoutProblems();
      expect(top.problems).toEqual([]);
      // Every item of the document (1,100, and the deleted ones), the 87 of the first section after the deleted item relabelled.
      expect(top.labels).toBeGreaterThanOrEqual(1100);
      expect(top.oldLabels).toBeGreaterThan(80);
      expect(top.places).toBeGreaterThan(2);
      if (width === 1366) await shot(page, 'layout-1366');
      // In view further down: the sub-item relabelled after its deleted sibling, then three-letter
      // labels relabelled ("ccc)" struck before "bbb)").
      for (const relabelled of [
        editorOf(page).locator('.pl-item .pl-item[data-old-label][data-label]').first(),
        editorOf(page).locator('.pl-item[data-old-label="ccc)"]').first(),
      ]) {
        await relabelled.scrollIntoViewIfNeeded();
        expect((await layoutProblems()).problems).toEqual([]);
        if (width === 1366) await shot(page, `layout-1366-relabelled-${await relabelled.getAttribute('data-label')}`);
      }
    });
  }

  it('at 1366×768 the panels are resized by dragging their edge and with the keyboard, the page keeping its room', async () => {
    await resize(1366, 768);
    const widths = () =>
      page.evaluate(() =>
        ['.side-column', '.page-scroller', '.changes'].map((selector) =>
          Math.round(document.querySelector(selector)!.getBoundingClientRect().width),
        ),
      );
    const [outline, column, changes] = await widths();
    /** Widths as expected, to the pixel (the default ones are fractions of the window). */
    const near = async (expected: Array<number | undefined>) => {
      const now = await widths();
      expect(
        now.map((width, index) => Math.abs(width - expected[index]!)).every((gap) => gap <= 1),
        `${now} against ${expected}`,
      ).toBe(true);
    };
    // The mouse: the changes panel's edge 100 px to the left.
    const edge = (await page.locator('.panel-resizer-changes').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 - 50, edge.y + 200);
    await page.mouse.move(edge.x + edge.width / 2 - 100, edge.y + 200);
    await page.mouse.up();
    await afterPaint(page);
    await near([outline, column! - 100, changes! + 100]);
    expect((await layoutProblems()).problems).toEqual([]);
    // The keyboard: the outline's edge, three steps to the right; End stops where the page keeps its room.
    const outlineEdge = page.getByRole('separator', { name: 'Resize the outline' });
    await outlineEdge.focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    await afterPaint(page);
    const widened = Number(await outlineEdge.getAttribute('aria-valuenow'));
    expect(Math.abs(widened - (outline! + 48))).toBeLessThanOrEqual(1);
    await near([widened, column! - 100 - (widened - outline!), changes! + 100]);
    await page.keyboard.press('End');
    await afterPaint(page);
    const [, narrowest] = await widths();
    expect(narrowest).toBeGreaterThanOrEqual(420);
    expect((await layoutProblems()).problems).toEqual([]);
    await shot(page, 'layout-1366-resized');
    // Enter (and a double-click) give each panel back its default share.
    await page.keyboard.press('Enter');
    await page.locator('.panel-resizer-changes').dblclick();
    await afterPaint(page);
    await near([outline, column, changes]);
  });

  it('at 1920×1080 the whole toolbar is one row, with no More menu', async () => {
    await resize(1920, 1080);
    const row = await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLElement>('.toolbar button')];
      return {
        commands: buttons.map((button) => button.dataset.command).filter(Boolean),
        tops: [...new Set(buttons.map((button) => button.offsetTop))],
        selects: [
          ...new Set(
            [...document.querySelectorAll<HTMLElement>('.toolbar select')].map(
              (select) => select.getBoundingClientRect().bottom <= document.querySelector('.toolbar')!.getBoundingClientRect().bottom,
            ),
          ),
        ],
      };
    });
    expect([...row.commands].sort()).toEqual([...TOOLBAR_BUTTONS].sort());
    expect(row.tops).toHaveLength(1);
    expect(row.selects).toEqual([true]);
    expect(await page.locator('.tb-more').count()).toBe(0);
    expect((await layoutProblems()).problems).toEqual([]);
    await shot(page, 'layout-1920');
  });
});

/** Opens More from the keyboard and goes down its entries to `command`; fails if it is not there. */
async function toMenuEntry(command: string): Promise<void> {
  const more = page.locator('.tb-more');
  await more.focus();
  await page.keyboard.press('Enter');
  await page.locator('.tb-menu').waitFor();
  const entries = await page.locator('.tb-menu button:not(:disabled), .tb-menu select').count();
  for (let step = 0; step < entries; step++) {
    if (await page.evaluate((id) => (document.activeElement as HTMLElement | null)?.dataset.command === id, command)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${command} is not in the More menu`);
}

describe('the More menu', () => {
  it('at 1366: the keyboard opens it, walks it, Escape closes it with the focus back on More; Enter on Check runs the style check', async () => {
    await resize(1366, 768);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-command="check"]').count()).toBe(0);
    await toMenuEntry('toggle-outline');
    expect(await page.locator('.tb-menu [role^="menuitem"]').count()).toBeGreaterThan(2);
    await shot(page, 'layout-1366-more');
    await page.keyboard.press('Escape');
    await page.locator('.tb-menu').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tb-more'))).toBe(true);
    expect(await page.locator('.checks').count()).toBe(0);
    await toMenuEntry('check');
    await page.keyboard.press('Enter');
    await page.locator('.checks').waitFor();
    await page.locator('.tb-menu').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Close the checks' }).click();
  });

  it('at 1024: Outline from the menu (checked while shown) hides the outline and shows it again; the page takes the room', async () => {
    await resize(1024, 768);
    const pageWidth = () => page.locator('.page').evaluate((element) => element.getBoundingClientRect().width);
    const before = await pageWidth();
    // The entry is checked while the outline is open, unchecked once it is closed.
    const outlineEntry = page.locator('.tb-menu [data-command="toggle-outline"]');
    await toMenuEntry('toggle-outline');
    expect(await outlineEntry.getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Enter');
    await page.locator('.outline').waitFor({ state: 'detached' });
    expect(await pageWidth()).toBeGreaterThan(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await toMenuEntry('toggle-outline');
    expect(await outlineEntry.getAttribute('aria-checked')).toBe('false');
    await shot(page, 'layout-1024-more');
    await page.keyboard.press('Enter');
    await page.locator('.outline').waitFor();
    expect(await pageWidth()).toBe(before);
  });
});

describe('the bars over the page at 1024×768', () => {
  it('the find and replace bar and the style check results fit the window', async () => {
    await resize(1024, 768);
    await editorOf(page).locator('.pl-item-text').first().click();
    await page.keyboard.press('Control+h');
    await page.getByLabel('Replace with').waitFor();
    await toMenuEntry('check');
    await page.keyboard.press('Enter');
    await page.locator('.checks').waitFor();
    const bars = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const cut = [...document.querySelectorAll<HTMLElement>('.find-bar > *, .checks button, .messages button')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.left < 0 || box.right > width);
        })
        .map((element) => element.textContent || element.getAttribute('aria-label'));
      return { sideways: document.documentElement.scrollWidth - width, cut };
    });
    expect(bars).toEqual({ sideways: 0, cut: [] });
    await shot(page, 'layout-1024-bars');
    await page.getByRole('button', { name: 'Close find' }).click();
    await page.getByRole('button', { name: 'Close the checks' }).click();
  });
});

describe('the footnote box near the bottom of a 1366×768 window', () => {
  it('opens whole inside the page column, however low its note stands', async () => {
    await resize(1366, 768);
    const note = editorOf(page).locator('.pl-footnote').nth(3);
    const editor = page.locator('.pl-footnote-editor');
    // The note's line at the bottom of the page column, a little higher each time (as after
    // scrolling down to it): the box must never end under the status bar or below the window.
    for (const above of [4, 14, 24, 34, 60]) {
      await note.evaluate((element, gap) => {
        const scroller = element.closest('.page-scroller')!;
        scroller.scrollTop += element.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom + gap;
      }, above);
      await afterPaint(page);
      await note.click();
      await editor.locator('.ProseMirror').waitFor();
      await expect
        .poll(() =>
          editor.evaluate((element) => {
            const box = element.getBoundingClientRect();
            const column = element.closest('.page-scroller')!.getBoundingClientRect();
            return box.top >= column.top && box.bottom <= column.bottom && box.left >= column.left && box.right <= column.right;
          }),
        )
        .toBe(true);
      if (above === 14) await shot(page, 'layout-footnote-1366');
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }
  });
});

describe('banners that go when their problem is gone', () => {
  const banner = (text: string | RegExp) => page.locator('.message', { hasText: text });

  it('a failed export leaves an error with a close button; the next export that works takes it away, and Preparing… goes when it ends', async () => {
    await resize(1920, 1080);
    await page.getByLabel('Export to Word').selectOption('export-docx-final');
    await pickFile(page, 'taken.docx');
    const failed = banner(/Could not write taken\.docx/);
    await failed.waitFor();
    expect(await failed.getAttribute('role')).toBe('alert');
    // Its close button is a button in the tab order, named.
    expect(await failed.getByRole('button', { name: 'Dismiss' }).evaluate((button) => (button as HTMLButtonElement).tabIndex)).toBe(0);
    await page.getByLabel('Export to Word').selectOption('export-docx-final');
    await pickFile(page, 'long-final.docx');
    await banner('Exported long-final.docx').waitFor({ timeout: 20_000 });
    expect(await failed.count()).toBe(0);
    expect(await banner('Preparing the Word file…').count()).toBe(0);
  });

  it('a failed save leaves its error until a save goes through', async () => {
    await page.locator('[data-command="save-as"]').click();
    await pickFile(page, 'taken.plenary');
    const failed = banner(/Could not save taken\.plenary: .* is a folder/);
    await failed.waitFor();
    await page.locator('[data-command="save-as"]').click();
    await pickFile(page, 'long-revised.plenary');
    await banner('Saved long-revised.plenary').waitFor();
    expect(await failed.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
