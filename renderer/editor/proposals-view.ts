/**
 * How a proposals document's proposals look in the page: the symbol in the left margin and the
 * identifier beside it (`MOD  SEN/56/1`, computed from the proposal's place, so it follows every
 * move), and `Reasons:` before each proposal's last paragraph — flagged while it is empty on a SUP or
 * NOC, which require it; live references to proposals (`SEN/56/2`) read their target's identifier. Decorations only: the document stores none of it. Rebuilt when the
 * document changes, from its top level alone (proposals are top-level blocks), so typing inside a
 * proposal costs a walk over a few dozen nodes, not the document.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { isLanguageCode, languageTable } from '../../shared/languages/index.js';
import { namesTextOnly, proposalIdentifiers, proposalReferenceText, proposalsOf } from '../../shared/proposals/index.js';

const key = new PluginKey<DecorationSet>('plenaryProposals');

function identifierLine(symbol: string, identifier: string): HTMLElement {
  const line = document.createElement('div');
  line.className = 'pl-proposal-line';
  line.contentEditable = 'false';
  const symbolSpan = document.createElement('span');
  symbolSpan.className = 'pl-proposal-symbol';
  symbolSpan.textContent = symbol;
  const identifierSpan = document.createElement('span');
  identifierSpan.className = 'pl-proposal-identifier';
  identifierSpan.textContent = identifier;
  line.append(symbolSpan, identifierSpan);
  return line;
}

function decorations(doc: Node): DecorationSet {
  if (typeof doc.attrs.proposalSource !== 'string') return DecorationSet.empty;
  const code = doc.attrs.language as string;
  const reasons = languageTable(isLanguageCode(code) ? code : 'en').proposals.reasons;
  const found: Decoration[] = [];
  const identifiers = proposalIdentifiers(doc);
  doc.descendants((node, pos) => {
    if (node.type.name === 'proposal_reference')
      found.push(Decoration.node(pos, pos + 1, { 'data-label': proposalReferenceText(doc, node, identifiers) }));
    return node.isBlock;
  });
  for (const { node, pos, symbol, identifier } of proposalsOf(doc)) {
    found.push(
      Decoration.widget(pos + 1, () => identifierLine(symbol, identifier), {
        side: -1,
        key: `${symbol} ${identifier}`,
        ignoreSelection: true,
      }),
    );
    const last = node.lastChild;
    if (last?.type.name !== 'proposal_reasons') continue;
    const start = pos + node.nodeSize - 1 - last.nodeSize;
    const required = namesTextOnly(symbol) && last.textContent.trim() === '';
    found.push(
      Decoration.node(start, start + last.nodeSize, {
        'data-reasons': reasons,
        ...(required ? { class: 'pl-reasons-required', 'data-required': `required for ${symbol}` } : {}),
      }),
    );
  }
  return DecorationSet.create(doc, found);
}

export function proposalsViewPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => decorations(state.doc),
      apply: (tr, old, _before, state) => (tr.docChanged ? decorations(state.doc) : old),
    },
    props: { decorations: (state) => key.getState(state) },
  });
}
