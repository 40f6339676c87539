/**
 * Labels in the page. Labels are never in the text: shared/numbering's `numberingPlugin` keeps them
 * as editor state, incrementally, and this plugin draws them as node decorations carrying
 * `data-label`, which the stylesheet shows in the hanging column (items), before the text
 * (headings, numbered paragraphs) or as the footnote's superscript number. Under tracked changes an
 * item whose label changed also carries `data-old-label` (drawn struck through beside the new one).
 *
 * Typing is the hot path: the numbering state keeps the same labels object when a transaction
 * cannot change a label, and then the decorations of typing are only mapped through it.
 * Otherwise they are rebuilt from the labels (a walk over the block structure, no text).
 */
import type { Node, Slice } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { computeLabels, numberingKey, type Labels, type NumberingState } from '../../shared/numbering/index.js';
import { referenceText } from '../../shared/numbering/index.js';
import { typingOnly } from '../../shared/editing/index.js';

export interface LabelsState {
  /** The numbering these decorations were drawn from. */
  numbering: NumberingState;
  decorations: DecorationSet;
}

export const labelsKey = new PluginKey<LabelsState>('plenary-labels');

function attrsOf(node: Node, doc: Node, numbering: NumberingState): Record<string, string> | null {
  const id = node.attrs.id as string | null;
  if (!id) return null;
  const { labels, original } = numbering;
  switch (node.type.name) {
    case 'item': {
      const label = labels.items.get(id);
      const old = original.items.get(id);
      const attrs: Record<string, string> = {};
      if (label) attrs['data-label'] = label;
      if (old && old !== label) attrs['data-old-label'] = old;
      // An item that exists only in the new text (inserted, or made by a tracked split): its label is new too.
      if (label && old === undefined) attrs['data-label-inserted'] = 'true';
      return Object.keys(attrs).length ? attrs : null;
    }
    case 'heading': {
      const label = labels.headings.get(id);
      return label ? { 'data-label': label } : null;
    }
    case 'numbered_paragraph': {
      const label = labels.numberedParagraphs.get(id);
      return label ? { 'data-label': label } : null;
    }
    case 'footnote': {
      const n = labels.footnotes.get(id);
      return n === undefined ? null : { 'data-label': String(n) };
    }
    case 'cross_reference': {
      // Its text follows the target's label: "point 8 du décide" once items were inserted before it.
      const renewed = referenceText(node, doc, labels, undefined, 'new');
      const old = referenceText(node, doc, original, undefined, 'original');
      const attrs: Record<string, string> = { 'data-label': renewed.text };
      if (renewed.dangling) attrs['data-dangling'] = 'true';
      if (old.text !== renewed.text && !old.dangling) attrs['data-old-label'] = old.text;
      return attrs;
    }
    default:
      return null;
  }
}

/** prosemirror-view's `Decoration.copy` (1.41; not in its typings): the same attributes at another place. */
interface PlacedCopy {
  copy(from: number, to: number): Decoration;
}

/**
 * One decoration per distinct set of attributes, copied to each place: a thousand items carry a
 * few hundred distinct labels, and a copy shares its model's attributes instead of holding its own.
 */
function decorationMaker(): (from: number, to: number, attrs: Record<string, string>) => Decoration {
  const models = new Map<string, Decoration>();
  return (from, to, attrs) => {
    const key = Object.entries(attrs).flat().join('\u0000');
    let model = models.get(key);
    if (!model) models.set(key, (model = Decoration.node(from, to, attrs)));
    return typeof (model as unknown as Partial<PlacedCopy>).copy === 'function'
      ? (model as unknown as PlacedCopy).copy(from, to)
      : Decoration.node(from, to, attrs);
  };
}

function draw(doc: Node, numbering: NumberingState): DecorationSet {
  const decorations: Decoration[] = [];
  const decoration = decorationMaker();
  doc.descendants((node, pos) => {
    const attrs = attrsOf(node, doc, numbering);
    if (attrs) decorations.push(decoration(pos, pos + node.nodeSize, attrs));
    // Inside a textblock only footnotes and references are labelled: skip text runs of blocks without any.
    return !node.isTextblock || node.childCount > 1 || (node.firstChild !== null && !node.firstChild.isText);
  });
  return DecorationSet.create(doc, decorations);
}

/** Whether a transaction brings in a reference: it needs a decoration of its own, labels or not. */
function insertsReference(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    const slice = (step as { slice?: Slice }).slice;
    let found = false;
    slice?.content.descendants((node) => {
      if (node.type.name === 'cross_reference') found = true;
      return !found;
    });
    return found;
  });
}

/** Put it after `numberingPlugin()` in the plugin list: it reads the numbering of the same transaction. */
export function labelsPlugin(): Plugin<LabelsState> {
  return new Plugin<LabelsState>({
    key: labelsKey,
    state: {
      init: (_config, state) => {
        const numbering = numberingKey.getState(state);
        if (!numbering) throw new Error('labelsPlugin needs numberingPlugin before it');
        return { numbering, decorations: draw(state.doc, numbering) };
      },
      apply(tr, value, _old, state) {
        const numbering = numberingKey.getState(state)!;
        const same = numbering.labels === value.numbering.labels && numbering.original === value.numbering.original;
        if (!tr.docChanged && same) return value;
        // Only typing is mapped: any other step may replace a labelled node (an undo restoring an
        // item, a node's markup changed), and a node decoration does not survive that mapping.
        if (same && typingOnly(tr) && !insertsReference(tr)) return { numbering, decorations: value.decorations.map(tr.mapping, tr.doc) };
        return { numbering, decorations: draw(state.doc, numbering) };
      },
    },
    props: {
      decorations: (state) => labelsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** The labels of the new numbering (what the panels show). */
export function labelsOf(state: EditorState): Labels {
  return numberingKey.getState(state)?.labels ?? computeLabels(state.doc);
}
