/**
 * The translation status of each unit shown in the margin (the `translation` attribute,
 * shared/translation): a node decoration giving the unit `data-translation` and a class the page
 * styles as a coloured bar and a word. Recomputed only when a transaction can have changed a
 * status or the units (attributes, blocks inserted or removed); typing maps the decorations.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { STATUS_WORDS, translationOf, unitsOf } from '../../shared/translation/index.js';

export const translationStatusKey = new PluginKey<DecorationSet>('plenaryTranslationStatus');

function decorations(doc: Node): DecorationSet {
  const found: Decoration[] = [];
  for (const { node, pos } of unitsOf(doc)) {
    const state = translationOf(node);
    if (!state) continue;
    found.push(
      Decoration.node(pos, pos + node.nodeSize, {
        class: `pl-tr pl-tr-${state.status}`,
        'data-translation': state.status,
        title: STATUS_WORDS[state.status],
      }),
    );
  }
  return DecorationSet.create(doc, found);
}

/** Whether a step can change a status or the set of units (not plain typing inside a paragraph). */
function mayChangeUnits(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AttrStep || step instanceof ReplaceAroundStep) return true;
    if (!(step instanceof ReplaceStep)) return false;
    const { slice, from, to } = step as unknown as {
      slice: { content: { childCount: number; firstChild: Node | null } };
      from: number;
      to: number;
    };
    const $from = tr.docs[tr.steps.indexOf(step)]!.resolve(from);
    const blocks = slice.content.firstChild !== null && !slice.content.firstChild.isInline;
    return blocks || !$from.sameParent(tr.docs[tr.steps.indexOf(step)]!.resolve(to));
  });
}

export function translationStatusPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: translationStatusKey,
    state: {
      init: (_config, state) => decorations(state.doc),
      apply: (tr, set, _old, state) => {
        if (!tr.docChanged) return set;
        return mayChangeUnits(tr) ? decorations(state.doc) : set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => translationStatusKey.getState(state) },
  });
}
