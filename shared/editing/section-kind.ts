/**
 * A section's kind follows its keyword. A user who starts a new section (Enter in the empty last
 * item) and types `décide` expects items 1 2 3, not a) b) c): when the keyword line of a section
 * matches a keyword of the document's language table of the other kind, the section takes that
 * kind, and its list the other kind's style if it still had the default one.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { isLanguageCode, matchKeyword } from '../languages/index.js';
import type { SectionKind } from '../schema/index.js';
import { defaultListStyle } from './list-style.js';
import { types } from './context.js';
import { writtenRanges } from '../model/index.js';

const sectionKindKey = new PluginKey('plenary-section-kind');

/**
 * Sets the kind of every section whose keyword says otherwise; null when all agree. With
 * `written` (the ranges an edit wrote), only the sections whose keyword line the edit touched are
 * looked at, so that typing in an item costs nothing here.
 */
function withSectionKinds(tr: Transaction, written?: ReadonlyArray<readonly [number, number]>): Transaction | null {
  const language = tr.doc.attrs.language as string;
  if (!isLanguageCode(language)) return null;
  let changed = false;
  tr.doc.descendants((node: Node, pos: number) => {
    if (node.type !== types.section) return node.type === types.resolution || node.type === types.annex;
    const keywordEnd = pos + 1 + node.firstChild!.nodeSize;
    if (written && !written.some(([from, to]) => from <= keywordEnd && to >= pos)) return false;
    const match = matchKeyword(node.firstChild!.textContent, [language]);
    const kind = node.attrs.kind as SectionKind;
    if (!match || match.entry.kind === kind) return false;
    tr.setNodeAttribute(pos, 'kind', match.entry.kind);
    const list = node.child(1);
    if (list.attrs.style === defaultListStyle(kind)) {
      tr.setNodeAttribute(pos + 1 + node.firstChild!.nodeSize, 'style', defaultListStyle(match.entry.kind));
    }
    changed = true;
    return false;
  });
  return changed ? tr : null;
}

export function sectionKindPlugin(): Plugin {
  return new Plugin({
    key: sectionKindKey,
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      return withSectionKinds(newState.tr, writtenRanges(transactions));
    },
  });
}
