/**
 * Review, as in Word's Review tab: go to the next or previous change, accept or reject the change
 * at the cursor (then move on to the next one) or those in the selection, one change by id or all
 * of them (by one author) from the changes panel. Each decision is its own undo step.
 */
import { closeHistory } from 'prosemirror-history';
import {
  listChanges,
  nextChange,
  previousChange,
  reviewChanges,
  type ChangeSelection,
  type Decision,
} from '../../shared/tracking/index.js';
import { changeIdsAtSelection, selectionOfChange } from '../editor/review-view.js';
import type { WindowContext } from './context.js';

const NO_CHANGES = 'There are no tracked changes in this document.';
const GONE = 'That change is no longer in the document.';

export class Review {
  constructor(private readonly window: WindowContext) {}

  /**
   * Accepts or rejects the chosen changes as one undoable step (reviewChanges keeps the cursor
   * where it was); says `nothing` when there is no such change.
   */
  private decide(decision: Decision, selection: ChangeSelection, nothing: string): boolean {
    const editor = this.window.editor();
    if (!editor) return false;
    const tr = reviewChanges(editor.state, decision, selection);
    if (!tr) {
      this.window.say('info', nothing);
      return false;
    }
    // Each review is its own undo step, as in Word: Undo takes back the last accept or reject only.
    editor.dispatch(closeHistory(tr));
    // The panel shows the result at once; review is rare, the refresh is not on the typing path.
    this.window.store.refresh(editor.state);
    return true;
  }

  /** Accept or reject the change at the cursor (then go on to the next one, as Word does), or those in the selection. */
  atSelection(decision: Decision): void {
    const editor = this.window.editor();
    if (!editor) return;
    const { from, to, empty } = editor.state.selection;
    const ids = changeIdsAtSelection(editor.state.doc, from, to);
    const nothing = empty ? 'There is no tracked change at the cursor.' : 'The selection holds no tracked change.';
    if (ids.length === 0) return this.window.say('info', nothing);
    if (!this.decide(decision, { ids }, nothing) || !empty) return;
    const after = editor.state.selection.from;
    const next = listChanges(editor.state.doc).find((c) => c.from >= after);
    if (next) this.select(next.id, next.kind);
  }

  /** Every change of the document (Review → Accept All Changes). */
  everything(decision: Decision): void {
    this.decide(decision, {}, NO_CHANGES);
  }

  /** The changes panel's Accept / Reject on one card (one user action may be several changes). */
  card(decision: Decision, ids: readonly string[]): void {
    const editor = this.window.editing();
    this.decide(decision, { ids }, GONE);
    editor?.focus();
  }

  /** The changes panel's Accept all / Reject all, by one author or by everyone. */
  all(decision: Decision, author: string | null): void {
    const editor = this.window.editing();
    if (!editor) return;
    this.decide(decision, author === null ? {} : { author }, 'There are no tracked changes to review.');
    editor.focus();
  }

  /** Selects a change in the document (from the panel, or the next/previous commands). */
  select(id: string, kind?: string): void {
    const editor = this.window.editing();
    if (!editor) return;
    const change = listChanges(editor.state.doc).find((c) => c.id === id && (kind === undefined || c.kind === kind));
    if (!change) return this.window.say('info', GONE);
    editor.dispatch(editor.state.tr.setSelection(selectionOfChange(editor.state.doc, change)));
    editor.center(change.from);
    editor.focus();
  }

  go(direction: 'next' | 'previous'): void {
    const editor = this.window.editor();
    if (!editor) return;
    const { doc, selection } = editor.state;
    const target = direction === 'next' ? nextChange(doc, selection.from) : previousChange(doc, selection.from);
    if (!target) return this.window.say('info', NO_CHANGES);
    this.select(target.id, target.kind);
  }
}
