/**
 * The table commands of the registry (shared/commands: Insert table, rows above/below, delete row,
 * columns) as the commands of shared/editing/table.ts, and the one-line reason shown when one does
 * not apply where the cursor is.
 */
import type { EditorState } from 'prosemirror-state';
import {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  columnEditsRefused,
  deleteColumn,
  deleteRow,
  insertTable,
  isInTable,
} from '../../shared/editing/index.js';
import type { Command } from 'prosemirror-state';
import type { CommandId } from '../../shared/commands/index.js';

export const TABLE_COMMANDS = {
  'insert-table': insertTable(3, 3),
  'table-row-above': addRowBefore,
  'table-row-below': addRowAfter,
  'table-delete-row': deleteRow,
  'table-column-before': addColumnBefore,
  'table-column-after': addColumnAfter,
  'table-delete-column': deleteColumn,
} satisfies Partial<Record<CommandId, Command>>;

export type TableCommandName = keyof typeof TABLE_COMMANDS;

export function isTableCommand(command: string): command is TableCommandName {
  return command in TABLE_COMMANDS;
}

/** Why a table command did nothing here, in one line. */
export function tableRefusal(command: TableCommandName, state: EditorState): string {
  if (command === 'insert-table') return 'A table goes in the body or an annex, not among the paragraphs of a resolution.';
  if (!isInTable(state)) return 'That command applies in a table: put the cursor in a cell.';
  if (command.includes('column') && columnEditsRefused(state)) {
    return 'Columns cannot be added or deleted as tracked changes (Word has no column revision): switch tracking off for it.';
  }
  return 'A table keeps at least one row and one column: delete the rows or the table with the text around it.';
}
