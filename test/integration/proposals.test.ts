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

/** What the CLI printed at each step, and the Word checks' inputs: made once, in beforeAll. */
interface Built {
  made: Awaited<ReturnType<typeof plenary>>;
  library: Awaited<ReturnType<typeof plenary>>;
  proposed: number[];
  noc: Awaited<ReturnType<typeof plenary>>;
  moved: Awaited<ReturnType<typeof plenary>>;
  check: Awaited<ReturnType<typeof plenary>>;
  text: Awaited<ReturnType<typeof plenary>>;
  exported: number;
  /** pandoc's markdown with every revision marked, and its plain text with them accepted / rejected. */
  markdown: string;
  plain: { accept: string; reject: string };
  /** LibreOffice's PDF of the export, page by page (layout kept). */
  pages: string[];
}
let built: Built;

/**
 * The CLI runs in-process (no Node start per command); the external tools, the slow part, run once
 * and side by side: three pandoc reads while LibreOffice converts. Their own budget (LibreOffice
 * under load takes many seconds), so the tests below only look at what they produced.
 */
beforeAll(async () => {
  dir = tempDir('proposals');
  mkdirSync(ARTIFACTS, { recursive: true });
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
  // The library is seeded from the installation's texts in force: the two fixtures.
  const library = await plenary('library', 'list');
  const proposed = [(await plenary('propose', 'doc.plenary', '--mod', '1332')).code];
  typeTrackedChanges(join(dir, 'doc.plenary'));
  proposed.push((await plenary('propose', 'doc.plenary', '--add', 'Accessibilité des services numériques')).code);
  proposed.push((await plenary('propose', 'doc.plenary', '--sup', 'Résolution 30')).code);
  const noc = await plenary('propose', 'doc.plenary', '--noc', 'RÉSOLUTION 71 (Rév. Bucarest, 2022)');
  const moved = await plenary('propose', 'doc.plenary', '--move', '2', '--to', '1');
  const check = await plenary('check', 'doc.plenary');
  const text = await plenary('text', 'doc.plenary');
  const exported = (await plenary('export', 'doc.plenary', '-o', 'doc.docx')).code;
  const docx = join(dir, 'doc.docx');
  const plainOf = (view: 'accept' | 'reject') => pandoc([`--track-changes=${view}`, '-t', 'plain', '--wrap=none', docx]);
  const [markdown, accept, reject, [pdf]] = await Promise.all([
    pandoc(['--track-changes=all', '-t', 'markdown', docx]),
    plainOf('accept'),
    plainOf('reject'),
    sofficeConvert([docx], 'pdf', dir),
  ]);
  const pages = await pdfPages(pdf!, { layout: true });
  // The pages kept to look at: the symbols in the margin.
  await Promise.all([
    renderPage(pdf!, 1, join(ARTIFACTS, 'proposals-page-1')),
    renderPage(pdf!, pages.length, join(ARTIFACTS, 'proposals-page-last')),
  ]);
  built = { made, library, proposed, noc, moved, check, text, exported, markdown, plain: { accept, reject }, pages };
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a proposals document built with the CLI', () => {
  it('numbers MOD, ADD, SUP, NOC as XXX/1/1 … XXX/1/4 and renumbers after a move', () => {
    expect(built.made).toMatchObject({ code: 0, stderr: '' });
    expect(built.library.stdout).toMatch(/\tCouncil\t1332\tfr\tC11, dernière mod\. C24\t/);
    expect(built.library.stdout).toMatch(/\tWTDC\t30\tfr\tRév\. Kigali, 2022\t/);
    expect(built.proposed).toEqual([0, 0, 0]);
    expect(built.noc.code).toBe(0);
    expect(built.noc.stderr).toMatch(/^warning: No text in the library matches .* The NOC names it as written\.\n$/);
    expect(listed(built.noc.stdout)).toEqual(['MOD XXX/1/1', 'ADD XXX/1/2', 'SUP XXX/1/3', 'NOC XXX/1/4']);
    expect(listed(built.moved.stdout)).toEqual(['ADD XXX/1/1', 'MOD XXX/1/2', 'SUP XXX/1/3', 'NOC XXX/1/4']);
  });

  it('checks it (Reasons wanted, the SUP text found in the library) and prints the MOD with its tracked changes', () => {
    expect(built.check.code).toBe(1);
    expect(built.check.stdout).toContain('error: SUP XXX/1/3: the proposal has no Reasons (required for SUP)');
    expect(built.check.stdout).not.toContain('not in the library');
    expect(built.check.stdout).not.toContain('MOD proposes no change');
    expect(built.text.stdout).toContain('MOD\tXXX/1/2\nRÉSOLUTION 1332 (C11, dernière mod. [-C24-][+C26+])');
  });

  it('exports them to Word: pandoc reads revisions in the MOD, none in the ADD, and a Reasons line per proposal', () => {
    expect(built.exported).toBe(0);
    const { markdown } = built;
    const add = markdown.slice(markdown.indexOf('ADD XXX/1/1'), markdown.indexOf('MOD XXX/1/2'));
    const mod = markdown.slice(markdown.indexOf('MOD XXX/1/2'), markdown.indexOf('SUP XXX/1/3'));
    expect(add).toContain('PROJET DE NOUVELLE RÉSOLUTION \\[XXX-1\\]');
    expect(add).not.toMatch(/\{\.(insertion|deletion)/);
    expect(mod).toMatch(/\[C24\]\{\.deletion/);
    expect(mod).toMatch(/\[C26\]\{\.insertion/);
    expect(mod).toMatch(/\[\+20\]\{\.insertion/);
    expect(built.plain.accept).toContain('RÉSOLUTION 1332 (C11, dernière mod. C26)');
    expect(built.plain.reject).toContain('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    for (const plain of [built.plain.accept, built.plain.reject]) expect(plain.match(/^Motifs:/gm)).toHaveLength(4);
  });

  it('opens in LibreOffice with the symbols at the left of their identifiers', () => {
    const all = built.pages.join('\n');
    for (const line of ['ADD', 'MOD', 'SUP', 'NOC']) expect(all).toMatch(new RegExp(`^\\s*${line}\\s+XXX/1/\\d`, 'm'));
  });

  it('lays the cover out as a conference document: place and dates under the conference, the meeting line beside the number', () => {
    // The conference's name on one line: its column is wider than a Council session's.
    expect(built.pages[0]).toMatch(/Conférence de plénipotentiaires \(PP-26\)\s*\n\s*Doha, 9–27 novembre 2026/);
    expect(built.pages[0]).toMatch(/^\s*SÉANCE PLÉNIÈRE\s+Document 1-F\s*$/m);
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
    // A verified conference whose Russian place no source confirmed: the English is used, and said so.
    const russian = await plenary('new-proposals', '--source', 'SEN', '--conference', 'PP-26', '--language', 'ru', '-o', 'ru.plenary');
    expect(russian.code).toBe(0);
    expect(russian.stderr).toBe(
      "warning: PP-26's Russian place and call are not confirmed by a source, so the English are used: check them.\n",
    );
    const spanish = await plenary('new-proposals', '--source', 'SEN', '--conference', 'PP-26', '--language', 'es', '-o', 'es.plenary');
    expect(spanish).toMatchObject({ code: 0, stderr: '' });
    const badSource = await plenary('new-proposals', '--source', 'Senegal (Republic of)', '-o', 'bad.plenary');
    expect(badSource.code).toBe(1);
    expect(badSource.stderr).toMatch(/^plenary new-proposals: "Senegal \(Republic of\)" is not a source prefix/);
  });
});
