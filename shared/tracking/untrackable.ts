/**
 * Edits suggestion mode cannot record, refused by the tracker itself rather than applied untracked.
 *
 * Tables. Word's revision model marks whole rows inserted or deleted (`w:trPr/w:ins|w:del`) and the
 * text in cells; it has no revision for a column, nor for cells merged or split (the cell revisions
 * of the format are kept neither by Word nor by LibreOffice). So a column added or deleted, or cells
 * merged or split — by the prosemirror-tables commands, a paste that grows a table, or any command
 * yet to come — could not be rejected by a reviewer: with tracking on such an edit is refused with
 * a message saying why, whatever command built it. The editor's table menu also hides the column
 * commands while tracking (shared/editing/table.ts); this is the guard that does not depend on it.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceAroundStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { UserFacingError } from '../errors/index.js';

/** An edit the tracker refuses, with the reason a user can act on. */
export class UntrackableEditError extends UserFacingError {
  override name = 'UntrackableEditError';
}

const SPAN_ATTRS = new Set(['colspan', 'rowspan']);

/** Whether `pos` of `doc` lies directly in a table row: between its cells, where cells come and go. */
function atCellBoundary(doc: Node, pos: number): boolean {
  return doc.resolve(pos).parent.type.spec.tableRole === 'row';
}

/** Whether the step adds, removes, merges or splits cells, rather than whole rows or cell text. */
function reshapesCells(step: Step, doc: Node): boolean {
  if (step instanceof AttrStep) {
    return SPAN_ATTRS.has(step.attr) && doc.nodeAt(step.pos)?.type.spec.tableRole === 'cell';
  }
  if (step instanceof ReplaceAroundStep) {
    if (!atCellBoundary(doc, step.from) && !atCellBoundary(doc, step.to)) return false;
    // A cell's attributes set again (setNodeMarkup): only its spans reshape the table.
    const before = doc.nodeAt(step.from);
    const after = step.slice.content.firstChild;
    const rewrap = step.insert === 1 && step.slice.content.childCount === 1 && before && after && before.type === after.type;
    if (!rewrap) return true;
    return [...SPAN_ATTRS].some((attr) => before.attrs[attr] !== after.attrs[attr]);
  }
  if (step instanceof ReplaceStep) return atCellBoundary(doc, step.from) || atCellBoundary(doc, step.to);
  return false;
}

/**
 * Throws UntrackableEditError when `tr` changes what suggestion mode cannot record (see the
 * header); cheap for typing, whose steps stand inside a paragraph.
 */
export function refuseUntrackable(tr: Transaction): void {
  tr.steps.forEach((step, index) => {
    if (reshapesCells(step, tr.docs[index]!)) {
      throw new UntrackableEditError(
        'Columns cannot be added or deleted, nor cells merged or split, as tracked changes (Word records whole rows only): switch tracking off for it.',
      );
    }
  });
}
