/**
 * Tables in the model and the editor commands: the schema, Insert table, Tab between cells, rows
 * and columns added and deleted, and all of it under suggestion mode — a row added is a tracked row
 * insertion, a row deleted is struck, review accepts or rejects rows, text in cells is tracked as any
 * text, and column edits are refused while tracking (Word has no column revision).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Fragment, Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  addColumnAfter,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  emptyTable,
  insertTable,
  tableKeymap,
} from '../../shared/editing/index.js';
import type { Command } from '../../shared/editing/context.js';
import { importText } from '../../shared/import/text/index.js';
import { schema } from '../../shared/schema/schema.js';
import { listChanges, acceptChange, rejectChange } from '../../shared/tracking/changes.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { setTrackingEnabled, trackIfEnabled, trackingPlugin } from '../../shared/tracking/plugin.js';
import { UntrackableEditError } from '../../shared/tracking/index.js';
import { applyEditorTransaction, createEditorState } from '../../renderer/editor/create-editor.js';
import {
  addColumnAfter as pmAddColumnAfter,
  addColumnBefore as pmAddColumnBefore,
  addRowAfter as pmAddRowAfter,
  CellSelection,
  deleteColumn as pmDeleteColumn,
  mergeCells as pmMergeCells,
  setCellAttr,
  splitCell as pmSplitCell,
} from 'prosemirror-tables';
import { SG_REPORT, reportWithTimetable } from '../support/tables.js';
import { picture, withoutIds } from '../support/tracking.js';

const AUTHOR = { name: 'Délégation A' };
const NOW = () => '2026-04-14T09:00:00Z';

function textblockStarting(doc: Node, prefix: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock && node.textContent.startsWith(prefix)) found = pos + 1;
    return !node.isTextblock;
  });
  if (found < 0) throw new Error(`no paragraph starting with ${prefix}`);
  return found;
}

function cellTextPos(doc: Node, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === 'paragraph' && node.textContent === text) found = pos + 1;
    return found < 0;
  });
  if (found < 0) throw new Error(`no cell reading ${text}`);
  return found;
}

function at(doc: Node, pos: number): EditorState {
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
}

/** Runs `command`; with `track`, the tracked transaction the editor would apply. */
function run(state: EditorState, command: Command, track = false): EditorState {
  let out: Transaction | null = null;
  expect(command(state, (tr) => (out = tr))).toBe(true);
  const tr = out as unknown as Transaction;
  return state.apply(track ? trackTransaction(tr, state, AUTHOR, NOW) : tr);
}

function tableOf(doc: Node): Node {
  let found: Node | null = null;
  doc.descendants((node) => {
    if (!found && node.type.name === 'table') found = node;
    return !found;
  });
  if (!found) throw new Error('no table');
  return found;
}

const rowTexts = (doc: Node): string[] => {
  const rows: string[] = [];
  tableOf(doc).forEach((row) => {
    const cells: string[] = [];
    row.forEach((c) => cells.push(c.textContent));
    rows.push(cells.join(' | '));
  });
  return rows;
};

function ids(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if ('id' in node.attrs && node.type.name !== 'cross_reference') out.push(node.attrs.id as string);
    return true;
  });
  return out;
}

describe('the table block', () => {
  it('stands where body and annex content goes, and refuses a table without rows', () => {
    const doc = reportWithTimetable(true);
    doc.check();
    expect(Node.fromJSON(schema, doc.toJSON()).eq(doc)).toBe(true);
    expect(() => schema.nodes.table!.create({ id: 't' }, []).check()).toThrow();
    expect(() => emptyTable(0, 3)).toThrow(/at least one row/);
    const annex = schema.nodes.annex!.create({ id: 'a' }, [
      schema.nodes.annex_heading!.create({ id: 'h' }, schema.text('ANNEXE')),
      emptyTable(2, 2),
    ]);
    expect(() => annex.check()).not.toThrow();
  });
});

describe('insert table', () => {
  it('puts an empty table after the paragraph of the cursor, cursor in the first cell, every id fresh and unique', () => {
    const state = at(SG_REPORT, textblockStarting(SG_REPORT, 'En 2022 et 2023'));
    const next = run(state, insertTable(3, 4));
    const table = tableOf(next.doc);
    expect(table.childCount).toBe(3);
    expect(table.firstChild!.childCount).toBe(4);
    expect(table.firstChild!.attrs.header).toBe(true);
    const index = next.doc.children.indexOf(table);
    expect(next.doc.child(index - 1).textContent).toMatch(/^En 2022 et 2023/);
    expect(next.selection.$from.node(-2).type.name).toBe('table_row');
    const all = ids(next.doc);
    expect(all.every(Boolean)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('is refused in the paragraphs of a resolution, and goes into its annex', () => {
    const res = importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8'), { language: 'fr' }).doc;
    let itemText = -1;
    res.descendants((node, pos) => {
      if (itemText < 0 && node.type.name === 'item_text') itemText = pos + 1;
      return itemText < 0;
    });
    const item = at(res, itemText);
    expect(insertTable()(item)).toBe(false);
    // In an annex of the resolution, the table goes into the annex.
    const annex = schema.nodes.annex!.create({ id: 'annex' }, [
      schema.nodes.annex_heading!.create({ id: 'ah' }, schema.text('ANNEXE')),
      schema.nodes.paragraph!.create({ id: 'ap' }, schema.text('Calendrier')),
    ]);
    const resolution = res.firstChild!;
    expect(resolution.type.name).toBe('resolution');
    const annexed = res.type.create(res.attrs, resolution.type.create(resolution.attrs, resolution.content.append(Fragment.from(annex))));
    const next = run(at(annexed, textblockStarting(annexed, 'Calendrier')), insertTable());
    expect(next.selection.$from.node(-4).type.name).toBe('annex');
  });
});

describe('moving and growing with Tab', () => {
  it('Tab goes to the next cell, Shift-Tab back, Tab in the last cell adds a row', () => {
    const keys = tableKeymap();
    let state = run(at(SG_REPORT, textblockStarting(SG_REPORT, 'En 2022 et 2023')), insertTable(2, 2));
    const cellIndex = (s: EditorState) => s.selection.$from.index(s.selection.$from.depth - 2);
    const rowIndex = (s: EditorState) => s.selection.$from.index(s.selection.$from.depth - 3);
    state = state.apply(state.tr.insertText('Manifestation'));
    state = run(state, keys.Tab!);
    expect([rowIndex(state), cellIndex(state)]).toEqual([0, 1]);
    state = run(state, keys.Tab!);
    state = run(state, keys.Tab!);
    expect([rowIndex(state), cellIndex(state)]).toEqual([1, 1]);
    state = run(state, keys['Shift-Tab']!);
    expect([rowIndex(state), cellIndex(state)]).toEqual([1, 0]);
    state = run(state, keys.Tab!);
    state = run(state, keys.Tab!);
    expect(tableOf(state.doc).childCount).toBe(3);
    expect([rowIndex(state), cellIndex(state)]).toEqual([2, 0]);
    // Outside a table the keys are not claimed (items demote with Tab).
    expect(keys.Tab!(at(SG_REPORT, textblockStarting(SG_REPORT, 'En 2022 et 2023')))).toBe(false);
  });
});

describe('rows under suggestion mode', () => {
  const base = reportWithTimetable(false);
  const in2022 = () => at(base, cellTextPos(base, 'Forum 2022 du SMSI'));

  it('a row added is a tracked row insertion: reject removes it, accept keeps it', () => {
    const tracked = run(in2022(), addRowAfter, true);
    expect(picture(tableOf(tracked.doc))).toContain('table_row{change+}');
    const changes = listChanges(tracked.doc);
    expect(changes.map((c) => [c.kind, c.scope, c.blockType, c.author])).toEqual([['insertion', 'block', 'table_row', AUTHOR.name]]);
    expect(withoutIds(rejectAll(tracked.doc))).toEqual(withoutIds(base));
    expect(withoutIds(acceptAll(tracked.doc))).toEqual(withoutIds(run(in2022(), addRowAfter).doc));
  });

  it('a row deleted stays struck until reviewed; text typed in a cell is an insertion mark', () => {
    let state = run(in2022(), deleteRow, true);
    expect(rowTexts(state.doc)).toContain('Forum 2022 du SMSI | 30 mai – 3 juin 2022 | Genève');
    expect(picture(tableOf(state.doc))).toMatch(/table_row\{change-\}\(table_cell\(paragraph\("Forum 2022/);
    const pos = cellTextPos(state.doc, '13–17 mars 2023') + '13–17 mars 2023'.length;
    const typed = state.tr.setSelection(TextSelection.create(state.doc, pos)).insertText(' (Genève)');
    state = state.apply(trackTransaction(typed, state, AUTHOR, NOW));
    expect(picture(tableOf(state.doc))).toContain('13–17 mars 2023[+ (Genève)+]');
    const [rowChange, textChange] = listChanges(state.doc);
    expect(rowChange!.blockType).toBe('table_row');
    expect(textChange!.scope).toBe('text');
    // Review one change at a time: accepting the row deletion removes the row only.
    const accepted = state.apply(acceptChange(state, rowChange!.id)!);
    expect(rowTexts(accepted.doc)).toEqual(['Manifestation | Dates | Lieu', 'Forum 2023 du SMSI | 13–17 mars 2023 (Genève) | Genève']);
    const rejected = state.apply(rejectChange(state, rowChange!.id)!);
    expect(picture(tableOf(rejected.doc))).not.toContain('change-');
    expect(listChanges(rejected.doc)).toHaveLength(1);
  });

  it('a table inserted with tracking on goes whole when rejected', () => {
    const state = at(SG_REPORT, textblockStarting(SG_REPORT, 'En 2022 et 2023'));
    const tracked = run(state, insertTable(2, 3), true);
    expect(listChanges(tracked.doc).map((c) => c.blockType)).toEqual(['table']);
    expect(withoutIds(rejectAll(tracked.doc))).toEqual(withoutIds(SG_REPORT));
  });

  it('columns are refused while tracking is on, and work with tracking off', () => {
    const plugin = trackingPlugin({ author: AUTHOR, enabled: false });
    let state = EditorState.create({
      doc: base,
      selection: TextSelection.create(base, cellTextPos(base, 'Forum 2022 du SMSI')),
      plugins: [plugin],
    });
    expect(addColumnAfter(state)).toBe(true);
    state = state.apply(setTrackingEnabled(state, true));
    expect(addColumnAfter(state)).toBe(false);
    expect(deleteColumn(state)).toBe(false);
    expect(addRowBefore(state)).toBe(true);
    let tr: Transaction | null = null;
    addRowBefore(state, (t) => (tr = t));
    const tracked = state.apply(trackIfEnabled(state, tr!));
    expect(listChanges(tracked.doc).map((c) => c.blockType)).toEqual(['table_row']);
  });

  it('any sequence of tracked row edits and typing: accept gives the untracked result, reject the original', () => {
    type Op = { kind: 'before' | 'after' | 'delete' | 'type'; row: number };
    const commands = { before: addRowBefore, after: addRowAfter, delete: deleteRow };
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('before', 'after', 'delete', 'type'), row: fc.nat(5) }), { minLength: 1, maxLength: 6 }),
        (ops: Op[]) => {
          let tracked = EditorState.create({ doc: base });
          let plain = EditorState.create({ doc: base });
          for (const op of ops) {
            // The same place in both: the nth row still standing in the final text.
            const standing = (doc: Node) => {
              const out: number[] = [];
              const table = tableOf(doc);
              let tablePos = -1;
              doc.descendants((n, p) => (n === table ? ((tablePos = p), false) : tablePos < 0));
              let offset = tablePos + 1;
              table.forEach((row) => {
                if ((row.attrs.change as { kind?: string } | null)?.kind !== 'deletion') out.push(offset + 3);
                offset += row.nodeSize;
              });
              return out;
            };
            const trackedRows = standing(tracked.doc);
            const plainRows = standing(plain.doc);
            expect(trackedRows.length).toBe(plainRows.length);
            if (plainRows.length === 0) return;
            const index = op.row % plainRows.length;
            const select = (s: EditorState, pos: number) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos)));
            tracked = select(tracked, trackedRows[index]!);
            plain = select(plain, plainRows[index]!);
            if (op.kind === 'type') {
              const tr = tracked.tr.insertText('x');
              tracked = tracked.apply(trackTransaction(tr, tracked, AUTHOR, NOW));
              plain = plain.apply(plain.tr.insertText('x'));
            } else {
              const command = commands[op.kind];
              if (!command(plain)) continue;
              plain = run(plain, command);
              tracked = run(tracked, command, true);
            }
            ran++;
          }
          expect(withoutIds(rejectAll(tracked.doc))).toEqual(withoutIds(base));
          expect(rowTexts(acceptAll(tracked.doc))).toEqual(rowTexts(plain.doc));
        },
      ),
      { numRuns: 60 },
    );
    expect(ran).toBeGreaterThan(100);
  });
});

describe('the tracker refuses what Word cannot record in a table, whatever command built it', () => {
  const base = reportWithTimetable(false);
  /** The editor's state on the report, tracking as asked, the cursor in a cell. */
  function editor(tracking: boolean, text = 'Forum 2022 du SMSI'): EditorState {
    const doc = base.type.create({ ...base.attrs, trackingScope: 'document' }, base.content);
    const state = createEditorState(doc, { author: AUTHOR.name, tracking });
    return state.apply(state.tr.setSelection(TextSelection.create(state.doc, cellTextPos(state.doc, text))));
  }
  /** Two cells of a row selected, as a drag across them does. */
  function twoCells(state: EditorState): EditorState {
    const $first = state.doc.resolve(state.selection.$from.before(state.selection.$from.depth - 1));
    const $second = state.doc.resolve($first.pos + $first.nodeAfter!.nodeSize);
    return state.apply(state.tr.setSelection(new CellSelection($first, $second)));
  }
  /** The raw prosemirror-tables command's transaction, through the editor's dispatch. */
  function dispatchRaw(state: EditorState, command: Command): ReturnType<typeof applyEditorTransaction> {
    let tr: Transaction | null = null;
    expect(command(state, (t) => (tr = t))).toBe(true);
    return applyEditorTransaction(state, tr!);
  }
  const split = (state: EditorState) => {
    const merged = dispatchRaw(twoCells(state), pmMergeCells);
    if (!merged.ok) throw new Error(merged.message);
    return merged.state;
  };
  const reshapes: Array<[string, (s: EditorState) => EditorState, Command]> = [
    ['add a column before', (s) => s, pmAddColumnBefore],
    ['add a column after', (s) => s, pmAddColumnAfter],
    ['delete a column', (s) => s, pmDeleteColumn],
    ['merge cells', twoCells, pmMergeCells],
    ['split a merged cell', split, pmSplitCell],
    ['set a colspan', (s) => s, setCellAttr('colspan', 2)],
  ];

  for (const [name, prepare, command] of reshapes) {
    it(`${name}: refused with tracking on, the document unchanged; made with tracking off`, () => {
      // Prepared untracked (a merged cell to split), then tracking switched on.
      const prepared = prepare(editor(false));
      const tracking = prepared.apply(setTrackingEnabled(prepared, true));
      const refused = dispatchRaw(tracking, command);
      expect(refused.ok).toBe(false);
      if (!refused.ok)
        expect(refused.message).toMatch(/^This edit was not made: Columns cannot be added or deleted, nor cells merged or split/);
      // The tracker itself refuses, not only the editor's dispatch.
      let tr: Transaction | null = null;
      command(tracking, (t) => (tr = t));
      expect(() => trackIfEnabled(tracking, tr!)).toThrow(UntrackableEditError);
      // Tracking off, the same command goes through.
      const untracked = dispatchRaw(prepared, command);
      expect(untracked.ok).toBe(true);
      if (untracked.ok) expect(untracked.state.doc.eq(prepared.doc)).toBe(false);
    });
  }

  it('rows and cell text stay tracked as before', () => {
    const state = editor(true);
    const row = dispatchRaw(state, pmAddRowAfter);
    expect(row.ok).toBe(true);
    if (row.ok) expect(listChanges(row.state.doc).map((c) => c.blockType)).toEqual(['table_row']);
    const typed = applyEditorTransaction(state, state.tr.insertText('Le '));
    expect(typed.ok && listChanges(typed.state.doc).map((c) => [c.kind, c.excerpt])).toEqual([['insertion', 'Le ']]);
  });
});
