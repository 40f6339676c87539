/**
 * Checks of a proposals document to a conference (shared/proposals), as a secretariat editor makes
 * them before publication: every proposal has its Reasons (required for SUP and NOC), a MOD proposes
 * at least one change, an ADD is new text without revision marks, a SUP suppresses a text in force,
 * and no two proposals act on the same text.
 */
import type { Node } from 'prosemirror-model';
import { foldText } from '../languages/index.js';
import { isAddition, isModification, namesTextOnly, proposalsOf } from '../proposals/index.js';
import { hasTrackedChanges } from '../tracking/index.js';
import type { Finding } from './findings.js';

export interface ProposalCheckOptions {
  /**
   * Whether a text is in force, by its number line (`RESOLUTION 30 (Rev. Kigali, 2022)`): the
   * library's answer. Without it, SUP targets are not checked.
   */
  inForce?: (target: string) => boolean;
}

export function checkProposals(doc: Node, options: ProposalCheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const place of proposalsOf(doc)) {
    const { node, symbol, identifier } = place;
    const where = `${symbol} ${identifier}`;
    const blockId = (node.attrs.id as string | null) ?? null;
    const report = (severity: Finding['severity'], code: Finding['code'], message: string) =>
      findings.push({ severity, code, message, blockId, where });

    const reasons = node.lastChild?.type.name === 'proposal_reasons' ? node.lastChild.textContent.trim() : '';
    if (!reasons) {
      report(
        namesTextOnly(symbol) ? 'error' : 'warning',
        'proposal-reasons',
        `the proposal has no Reasons${namesTextOnly(symbol) ? ` (required for ${symbol})` : ''}`,
      );
    }
    const body = node.copy(node.content.cut(0, node.content.size - (node.lastChild?.nodeSize ?? 0)));
    if (isModification(symbol) && !hasTrackedChanges(body))
      report('warning', 'proposal-unchanged', `the ${symbol} proposes no change: no tracked change in its text`);
    if (isAddition(symbol) && hasTrackedChanges(body))
      report('error', 'proposal-marked', `the ${symbol} is new text but holds tracked changes: accept or reject them`);

    const target = node.attrs.target as string | null;
    if (target && symbol.startsWith('SUP') && options.inForce && !options.inForce(target)) {
      report('error', 'proposal-not-in-force', `the text to suppress, "${target}", is not in the library of texts in force`);
    }
    if (target) {
      const key = foldText(target);
      const earlier = seen.get(key);
      if (earlier) report('warning', 'proposal-duplicate', `${earlier} already acts on "${target}"`);
      else seen.set(key, `${symbol} ${identifier}`);
    }
  }
  return findings;
}
