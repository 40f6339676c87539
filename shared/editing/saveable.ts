/**
 * No edit may leave a document that cannot be saved. The `.plenary` writer refuses a document that
 * breaks shared/file/validate.ts (a cover field twice, an id used twice, a malformed tracked change),
 * and a refusal found only at save time — or by the recovery snapshot two seconds later — leaves
 * the user with work they cannot keep and no idea which edit broke it. So each transaction is
 * checked before it is applied: its result (plugins' appended transactions included) is validated,
 * and an edit whose result would not validate is refused, with the reason, while the document is
 * still as it was.
 *
 * Typing (text inserted or deleted inside one textblock, marks) cannot break those rules, and the
 * full check walks the whole document, so it is skipped for typing.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { FileFormatError, validateDocument } from '../file/index.js';

/** Whether a step can neither create nor copy a block: text typed or deleted within one textblock, marks. */
function onlyTyping(step: Step, doc: Node): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
  if (!(step instanceof ReplaceStep)) return false;
  const { slice, from, to } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  let onlyText = true;
  slice.content.forEach((node) => {
    if (!node.isText) onlyText = false;
  });
  if (!onlyText) return false;
  return from === to || doc.resolve(from).sameParent(doc.resolve(to));
}

/** Whether every step of `tr` is typing (see onlyTyping): it can break no document-wide rule. */
export function typingOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => onlyTyping(step, tr.docs[i]!));
}

/** Why `after`, the result of `transactions`, could not be saved; null when it could. */
export function unsaveableReason(transactions: readonly Transaction[], after: Node): string | null {
  if (transactions.every((tr) => !tr.docChanged || typingOnly(tr))) return null;
  try {
    validateDocument(after);
    return null;
  } catch (error) {
    if (error instanceof FileFormatError) return error.message;
    throw error;
  }
}

export type GuardedApply = { ok: true; state: EditorState; transactions: readonly Transaction[] } | { ok: false; message: string };

/**
 * `state.applyTransaction(tr)`, unless its result could not be saved: then nothing is applied and
 * the message says why, for the user.
 */
export function applyIfSaveable(state: EditorState, tr: Transaction): GuardedApply {
  const result = state.applyTransaction(tr);
  const reason = unsaveableReason(result.transactions, result.state.doc);
  if (reason !== null) return { ok: false, message: `This edit was not made: the document could not be saved after it (${reason}).` };
  return { ok: true, state: result.state, transactions: result.transactions };
}
