/**
 * A proposals document to a conference built with the CLI from the fixtures, as a delegation's
 * secretariat would: MOD of Council Resolution 1332 (with tracked changes typed through the API),
 * ADD of a new resolution, SUP of WTDC Resolution 30, NOC of Resolution 71; identifiers in order,
 * renumbered after a move; the Word export read by pandoc (MOD revisions, none in the ADD) and
 * rendered by LibreOffice (the symbols in the margin: test-artifacts/proposals-page-*.png).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/plenary.js';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { trackTransaction } from '../../shared/tracking/index.js';
import { pandoc, pdfPages, renderPage, sofficeConvert, tempDir } from '../support/office.js';

let dir: string;
const ARTIFACTS = resolve('test-artifacts');

async function plenary(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: dir,
    env: { PLENARY_USER_DATA: join(dir, 'user-data') },
  });
  return { code, stdout, stderr };
}

/** `symbol identifier` of each proposal, as `plenary propose` prints them. */
function listed(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t').slice(0, 2).join(' '));
}

/** The C26/93-style changes to the MOD body, typed with tracking on: each replacement a tracked deletion + insertion. */
function typeTrackedChanges(path: string): void {
  let doc = parseDocument(readFileSync(path, 'utf8')).doc;
  // [text to find, where in it the edit starts, how much of it is replaced, what is typed]
  for (const [find, offset, length, typed] of [
    ['C24', 0, 3, 'C26'],
    ['du SMSI et du', 7, 0, '+20'],
  ] as const) {
    let at = -1;
    doc.descendants((node, pos) => {
      if (at < 0 && node.isText && node.text!.includes(find)) at = pos + node.text!.indexOf(find) + offset;
      return at < 0;
    });
    expect(at).toBeGreaterThan(0);
    const state = EditorState.create({ doc });
    doc = trackTransaction(state.tr.insertText(typed, at, at + length), state, { name: 'Sénégal' }, () => '2026-05-01T10:00:00Z').doc;
  }
  writeFileSync(path, serializeDocument(doc));
}

beforeAll(() => {
  dir = tempDir('proposals');
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a proposals document built with the CLI', () => {
  it('numbers MOD, ADD, SUP, NOC as XXX/1/1 … XXX/1/4, renumbers after a move, and exports them to Word', async () => {
    const made = await plenary(
      'new-proposals',
      '--source',
      'XXX',
      '--conference',
      'PP-26',
      '--document',
      '1',
      '--language',
      'fr',
      '-o',
      'doc.plenary',
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });

    // The library is seeded from the installation's texts in force: the two fixtures.
    const library = await plenary('library', 'list');
    expect(library.stdout).toMatch(/\tCouncil\t1332\tfr\tC11, dernière mod\. C24\t/);
    expect(library.stdout).toMatch(/\tWTDC\t30\tfr\tRév\. Kigali, 2022\t/);

    expect((await plenary('propose', 'doc.plenary', '--mod', '1332')).code).toBe(0);
    typeTrackedChanges(join(dir, 'doc.plenary'));
    expect((await plenary('propose', 'doc.plenary', '--add', 'Accessibilité des services numériques')).code).toBe(0);
    expect((await plenary('propose', 'doc.plenary', '--sup', 'Résolution 30')).code).toBe(0);
    const noc = await plenary('propose', 'doc.plenary', '--noc', 'RÉSOLUTION 71 (Rév. Bucarest, 2022)');
    expect(noc.code).toBe(0);
    expect(noc.stderr).toMatch(/^warning: No text in the library matches .* The NOC names it as written\.\n$/);
    expect(listed(noc.stdout)).toEqual(['MOD XXX/1/1', 'ADD XXX/1/2', 'SUP XXX/1/3', 'NOC XXX/1/4']);

    const moved = await plenary('propose', 'doc.plenary', '--move', '2', '--to', '1');
    expect(listed(moved.stdout)).toEqual(['ADD XXX/1/1', 'MOD XXX/1/2', 'SUP XXX/1/3', 'NOC XXX/1/4']);

    // The check wants Reasons (an error for SUP and NOC) and finds the SUP's text in the library.
    const check = await plenary('check', 'doc.plenary');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('error: SUP XXX/1/3: the proposal has no Reasons (required for SUP)');
    expect(check.stdout).not.toContain('not in the library');
    expect(check.stdout).not.toContain('MOD proposes no change');

    const text = await plenary('text', 'doc.plenary');
    expect(text.stdout).toContain('MOD\tXXX/1/2\nRÉSOLUTION 1332 (C11, dernière mod. [-C24-][+C26+])');

    expect((await plenary('export', 'doc.plenary', '-o', 'doc.docx')).code).toBe(0);
    const markdown = await pandoc(['--track-changes=all', '-t', 'markdown', join(dir, 'doc.docx')]);
    const add = markdown.slice(markdown.indexOf('ADD XXX/1/1'), markdown.indexOf('MOD XXX/1/2'));
    const mod = markdown.slice(markdown.indexOf('MOD XXX/1/2'), markdown.indexOf('SUP XXX/1/3'));
    expect(add).toContain('PROJET DE NOUVELLE RÉSOLUTION \\[XXX-1\\]');
    expect(add).not.toMatch(/\{\.(insertion|deletion)/);
    expect(mod).toMatch(/\[C24\]\{\.deletion/);
    expect(mod).toMatch(/\[C26\]\{\.insertion/);
    expect(mod).toMatch(/\[\+20\]\{\.insertion/);
    for (const view of ['accept', 'reject'] as const) {
      const plain = await pandoc([`--track-changes=${view}`, '-t', 'plain', '--wrap=none', join(dir, 'doc.docx')]);
      expect(plain).toContain(view === 'accept' ? 'RÉSOLUTION 1332 (C11, dernière mod. C26)' : 'RÉSOLUTION 1332 (C11, dernière mod. C24)');
      expect(plain.match(/^Motifs:/gm)).toHaveLength(4);
    }

    // LibreOffice opens it; the symbols stand at the left of their identifiers (pages kept to look at).
    const [pdf] = await sofficeConvert([join(dir, 'doc.docx')], 'pdf', dir);
    const pages = await pdfPages(pdf!, { layout: true });
    const all = pages.join('\n');
    for (const line of ['ADD', 'MOD', 'SUP', 'NOC']) expect(all).toMatch(new RegExp(`^\\s*${line}\\s+XXX/1/\\d`, 'm'));
    // The conference cover: the place and dates under the conference (the name on one line: its column is wider than a Council session's), the meeting line beside the document number.
    expect(pages[0]).toMatch(/Conférence de plénipotentiaires \(PP-26\)\s*\n\s*Doha, 9–27 novembre 2026/);
    expect(pages[0]).toMatch(/^\s*SÉANCE PLÉNIÈRE\s+Document 1-F\s*$/m);
    await renderPage(pdf!, 1, join(ARTIFACTS, 'proposals-page-1'));
    await renderPage(pdf!, pages.length, join(ARTIFACTS, 'proposals-page-last'));
  });

  it('refuses, in one line, a MOD of a text the library does not hold and a propose on a document that is not one of proposals', async () => {
    await plenary('new-proposals', '--source', 'SEN', '-o', 'other.plenary');
    const missing = await plenary('propose', 'other.plenary', '--mod', '71');
    expect(missing).toMatchObject({ code: 1, stderr: 'plenary propose: No text in the library matches "71".\n' });
    writeFileSync(join(dir, 'res.txt'), readFileSync(resolve('test/fixtures/council-res-1332-c24.txt')));
    expect((await plenary('import', 'res.txt', '-o', 'res.plenary')).code).toBe(0);
    const notProposals = await plenary('propose', 'res.plenary', '--noc', '30');
    expect(notProposals.code).toBe(1);
    expect(notProposals.stderr).toBe('plenary propose: res.plenary is not a proposals document: make one with plenary new-proposals\n');
    // A conference no ITU source confirmed is used, with a warning to check the cover.
    const unconfirmed = await plenary('new-proposals', '--source', 'SEN', '--conference', 'WRC-27', '-o', 'wrc.plenary');
    expect(unconfirmed.code).toBe(0);
    expect(unconfirmed.stderr).toMatch(/^warning: WRC-27 is not confirmed by an ITU source \(its dates are not known\)/);
    const added = await plenary('propose', 'wrc.plenary', '--add', 'Spectrum for lunar missions');
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/^warning: WRC-27 is not confirmed by an ITU source/);
    const badSource = await plenary('new-proposals', '--source', 'Senegal (Republic of)', '-o', 'bad.plenary');
    expect(badSource.code).toBe(1);
    expect(badSource.stderr).toMatch(/^plenary new-proposals: "Senegal \(Republic of\)" is not a source prefix/);
  });
});
