/**
 * shared/editing's `uniqueIdsPlugin` checks every block id of the document after each change — a
 * walk over the whole document on every keystroke. Typing cannot create or copy a block, so this
 * wrapper skips the check for transactions whose steps only insert text, delete within one
 * textblock or change marks; splits, joins, pastes, moves and footnotes still get it.
 */
import { Plugin } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { uniqueIdsPlugin } from '../../shared/model/index.js';

/** Whether a step can neither create nor copy a node that carries an id. */
function cannotDuplicateIds(step: Step, doc: Node): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
  if (!(step instanceof ReplaceStep)) return false;
  const { slice, from, to } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  let onlyText = true;
  slice.content.forEach((node) => {
    if (!node.isText) onlyText = false;
  });
  if (!onlyText) return false;
  // A deletion inside one textblock only removes inline content.
  return from === to || doc.resolve(from).sameParent(doc.resolve(to));
}

export function typingOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => cannotDuplicateIds(step, tr.docs[i]!));
}

export function uniqueIdsGuard(): Plugin {
  const inner = uniqueIdsPlugin();
  const check = inner.spec.appendTransaction!;
  return new Plugin({
    appendTransaction(transactions, oldState, newState) {
      if (transactions.every((tr) => !tr.docChanged || typingOnly(tr))) return null;
      return check.call(inner, transactions, oldState, newState);
    },
  });
}
