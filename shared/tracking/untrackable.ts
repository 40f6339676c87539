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
import { blockChange, blockDeletion, trackMarkOf } from './attrs.js';

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

/**
 * Section keywords. A section is its keyword and its items (`décide` 1, 2, 3…): a keyword struck
 * whole while the items stay would leave, once the changes are accepted, items under no keyword —
 * a section Word, the text and the `.plenary` views cannot agree on (Word reads the items as the
 * previous section's). So a tracked edit that deletes the whole of a keyword whose section keeps
 * items is refused (judged on the edit as made, before the tracker marks it): the user types the new keyword over the old one (a replacement), or deletes the
 * section with its items.
 */
export function refuseKeywordlessSection(before: Node, after: Node): void {
  const had = new Map<string, string>();
  forEachLiveSection(before, (section) => {
    const keyword = finalText(section.firstChild!).trim();
    if (keyword) had.set(section.attrs.id as string, keyword);
  });
  forEachLiveSection(after, (section) => {
    const keyword = had.get(section.attrs.id as string);
    if (keyword === undefined || finalText(section.firstChild!).trim() || !keepsItems(section)) return;
    throw new UntrackableEditError(
      `The keyword "${keyword}" cannot be deleted while its items stay (they would stand under no keyword): type the new keyword over it, or select the whole section, items included, to delete it.`,
    );
  });
}

/** The sections that are not themselves deleted (resolutions in annexes included), not their items. */
function forEachLiveSection(doc: Node, visit: (section: Node) => void): void {
  doc.descendants((node) => {
    if (node.type.name !== 'section') return node.type.name !== 'item_list' && !node.isTextblock;
    if (!deleted(node)) visit(node);
    return false;
  });
}

function deleted(node: Node): boolean {
  return blockChange(node)?.kind === 'deletion' || blockDeletion(node) !== null;
}

/** The text a block reads once every change is accepted. */
function finalText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText && !trackMarkOf(child, 'deletion')) text += child.text;
  });
  return text;
}

function keepsItems(section: Node): boolean {
  let kept = false;
  section.lastChild?.forEach((item) => {
    if (!deleted(item)) kept = true;
  });
  return kept;
}
