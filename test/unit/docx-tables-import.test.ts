/**
 * Word tables read into the table block (shared/import/docx/tables.ts): our own export round trips
 * (rows, cells, row revisions, every view the same), the `.plenary` file holds and validates it,
 * and hand-built OOXML for what real files do — inserted rows whose cell marks are inserted, a
 * deleted row, a row inserted then deleted, a wholly inserted table after an inserted paragraph
 * mark, merged cells, a layout table (a cover) still read as paragraphs.
 */
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { addRowAfter, addRowBefore, deleteRow, insertTable } from '../../shared/editing/index.js';
import type { Command } from '../../shared/editing/context.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { exportDocx } from '../../shared/export/docx/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { parseDocument, serializeDocument } from '../../shared/file/format.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { buildDocx, del, ins, p, run } from '../support/ooxml-package.js';
import { RUSSIA, SECRETARIAT, reportWithTimetable } from '../support/tables.js';

function tablesOf(doc: Node): Node[] {
  const out: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'table') out.push(node);
    return node.type.name !== 'table';
  });
  return out;
}

const rowTexts = (table: Node): string[] => {
  const rows: string[] = [];
  table.forEach((row) => {
    const cells: string[] = [];
    row.forEach((cell) => {
      const paragraphs: string[] = [];
      cell.forEach((paragraph) => paragraphs.push(paragraph.textContent));
      cells.push(paragraphs.join(' / '));
    });
    rows.push(cells.join(' | '));
  });
  return rows;
};

/** The rows of a text view (`| a | b |` lines). */
const viewRows = (doc: Node, mode: 'marked' | 'final' | 'original') =>
  writeText(doc, { mode })
    .split('\n')
    .filter((line) => line.includes('| '));

describe('our export, read back', () => {
  const source = reportWithTimetable(true);
  const read = async () => importDocx(await exportDocx(source, { mode: 'markup' }));

  it('gives the same table: rows, cells, heading row, row revisions with their authors', async () => {
    const { doc, warnings } = await read();
    const [table] = tablesOf(doc);
    expect(tablesOf(doc)).toHaveLength(1);
    expect(rowTexts(table!)).toEqual(rowTexts(tablesOf(source)[0]!));
    const rows: Array<[string | null, string | null, boolean]> = [];
    table!.forEach((row) => {
      const change = row.attrs.change as { kind: string; author: string } | null;
      rows.push([change?.kind ?? null, change?.author ?? null, row.attrs.header as boolean]);
    });
    expect(rows).toEqual([
      [null, null, true],
      ['deletion', RUSSIA.author, false],
      [null, null, false],
      [null, null, false],
      ['insertion', SECRETARIAT.author, false],
    ]);
    // Two changes, one per row: the cells' runs and marks are in the rows' revisions.
    expect(listChanges(doc).map((c) => [c.kind, c.blockType])).toEqual([
      ['deletion', 'table_row'],
      ['insertion', 'table_row'],
    ]);
    // Only the cover's layout tables (its grid and its framed box) are read as paragraphs.
    expect(warnings.filter((w) => /table/i.test(w))).toEqual(['2 table(s) were read as plain paragraphs, cell by cell']);
  });

  it('gives the same marked, final and original views of the whole document', async () => {
    const { doc } = await read();
    for (const mode of ['marked', 'final', 'original'] as const) expect(writeText(doc, { mode }), mode).toBe(writeText(source, { mode }));
  });

  it('saves to .plenary and opens again, validated', async () => {
    const { doc } = await read();
    const reopened = parseDocument(serializeDocument(doc));
    expect(reopened.doc.eq(doc)).toBe(true);
  });

  it('refuses a damaged table in a .plenary file with a one-line reason', () => {
    const json = JSON.parse(serializeDocument(source)) as {
      doc: { content: Array<{ type: string; content: Array<{ content: unknown[] }> }> };
    };
    const damaged = json.doc.content.find((block) => block.type === 'table')!;
    damaged.content[1]!.content = [];
    expect(() => parseDocument(JSON.stringify(json))).toThrow(/^wrong content in table_row: expected table_cell\+, found nothing/);
    damaged.content[1]!.content = [
      { type: 'table_cell', attrs: { id: 'x', colspan: 'wide' }, content: [{ type: 'paragraph', attrs: { id: 'y' } }] },
    ];
    expect(() => parseDocument(JSON.stringify(json))).toThrow(/colspan/);
  });
});

describe('tracked table edits through Word and back', () => {
  const AUTHOR = { name: 'Délégation A' };
  const NOW = () => '2026-04-14T09:00:00Z';
  const base = reportWithTimetable(false);

  function tracked(state: EditorState, command: Command): EditorState {
    let out: Transaction | null = null;
    if (!command(state, (tr) => (out = tr))) return state;
    return state.apply(trackTransaction(out!, state, AUTHOR, NOW));
  }

  /** Positions of the first paragraph of each row still standing (not struck), in order. */
  function standingRows(doc: Node): number[] {
    const out: number[] = [];
    doc.descendants((node, pos) => {
      if (node.type.name !== 'table') return true;
      let offset = pos + 1;
      node.forEach((row) => {
        if ((row.attrs.change as { kind?: string } | null)?.kind !== 'deletion') out.push(offset + 3);
        offset += row.nodeSize;
      });
      return false;
    });
    return out;
  }

  it('a table inserted with tracking on comes back as one inserted table', async () => {
    let at = -1;
    base.descendants((node, pos) => {
      if (at < 0 && node.type.name === 'numbered_paragraph' && node.textContent.startsWith("L'UIT assure")) at = pos + 1;
      return at < 0;
    });
    const state = tracked(EditorState.create({ doc: base, selection: TextSelection.create(base, at) }), insertTable(2, 2));
    const { doc } = importDocx(await exportDocx(state.doc, { mode: 'markup' }));
    const inserted = tablesOf(doc).filter((t) => (t.attrs.change as { kind?: string } | null)?.kind === 'insertion');
    expect(inserted).toHaveLength(1);
    expect(writeText(rejectAll(doc))).toBe(writeText(rejectAll(state.doc)));
  });

  it('any tracked row additions, deletions and typing: Word gives back the same three views', async () => {
    const commands = { above: addRowBefore, below: addRowAfter, delete: deleteRow } as const;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('above', 'below', 'delete', 'type'),
            row: fc.nat(6),
            text: fc.constantFrom('Genève', 'Tunis', '2025', 'en ligne'),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        async (ops) => {
          let state = EditorState.create({ doc: base });
          for (const op of ops) {
            const rows = standingRows(state.doc);
            if (rows.length === 0) break;
            state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, rows[op.row % rows.length]!)));
            if (op.kind === 'type') state = state.apply(trackTransaction(state.tr.insertText(op.text), state, AUTHOR, NOW));
            else state = tracked(state, commands[op.kind]);
            steps++;
          }
          const { doc } = importDocx(await exportDocx(state.doc, { mode: 'markup' }));
          for (const mode of ['marked', 'final', 'original'] as const) expect(viewRows(doc, mode), mode).toEqual(viewRows(state.doc, mode));
        },
      ),
      { numRuns: 25 },
    );
    expect(steps).toBeGreaterThan(50);
  }, 60_000);
});

// --- hand-built OOXML ---------------------------------------------------------------------------

const A = 'Secrétariat';
const D = '2026-04-14T09:00:00Z';
const GRID = '<w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>';
const insertedMark = (id: number) => `<w:pPr><w:rPr><w:ins w:id="${id}" w:author="${A}" w:date="${D}"/></w:rPr></w:pPr>`;
const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.join('')}</w:tc>`;
const row = (trPr: string, ...cells: string[]) => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
const insertedRow = (id: number) => `<w:ins w:id="${id}" w:author="${A}" w:date="${D}"/>`;
const deletedRow = (id: number) => `<w:del w:id="${id}" w:author="${A}" w:date="${D}"/>`;
const table = (...rows: string[]) => `<w:tbl>${GRID}${rows.join('')}</w:tbl>`;
/** A cell paragraph whose text and mark were inserted, as Word writes the cells of an inserted row. */
const insertedCellParagraph = (id: number, text: string) => `<w:p>${insertedMark(id)}${ins(id + 1, A, D, run(text))}</w:p>`;

const body = (...blocks: string[]) => importDocx(buildDocx({ body: blocks.join('') }), { language: 'en' });

describe('hand-built Word tables', () => {
  it('an inserted row whose cell marks are inserted keeps its cells apart, and the next row its deleted text', () => {
    const { doc } = body(
      p(null, run('The budget is set out below.')),
      table(
        row('', cell(p(null, run('Item'))), cell(p(null, run('CHF')))),
        row(insertedRow(1), cell(insertedCellParagraph(2, 'INSERTED CELL')), cell(insertedCellParagraph(4, 'INSERTED CELL'))),
        row('', cell(p(null, run('4'))), cell(p(null, del(6, A, D, 'old amount'), run('12 000')))),
      ),
      p(null, run('End of the annex.')),
    );
    const [t] = tablesOf(doc);
    expect(rowTexts(t!)).toEqual(['Item | CHF', 'INSERTED CELL | INSERTED CELL', '4 | old amount12 000']);
    expect(rowTexts(tablesOf(acceptAll(doc))[0]!)).toEqual(['Item | CHF', 'INSERTED CELL | INSERTED CELL', '4 | 12 000']);
    expect(rowTexts(tablesOf(rejectAll(doc))[0]!)).toEqual(['Item | CHF', '4 | old amount12 000']);
    expect(viewRows(doc, 'marked')).toEqual(['| Item | CHF |', '[+| INSERTED CELL | INSERTED CELL |+]', '| 4 | [-old amount-]12 000 |']);
  });

  it('a deleted row, and a row inserted by one author then deleted by another', () => {
    const both = `${insertedRow(1)}<w:del w:id="2" w:author="Fédération de Russie" w:date="${D}"/>`;
    const { doc } = body(
      table(
        row('<w:tblHeader/>', cell(p(null, run('Member State'))), cell(p(null, run('Region')))),
        row(
          deletedRow(3),
          cell(`<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="${A}" w:date="${D}"/></w:rPr></w:pPr>${del(5, A, D, 'Burundi')}</w:p>`),
          cell(p(null, del(6, A, D, 'D'))),
        ),
        row(both, cell(p(null, run('Cabo Verde'))), cell(p(null, run('D')))),
        row('', cell(p(null, run('Cameroun'))), cell(p(null, run('D')))),
      ),
    );
    const [t] = tablesOf(doc);
    expect(t!.firstChild!.attrs.header).toBe(true);
    expect(rowTexts(tablesOf(acceptAll(doc))[0]!)).toEqual(['Member State | Region', 'Cameroun | D']);
    expect(rowTexts(tablesOf(rejectAll(doc))[0]!)).toEqual(['Member State | Region', 'Burundi | D', 'Cameroun | D']);
    // The deleted row's cell text needs no marks of its own: one change for the row.
    expect(
      listChanges(doc)
        .filter((c) => c.blockType === 'table_row')
        .map((c) => c.kind),
    ).toEqual(['deletion', 'insertion', 'deletion']);
    expect(listChanges(doc).filter((c) => c.scope === 'text')).toEqual([]);
  });

  it('a wholly inserted table after an inserted paragraph mark: the original view keeps every word', () => {
    const words = 'Le Conseil examine chaque année les contributions volontaires reçues et leur affectation aux activités prévues';
    const { doc } = body(
      p(null, run(words)),
      `<w:p>${insertedMark(1)}${ins(2, A, D, run('Contributions reçues:'))}</w:p>`,
      table(
        row(insertedRow(3), cell(insertedCellParagraph(4, 'Donateur')), cell(insertedCellParagraph(6, 'Montant'))),
        row(insertedRow(8), cell(insertedCellParagraph(9, 'Suisse')), cell(insertedCellParagraph(11, '250 000'))),
      ),
      p(null, run('Le Conseil prend note du rapport.')),
    );
    const [t] = tablesOf(doc);
    expect((t!.attrs.change as { kind: string }).kind).toBe('insertion');
    const original = writeText(rejectAll(doc));
    expect(original).toContain(words);
    expect(original).toContain('Le Conseil prend note du rapport.');
    expect(tablesOf(rejectAll(doc))).toHaveLength(0);
    expect(rowTexts(tablesOf(acceptAll(doc))[0]!)).toEqual(['Donateur | Montant', 'Suisse | 250 000']);
    // One change for the whole table.
    expect(listChanges(doc).filter((c) => c.blockType === 'table')).toHaveLength(1);
  });

  it('merged cells become spans, and text in a merged-away cell is kept', () => {
    const { doc } = body(
      `<w:tbl>${GRID.replace('<w:gridCol/><w:gridCol/>', '<w:gridCol/><w:gridCol/><w:gridCol/>')}${row(
        '',
        `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p(null, run('2024-2025'))}</w:tc>`,
        `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${p(null, run('Total'))}</w:tc>`,
      )}${row('', cell(p(null, run('2024'))), cell(p(null, run('2025'))), `<w:tc><w:tcPr><w:vMerge/></w:tcPr>${p(null, run('(CHF)'))}</w:tc>`)}</w:tbl>`,
    );
    const [t] = tablesOf(doc);
    expect(t!.firstChild!.child(0).attrs.colspan).toBe(2);
    expect(t!.firstChild!.child(1).attrs.rowspan).toBe(2);
    expect(rowTexts(t!)).toEqual(['2024-2025 | Total / (CHF)', '2024 | 2025']);
  });

  it('a table among the items of a resolution is kept as continuation paragraphs, one per row, revisions included', () => {
    const { doc, warnings } = importDocx(
      buildDocx({
        styles: [
          { id: 'ResNo', name: 'ResNo' },
          { id: 'Restitle', name: 'Restitle' },
          { id: 'Call', name: 'Call' },
        ],
        body: [
          p('ResNo', run('RESOLUTION 1332 (C11, last amended C24)')),
          p('Restitle', run('ITU’s role in implementing the outcomes of the WSIS')),
          p(null, run('The ITU Council,')),
          p('Call', run('resolves')),
          p(null, run('1'), '<w:r><w:tab/></w:r>', run('that the contributions are set as follows:')),
          table(
            row('', cell(p(null, run('Class'))), cell(p(null, run('Units')))),
            row(insertedRow(1), cell(insertedCellParagraph(2, '1/2')), cell(insertedCellParagraph(4, '0.5'))),
          ),
          p(null, run('2'), '<w:r><w:tab/></w:r>', run('to review them each year.')),
        ].join(''),
      }),
      { language: 'en' },
    );
    expect(tablesOf(doc)).toHaveLength(0);
    const texts: string[] = [];
    doc.descendants((node) => {
      if (node.type.name === 'item_text' || node.type.name === 'continuation') {
        texts.push(`${node.type.name}${node.attrs.change ? `{${(node.attrs.change as { kind: string }).kind}}` : ''}: ${node.textContent}`);
      }
      return true;
    });
    expect(texts).toEqual([
      'item_text: that the contributions are set as follows:',
      'continuation: Class | Units',
      'continuation{insertion}: 1/2 | 0.5',
      'item_text: to review them each year.',
    ]);
    expect(warnings.join('\n')).toMatch(/a table among the items of "resolves" was kept as 2 paragraph/);
  });

  it('cell revisions (Word has no row for them) are read as the cells stand, and said', () => {
    const deletedCell = `<w:tc><w:tcPr><w:cellDel w:id="1" w:author="${A}" w:date="${D}"/></w:tcPr>${p(null, del(2, A, D, 'B'))}</w:tc>`;
    const { doc, warnings } = body(table(row('', cell(p(null, run('A'))), deletedCell)));
    expect(rowTexts(tablesOf(rejectAll(doc))[0]!)).toEqual(['A | B']);
    expect(warnings).toEqual([
      expect.stringMatching(/1 cell revision\(s\) \(cells inserted, deleted or merged\) were read as the cells stand/),
    ]);
  });

  it('a borderless layout table and a one-column box are read as paragraphs, as before', () => {
    const layout = `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="none"/><w:bottom w:val="nil"/></w:tblBorders></w:tblPr>${row('', cell(p(null, run('Point de l’ordre du jour: PL 2'))), cell(p(null, run('Document C26/93-F'))))}</w:tbl>`;
    const box = `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${row('', cell(p(null, run('Objet'))))}</w:tbl>`;
    // Word's default table style draws no borders, whatever its id is in the author's language.
    const plain = `<w:tbl><w:tblPr><w:tblStyle w:val="a1"/></w:tblPr>${row('', cell(p(null, run('Lieu'))), cell(p(null, run('Genève'))))}</w:tbl>`;
    const { doc, warnings } = importDocx(
      buildDocx({ body: [layout, box, plain, p(null, run('Texte.'))].join(''), styles: [{ id: 'a1', name: 'Normal Table' }] }),
      { language: 'en' },
    );
    expect(tablesOf(doc)).toHaveLength(0);
    expect(doc.textContent).toContain('Genève');
    expect(doc.textContent).toContain('C26/93-F');
    expect(doc.textContent).toContain('Objet');
    expect(warnings).toContain('3 table(s) were read as plain paragraphs, cell by cell');
  });
});
