/**
 * Style checks an editor would otherwise do by eye (issue 6): terminal punctuation of items, empty
 * items, dangling references, unknown section keywords, proposals to a conference. Shown in a panel and by `plenary check`.
 */
import type { Node } from 'prosemirror-model';
import { isLanguageCode, languageTable } from '../languages/index.js';
import { computeLabels } from '../numbering/index.js';
import type { Finding } from './findings.js';
import { checkEmptyItems } from './items.js';
import { checkKeywords } from './keywords.js';
import { checkPunctuation } from './punctuation.js';
import { checkProposals, type ProposalCheckOptions } from './proposals.js';
import { checkAmbiguousReferences, checkReferences } from './references.js';

export type { ProposalCheckOptions } from './proposals.js';

export function checkDocument(doc: Node, options: ProposalCheckOptions = {}): Finding[] {
  const language = doc.attrs.language as string;
  if (!isLanguageCode(language)) throw new RangeError(`The document's language "${language}" is not one of ar, zh, en, fr, ru, es.`);
  const table = languageTable(language);
  const labels = computeLabels(doc);
  return [
    ...checkKeywords(doc, table),
    ...checkEmptyItems(doc, labels),
    ...checkReferences(doc, labels),
    ...checkAmbiguousReferences(doc, labels),
    ...checkPunctuation(doc, labels),
    ...checkProposals(doc, options),
  ];
}

// The module's API: what the rest of Plenary imports from shared/check.
export { type Finding, formatFinding, hasErrors } from './findings.js';
