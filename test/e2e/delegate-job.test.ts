/**
 * Issue 15, end to end in Chromium against `plenary serve`: the delegate's C26/93 job through the
 * UI, keyboard and mouse, with tracking on over the whole contribution. Revise… on Resolution 1332;
 * the cover filled with Tab and Enter inside it; words changed, an item inserted with Enter, a
 * footnote added with Ctrl+Alt+F and written in its own editor, another edited in its box; the last
 * décide item deleted by a selection that reaches into the next section; undo and redo; a sub-item
 * deleted (triple click, Backspace, Backspace), an item moved (Alt+Up), one demoted (Tab) and one
 * promoted (the toolbar's ⇤), one card each in the changes panel; saved, reopened (tracking still on)
 * and exported in the three Word views; then the resolution in force opened and compared with the
 * contribution (Compare…). The saved file, the Word markup read back, the Word final and original
 * views and the comparison are each checked against the proposal written out by hand on the text in
 * force (expectedFinal): original text exactly the text in force, final text exactly the proposal.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import { writeText } from '../../shared/export/index.js';
import { importDocx, importText } from '../../shared/import/index.js';
import { ROOT, tempDir } from '../support/browser.js';
import { afterPaint, answerAuthor, caret, editorOf, openServedEditor, pickFile, shot, type ServedEditor } from '../support/page.js';

/** The footnote's own editor has the keyboard: what is typed next goes into the note. */
async function footnoteEditorFocused(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator('.pl-footnote-editor .ProseMirror')
        .evaluate((element) => element === document.activeElement || element.contains(document.activeElement)),
    )
    .toBe(true);
}

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'council-res-1332-c24.txt');

let served: ServedEditor;
let page: Page;
let folder: string;
const problems: string[] = [];

beforeAll(async () => {
  folder = tempDir('e2e-delegate-job');
  copyFileSync(FIXTURE, path.join(folder, 'res1332.txt'));
  served = await openServedEditor({ name: 'e2e-delegate-job', host: { folder }, problems });
  page = served.page;
});

afterAll(async () => {
  await served?.browser.close();
  await served?.host.close();
});

const section = (keyword: RegExp) =>
  editorOf(page).locator('.pl-annex .pl-section', { has: page.locator('.pl-keyword', { hasText: keyword }) });
const field = (name: string) => editorOf(page).locator(`.pl-cover-field[data-pl-name='${name}']`);

describe('the C26/93 job with tracking on, keyboard and mouse', () => {
  it('Revise…: a contribution, tracking on (saved with it), the caret in the cover', async () => {
    await page.getByRole('button', { name: /New revision of a resolution/ }).click();
    await pickFile(page, 'res1332.txt');
    await answerAuthor(page, 'Fédération de Russie');
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');
    // The whole document is tracked, the cover too.
    await page.locator('.status-scope').click();
    await expect.poll(() => page.locator('.status-scope').innerText()).toBe('Tracks: whole document');
  });

  it('fills the cover with Tab and Enter moving between its fields, never duplicating one', async () => {
    const fields = await editorOf(page).locator('.pl-cover-field').count();
    await caret(field('session'), 'end');
    await page.keyboard.type('Conseil 2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type(' Genève, 9-19 juin 2026');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' PL 2');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(',');
    expect(await editorOf(page).locator('.pl-cover-field').count()).toBe(fields);
    expect(await field('session').innerText()).toContain('Conseil 2026');
    expect(await field('placeAndDates').innerText()).toContain('Genève, 9-19 juin 2026,');
    expect(await field('agendaItem').innerText()).toContain('PL 2');
    expect(await editorOf(page).locator('.pl-cover ins.pl-ins').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.status-dirty').count()).toBe(1);
  });

  it('changes words, inserts an item with Enter, adds a footnote in its own editor', async () => {
    const decide = section(/^décide$/);
    await caret(decide.locator('.pl-item-text').first(), 'end');
    await page.keyboard.type(' et en rend compte');
    await page.keyboard.press('Enter');
    await page.keyboard.type("d'examiner la Résolution 80/173");
    // Ctrl+Alt+F: the caret goes into the new note; what is typed stays there, tracked.
    await page.keyboard.press('Control+Alt+f');
    await page.locator('.pl-footnote-editor .ProseMirror').waitFor();
    await footnoteEditorFocused(page);
    // The box opens on screen, whole (it is placed in the frame after it opens: wait for it there).
    const viewport = page.viewportSize()!;
    await expect
      .poll(async () => {
        const box = (await page.locator('.pl-footnote-editor').boundingBox())!;
        return box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
      })
      .toBe(true);
    await page.keyboard.type('Voir le Document C26/59.');
    await page.keyboard.press('Escape');
    await page.keyboard.type(';');
    const items = decide.locator('.pl-item-text');
    await expect.poll(() => items.nth(1).innerText()).toMatch(/^d'examiner la Résolution 80\/173\d*;$/);
    await expect.poll(() => decide.locator('.pl-footnote').last().getAttribute('title')).toBe('Voir le Document C26/59.');
    expect(await decide.innerText()).not.toContain('Voir le Document');
    await shot(page, 'delegate-job-footnote');
    // An existing footnote at the end of a long line, near the right edge: its box stays on screen too.
    const note = editorOf(page).locator('.pl-footnote').first();
    await note.scrollIntoViewIfNeeded();
    await note.click();
    await page.locator('.pl-footnote-editor .ProseMirror').waitFor();
    await footnoteEditorFocused(page);
    await expect
      .poll(async () => {
        const other = (await page.locator('.pl-footnote-editor').boundingBox())!;
        return other.x >= 0 && other.x + other.width <= page.viewportSize()!.width;
      })
      .toBe(true);
    // Typing there stays in the note, tracked, the box open key after key.
    await page.keyboard.type(' (rév.)');
    await expect.poll(() => note.getAttribute('title')).toMatch(/ \(rév\.\)$/);
    expect(await page.locator('.pl-footnote-editor').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('deletes a selection from the last décide item into the next section: exactly that is struck', async () => {
    const decide = section(/^décide$/);
    const charge = section(/^charge le Secrétaire général$/);
    const chargeItems = await charge.locator('.pl-item').count();
    await caret(decide.locator('.pl-item-text').last(), 'start');
    await page.keyboard.press('Home');
    // As in the issue, Ctrl+Shift+Down reaches into the next section's keyword line; Shift+Home
    // brings the end of the selection back to the start of that line: the whole item, no keyword.
    await page.keyboard.press('Control+Shift+ArrowDown');
    await page.keyboard.press('Shift+Home');
    const reaches = () =>
      page.evaluate(() => {
        const selection = document.getSelection();
        const focus = selection?.focusNode;
        const element = focus instanceof Element ? focus : focus?.parentElement;
        const keyword = element?.closest('.pl-keyword');
        return keyword ? `${keyword.textContent?.slice(0, 40)} @${selection!.focusOffset}` : null;
      });
    await expect.poll(reaches).toBe('charge le Groupe de travail du Conseil s @0');
    // ProseMirror reads the DOM selection on selectionchange, before the next paint.
    await afterPaint(page);
    await page.keyboard.press('Delete');
    // The next section stands, its keyword and items untouched (not deleted and re-inserted).
    await expect
      .poll(() =>
        decide
          .locator('.pl-item')
          .last()
          .evaluate((e) => e.classList.contains('pl-block-deletion') || !!e.querySelector('del')),
      )
      .toBe(true);
    expect(
      await section(/^charge le Groupe de travail/)
        .locator('.pl-keyword del.pl-del')
        .count(),
    ).toBe(0);
    expect(await charge.locator('.pl-item').count()).toBe(chargeItems);
    expect(await charge.locator('.pl-block-insertion, ins.pl-ins').count()).toBe(0);
    // Undo and redo give the same.
    const before = await editorOf(page).innerHTML();
    await page.keyboard.press('Control+z');
    await expect.poll(() => charge.locator('del.pl-del, .pl-block-deletion').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => editorOf(page).innerHTML()).toBe(before);

    // A letter typed over the same kind of selection (the last item of "charge le Groupe de
    // travail…" up to the next keyword line): that item's text struck and the letter in it,
    // nothing else; then undone.
    const groupe = section(/^charge le Groupe de travail/);
    const demander = groupe.locator('.pl-item-text', { hasText: 'de demander au Secrétaire général de rendre compte' });
    // The caret first: it brings the item into view, and innerText reads nothing of an item the
    // page has not laid out (content-visibility: auto keeps off-screen sections unrendered).
    await caret(demander, 'start');
    const itemText = (await demander.innerText()).replace(/^\d+\s*/, '');
    expect(itemText).toMatch(/^de demander au Secrétaire général de rendre compte/);
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Shift+ArrowDown');
    await page.keyboard.press('Shift+Home');
    await expect.poll(reaches).toBe('charge le Secrétaire général @0');
    await afterPaint(page);
    await page.keyboard.type('x');
    await expect.poll(() => demander.locator('ins.pl-ins').allInnerTexts()).toEqual(['x']);
    expect((await demander.locator('del.pl-del').allInnerTexts()).join('')).toBe(itemText);
    expect(await charge.locator('.pl-keyword').innerText()).toBe('charge le Secrétaire général');
    expect(await charge.locator('.pl-block-insertion, .pl-block-deletion, ins.pl-ins, del.pl-del').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => demander.locator('ins.pl-ins, del.pl-del').count()).toBe(0);
    expect((await demander.innerText()).replace(/^\d+\s*/, '')).toBe(itemText);
  });

  it('deletes a sub-item, moves an item, demotes one and promotes another: one card each', async () => {
    // The changes panel counts the cards: each user action adds one (a move two: from and to).
    await page.locator('[data-command="toggle-changes"]').click();
    const cards = page.locator('.changes .change-row');
    await cards.first().waitFor();
    const added = async (action: () => Promise<void>): Promise<string[]> => {
      const before = await cards.allInnerTexts();
      await action();
      await expect.poll(() => cards.count()).toBeGreaterThan(before.length);
      await afterPaint(page);
      const after = await cards.allInnerTexts();
      return after.filter((text) => !before.includes(text));
    };
    const groupe = section(/^charge le Groupe de travail/);
    const decide = section(/^décide$/);
    const sg = section(/^charge le Secrétaire général$/);

    // A sub-item deleted: its text selected with a triple click, Backspace, and Backspace again at
    // its start (joined to the one before, as in Word): one "Deleted item".
    const fourth = groupe.locator('.pl-item-text', { hasText: "d'une manifestation parallèle" });
    const deletedSub = await added(async () => {
      await fourth.scrollIntoViewIfNeeded();
      await fourth.click({ clickCount: 3 });
      await page.keyboard.press('Backspace');
      await expect.poll(() => fourth.locator('del.pl-del').count()).toBeGreaterThan(0);
      await page.keyboard.press('Backspace');
    });
    expect(deletedSub).toHaveLength(1);
    expect(deletedSub[0]).toMatch(/^Deleted item\ncharge le Groupe de travail .* 1 iv\)/);

    // An item moved up with Alt+Up: "de continuer de contribuer au Sommet de l'avenir" before 4.
    const moved = await added(async () => {
      await caret(sg.locator('.pl-item-text', { hasText: "de continuer de contribuer au Sommet de l'avenir" }), 'start');
      await page.keyboard.press('Alt+ArrowUp');
    });
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((text) => /^Moved item/.test(text))).toBe(true);
    const liveSg = () =>
      sg.locator('.pl-item:not(.pl-block-deletion) > .pl-item-text').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    await expect
      .poll(async () => {
        const texts = await liveSg();
        const sommet = texts.findIndex((text) => text.includes("de continuer de contribuer au Sommet de l'avenir"));
        const renforcer = texts.findIndex((text) => text.includes('de continuer de renforcer le rôle de premier plan'));
        return sommet >= 0 && sommet < renforcer;
      })
      .toBe(true);

    // Demoted with Tab: décide 5 becomes a sub-item of décide 4.
    const inviter = decide.locator('.pl-item-text', { hasText: "d'inviter les membres et les autres parties prenantes" });
    await added(async () => {
      await caret(inviter.first(), 'start');
      await page.keyboard.press('Tab');
    });
    await expect
      .poll(() =>
        decide
          .locator('.pl-item:not(.pl-block-deletion) .pl-item:not(.pl-block-deletion) > .pl-item-text', {
            hasText: "d'inviter les membres et les autres parties prenantes",
          })
          .count(),
      )
      .toBe(1);

    // Promoted with the toolbar's ⇤: décide 3 b. becomes an item of décide.
    const contribuant = decide.locator('.pl-item-text', { hasText: "contribuant, selon qu'il conviendra" });
    await added(async () => {
      await caret(contribuant.first(), 'start');
      await page.locator('[data-command="promote"]').click();
    });
    await expect
      .poll(() =>
        decide
          .locator(':scope > .pl-list > .pl-item:not(.pl-block-deletion) > .pl-item-text', {
            hasText: "contribuant, selon qu'il conviendra",
          })
          .count(),
      )
      .toBe(1);
    await shot(page, 'delegate-job-structure');
  });

  it('saves, reopens with tracking on, and exports the three Word views', async () => {
    await page.keyboard.press('Control+s');
    await pickFile(page, 'c26-93.plenary');
    await expect.poll(() => page.title()).toMatch(/^c26-93\.plenary/);
    const saved = parseDocument(readFileSync(path.join(folder, 'c26-93.plenary'), 'utf8')).doc;
    expect(saved.attrs.trackChanges).toBe(true);

    // The proposal as the delegate made it, in the three views of the saved file.
    expectTheProposal(saved);
    expect(writeText(saved, { mode: 'final' })).toContain("Point de l'ordre du jour:  PL 2");
    expect(writeText(saved, { mode: 'original' })).not.toContain('Conseil 2026');

    // Open it again (the window holds it saved): tracking is still on.
    await page.locator('.status-tracking').click();
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: off');
    await page.locator('.status-tracking').click();
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');
    await page.keyboard.press('Control+s');
    // Keyboard only: the picker takes the focus on its first file, arrows move, Enter opens.
    await page.keyboard.press('Control+o');
    await page.locator('.picker').waitFor();
    const focused = () =>
      page.evaluate(() => (document.activeElement?.closest('.picker-list') ? document.activeElement.textContent : null));
    await expect.poll(focused).not.toBeNull();
    for (let i = 0; i < 10 && (await focused()) !== 'c26-93.plenary'; i++) await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('c26-93.plenary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.status-tracking').innerText()).toBe('Track changes: on');

    for (const [option, name] of [
      ['export-docx', 'c26-93-marked.docx'],
      ['export-docx-final', 'c26-93-final.docx'],
      ['export-docx-original', 'c26-93-original.docx'],
    ] as const) {
      await page.getByLabel('Export to Word').selectOption(option);
      await pickFile(page, name);
      await expect.poll(() => page.locator('.message', { hasText: `Exported ${name}` }).count()).toBeGreaterThan(0);
    }
    // Word's three views, read back: the markup holds the proposal as revisions, the final and
    // the original views hold its final and original text, without a mark.
    const word = (view: string) => importDocx(readFileSync(path.join(folder, `c26-93-${view}.docx`))).doc;
    const markup = word('marked');
    expect(markup.attrs.trackChanges).toBe(true);
    expectTheProposal(markup);
    const finalView = writeText(word('final'), { mode: 'marked' });
    expect(finalView).not.toMatch(/\[[+-]/);
    expect(resolutionPart(finalView)).toBe(expectedFinal(resolutionInForce()));
    const originalView = writeText(word('original'), { mode: 'marked' });
    expect(originalView).not.toMatch(/\[[+-]/);
    expect(resolutionPart(originalView)).toBe(resolutionInForce());
    expect(problems).toEqual([]);
  });

  it('compares the resolution in force with the contribution: the same proposal, tracked', async () => {
    await page.keyboard.press('Control+o');
    await pickFile(page, 'res1332.txt');
    await expect.poll(() => page.title()).toMatch(/^res1332\.txt/);
    await page.locator('[data-command="compare"]').click();
    await pickFile(page, 'c26-93.plenary');
    await expect.poll(() => page.locator('.message', { hasText: 'Compared with c26-93.plenary' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.message').allInnerTexts()).not.toContainEqual(expect.stringMatching(/cannot be tracked/));
    await expect.poll(() => page.locator('.changes .change-row').count()).toBeGreaterThan(5);
    await shot(page, 'delegate-job-compare');
    // Saved, the comparison reads as the proposal: the resolution in force, the delegate's changes tracked.
    await page.keyboard.press('Control+s');
    await pickFile(page, 'compared.plenary');
    await expect.poll(() => page.title()).toMatch(/^compared\.plenary/);
    expectTheProposal(parseDocument(readFileSync(path.join(folder, 'compared.plenary'), 'utf8')).doc, 'compared');
    expect(problems).toEqual([]);
  });
});

/** The resolution's part of a text view, from its number line on (a contribution's cover and introduction come first). */
function resolutionPart(text: string): string {
  const at = text.indexOf('RÉSOLUTION 1332');
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(at);
}

/** Resolution 1332 in force, as plain text (the fixture read by the text importer). */
function resolutionInForce(): string {
  return writeText(importText(readFileSync(FIXTURE, 'utf8'), { language: 'fr' }).doc, { mode: 'original' });
}

/**
 * The delegate's proposal written out by hand on the text in force, line by line: what this test
 * did through the UI, as a reader of the final text expects it (labels following the new order,
 * the reference to the demoted item following it, the new footnote numbered 2).
 */
function expectedFinal(inForce: string): string {
  const lines = inForce.split('\n');
  const index = (start: string) => {
    const found = lines.findIndex((line) => line.startsWith(start));
    if (found < 0) throw new Error(`not in the text in force: ${start}`);
    return found;
  };
  const replace = (start: string, line: string | null) => {
    const at = index(start);
    if (line === null) lines.splice(at, 1);
    else lines[at] = line;
  };
  const rest = (start: string) => lines[index(start)]!.slice(start.length);
  // décide: 1 extended; a new 2 with its footnote; 3 b. promoted to 5; 5 demoted under 6; 6 deleted.
  const first = "1\tque l'UIT doit jouer le rôle de coordonnateur principal";
  replace(first, `${lines[index(first)]} et en rend compte`);
  lines.splice(index(first) + 1, 0, "2\td'examiner la Résolution 80/173[footnoteRef:2]; [2: Voir le Document C26/59.]");
  replace("2\tque l'UIT doit poursuivre", `3\tque l'UIT doit poursuivre${rest("2\tque l'UIT doit poursuivre")}`);
  replace("3\td'utiliser le cadre du SMSI", `4\td'utiliser le cadre du SMSI${rest("3\td'utiliser le cadre du SMSI")}`);
  replace(
    "b.\tcontribuant, selon qu'il conviendra",
    `5\tcontribuant, selon qu'il conviendra${rest("b.\tcontribuant, selon qu'il conviendra")}`,
  );
  const groupe = '4\tque le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert';
  replace(groupe, `6${lines[index(groupe)]!.slice(1)}`);
  replace("5\td'inviter les membres", `a.\td'inviter les membres${rest("5\td'inviter les membres")}`);
  replace('6\tque le Forum 2025 du SMSI', null);
  // charge le Groupe de travail: the reference follows the demoted item; sub-item iv) deleted.
  const call = '1\tde lancer un appel à contributions';
  replace(call, lines[index(call)]!.replace(/au point(\s)5 du décide/, 'au point$16 a. du décide'));
  replace("iv)\td'une manifestation parallèle", null);
  // charge le Secrétaire général: 5 moved up before 4.
  const renforcer = lines[index('4\tde continuer de renforcer le rôle')]!;
  const sommet = lines[index("5\tde continuer de contribuer au Sommet de l'avenir")]!;
  lines[index('4\tde continuer de renforcer le rôle')] = `4${sommet.slice(1)}`;
  lines[index("5\tde continuer de contribuer au Sommet de l'avenir")] = `5${renforcer.slice(1)}`;
  // The first footnote, edited in its box.
  const note = lines.findIndex((line) => line.includes('sur une base de réciprocité.]'));
  lines[note] = lines[note]!.replace('sur une base de réciprocité.]', 'sur une base de réciprocité. (rév.)]');
  return lines.join('\n');
}

/**
 * `doc` (a saved contribution, its Word markup read back, a comparison) holds exactly the proposal:
 * its original and final text, and marks where the changes are — as the editor recorded them
 * (a new item by a split, a deleted sub-item by a join, a reference's label changed), or as a
 * comparison finds them (whole items and references inserted and deleted).
 */
function expectTheProposal(doc: Node, marks: 'as edited' | 'compared' = 'as edited'): void {
  const inForce = resolutionInForce();
  expect(resolutionPart(writeText(doc, { mode: 'original' }))).toBe(inForce);
  expect(resolutionPart(writeText(doc, { mode: 'final' }))).toBe(expectedFinal(inForce));
  const marked = resolutionPart(writeText(doc, { mode: 'marked' }));
  expect(marked).toContain('[+ et en rend compte+]');
  if (marks === 'as edited') {
    expect(marked).toMatch(/\[\+2\+\]\t\[\+d'examiner la Résolution 80\/173/);
    expect(marked).toMatch(/\[-iv\)-\]\t\[-d'une manifestation parallèle/);
    expect(marked).toMatch(/au point\s\[-5-\]\[\+6 a\.\+\] du décide/);
  } else {
    expect(marked).toMatch(/\[\+2\td'examiner la Résolution 80\/173/);
    expect(marked).toMatch(/\[-iv\)\td'une manifestation parallèle/);
    // A reference the comparison finds naming another item: only its label marked, as when edited.
    expect(marked).toMatch(/au point\s\[-5-\]\[\+6 a\.\+\] du décide/);
  }
}
