/**
 * End to end, in Chromium against `plenary serve`: pastes as the clipboard delivers them (a
 * `paste` ClipboardEvent with a DataTransfer, dispatched at the editor). A large or hostile text is
 * read in the paste worker: the event returns before anything is parsed, the editor takes
 * keystrokes meanwhile, and the items land where the paste was made; a paste past the size bound
 * is refused in one line; a small paste still lands at once, in the event itself.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/browser.js';
import { afterPaint, caret, editorOf, servedPerTest } from '../support/page.js';
import { fixture, fixturePath } from '../support/fixtures.js';

// No CSP report (the worker is allowed as the page's own script), no error: checked after each test.
const served = servedPerTest(() => {
  const file = path.join(tempDir('paste-docs'), 'res1332.txt');
  copyFileSync(fixturePath('council-res-1332-c24.txt'), file);
  return file;
});

/** The text of item 1 of *décide*, where the pastes go (the caret at its end). */
const decide1 = () =>
  editorOf(served.page).locator('.pl-item-text', { hasText: "que l'UIT doit jouer le rôle de coordonnateur principal" }).first();

const itemCount = () => editorOf(served.page).locator('.pl-item').count();

interface Dispatched {
  /** Items and text length right after dispatchEvent returned, in the same task. */
  items: number;
  textLength: number;
  handled: boolean;
}

/** Pastes as the browser does on Ctrl+V: a ClipboardEvent carrying `data`; `repeat` builds large texts in the page. */
function paste(data: { text?: string; html?: string; repeat?: number }): Promise<Dispatched> {
  return served.page.evaluate(({ text, html, repeat }) => {
    const transfer = new DataTransfer();
    if (text !== undefined) transfer.setData('text/plain', repeat ? text.repeat(repeat) : text);
    if (html !== undefined) transfer.setData('text/html', html);
    const editor = document.querySelector('.page-editor > .ProseMirror')!;
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    editor.dispatchEvent(event);
    return { items: editor.querySelectorAll('.pl-item').length, textLength: editor.textContent!.length, handled: event.defaultPrevented };
  }, data);
}

function numberedItems(count: number): string {
  return Array.from({ length: count }, (_, i) => `${i + 1}\tque le Secrétaire général présente le rapport numéro ${i};`).join('\n');
}

describe('pasting', () => {
  it('a large text is read in the worker: the event returns at once, a keystroke lands, the items follow where the paste was made', async () => {
    await caret(decide1(), 'end');
    const before = await itemCount();
    const textBefore = (await editorOf(served.page).textContent())!.length;
    const pasted = numberedItems(3_000);
    expect(pasted.length).toBeGreaterThan(100_000);
    const dispatched = await paste({ text: pasted });
    // Nothing parsed on the page's thread: the document is as it was when the event returned.
    expect(dispatched).toEqual({ items: before, textLength: textBefore, handled: true });
    // The editor still takes keys while the worker reads.
    await served.page.keyboard.type('Q');
    await afterPaint(served.page);
    expect(await editorOf(served.page).textContent()).toContain('Q');
    // The first pasted item's text continues item 1's (the paste was made at its end): 2,999 new items.
    await expect.poll(itemCount, { timeout: 20_000 }).toBe(before + 2_999);
    // The items joined décide's list after item 1's text; the key typed at the paste's place follows them.
    const texts = await editorOf(served.page).locator('.pl-item-text').allTextContents();
    const first = texts.findIndex((text) => text.startsWith("que l'UIT doit jouer le rôle de coordonnateur principal"));
    expect(texts[first]).toMatch(/Tunis;que le Secrétaire général présente le rapport numéro 0;$/);
    expect(texts[first + 2_999]).toBe('que le Secrétaire général présente le rapport numéro 2999;Q');
    expect(await served.page.locator('.message', { hasText: 'Reading the pasted text' }).count()).toBe(0);
    expect(await served.page.title()).toMatch(/^•/);
  });

  it('a hostile text (lines of 80,000 spaces after a bracket or a label) is read off the page and lands', async () => {
    await caret(decide1(), 'end');
    const before = (await editorOf(served.page).textContent())!.length;
    // Ten lines of a bracket and 80,000 spaces, ten items of 80,000 spaces and an x (their text trimmed).
    const hostile = `[${' '.repeat(80_000)}\n1\t${' '.repeat(80_000)}x\n`;
    const dispatched = await paste({ text: hostile, repeat: 10 });
    expect(dispatched).toMatchObject({ textLength: before, handled: true });
    await served.page.keyboard.type('Z');
    await expect
      .poll(async () => (await editorOf(served.page).textContent())!.length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(before + 800_010);
    expect(await editorOf(served.page).textContent()).toContain('Z');
  });

  it('Word HTML past the synchronous size is read in the worker into items', async () => {
    await caret(decide1(), 'end');
    const before = await itemCount();
    // Word's clipboard carries a large style sheet before the text.
    const word = fixture('clipboard/word-res1332-excerpt.html');
    const html = word.replace('<head>', `<head><style>${'p.MsoNormal { margin: 0cm; font-size: 12pt; }\n'.repeat(600)}</style>`);
    expect(html.length).toBeGreaterThan(20_000);
    const copied = () => editorOf(served.page).locator('.pl-item-text', { hasText: 'actualisant ses feuilles de route;' }).count();
    expect(await copied()).toBe(0);
    const dispatched = await paste({ text: 'le texte brut', html });
    expect(dispatched).toMatchObject({ items: before, handled: true });
    await expect.poll(copied).toBe(1);
    expect(await editorOf(served.page).textContent()).not.toContain('le texte brut');
    expect(await itemCount()).toBeGreaterThan(before);
  });

  it('a paste past the size bound is refused in one line; the document and typing are unharmed', async () => {
    await caret(decide1(), 'end');
    const before = (await editorOf(served.page).textContent())!.length;
    const dispatched = await paste({ text: 'x', repeat: 9 * 1024 * 1024 });
    expect(dispatched).toMatchObject({ textLength: before, handled: true });
    const refusal = served.page.locator('.message', { hasText: 'The pasted text is 9.0 MB' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Plenary pastes at most 8.0 MB at once. Paste it in parts, or open it as a file.');
    await served.page.keyboard.type('W');
    await afterPaint(served.page);
    expect((await editorOf(served.page).textContent())!.length).toBe(before + 1);
  });

  it('a small paste lands at once, within the paste event', async () => {
    await caret(decide1(), 'end');
    const before = await itemCount();
    const dispatched = await paste({ text: numberedItems(2) });
    // Item 1's text goes on with the first pasted item's; the second is a new item.
    expect(dispatched.items).toBe(before + 1);
    expect(dispatched.handled).toBe(true);
  });
});
