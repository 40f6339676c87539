/**
 * End to end, in Debian's Chromium against `plenary serve`: Resolution 1332 switched to Arabic reads
 * right to left as an Arabic reader expects (and, last, switched to Chinese, in the Chinese font and
 * number-line form). Each label stands in the hanging column on the right of
 * its text (the label's box right of the text's box), `أ)` with its bracket on the left of the letter
 * (the closing bracket of a right-to-left label), the number line's Latin runs (`C11`, `C24`) keep
 * their order inside the Arabic line, and the page, cover, footnotes and panels follow the direction.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../../shared/compare/index.js';
import { serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import { translateFixedLines } from '../../shared/translation/index.js';
import { conferenceByCode, newProposalsDocument } from '../../shared/proposals/index.js';
import { ROOT, tempDir } from '../support/browser.js';
import { withConferenceLine } from '../support/cover-line.js';
import { caret, editorOf, openServedEditor, shot, type ServedEditor } from '../support/page.js';

const FR_TEXT = readFileSync(path.join(ROOT, 'test', 'fixtures', 'council-res-1332-c24.txt'), 'utf8');

/** Resolution 1332 with its keywords, call and number line in Arabic (the tables' wording). */
function arabicDoc(text: string, language: 'ar' | 'zh' = 'ar') {
  const tr = EditorState.create({ doc: importText(text).doc }).tr;
  translateFixedLines(tr, language);
  return tr.doc;
}

const arabic1332 = (): string => serializeDocument(arabicDoc(FR_TEXT));

/** The Arabic Resolution 1332 with one item's text changed, as tracked changes. */
function trackedArabic1332(): string {
  const revised = FR_TEXT.replace('un rôle déterminant', 'un rôle essentiel');
  return serializeDocument(compareDocuments(arabicDoc(FR_TEXT), arabicDoc(revised), { author: 'الأمانة', date: '2026-04-14T09:00:00Z' }));
}

/**
 * Mexico's Arabic proposals to PP-26, and the same cover with its conference line as the English
 * fallback (no Arabic name), cut into three text nodes (`(WTDC-`, a bold `25`, `)`).
 */
function arabicProposals(): { arabic: string; latinLine: string } {
  const doc = newProposalsDocument({ language: 'ar', source: 'MEX', conference: conferenceByCode('PP-26'), documentNumber: '56' });
  const latin = withConferenceLine(doc, [
    { text: 'World Telecommunication Development Conference (WTDC-' },
    { text: '25', bold: true },
    { text: ')' },
  ]);
  return { arabic: serializeDocument(doc), latinLine: serializeDocument(latin) };
}

/** The box of the last `char` in `line`'s text, as the page lays it out. */
function lastCharBox(line: import('playwright-core').Locator, char: string): Promise<{ left: number; right: number }> {
  return line.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let found: { node: Text; at: number } | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.lastIndexOf(wanted);
      if (at >= 0) found = { node, at };
    }
    const range = document.createRange();
    range.setStart(found!.node, found!.at);
    range.setEnd(found!.node, found!.at + wanted.length);
    const box = range.getBoundingClientRect();
    return { left: box.left, right: box.right };
  }, char);
}

let served: ServedEditor;
let trackedFile: string;
let chineseFile: string;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const folder = tempDir('e2e-arabic');
  const file = path.join(folder, 'res1332-ar.plenary');
  writeFileSync(file, arabic1332());
  chineseFile = path.join(folder, 'res1332-zh.plenary');
  writeFileSync(chineseFile, serializeDocument(arabicDoc(FR_TEXT, 'zh')));
  trackedFile = path.join(folder, 'res1332-ar-tracked.plenary');
  writeFileSync(trackedFile, trackedArabic1332());
  served = await openServedEditor({ name: 'e2e-arabic', host: { file }, problems, viewport: { width: 1500, height: 950 } });
  page = served.page;
  await editorOf(page).locator('.pl-item').first().waitFor();
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

/** The box of an item's label (its ::before, placed by the stylesheet) and of its text, on screen. */
async function labelAndText(
  index: number,
): Promise<{ label: { left: number; right: number }; text: { left: number; right: number }; bidi: string }> {
  return editorOf(page)
    .locator('.pl-item[data-label]')
    .nth(index)
    .evaluate((item) => {
      const box = item.getBoundingClientRect();
      const before = getComputedStyle(item, '::before');
      const width = parseFloat(before.width);
      const right = box.right - parseFloat(before.right);
      const text = item.querySelector(':scope > .pl-item-text')!.getBoundingClientRect();
      return { label: { left: right - width, right }, text: { left: text.left, right: text.right }, bidi: before.unicodeBidi };
    });
}

describe('an Arabic page', () => {
  it('is right to left in the Arabic fonts, its labels hung on the right of their text', async () => {
    const pageBox = page.locator('.page');
    expect(await pageBox.getAttribute('dir')).toBe('rtl');
    expect(await pageBox.getAttribute('lang')).toBe('ar');
    expect(await pageBox.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('Traditional Arabic');
    expect(await page.locator('.outline ol').getAttribute('dir')).toBe('rtl');
    const first = editorOf(page).locator('.pl-item[data-label]').first();
    expect(await first.getAttribute('data-label')).toBe('أ)');
    for (const index of [0, 1, 12]) {
      const { label, text, bidi } = await labelAndText(index);
      expect(label.right - label.left).toBeGreaterThan(4);
      // The label stands right of the text, in the hanging column at the right margin.
      expect(label.left).toBeGreaterThanOrEqual(text.right - 1);
      expect(bidi).toBe('isolate');
    }
    await first.screenshot({ path: 'test-artifacts/e2e-arabic-item.png' });
    await shot(page, 'arabic-page');
  });

  it('keeps the Latin runs of the number line in their place in the Arabic line', async () => {
    const numberLine = editorOf(page).locator('.pl-number-line');
    expect(await numberLine.innerText()).toBe('القرار 1332 (C11، آخر تعديل C24)');
    const runs = numberLine.locator('.pl-ltr');
    expect(await runs.allInnerTexts()).toEqual(['C11', 'C24']);
    const [c11, c24] = [(await runs.nth(0).boundingBox())!, (await runs.nth(1).boundingBox())!];
    // Read from the right: القرار 1332 (C11، آخر تعديل C24) — C11 before (right of) C24.
    expect(c11.x).toBeGreaterThan(c24.x + c24.width);
    const word = await numberLine.evaluate((line) => {
      const range = document.createRange();
      const text = line.querySelector('.pl-ltr')!.parentElement!.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 'القرار'.length);
      return range.getBoundingClientRect().left;
    });
    expect(word).toBeGreaterThan(c11.x);
    await numberLine.screenshot({ path: 'test-artifacts/e2e-arabic-number-line.png' });
  });

  it('isolates Latin text typed into an Arabic line as it is typed', async () => {
    const call = editorOf(page).locator('.pl-call');
    await caret(call, 'end');
    await page.keyboard.type(' ITU 2026');
    await expect.poll(() => call.locator('.pl-ltr').allInnerTexts()).toEqual(['ITU 2026']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => call.locator('.pl-ltr').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps footnotes and the changes panel in the direction of their text', async () => {
    // A second window on the tracked version (a window holds one document).
    const tracked = await openServedEditor({ name: 'e2e-arabic-tracked', host: { file: trackedFile }, problems });
    try {
      const view = tracked.page;
      await expect.poll(() => editorOf(view).locator('.pl-ins').count()).toBeGreaterThan(0);
      await editorOf(view).focus();
      await view.keyboard.press('Control+Shift+R');
      const excerpt = view.locator('.change-excerpt').first();
      await excerpt.waitFor();
      expect(await excerpt.getAttribute('dir')).toBe('auto');
      // The footnotes follow the page: each number at the right edge, before (right of) its note's
      // first line, which reads in its own direction (a French note left to right).
      const note = view.locator('.footnotes button').first();
      await note.scrollIntoViewIfNeeded();
      await shot(view, 'arabic-changes');
      const [button, number] = [(await note.boundingBox())!, (await note.locator('sup').boundingBox())!];
      const firstLine = await note.locator('bdi').evaluate((element) => element.getClientRects()[0]!.toJSON() as DOMRect);
      expect(number.x + number.width).toBeGreaterThan(button.x + button.width - 12);
      expect(number.x).toBeGreaterThanOrEqual(firstLine.right - 1);
      expect(await note.locator('bdi').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    } finally {
      await tracked.browser.close();
      await tracked.host.close();
    }
    expect(problems).toEqual([]);
  });

  it("shows an Arabic proposals cover's conference line with its brackets where an Arabic reader expects them", async () => {
    const folder = tempDir('e2e-arabic-cover');
    const { arabic, latinLine } = arabicProposals();
    writeFileSync(path.join(folder, 'mex-pp26-ar.plenary'), arabic);
    writeFileSync(path.join(folder, 'mex-latin-line-ar.plenary'), latinLine);
    const check = async (file: string, shotName: string, read: (line: import('playwright-core').Locator) => Promise<void>) => {
      const cover = await openServedEditor({
        name: shotName,
        host: { file: path.join(folder, file) },
        problems,
        viewport: { width: 1366, height: 900 },
      });
      try {
        const line = editorOf(cover.page).locator('.pl-cover-field').first();
        await line.waitFor();
        await read(line);
        await shot(cover.page, shotName);
      } finally {
        await cover.browser.close();
        await cover.host.close();
      }
    };
    // ITU's Arabic name with the Latin code: read from the right, `(` then PP-26 then `)` at the left end.
    await check('mex-pp26-ar.plenary', 'arabic-proposals-cover', async (line) => {
      expect(await line.innerText()).toBe('مؤتمر المندوبين المفوضين (PP-26)');
      expect(await line.locator('.pl-ltr').allInnerTexts()).toEqual(['PP-26']);
      const [open, close, code] = [
        await lastCharBox(line, '('),
        await lastCharBox(line, ')'),
        (await line.locator('.pl-ltr').boundingBox())!,
      ];
      expect(open.left).toBeGreaterThanOrEqual(code.x + code.width - 1);
      expect(close.right).toBeLessThanOrEqual(code.x + 1);
      const place = editorOf(line.page()).locator('.pl-cover-field').nth(1);
      expect(await place.innerText()).toBe('الدوحة، 9–27 نوفمبر 2026');
    });
    // The English name as a whole Latin line, cut by a bold year: one left-to-right reading, `)` last on the right.
    await check('mex-latin-line-ar.plenary', 'arabic-cover-latin-line', async (line) => {
      expect((await line.locator('.pl-ltr').allInnerTexts()).join('')).toBe('World Telecommunication Development Conference (WTDC-25)');
      const [open, close, year] = [await lastCharBox(line, '('), await lastCharBox(line, ')'), await lastCharBox(line, '25')];
      const world = await line.evaluate((element) => {
        const range = document.createRange();
        range.setStart(element.querySelector('.pl-ltr')!.firstChild!, 0);
        range.setEnd(element.querySelector('.pl-ltr')!.firstChild!, 'World'.length);
        return range.getBoundingClientRect().left;
      });
      // World … (WTDC- 25 ) from left to right: the closing bracket right of the year, the year right of the opening one.
      expect(world).toBeLessThan(open.left);
      expect(open.right).toBeLessThanOrEqual(year.left + 1);
      expect(close.left).toBeGreaterThanOrEqual(year.right - 1);
    });
    expect(problems).toEqual([]);
  });

  it('shows a Chinese page in the Chinese font, its number line in Chinese form', async () => {
    const chinese = await openServedEditor({ name: 'e2e-chinese', host: { file: chineseFile }, problems });
    try {
      const view = chinese.page;
      const numberLine = editorOf(view).locator('.pl-number-line');
      await expect.poll(() => numberLine.innerText()).toBe('第1332号决议（C11，最后修订C24）');
      const pageBox = view.locator('.page');
      expect([await pageBox.getAttribute('lang'), await pageBox.getAttribute('dir')]).toEqual(['zh', 'ltr']);
      expect(await pageBox.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('SimSun');
      expect(await editorOf(view).locator('.pl-item[data-label]').first().getAttribute('data-label')).toBe('a)');
      // No Latin run is isolated in a left-to-right page.
      expect(await editorOf(view).locator('.pl-ltr').count()).toBe(0);
      await shot(view, 'chinese-page');
    } finally {
      await chinese.browser.close();
      await chinese.host.close();
    }
    expect(problems).toEqual([]);
  });
});
