/**
 * The delegate's workflow end to end (issue 5, item 7), outside the window: `plenary new-revision`
 * turns the resolution in force into a contribution; the delegate fills the cover, writes the
 * introduction and revises the resolution with tracking on, as the editor does it (every transaction
 * through trackIfEnabled); the Word export, rendered by LibreOffice, reads like Council document
 * C26/93: the cover page, I Introduction, II Proposition, then ANNEXE with the resolution and its
 * revision marks — and revision marks in the annex only.
 *
 * Rendered pages are kept in test-artifacts/new-revision/ to look at.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/plenary.js';
import { insertItemAfter } from '../../shared/editing/index.js';
import { exportDocx } from '../../shared/export/index.js';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { trackIfEnabled, trackingPlugin } from '../../shared/tracking/index.js';
import { docxParts, paragraphsOf, revisionStretches } from '../support/docx-xml.js';
import { pdfPages, renderPage, requireTool, sofficeConvert, tempDir } from '../support/office.js';

const RES_1332 = resolve('test/fixtures/council-res-1332-c24.txt');
const C26_93 = resolve('test/fixtures/council-c26-93-contribution-cover.txt');
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'new-revision');
const DELEGATE = 'Fédération de Russie';

let work: string;
let created: Node;
let revised: Node;
let docxFile: string;
let pdf: string;

async function plenary(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: work, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

// --- the delegate's edits, as the editor applies them ---------------------------------------------

function apply(state: EditorState, tr: Transaction): EditorState {
  const next = state.apply(trackIfEnabled(state, tr));
  next.doc.check();
  return next;
}

function find(doc: Node, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return true;
  });
  if (found < 0) throw new Error(`not found: ${text}`);
  return found;
}

function emptyItemText(doc: Node): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.type.name === 'item_text' && node.content.size === 0) found = pos + 1;
    return found < 0;
  });
  if (found < 0) throw new Error('no empty item');
  return found;
}

function fieldStart(doc: Node, name: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.type.name === 'cover_field' && node.attrs.name === name) found = pos + 1;
    return found < 0;
  });
  return found;
}

function paragraphStarts(doc: Node): number[] {
  const out: number[] = [];
  doc.forEach((node, offset) => node.type.name === 'paragraph' && out.push(offset + 1));
  return out;
}

function delegateWrites(contribution: Node): Node {
  let s = EditorState.create({ doc: contribution, plugins: [trackingPlugin({ author: { name: DELEGATE }, enabled: true, now: () => '2026-04-14T10:00:00Z' })] });
  const fill = (name: string, text: string) => (s = apply(s, s.tr.insertText(text, fieldStart(s.doc, name))));
  fill('session', 'Conseil 2026');
  fill('placeAndDates', 'Genève, 9-19 juin 2026');
  fill('agendaItem', 'PL 2');
  fill('documentNumber', 'C26/93');
  fill('source', `Contribution de la ${DELEGATE}`);
  fill('references', "Résolution 80/173 de l'Assemblée générale des Nations Unies");
  const [introduction, proposal] = paragraphStarts(s.doc) as [number, number];
  s = apply(s, s.tr.insertText('Examiner un projet de révision de la Résolution 1332.', proposal));
  s = apply(s, s.tr.insertText("À la réunion de janvier 2026 du Groupe de travail du Conseil sur le SMSI et les ODD, il a été décidé de reporter l'examen.", introduction));
  // The revision itself: C24 → C26 in the number line, 70/125 → 80/173, and a new item after rappelant f) (so g) becomes h)).
  const c24 = find(s.doc, 'C24)');
  s = apply(s, s.tr.insertText('C26', c24, c24 + 3));
  const ref = find(s.doc, '70/125');
  s = apply(s, s.tr.insertText('80/173', ref, ref + 6));
  const itemF = find(s.doc, 'les Résolutions pertinentes des Secteurs');
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, itemF)));
  expect(insertItemAfter(s, (tr) => (s = apply(s, tr)))).toBe(true);
  // Typed into the new, empty item. (Under tracking the command's cursor currently lands in the
  // next item instead — a track.ts selection-mapping issue reported separately — so it is placed here.)
  s = apply(s, s.tr.insertText("la Résolution 80/173 de l'Assemblée générale des Nations Unies;", emptyItemText(s.doc)));
  return s.doc;
}

beforeAll(async () => {
  for (const tool of ['soffice', 'pdftotext', 'pdftoppm'] as const) await requireTool(tool);
  work = tempDir('new-revision');
  const run = await plenary(['new-revision', RES_1332, '-o', 'contribution.plenary', '--date', '14 avril 2026']);
  expect(run.stderr).toMatch(/^plenary new-revision: council-res-1332-c24\.txt → contribution\.plenary: contribution proposing a revision of Resolution 1332/);
  expect(run.code).toBe(0);
  created = parseDocument(await readFile(join(work, 'contribution.plenary'), 'utf8')).doc;
  revised = delegateWrites(created);
  docxFile = join(work, 'c26-93-new-revision.docx');
  writeFileSync(docxFile, await exportDocx(revised, { mode: 'markup' }));
  const pdfDir = join(work, 'pdf');
  mkdirSync(pdfDir);
  [pdf] = (await sofficeConvert([docxFile], 'pdf', pdfDir)) as [string];
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('plenary new-revision', () => {
  it('writes a contribution: cover, introduction, proposal, the resolution in the annex', () => {
    const outline: string[] = [];
    created.forEach((block) => outline.push(block.type.name === 'heading' ? `heading:${block.textContent}` : block.type.name));
    expect(outline).toEqual(['cover', 'heading:Introduction', 'paragraph', 'heading:Proposition', 'paragraph', 'annex']);
    expect(created.attrs.trackingScope).toBe('resolutions');
    const fields = new Map<string, string>();
    created.firstChild!.forEach((field) => fields.set(field.attrs.name as string, field.textContent));
    expect(fields.get('date')).toBe('14 avril 2026');
    expect(fields.get('title')).toBe('Projet de révision de la Résolution 1332');
    expect(created.lastChild!.child(1).type.name).toBe('resolution');
  });

  it('reads a .plenary resolution as well as a text', async () => {
    expect((await plenary(['import', RES_1332, '-o', 'res1332.plenary'])).code).toBe(0);
    const run = await plenary(['new-revision', 'res1332.plenary', '-o', 'from-plenary.plenary']);
    expect(run.code).toBe(0);
    const fromPlenary = parseDocument(await readFile(join(work, 'from-plenary.plenary'), 'utf8')).doc;
    const resolution = parseDocument(await readFile(join(work, 'res1332.plenary'), 'utf8')).doc.firstChild!;
    // The resolution's ids are those of the file it came from.
    expect(fromPlenary.lastChild!.child(1).eq(resolution)).toBe(true);
  });

  it('refuses a document without a resolution, and bad arguments, in one line', async () => {
    const noResolution = await plenary(['new-revision', C26_93, '-o', 'x.plenary']);
    expect(noResolution.code).toBe(1);
    expect(noResolution.stderr).toMatch(/^plenary new-revision: council-c26-93-contribution-cover\.txt: The document holds no resolution: .*\n$/);
    const noOutput = await plenary(['new-revision', RES_1332]);
    expect(noOutput.code).toBe(1);
    expect(noOutput.stderr.split('\n')[0]).toMatch(/^plenary new-revision: missing -o <out\.plenary>/);
    const wrongOutput = await plenary(['new-revision', RES_1332, '-o', 'out.docx']);
    expect(wrongOutput.code).toBe(1);
    expect(wrongOutput.stderr.split('\n')[0]).toBe('plenary new-revision: the output must be a .plenary file, not out.docx');
    const missing = await plenary(['new-revision', 'nowhere.txt', '-o', 'out.plenary']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('is listed by plenary --help', async () => {
    expect((await plenary(['--help'])).stdout).toMatch(/^\s+new-revision <resolution> -o <out\.plenary>/m);
  });
});

describe("the delegate's revision", () => {
  it('tracks the revision of the resolution only, and saves and reopens it', () => {
    const changes = listChanges(revised);
    expect(changes.length).toBeGreaterThanOrEqual(3);
    expect(changes.every((change) => change.author === DELEGATE)).toBe(true);
    const annex = revised.lastChild!;
    const annexStart = revised.content.size - annex.nodeSize;
    expect(changes.every((change) => change.from > annexStart)).toBe(true);
    expect(parseDocument(serializeDocument(revised)).doc.eq(revised)).toBe(true);
  });

  it('exports revision marks in the annex only: the cover and body are plain text', () => {
    const xml = docxParts(readFileSync(docxFile))['word/document.xml']!;
    const paragraphs = paragraphsOf(xml);
    const annexAt = paragraphs.findIndex((paragraph) => paragraph.style === 'AnnexNo');
    expect(paragraphs[annexAt]?.text).toBe('ANNEXE');
    const before = paragraphs.slice(0, annexAt);
    // The cover table's cells are paragraphs too: the filled fields are there, unmarked.
    expect(before.map((paragraph) => paragraph.text).join('\n')).toContain('Contribution de la Fédération de Russie');
    expect(before.filter((paragraph) => paragraph.mark !== null || paragraph.runs.some((run) => run.revision !== null))).toEqual([]);
    const revisedRuns = paragraphs.slice(annexAt).flatMap((paragraph) => paragraph.runs.filter((run) => run.revision !== null));
    expect(revisedRuns.map((run) => run.text)).toEqual(expect.arrayContaining(['C24', 'C26', '70/125', '80/173']));
    expect(revisedRuns.every((run) => run.author === DELEGATE)).toBe(true);
    // The inserted item renumbers the next: g) deleted, h) inserted, as in C26/93.
    expect(revisedRuns.map((run) => run.text)).toEqual(expect.arrayContaining(['g)', 'h)']));
    expect(revisionStretches(xml).length).toBeGreaterThanOrEqual(5);
  });

  it('renders like C26/93: the cover page, then the annex with the resolution and its marks', async () => {
    const pages = await pdfPages(pdf, { layout: true });
    expect(pages[0]).toContain("Point de l'ordre du jour: PL 2");
    expect(pages[0]).toContain('Document C26/93-F');
    expect(pages[0]).toContain('14 avril 2026');
    expect(pages[0]).toContain('Original: français');
    expect(pages[0]).toContain('Contribution de la Fédération de Russie');
    expect(pages[0]).toContain('PROJET DE RÉVISION DE LA RÉSOLUTION 1332');
    expect(pages[0]).toMatch(/Objet\s*\n\s*La présente contribution contient un projet de révision de la Résolution 1332\./);
    expect(pages[0]).toContain('Suite à donner par le Conseil');
    expect(pages[0]).toMatch(/^\s*I\s+Introduction/m);
    expect(pages.join('\n')).toMatch(/^\s*II\s+Proposition/m);
    const annexPage = pages.findIndex((page, index) => index > 0 && /^\s*ANNEXE\s*$/m.test(page));
    expect(annexPage).toBeGreaterThan(0);
    // The annex starts on its own page, with the resolution, the old and new text both shown.
    expect(pages[annexPage]).toMatch(/RÉSOLUTION 1332 \(C11, DERNIÈRE MOD\. C24C26\)/);
    expect(pages[annexPage]).toContain('Le Conseil de l');
    expect(pages[annexPage]!.split(/^\s*ANNEXE\s*$/m)[0]!.trim()).toMatch(/^-\s*\d+\s*-\s*\n\s*C26\/93-F$/);

    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [page, name] of [
      [1, 'cover-page'],
      [annexPage + 1, 'annex-page'],
    ] as const) {
      const png = await renderPage(pdf, page, join(ARTIFACTS, name), 80);
      expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(statSync(png).size).toBeGreaterThan(5_000);
    }
  });
});
