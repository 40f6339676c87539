/**
 * End to end, in Debian's Chromium against `plenary serve`: a delegate opens Resolution 1332
 * (the fixture text, imported by the host), edits it with the keyboard, undoes back to the
 * original, saves and reopens it; a host killed mid-edit leaves a recovery copy that the next
 * start restores; nothing leaves 127.0.0.1; requests without the token or from elsewhere are refused.
 *
 * One browser for the file; each test gets its own host (in process, on a fresh folder holding the
 * fixture and a damaged file, and a fresh user-data folder) and its own page, so no test depends on
 * what another did or on the order they run in. Screenshots of the main views go to test-artifacts/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import type { RunningHost } from '../../host/serve.js';
import { ROOT, ensureRendererBuilt, launchChromium, startTestHost, tempDir } from '../support/browser.js';
import { afterPaint, caret, collectProblems, DESKTOP_VIEWPORT, editorOf, pickFile, shot, waitReady } from '../support/page.js';
import { fixtureDocument, fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let host: RunningHost;
let folder: string;
let userData: string;
const requests: string[] = [];
/** Console errors and uncaught exceptions of every page (a CSP violation is a console error). */
const pageProblems: string[] = [];

function watch(target: Page): Page {
  collectProblems(target, pageProblems);
  target.on('dialog', (dialog) => void dialog.accept());
  return target;
}

/** The text paragraph of the item whose text contains `text`. */
const itemText = (target: Page, text: string): Locator => target.locator('.pl-item-text', { hasText: text }).first();
const editor = editorOf;

/** Labels of the items of a section, in order (`data-label` of each item, drawn by the page). */
async function sectionLabels(target: Page, keyword: string, nested = false): Promise<string[]> {
  const section = target.locator('.pl-section', { has: target.locator('.pl-keyword', { hasText: new RegExp(`^${keyword}$`) }) }).first();
  const selector = nested ? '.pl-item' : ':scope > .pl-list > .pl-item';
  return section.locator(selector).evaluateAll((items) => items.map((item) => item.getAttribute('data-label') ?? ''));
}

async function waitForMessage(target: Page, text: string | RegExp): Promise<void> {
  await target.locator('.message', { hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** Waits for the host's answer to an API call started by `action`; the page has handled it after. */
async function answered(target: Page, method: string, action: () => Promise<void>): Promise<void> {
  const response = target.waitForResponse((r) => r.url().endsWith(`/api/call/${method}`), { timeout: 15_000 });
  await action();
  expect((await response).ok()).toBe(true);
}

function docOf(file: string) {
  return parseDocument(readFileSync(file, 'utf8')).doc;
}

/** A GET to the host with chosen headers (node:http lets a test forge Host and Origin). */
function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  await ensureRendererBuilt();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: DESKTOP_VIEWPORT });
  context.on('request', (req) => requests.push(req.url()));
}, 240_000);

/** The editor text of Resolution 1332 as the host opens it, before any edit (read on each fresh page). */
let originalText = '';

beforeEach(async () => {
  requests.length = 0;
  pageProblems.length = 0;
  folder = tempDir('e2e-docs');
  userData = tempDir('e2e-data');
  copyFileSync(FIXTURE, path.join(folder, 'res1332.txt'));
  // A damaged document beside it: opening it must say why and change nothing.
  writeFileSync(path.join(folder, 'damaged.plenary'), '{"format":"plenary","version":1,"metadata":{"language":"fr"');
  host = await startTestHost({ userDataDir: userData, file: path.join(folder, 'res1332.txt') });
  page = watch(await context.newPage());
  await page.goto(host.url);
  await waitReady(page);
  originalText = (await editor(page).textContent()) ?? '';
}, 60_000);

afterEach(async () => {
  await page?.close();
  await host?.close();
  // Every test, whatever it did: no console error, CSP violation or uncaught exception, and nothing
  // sent anywhere but 127.0.0.1.
  expect(pageProblems).toEqual([]);
  expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('plenary serve in Chromium', () => {
  it('opens Resolution 1332 with labels computed from position, not typed', async () => {
    // The outline holds every entry but puts only the rows in view (and a margin) in the page.
    await expect.poll(() => page.locator('.outline-row').count()).toBeGreaterThan(20);
    expect(await page.locator('.outline-row').count()).toBeLessThan(120);
    await page.locator('.outline-scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(() => page.locator('.outline-row').last().innerText()).toMatch(/^j\)/);
    await page.locator('.outline-scroller').evaluate((element) => element.scrollTo(0, 0));
    // The page and the outline fill the window between the toolbar and the status bar.
    expect((await page.locator('.page-scroller').boundingBox())!.height).toBeGreaterThan(700);
    expect((await page.locator('.outline').boundingBox())!.height).toBeGreaterThan(700);
    expect(await editor(page).locator('.pl-number-line').innerText()).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(await sectionLabels(page, 'rappelant')).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'f)', 'g)', 'h)', 'i)', 'j)', 'k)', 'l)']);
    expect(await sectionLabels(page, 'décide')).toEqual(['1', '2', '3', '4', '5', '6']);
    // Considérant g) holds sub-items i)–v) and dashes; the labels are drawn, the text has none.
    const g = page.locator('.pl-item[data-label="g)"]', { hasText: 'que, aux termes de la' }).first();
    expect(await g.locator('.pl-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-label')))).toEqual([
      'i)',
      'ii)',
      'iii)',
      'iv)',
      'v)',
      '–',
      '–',
      '–',
    ]);
    expect(await itemText(page, 'la Résolution 140 (Rév. Bucarest').innerText()).toMatch(/^la Résolution/);
    // Keywords in italics, number line and title centred.
    expect(
      await page
        .locator('.pl-keyword')
        .first()
        .evaluate((e) => getComputedStyle(e).fontStyle),
    ).toBe('italic');
    expect(await page.locator('.pl-title').evaluate((e) => getComputedStyle(e).textAlign)).toBe('center');
    // The footnote of considérant h): number 1 at its anchor, its text at the foot of the page.
    expect(await page.locator('.pl-footnote').first().getAttribute('data-label')).toBe('1');
    expect(await page.locator('.footnotes li').first().innerText()).toContain('Internet Corporation for Assigned Names');
    expect(await page.locator('.status-words').innerText()).toMatch(/^[\d,. \u202f]+ words$/);
    // The live reference of "charge le Groupe de travail" 1, drawn from its target's label.
    const reference = editor(page).locator('.pl-xref').first();
    expect(await reference.getAttribute('data-label')).toBe('point\u00a05 du décide');
    expect(await reference.evaluate((e) => getComputedStyle(e, '::after').content)).toBe('"point\u00a05 du décide"');
    await shot(page, 'res1332-open');
    await g.scrollIntoViewIfNeeded();
    await shot(page, 'res1332-considerant-g');
  });

  it('reports a damaged file with its reason and keeps the document on screen', async () => {
    await editor(page).focus();
    await page.keyboard.press('Control+o');
    await page.locator('.picker').waitFor();
    await shot(page, 'picker-open');
    await pickFile(page, 'damaged.plenary');
    await waitForMessage(page, /Cannot open damaged\.plenary: .*truncated/);
    expect(await editor(page).textContent()).toBe(originalText);
    await page.locator('.message button').first().click();
  });

  it('saves the imported text as a .plenary file through the picker', async () => {
    await editor(page).focus();
    await answered(page, 'saveAs', async () => {
      await page.keyboard.press('Control+s');
      await pickFile(page, 'res1332.plenary');
    });
    await waitForMessage(page, 'Saved res1332.plenary');
    expect(existsSync(path.join(folder, 'res1332.plenary'))).toBe(true);
    expect(await page.locator('.status-file').innerText()).toBe('res1332.plenary');
  });

  it('exports to Word with the changes accepted, through the picker, and offers to show the folder', async () => {
    await answered(page, 'exportDocx', async () => {
      await page.getByLabel('Export to Word').selectOption('export-docx-final');
      await pickFile(page, 'res1332-final.docx');
    });
    await waitForMessage(page, 'Exported res1332-final.docx');
    const written = readFileSync(path.join(folder, 'res1332-final.docx'));
    expect([...written.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    // A browser host cannot open a folder: it says where the file is instead.
    await page.locator('.message', { hasText: 'Exported res1332-final.docx' }).getByRole('button', { name: 'Show in folder' }).click();
    await waitForMessage(page, /res1332-final\.docx is in the folder you chose/);
  });

  it('edits with the keyboard: new item, demote, merge, move, footnote; then undoes to the original', async () => {
    const notantB = itemText(page, 'la contribution soumise par l');
    // Enter at the end of an item makes the next item.
    await caret(notantB, 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type('que les délégués proposent un texte nouveau;');
    await expect.poll(() => sectionLabels(page, 'notant')).toEqual(['a)', 'b)', 'c)']);
    expect(await page.locator('.status-dirty').count()).toBe(1);

    // Tab demotes it to the first sub-item of b).
    await page.keyboard.press('Tab');
    await expect.poll(() => sectionLabels(page, 'notant')).toEqual(['a)', 'b)']);
    expect(await sectionLabels(page, 'notant', true)).toEqual(['a)', 'b)', 'i)']);

    // Backspace at its start merges it into b).
    await caret(itemText(page, 'que les délégués proposent'), 'start');
    await page.keyboard.press('Backspace');
    await expect.poll(() => sectionLabels(page, 'notant', true)).toEqual(['a)', 'b)']);
    expect(await itemText(page, 'la contribution soumise par l').innerText()).toMatch(
      /horizon 2030,que les délégués proposent un texte nouveau;$/,
    );

    // Alt+Up moves décide 2 above décide 1; the labels follow the new order.
    const decide2 = itemText(page, "que l'UIT doit poursuivre la coordination");
    await caret(decide2, 'start');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => decide2.evaluate((e) => e.parentElement!.getAttribute('data-label'))).toBe('1');
    expect(
      await itemText(page, "que l'UIT doit jouer le rôle de coordonnateur").evaluate((e) => e.parentElement!.getAttribute('data-label')),
    ).toBe('2');

    // Ctrl+Alt+F puts a footnote at the caret and opens its text; numbering runs through the document.
    await caret(decide2, 'end');
    await page.keyboard.press('Control+Alt+f');
    await page.locator('.pl-footnote-editor .ProseMirror').waitFor();
    await page.keyboard.type('Voir la Résolution 140.');
    await shot(page, 'footnote-editing');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.footnotes li').count()).toBe(2);
    // The footnote list is a panel refreshed off the keystroke path: wait for it to catch up.
    await expect.poll(() => page.locator('.footnotes li').nth(1).innerText()).toBe('2 Voir la Résolution 140.');
    expect(await decide2.locator('.pl-footnote').getAttribute('data-label')).toBe('2');
    await shot(page, 'after-edits');

    // Undo everything: the document is the original again.
    await editor(page).focus();
    for (let round = 0; round < 4 && !(await page.locator('button[data-command="undo"]').isDisabled()); round++) {
      for (let i = 0; i < 30; i++) await page.keyboard.press('Control+z');
      await afterPaint(page);
    }
    expect(await page.locator('button[data-command="undo"]').isDisabled()).toBe(true);
    expect(await editor(page).textContent()).toBe(originalText);
  });

  it('saves the undone document equal to the original, keeps a .bak, and reopens it equal', async () => {
    const file = path.join(folder, 'res1332.plenary');
    // Its own start: the imported text saved as res1332.plenary, then an edit undone.
    await editor(page).focus();
    await answered(page, 'saveAs', async () => {
      await page.keyboard.press('Control+s');
      await pickFile(page, 'res1332.plenary');
    });
    await waitForMessage(page, 'Saved res1332.plenary');
    await caret(itemText(page, 'la contribution soumise par l'), 'end');
    await page.keyboard.type(' texte à défaire');
    await expect.poll(() => page.locator('.status-dirty').count()).toBe(1);
    await editor(page).focus();
    for (let round = 0; round < 4 && (round === 0 || !(await page.locator('button[data-command="undo"]').isDisabled())); round++) {
      for (let i = 0; i < 10; i++) await page.keyboard.press('Control+z');
      await afterPaint(page);
    }
    await expect.poll(() => page.locator('button[data-command="undo"]').isDisabled()).toBe(true);
    expect(await page.locator('button[data-command="undo"]').isDisabled()).toBe(true);
    expect(await editor(page).textContent()).toBe(originalText);
    const before = docOf(file);
    await editor(page).focus();
    await answered(page, 'save', () => page.keyboard.press('Control+s'));
    expect(docOf(file).eq(before)).toBe(true);
    expect(existsSync(`${file}.bak`)).toBe(true);
    await expect.poll(() => page.locator('.status-dirty').count()).toBe(0);

    await answered(page, 'openDialog', async () => {
      await page.keyboard.press('Control+o');
      await pickFile(page, 'res1332.plenary');
    });
    await expect.poll(() => page.locator('.status-file').innerText()).toBe('res1332.plenary');
    expect(await page.locator('.status-dirty').count()).toBe(0);
    expect(await editor(page).textContent()).toBe(originalText);
    await answered(page, 'saveAs', async () => {
      await page.keyboard.press('Control+Shift+s');
      await pickFile(page, 'reopened.plenary');
    });
    await waitForMessage(page, 'Saved reopened.plenary');
    await expect.poll(() => page.locator('.status-dirty').count()).toBe(0);
    expect(docOf(path.join(folder, 'reopened.plenary')).eq(before)).toBe(true);
  });

  it('finds and highlights text', async () => {
    await editor(page).focus();
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find', { exact: true }).fill('SMSI+20');
    await expect.poll(() => page.locator('.find-count').innerText()).toMatch(/^[1-9]\d* found$/);
    expect(await page.locator('.ProseMirror-search-match').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await shot(page, 'find');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ProseMirror-search-match').count()).toBe(0);
  });

  it('inserts a live reference picked from the items, and relabels the document in another language', async () => {
    // The cursor at the end of rappelant a)'s text, then a reference to décide 3 picked from the list.
    await itemText(page, 'la Résolution 140 (Rév. Bucarest').click();
    await page.keyboard.press('End');
    const picker = page.getByLabel('Insert a reference to an item');
    // Its entries are built when it takes the focus, as a click or Tab gives it.
    await picker.focus();
    const decide3 = await picker.locator('option', { hasText: /^décide 3 — / }).getAttribute('value');
    await picker.selectOption(decide3!);
    const inserted = itemText(page, 'la Résolution 140 (Rév. Bucarest').locator('.pl-xref');
    await expect.poll(() => inserted.getAttribute('data-label')).toBe('point\u00a03 du décide');

    // English: the same labels, the keyword lines and the call from the language tables, the
    // reference worded in English; what the tables do not know is said. Arabic: its own alphabet.
    await page.getByLabel('Document language').selectOption('en');
    await expect.poll(() => inserted.getAttribute('data-label')).toMatch(/^paragraph[\s\u00a0]3 of resolves$/);
    expect(await page.locator('.pl-item').first().getAttribute('data-label')).toBe('a)');
    // textContent: sections out of sight are not laid out (content-visibility), their text is there.
    const keywords = await page.locator('.ProseMirror .pl-keyword').allTextContents();
    expect(keywords.slice(0, 5)).toEqual(['recalling', 'considering', 'recognizing', 'noting', 'resolves']);
    expect(keywords[6]).toBe('instructs le Secrétaire général');
    await expect.poll(() => page.getByText('The ITU Council,', { exact: true }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByText(
            /^12 keyword or title line\(s\) now in English\. Not in the tables, left as written: «\(adoptée à la onzième séance plénière\)», «le Groupe de travail du Conseil sur le ?…», «le Secrétaire général» and 2 more\.$/,
          )
          .count(),
      )
      .toBe(1);
    await page.getByLabel('Document language').selectOption('ar');
    await expect.poll(() => page.locator('.pl-item').first().getAttribute('data-label')).toBe('أ)');
    await expect.poll(() => page.locator('.page').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('.outline ol').getAttribute('dir')).toBe('rtl');
    await shot(page, 'language-arabic');
    // Undo takes back the two language switches and the reference: the document is as it was.
    await editor(page).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => editor(page).locator('.pl-xref').count()).toBe(1);
    await expect.poll(() => page.getByLabel('Document language').inputValue()).toBe('fr');
    expect(await page.locator('.pl-item').first().getAttribute('data-label')).toBe('a)');
  });

  it('runs the style checks in a panel: none on Res 1332, an empty item found and reached by a click', async () => {
    await page.locator('[data-command="check"]').click();
    await expect.poll(() => page.locator('.checks-count').innerText()).toBe('no findings');
    // Where the user looks: under the toolbar, on screen, not under the footnotes.
    const box = await page.locator('.checks').boundingBox();
    expect(box!.y).toBeLessThan(300);
    expect(box!.y + box!.height).toBeLessThan(page.viewportSize()!.height);
    // An empty item after rappelant a), made with the toolbar.
    await itemText(page, 'la Résolution 140 (Rév. Bucarest').click();
    await page.locator('[data-command="insert-item"]').click();
    await page.getByRole('button', { name: 'Check again' }).click();
    const finding = page.locator('.checks li.check-error').first();
    await expect.poll(() => finding.innerText()).toMatch(/^rappelant b\)/);
    await finding.locator('button').click();
    await editor(page).focus();
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => page.locator('.checks-count').innerText()).toBe('no findings');
    await page.getByRole('button', { name: 'Close the checks' }).click();
  });

  it('opens a Word file dropped on the page, and refuses a broken one with its reason', async () => {
    const { exportDocx } = await import('../../shared/export/index.js');
    const res30 = fixtureDocument('wtdc-res-30-kigali-2022.txt');
    const docx = Buffer.from(await exportDocx(res30, { mode: 'markup' })).toString('base64');
    const drop = (name: string, base64: string) =>
      page.evaluate(
        ([fileName, data]) => {
          const bytes = Uint8Array.from(atob(data!), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], fileName!));
          const target = document.querySelector('.page-scroller')!;
          target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        [name, base64],
      );
    await drop('bad.docx', Buffer.from('not a zip at all').toString('base64'));
    await waitForMessage(page, /Cannot open bad\.docx: .*not a Word document/);
    // The host's answer, then the status line naming the file: the editor shows it by then (the
    // document and the session change in one task), however long a busy machine took to import it.
    await answered(page, 'openDropped', () => drop('res30.docx', docx));
    await page.locator('.status-file', { hasText: 'res30.docx' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.status-file').innerText()).toBe('res30.docx');
    expect(await editor(page).locator('.pl-number-line').innerText()).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
    // notant holds one item: no label, as in the text.
    const notant = page.locator('.pl-section', { has: page.locator('.pl-keyword', { hasText: /^notant$/ }) });
    expect(await notant.locator('.pl-item').first().getAttribute('data-label')).toBeNull();
  });
});

describe('recovery after the host is killed', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('restores the unsaved edit at the next start', async () => {
    const data = tempDir('e2e-kill-data');
    const docs = tempDir('e2e-kill-docs');
    const file = path.join(docs, 'res1332.txt');
    copyFileSync(FIXTURE, file);
    // A real `plenary serve` process, killed with SIGKILL: no chance to clean up.
    child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'cli/plenary.ts'), 'serve', '--port', '0', '--data-dir', data, file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const firstLine = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child!.stdout! });
      lines.once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`plenary serve exited with ${code}`)));
    });
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);

    const first = watch(await context.newPage());
    await first.goto(firstLine);
    await waitReady(first);
    const recoveryWritten = first.waitForResponse((r) => r.url().endsWith('/api/call/writeRecovery') && r.ok(), { timeout: 10_000 });
    await caret(itemText(first, "que l'UIT doit jouer le rôle de coordonnateur"), 'end');
    await first.keyboard.type(' Texte ajouté avant la panne.');
    await recoveryWritten;
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;
    await first.close();

    const next = await startTestHost({ userDataDir: data, file });
    try {
      const second = watch(await context.newPage());
      await second.goto(next.url);
      await second.getByRole('alertdialog').waitFor();
      expect(await second.getByRole('alertdialog').innerText()).toContain('res1332.txt');
      await shot(second, 'recovery-offer');
      await second.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => itemText(second, "que l'UIT doit jouer le rôle").textContent()).toMatch(/Texte ajouté avant la panne\.$/);
      expect(await second.locator('.status-dirty').count()).toBe(1);
      await second.close();
    } finally {
      await next.close();
    }
  });
});

describe('the host keeps to itself', () => {
  it('ran without a console error, a CSP violation or an uncaught exception', () => {
    expect(pageProblems).toEqual([]);
  });

  it('sent no request anywhere but 127.0.0.1', async () => {
    // Its own traffic: the page loaded twice, and the file picker asked for the folder's files.
    await page.reload();
    await waitReady(page);
    await editor(page).focus();
    await answered(page, 'openDialog', async () => {
      await page.keyboard.press('Control+o');
      await pickFile(page, 'res1332.txt');
    });
    expect(requests.length).toBeGreaterThan(10);
    const elsewhere = requests.filter((url) => new URL(url).hostname !== '127.0.0.1');
    expect(elsewhere).toEqual([]);
  });

  it('refuses a request without the token (401), from another origin or host (403)', async () => {
    // The page's own files are public code; every API call needs the token in its header.
    expect((await fetch(`${host.origin}/api/call/listRecent`, { method: 'POST', body: '{"args":[]}' })).status).toBe(401);
    expect(
      (await fetch(`${host.origin}/api/call/listRecent`, { method: 'POST', body: '{"args":[]}', headers: { 'x-plenary-token': 'wrong' } }))
        .status,
    ).toBe(401);
    expect((await fetch(host.url)).status).toBe(200);
    expect(await rawGet(host.url, { origin: 'http://evil.example' })).toBe(403);
    expect(await rawGet(host.url, { host: `evil.example:${host.port}` })).toBe(403);
    expect(await rawGet(host.url, { 'sec-fetch-site': 'cross-site' })).toBe(403);
  });

  it('resolves picked names inside its folder only', async () => {
    const call = (body: unknown) =>
      fetch(`${host.origin}/api/call/openDialog`, {
        method: 'POST',
        headers: { 'x-plenary-token': host.token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const escape = await call({ args: [], choice: '../res1332.txt' });
    expect(escape.status).toBe(400);
    expect(((await escape.json()) as { error: string }).error).toMatch(/not a path/);
    const ok = (await (await call({ args: [], choice: 'res1332.txt' })).json()) as { ok: boolean; result: { ok: boolean } };
    expect(ok.ok && ok.result.ok).toBe(true);
  });
});
