/**
 * Tables (budgets, timetables, lists of Member States in annexes and Council documents): insert a
 * table, add and delete rows and columns, Tab between cells. The row and column commands are the
 * official prosemirror-tables ones; wrapped here so that every block they create gets a fresh id
 * in the same transaction (prosemirror-tables creates rows and cells with default attributes), and
 * so that the renderer has one place to take them from.
 *
 * With suggestion mode on, the editor's tracker turns a row added into a row whose `change` is an
 * insertion and a row deleted into a row struck through (`change` a deletion), as Word records
 * `w:trPr/w:ins` and `w:trPr/w:del`; text typed in a cell is tracked as any text.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import { TextSelection, type EditorState } from 'prosemirror-state';
import {
  addColumnAfter as pmAddColumnAfter,
  addColumnBefore as pmAddColumnBefore,
  addRowAfter as pmAddRowAfter,
  addRowBefore as pmAddRowBefore,
  deleteColumn as pmDeleteColumn,
  deleteRow as pmDeleteRow,
  goToNextCell,
  isInTable,
  selectedRect,
} from 'prosemirror-tables';
import { newId } from '../model/index.js';
import { schema } from '../schema/index.js';
import { trackingScopeOf, trackingState } from '../tracking/index.js';
import { finish, type Command } from './context.js';

const tableType = schema.nodes.table!;
const rowType = schema.nodes.table_row!;
const cellType = schema.nodes.table_cell!;
const paragraphType = schema.nodes.paragraph!;

/** A new empty table, every block with a fresh id; the first row is a heading row when `header`. */
export function emptyTable(rows: number, columns: number, header = false): Node {
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1) {
    throw new RangeError(`a table needs at least one row and one column (asked ${rows} × ${columns})`);
  }
  const row = (index: number) =>
    rowType.create(
      { id: newId(), header: header && index === 0 },
      Array.from({ length: columns }, () => cellType.create({ id: newId() }, paragraphType.create({ id: newId() }))),
    );
  return tableType.create(
    { id: newId() },
    Array.from({ length: rows }, (_, index) => row(index)),
  );
}

/**
 * Where a new table goes: after the block holding the cursor, at the first level up that accepts a
 * table (the body, or an annex's content). Null in a resolution outside its annexes: operative and
 * preamble paragraphs hold no tables, and a table after the whole resolution is not what was asked.
 */
function tablePlace($from: ResolvedPos): number | null {
  for (let depth = $from.depth - 1; depth >= 0; depth--) {
    const parent = $from.node(depth);
    // Not among a resolution's sections (its annexes take tables), nor after it from inside it.
    if (parent.type.name === 'resolution') return null;
    const index = $from.index(depth) + 1;
    if (parent.canReplaceWith(index, index, tableType)) return $from.after(depth + 1);
  }
  return null;
}

/**
 * Inserts an empty `rows` × `columns` table (first row a heading row) after the current block, the
 * cursor in its first cell.
 */
export function insertTable(rows = 2, columns = 2): Command {
  return (state, dispatch) => {
    const at = tablePlace(state.selection.$from);
    if (at === null) return false;
    if (dispatch) {
      const tr = state.tr.insert(at, emptyTable(rows, columns, true));
      // table > row > cell > paragraph: the first cell's text starts four levels in.
      tr.setSelection(TextSelection.create(tr.doc, at + 4));
      finish(tr, dispatch);
    }
    return true;
  };
}

/** A prosemirror-tables command whose new rows and cells get fresh ids in its own transaction. */
function withIds(command: Command): Command {
  return (state, dispatch) => command(state, dispatch ? (tr) => finish(tr, dispatch) : undefined);
}

export const addRowBefore: Command = withIds(pmAddRowBefore);
export const addRowAfter: Command = withIds(pmAddRowAfter);

/**
 * prosemirror-tables refuses to delete every row (or column) only when dispatching; asked without
 * dispatch (is the menu entry enabled?) it says yes. Checked here both ways.
 */
function notWholeTable(axis: 'rows' | 'columns', command: Command): Command {
  return (state, dispatch) => {
    if (!isInTable(state)) return false;
    const rect = selectedRect(state);
    const whole = axis === 'rows' ? rect.top === 0 && rect.bottom === rect.map.height : rect.left === 0 && rect.right === rect.map.width;
    return !whole && command(state, dispatch);
  };
}

export const deleteRow: Command = notWholeTable('rows', withIds(pmDeleteRow));

/**
 * Whether an edit made now would be tracked. Word has no revision for a column (only rows carry
 * `w:ins`/`w:del`; its cell revisions are not kept by Word itself or LibreOffice), so columns are
 * added and deleted only with tracking off: a column change that no reviewer could reject must not
 * slip into a proposal unmarked.
 */
export function columnEditsRefused(state: EditorState): boolean {
  const tracking = trackingState(state);
  if (!tracking?.enabled) return false;
  if (trackingScopeOf(state.doc) === 'document') return true;
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === 'resolution') return true;
  return false;
}

function untrackedOnly(command: Command): Command {
  return (state, dispatch) => !columnEditsRefused(state) && withIds(command)(state, dispatch);
}

export const addColumnBefore: Command = untrackedOnly(pmAddColumnBefore);
export const addColumnAfter: Command = untrackedOnly(pmAddColumnAfter);
export const deleteColumn: Command = notWholeTable('columns', untrackedOnly(pmDeleteColumn));
export { isInTable };

/**
 * Tab and Shift-Tab move between cells; Tab in the last cell adds a row, as in Word. Inside a
 * table the keys belong to it even where there is nowhere to go (no focus leaves the editor).
 */
export function tableKeymap(): Record<string, Command> {
  const nextOrNewRow: Command = (state, dispatch) => {
    if (!isInTable(state)) return false;
    if (goToNextCell(1)(state, dispatch)) return true;
    return addRowAfterAndEnter(state, dispatch);
  };
  const previous: Command = (state, dispatch) => {
    if (!isInTable(state)) return false;
    goToNextCell(-1)(state, dispatch);
    return true;
  };
  return { Tab: nextOrNewRow, 'Shift-Tab': previous };
}

/** Adds a row after the cursor's row and puts the cursor in its first cell. */
const addRowAfterAndEnter: Command = (state, dispatch) => {
  const $from = state.selection.$from;
  let rowDepth = -1;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === rowType) rowDepth = d;
  if (rowDepth < 0) return false;
  const after = $from.after(rowDepth);
  return addRowAfter(
    state,
    dispatch
      ? (tr) => {
          // The new row starts where the old one ended: row > cell > paragraph.
          const target = Math.min(tr.mapping.map(after, -1) + 3, tr.doc.content.size);
          tr.setSelection(TextSelection.near(tr.doc.resolve(target)));
          dispatch(tr);
        }
      : undefined,
  );
};
