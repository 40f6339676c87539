/**
 * Tracked moves and endnotes through Word and back: a move made in Plenary is written as a Word
 * move (w:moveFrom / w:moveTo with their named range marks), read back as the same tracked move,
 * and LibreOffice opens the file; a Word file's endnotes come back as the same notes after a
 * round trip through Plenary's export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveItemUp } from '../../shared/editing/index.js';
import { exportDocx } from '../../shared/export/docx/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { jsonWithoutIds } from '../../shared/export/text/same-document.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { importText } from '../../shared/import/text/index.js';
import { linkReferences } from '../../shared/numbering/references.js';
import { blockChange } from '../../shared/tracking/attrs.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { docxParts } from '../support/docx-xml.js';
import { pdfText, requireTool, sofficeConvert, tempDir } from '../support/office.js';
import { buildDocx, ins, p, run } from '../support/ooxml-package.js';
import { sectionList } from '../support/resolution-places.js';

const RES_1332 = linkReferences(
  importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8'), { language: 'fr' }).doc,
);

/** Res 1332 with décide 5 moved up one place in suggestion mode (Alt+Up). */
function movedResolution(): Node {
  const { list, start } = sectionList(RES_1332, 'décide');
  let at = start;
  for (let i = 0; i < 4; i++) at += list.child(i).nodeSize;
  const state = EditorState.create({ doc: RES_1332 });
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at + 2)));
  let made: Transaction | null = null;
  expect(moveItemUp(placed, (tr) => (made = tr))).toBe(true);
  return placed.apply(trackTransaction(made!, placed, { name: 'Brésil' }, () => '2026-11-23T10:00:00Z')).doc;
}

/** The text of the PDF LibreOffice makes of a .docx (a conversion error fails the test). */
async function libreOfficePdfText(docx: Uint8Array, name: string): Promise<string> {
  await requireTool('soffice');
  const dir = tempDir(name);
  const path = join(dir, `${name}.docx`);
  writeFileSync(path, docx);
  const [pdf] = await sofficeConvert([path], 'pdf', dir);
  return pdfText(pdf!);
}

/** Each block that records a move, as [its document-order index, the index of the block it copies]. */
function movePairs(doc: Node): Array<[number, number]> {
  const order = new Map<string, number>();
  doc.descendants((node) => {
    const id = node.attrs.id as string | null;
    if (id && !order.has(id)) order.set(id, order.size);
    return true;
  });
  const moves: Array<[number, number]> = [];
  doc.descendants((node) => {
    const from = node.attrs.movedFrom as string | null;
    if (from) moves.push([order.get(node.attrs.id as string)!, order.get(from)!]);
    return true;
  });
  return moves;
}

describe('a tracked move, model → Word → model', () => {
  let doc: Node;
  let docx: Uint8Array;
  beforeAll(async () => {
    doc = movedResolution();
    docx = await exportDocx(doc, { mode: 'markup' });
  });

  it('is written as a Word move: w:moveFrom and w:moveTo, paired by the names of their range marks, the moved text as w:t', () => {
    const xml = docxParts(docx)['word/document.xml']!;
    const starts = (side: string) => [...xml.matchAll(new RegExp(`<w:move${side}RangeStart w:id="(\\d+)" w:name="([^"]+)"`, 'g'))];
    expect(starts('From').map((m) => m[2])).toEqual(['move1']);
    expect(starts('To').map((m) => m[2])).toEqual(['move1']);
    for (const side of ['From', 'To']) expect(xml).toContain(`<w:move${side}RangeEnd w:id="${starts(side)[0]![1]}"/>`);
    const moveFrom = xml.slice(xml.indexOf('<w:moveFromRangeStart'), xml.indexOf('<w:moveFromRangeEnd'));
    expect(moveFrom).toContain('inviter les membres');
    expect(moveFrom).not.toContain('<w:delText');
    const moveTo = xml.slice(xml.indexOf('<w:moveToRangeStart'), xml.indexOf('<w:moveToRangeEnd'));
    expect(moveTo).toContain('inviter les membres');
    // The moved item's paragraph marks are moves too.
    expect(xml).toMatch(/<w:rPr><w:moveFrom w:id="\d+"/);
    expect(xml).toMatch(/<w:rPr><w:moveTo w:id="\d+"/);
  });

  it('reads back as the same tracked move: the copy records the original, the three views and the changes are the same', () => {
    const back = importDocx(docx).doc;
    expect(movePairs(back)).toEqual(movePairs(doc));
    expect(movePairs(doc)).toHaveLength(2);
    for (const mode of ['marked', 'final', 'original'] as const) expect(writeText(back, { mode })).toBe(writeText(doc, { mode }));
    // (The reference to the moved item comes back as tracked text, "point 5" → "point 4": the
    // collapse of renumbered references does not yet follow a pending move.)
    expect(
      listChanges(back)
        .filter((c) => c.blockType === 'item')
        .map((c) => [c.kind, c.moved]),
    ).toEqual([
      ['insertion', true],
      ['deletion', true],
    ]);
    // Accepting gives the copy the original's id back: no struck block, no movedFrom left.
    const accepted = acceptAll(back);
    let left = 0;
    accepted.descendants((node) => {
      if (node.attrs.movedFrom || blockChange(node)) left += 1;
      return true;
    });
    expect(left).toBe(0);
    expect(writeText(rejectAll(back))).toBe(writeText(RES_1332));
  });

  it('opens in LibreOffice, which converts it to PDF without error', async () => {
    expect(await libreOfficePdfText(docx, 'moved')).toContain('inviter les membres');
  });
});

describe('endnotes, Word → model → Word → model', () => {
  const withEndnote = buildDocx({
    body: p(null, run('Ouch'), '<w:r><w:endnoteReference w:id="2"/></w:r>', run('.')) + p(null, run('Second paragraph.')),
    endnotes: {
      '2': p(null, '<w:r><w:endnoteRef/></w:r>', run(' A tachyon walks into a bar. '), ins(5, 'A', '2026-01-01T00:00:00Z', run('Fin.'))),
    },
  });

  it('keeps each endnote as a note at its anchor, its revision included, through Plenary’s export', async () => {
    const first = importDocx(withEndnote).doc;
    const docx = await exportDocx(first, { mode: 'markup' });
    const back = importDocx(docx).doc;
    expect(jsonWithoutIds(back)).toEqual(jsonWithoutIds(first));
    expect(writeText(back, { mode: 'final' })).toContain('[1: A tachyon walks into a bar. Fin.]');
    expect(writeText(back, { mode: 'original' })).toContain('[1: A tachyon walks into a bar. ]');
    expect(await libreOfficePdfText(docx, 'endnotes')).toContain('tachyon');
  });
});
