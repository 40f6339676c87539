/**
 * A table block as a Word table: a ruled grid the width of the text column, the heading row in
 * `Tablehead` (repeated on each page, `w:tblHeader`), other cells in `Tabletext`.
 *
 * Tracked rows are Word's own row revisions: a row whose `change` is an insertion or deletion gets
 * `w:trPr/w:ins` or `w:trPr/w:del`, and everything in its cells (runs and paragraph marks) is in
 * the same revision, as Word writes a row it inserted or deleted — so that "Accept all" and
 * "Reject all" in Word, LibreOffice or pandoc remove the row whole and never leave an empty one.
 * A table inserted or deleted whole does the same on every row.
 */
import { BorderStyle, Table, TableCell, TableRow, WidthType, type Paragraph } from 'docx';
import type { Node } from 'prosemirror-model';
import type { ExportContext } from './context.js';
import { blockRevisionsOf, within, wordRevision, type Revisions } from './revisions.js';
import { cmToTwips, textWidthTwips } from '../../council-style/index.js';

type BlockWriter = (ctx: ExportContext, paragraph: Node, revision: Revisions, style: string) => Paragraph;

/** Pixels (prosemirror-tables' column widths) to twips, at Word's 96 pixels per inch. */
const TWIPS_PER_PIXEL = 15;

export function wordTable(ctx: ExportContext, table: Node, inherited: Revisions, writeParagraph: BlockWriter): Table {
  const revision = within(inherited, blockRevisionsOf(table));
  const widths = columnWidths(ctx, table);
  const border = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(ctx.table.tables.borderPt.value * 8)), color: '000000' };
  const margin = cmToTwips(ctx.table.tables.cellMarginCm.value);
  const rows: TableRow[] = [];
  table.forEach((row) => rows.push(wordRow(ctx, row, revision, widths, writeParagraph)));
  // A paragraph split inside a cell must not hand its former formatting to the paragraph after the table.
  ctx.splitBefore = null;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    visuallyRightToLeft: ctx.rightToLeft,
    margins: { left: margin, right: margin },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  });
}

function wordRow(ctx: ExportContext, row: Node, inherited: Revisions, widths: number[], writeParagraph: BlockWriter): TableRow {
  const revision = within(inherited, blockRevisionsOf(row));
  const header = row.attrs.header === true;
  const cells: TableCell[] = [];
  let column = 0;
  row.forEach((cell) => {
    const span = Math.max(1, cell.attrs.colspan as number);
    const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    const paragraphs: Paragraph[] = [];
    cell.forEach((paragraph) => paragraphs.push(writeParagraph(ctx, paragraph, revision, header ? 'Tablehead' : 'Tabletext')));
    ctx.splitBefore = null;
    cells.push(
      new TableCell({
        children: paragraphs,
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...((cell.attrs.rowspan as number) > 1 ? { rowSpan: cell.attrs.rowspan as number } : {}),
      }),
    );
  });
  return new TableRow({
    children: cells,
    ...(header ? { tableHeader: true, cantSplit: true } : {}),
    ...(revision.inserted ? { insertion: wordRevision(revision.inserted, ctx.ids) } : {}),
    ...(revision.deleted ? { deletion: wordRevision(revision.deleted, ctx.ids) } : {}),
  });
}

/**
 * Column widths in twips: those set in the editor (prosemirror-tables' `colwidth`, in pixels) when
 * every column has one, scaled to the text column if wider; otherwise equal shares of it.
 */
function columnWidths(ctx: ExportContext, table: Node): number[] {
  const full = textWidthTwips(ctx.table);
  const first = table.firstChild;
  const set: Array<number | null> = [];
  first?.forEach((cell) => {
    const span = Math.max(1, cell.attrs.colspan as number);
    const widths = cell.attrs.colwidth as number[] | null;
    for (let i = 0; i < span; i++) set.push(widths?.[i] ? widths[i]! * TWIPS_PER_PIXEL : null);
  });
  const count = Math.max(1, set.length);
  if (set.length > 0 && set.every((w) => w !== null)) {
    const total = (set as number[]).reduce((a, b) => a + b, 0);
    const scale = total > full ? full / total : 1;
    return (set as number[]).map((w) => Math.round(w * scale));
  }
  const share = Math.floor(full / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? full - share * (count - 1) : share));
}
