/**
 * Word tables (`w:tbl`) → the model's table block: rows with their row revisions, cells with their
 * paragraphs and the revisions inside them.
 *
 * Two steps, as for paragraphs: ooxml.ts reads the XML into a SourceTable (readSourceTable), and
 * lines.ts turns it into a `table` node once footnotes are known (buildTable), handed to the
 * structure parser as a ready-made block.
 *
 * Where the model holds no table — among the items of a resolution's section — the structure
 * parser keeps the rows as continuation paragraphs of the item before (`cell | cell`, the row's
 * revision on the paragraph), with a warning: no text is lost.
 *
 * Which tables are tables: a layout table (the Council cover's borderless grid, a one-column
 * framed box) is read as paragraphs as before, so the cover and the summary box are still
 * recognised; a table with borders or a table style and at least two columns is a table.
 *
 * Word's semantics kept:
 * - `w:trPr/w:ins` / `w:trPr/w:del` is the row's insertion or deletion (`change` of the row; a row
 *   inserted by one author and deleted by another has both). Everything inside a revised row that
 *   carries the same revision (cell runs, cell marks) needs no marks of its own.
 * - A cell's last paragraph mark is the cell's end, not a paragraph mark that could join: an
 *   inserted cell mark never joins one cell with the next (the bug that glued "INSERTED CELL"
 *   to the next cell and lost that cell's deleted text when the flattened paragraphs were joined).
 * - Vertically merged cells (`w:vMerge`) become one cell spanning the rows (`rowspan`), horizontal
 *   spans (`w:gridSpan`) `colspan`; text in a merged-away cell is appended, never dropped.
 */
import type { Node } from 'prosemirror-model';
import { newId, type InlineRun } from '../../model/index.js';
import { schema, type BlockChange } from '../../schema/index.js';
import type { SourceLine } from '../text/lines.js';
import { textBlockNode } from '../text/nodes.js';
import { attrOf, childrenOf, findChild, tagOf, type Revision, type SourceParagraph } from './ooxml.js';

type XmlNode = Parameters<typeof tagOf>[0];

export interface SourceCell {
  paragraphs: SourceParagraph[];
  gridSpan: number;
  /** `restart` starts a vertical merge, `continue` is merged into the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

export interface SourceRow {
  inserted: Revision | null;
  deleted: Revision | null;
  header: boolean;
  cells: SourceCell[];
}

export interface SourceTable {
  rows: SourceRow[];
  /**
   * Cell revisions (`w:cellIns`, `w:cellDel`, `w:cellMerge`): Word itself barely keeps them and the
   * model has none; the cells are read as they stand, their text with its own revisions, and the
   * import says so.
   */
  cellRevisions: number;
}

const CELL_REVISIONS = new Set(['w:cellIns', 'w:cellDel', 'w:cellMerge']);

const NO_BORDER = new Set(['none', 'nil']);
/**
 * Word's default table style, which draws no borders: a layout table. Its id is localised (`a1` in
 * Japanese and Chinese Word), its name is not.
 */
const PLAIN_TABLE_STYLES = new Set(['TableNormal', 'NormalTable', 'Normal Table', 'Table Normal']);

/**
 * Whether a `w:tbl` holds data (a table in the model) rather than laying out paragraphs;
 * `styleName` gives the name of a style id (styles.xml).
 */
export function isDataTable(tbl: XmlNode, styleName: (id: string) => string | undefined = () => undefined): boolean {
  const rows = childrenOf(tbl).filter((n) => tagOf(n) === 'w:tr');
  const grid = findChild(tbl, 'w:tblGrid');
  const gridColumns = grid ? childrenOf(grid).filter((n) => tagOf(n) === 'w:gridCol').length : 0;
  const widest = Math.max(0, ...rows.map((row) => childrenOf(row).filter((n) => tagOf(n) === 'w:tc').length));
  if (Math.max(gridColumns, widest) < 2 || rows.length === 0) return false;
  const tblPr = findChild(tbl, 'w:tblPr');
  const borders = tblPr && findChild(tblPr, 'w:tblBorders');
  if (borders) return childrenOf(borders).some((side) => !NO_BORDER.has(attrOf(side, 'w:val') ?? 'none'));
  const style = tblPr && findChild(tblPr, 'w:tblStyle');
  const styleId = style ? attrOf(style, 'w:val') : null;
  return styleId !== null && !PLAIN_TABLE_STYLES.has(styleId) && !PLAIN_TABLE_STYLES.has(styleName(styleId) ?? '');
}

function revisionOf(node: XmlNode | undefined, kind: Revision['kind']): Revision | null {
  if (!node) return null;
  return { kind, id: attrOf(node, 'w:id') ?? '', author: attrOf(node, 'w:author') ?? '', date: attrOf(node, 'w:date') ?? '' };
}

/**
 * Reads a data table's rows and cells; `readCell` reads the block content of a cell (paragraphs,
 * and nested tables, which lines.ts flattens into the cell).
 */
export function readSourceTable(tbl: XmlNode, readCell: (nodes: XmlNode[]) => SourceParagraph[]): SourceTable {
  const rows: SourceRow[] = [];
  let cellRevisions = 0;
  for (const tr of rowsOf(tbl)) {
    const trPr = findChild(tr, 'w:trPr');
    const cells: SourceCell[] = [];
    for (const tc of cellsOf(tr)) {
      const tcPr = findChild(tc, 'w:tcPr');
      if (tcPr && childrenOf(tcPr).some((n) => CELL_REVISIONS.has(tagOf(n)))) cellRevisions += 1;
      const span = tcPr && findChild(tcPr, 'w:gridSpan');
      const merge = tcPr && findChild(tcPr, 'w:vMerge');
      const mergeValue = merge ? (attrOf(merge, 'w:val') ?? 'continue') : null;
      cells.push({
        paragraphs: readCell(childrenOf(tc).filter((n) => tagOf(n) !== 'w:tcPr')),
        gridSpan: Math.max(1, Number(span ? attrOf(span, 'w:val') : 1) || 1),
        vMerge: mergeValue === 'restart' ? 'restart' : mergeValue === null ? null : 'continue',
      });
    }
    if (cells.length === 0) continue;
    const header = trPr ? findChild(trPr, 'w:tblHeader') : undefined;
    rows.push({
      inserted: revisionOf(trPr && findChild(trPr, 'w:ins'), 'insertion'),
      deleted: revisionOf(trPr && findChild(trPr, 'w:del'), 'deletion'),
      header: header !== undefined && !['0', 'false', 'off'].includes(attrOf(header, 'w:val') ?? 'true'),
      cells,
    });
  }
  return { rows, cellRevisions };
}

/** Rows, also inside the block-level wrappers Word may put around them (content controls, custom XML). */
function rowsOf(tbl: XmlNode): XmlNode[] {
  return unwrap(childrenOf(tbl), 'w:tr');
}

function cellsOf(tr: XmlNode): XmlNode[] {
  return unwrap(childrenOf(tr), 'w:tc');
}

function unwrap(nodes: XmlNode[], tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const name = tagOf(node);
    if (name === tag) out.push(node);
    else if (name === 'w:sdt') out.push(...unwrap(childrenOf(findChild(node, 'w:sdtContent') ?? node), tag));
    else if (name === 'w:customXml') out.push(...unwrap(childrenOf(node), tag));
  }
  return out;
}

// --- step 2: the table node ------------------------------------------------------------------------

/** How lines.ts reads a cell's paragraphs: its own line reading, revisions and footnotes included. */
export type CellLines = (paragraphs: SourceParagraph[]) => SourceLine[];

function toChange(revision: Revision): BlockChange {
  return { kind: revision.kind, id: revision.id, author: revision.author, date: revision.date };
}

interface DraftCell {
  paragraphs: SourceParagraph[];
  colspan: number;
  rowspan: number;
}

/** The table block; null when nothing in it holds a cell. */
export function buildTable(source: SourceTable, cellLines: CellLines): Node | null {
  const rows = mergeVertically(source);
  const width = Math.max(0, ...rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)));
  const spansRows = rows.some((row) => row.cells.some((cell) => cell.rowspan > 1));
  const built: Node[] = [];
  rows.forEach(({ source: row, cells }) => {
    if (cells.length === 0) return;
    const inserted = row.inserted ? toChange(row.inserted) : null;
    const deleted = row.deleted ? toChange(row.deleted) : null;
    const change = inserted ?? deleted;
    const nodes = cells.map((cell) => cellNode(cell, cellLines, change));
    // A ragged row (Word's gridBefore/gridAfter) is padded so that the table is a grid.
    if (!spansRows) {
      const used = cells.reduce((sum, cell) => sum + cell.colspan, 0);
      for (let i = used; i < width; i++) nodes.push(emptyCell());
    }
    built.push(
      schema.nodes.table_row!.create({ id: newId(), change, deletion: inserted && deleted ? deleted : null, header: row.header }, nodes),
    );
  });
  if (built.length === 0) return null;
  return schema.nodes.table!.create({ id: newId(), change: wholeTableChange(built) }, liftedRows(built));
}

/** Vertical merges as rowspans; the text of a merged-away cell is appended to the cell it joins. */
function mergeVertically(source: SourceTable): Array<{ source: SourceRow; cells: DraftCell[] }> {
  const open = new Map<number, DraftCell>();
  return source.rows.map((row) => {
    const cells: DraftCell[] = [];
    let column = 0;
    for (const cell of row.cells) {
      const above = cell.vMerge === 'continue' ? open.get(column) : undefined;
      if (above) {
        above.rowspan += 1;
        if (cell.paragraphs.some(hasText)) above.paragraphs.push(...cell.paragraphs);
      } else {
        const draft: DraftCell = { paragraphs: [...cell.paragraphs], colspan: cell.gridSpan, rowspan: 1 };
        cells.push(draft);
        if (cell.vMerge === 'restart') open.set(column, draft);
        else open.delete(column);
      }
      column += cell.gridSpan;
    }
    return { source: row, cells };
  });
}

function hasText(paragraph: SourceParagraph): boolean {
  return paragraph.runs.some((run) => run.kind === 'footnote' || (run.kind === 'text' && run.text.trim() !== ''));
}

function cellNode(cell: DraftCell, cellLines: CellLines, rowChange: BlockChange | null): Node {
  const lines = cell.paragraphs.flatMap((paragraph) => cellParagraphLines(paragraph, cellLines));
  const paragraphs = paragraphsOfLines(lines).map((p, index, all) => settleInCell(p, index === all.length - 1, rowChange));
  return schema.nodes.table_cell!.create(
    { id: newId(), colspan: cell.colspan, rowspan: cell.rowspan },
    paragraphs.length > 0 ? paragraphs : [schema.nodes.paragraph!.create({ id: newId() })],
  );
}

/**
 * The lines of one cell paragraph. The line reader leaves out a paragraph with no text in the new
 * view and no revision on its mark; in a cell, a paragraph whose text is all deleted (its mark
 * kept) still holds that text for the original view, so it is read with a stand-in mark revision,
 * dropped again: its deleted runs keep their marks, and nothing is lost.
 */
function cellParagraphLines(paragraph: SourceParagraph, cellLines: CellLines): SourceLine[] {
  const lines = cellLines([paragraph]);
  if (lines.length > 0 || !paragraph.runs.some((run) => run.kind !== 'tab')) return lines;
  const standIn: Revision = { kind: 'insertion', id: '', author: '', date: '' };
  return cellLines([{ ...paragraph, markRevision: standIn }]).map((line) => ({ ...line, paragraphMark: null }));
}

function emptyCell(): Node {
  return schema.nodes.table_cell!.create({ id: newId() }, schema.nodes.paragraph!.create({ id: newId() }));
}

/**
 * A cell paragraph in its row: what the row's revision covers loses its own marks (they would be
 * separate changes of nothing), and the last paragraph's mark, the cell's end, never joins.
 */
function settleInCell(paragraph: Node, last: boolean, rowChange: BlockChange | null): Node {
  const attrs = { ...paragraph.attrs };
  const own = attrs.change as BlockChange | null;
  if (rowChange && own?.kind === rowChange.kind) {
    attrs.change = (attrs.deletion as BlockChange | null) ?? null;
    attrs.deletion = null;
  }
  if (last || (rowChange && (attrs.paragraphMark as BlockChange | null)?.kind === rowChange.kind)) attrs.paragraphMark = null;
  const content = rowChange ? withoutMarksOf(paragraph, rowChange.kind) : paragraph.content;
  return paragraph.type.create(attrs, content, paragraph.marks);
}

function withoutMarksOf(paragraph: Node, kind: BlockChange['kind']): Node['content'] {
  const type = schema.marks[kind]!;
  const children: Node[] = [];
  paragraph.forEach((child) => children.push(child.mark(type.removeFromSet(child.marks))));
  return paragraph.type.create(null, children).content;
}

/**
 * A table whose every row was inserted by one author at one time is one inserted table (one change
 * to review, not one per row, as Word gives each row a revision id of its own).
 */
function wholeTableChange(rows: Node[]): BlockChange | null {
  const first = rows[0]!.attrs.change as BlockChange | null;
  if (!first || first.kind !== 'insertion') return null;
  const same = rows.every((row) => {
    const change = row.attrs.change as BlockChange | null;
    return change?.kind === 'insertion' && change.author === first.author && change.date === first.date && !row.attrs.deletion;
  });
  return same ? first : null;
}

function liftedRows(rows: Node[]): Node[] {
  if (!wholeTableChange(rows)) return rows;
  return rows.map((row) => row.type.create({ ...row.attrs, change: null }, row.content));
}

/**
 * The source line that hands a table to the structure parser, which places it as a body block;
 * with the table as lines too (`blockAsLines`), one per row, for where the model holds no table (a
 * table among the items of a resolution's section is kept as their continuation paragraphs).
 */
export function tableLine(table: Node, source: SourceTable, no: number): SourceLine & { style: null } {
  const warnings =
    source.cellRevisions > 0
      ? [
          `${source.cellRevisions} cell revision(s) (cells inserted, deleted or merged) were read as the cells stand: the text in them keeps its own revisions`,
        ]
      : [];
  return {
    no,
    tabs: 0,
    label: null,
    runs: [],
    plain: '',
    raw: '[table]',
    style: null,
    block: table,
    blockAsLines: rowLines(table, no),
    blockWarnings: warnings,
  };
}

/** Each row as one indented line, `cell | cell`, its revisions kept (the row's on the line). */
function rowLines(table: Node, no: number): SourceLine[] {
  const tableChange = table.attrs.change as BlockChange | null;
  const lines: SourceLine[] = [];
  table.forEach((row) => {
    const runs: InlineRun[] = [];
    row.forEach((cell, _offset, index) => {
      if (index > 0) runs.push(' | ');
      cell.forEach((paragraph, _o, p) => {
        if (p > 0) runs.push(' / ');
        runs.push(...runsOf(paragraph));
      });
    });
    const plain = runs.map((run) => (typeof run === 'string' ? run : 'text' in run ? run.text : '')).join('');
    lines.push({
      no,
      tabs: 1,
      label: null,
      runs,
      plain,
      raw: plain,
      change: (row.attrs.change as BlockChange | null) ?? tableChange,
      deletion: (row.attrs.deletion as BlockChange | null) ?? null,
    });
  });
  return lines;
}

/** A paragraph's content as inline runs again, tracked marks and footnotes included. */
function runsOf(paragraph: Node): InlineRun[] {
  const runs: InlineRun[] = [];
  paragraph.forEach((child) => {
    const changes = child.marks
      .filter((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion')
      .map((mark) => ({
        kind: mark.type.name as BlockChange['kind'],
        id: mark.attrs.id as string,
        author: mark.attrs.author as string,
        date: mark.attrs.date as string,
      }));
    if (child.isText) {
      const formats = child.marks
        .map((mark) => mark.type.name)
        .filter((name): name is 'em' | 'strong' | 'superscript' | 'subscript' =>
          ['em', 'strong', 'superscript', 'subscript'].includes(name),
        );
      runs.push({ text: child.text ?? '', ...(formats.length ? { marks: formats } : {}), ...(changes.length ? { change: changes } : {}) });
    } else if (child.type.name === 'footnote') {
      const change = child.attrs.change as BlockChange | null;
      runs.push({ footnote: runsOf(child), ...(change ? { change } : {}) });
    }
  });
  return runs;
}

/**
 * Paragraph nodes from the lines of a cell (read by lines.ts like any paragraph: revisions, paragraph
 * marks, footnotes). A label stays text, tabs stay the paragraph's indent; a table nested in the
 * cell is flattened into its paragraphs, the cell holding paragraphs only.
 */
function paragraphsOfLines(lines: SourceLine[]): Node[] {
  const out: Node[] = [];
  for (const line of lines) {
    if (line.block) {
      line.block.descendants((node) => {
        if (node.type.name === 'paragraph') out.push(node);
        return node.type.name !== 'paragraph';
      });
      continue;
    }
    const runs: InlineRun[] = line.label === null ? line.runs : [`${line.label}\t`, ...line.runs];
    out.push(textBlockNode('paragraph', runs, [line], { indent: line.tabs }));
  }
  return out;
}
