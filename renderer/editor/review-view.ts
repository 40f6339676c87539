/**
 * The three ways of looking at a tracked document, as in Word's Review tab: Markup (the document
 * with its marks, editable), Final (as if every change were accepted) and Original (as if every
 * change were rejected).
 *
 * Final and Original are read-only previews: the resolved document is shown in a state of its own,
 * with the numbering and labels plugins only, so its labels are computed from the resolved
 * document exactly as the labels of any document are. The markup state is kept aside untouched
 * (history, tracking switch and author included) and comes back as it was; the cursor travels
 * between the two through the position mapping of the resolution.
 */
import type { Node } from 'prosemirror-model';
import { EditorState, Plugin, Selection, TextSelection, type Transaction } from 'prosemirror-state';
import type { Mapping } from 'prosemirror-transform';
import { numberingPlugin } from '../../shared/numbering/index.js';
import { resolveWithMapping, type Decision } from '../../shared/tracking/index.js';
import { listChanges, type TrackedChange } from '../../shared/tracking/index.js';
import { labelsPlugin } from './labels-plugin.js';
import { coverFurniturePlugin } from './cover-furniture.js';
import { viewTreeTrimming } from './compact-view.js';
import { bidiPlugin } from './bidi-plugin.js';

export type ReviewView = 'markup' | 'final' | 'original';

export const REVIEW_VIEWS: readonly ReviewView[] = ['markup', 'final', 'original'];

/** What the status bar and the view picker call each view. */
export const REVIEW_VIEW_NAMES: Record<ReviewView, string> = {
  markup: 'Markup',
  final: 'Final',
  original: 'Original',
};

/** The banner over a preview: what is shown, and how to get back to editing. */
export const REVIEW_VIEW_BANNERS: Record<Exclude<ReviewView, 'markup'>, string> = {
  final: 'Final view: the document as if every change were accepted. Read-only.',
  original: 'Original view: the document as if every change were rejected. Read-only.',
};

const DECISION: Record<'final' | 'original', Decision> = { final: 'accept', original: 'reject' };

/** Refuses every edit: a preview shows a computed document, and an edit there would be lost. */
const readOnly = new Plugin({ filterTransaction: (tr: Transaction) => !tr.docChanged });

export interface Preview {
  view: 'final' | 'original';
  state: EditorState;
  /** Positions of the markup document → positions of the previewed one. */
  mapping: Mapping;
  /** The preview's selection when it was shown: if it is still the same, the markup cursor stays. */
  initialSelection: Selection;
}

/** The read-only state of a preview of `markup`, its selection mapped from the markup cursor. */
export function previewState(markup: EditorState, view: 'final' | 'original'): Preview {
  const { doc, mapping } = resolveWithMapping(markup.doc, DECISION[view]);
  const selection = mappedSelection(doc, mapping.map(markup.selection.anchor, -1), mapping.map(markup.selection.head, -1));
  const state = EditorState.create({
    doc,
    selection,
    plugins: [numberingPlugin(), labelsPlugin(), bidiPlugin(), coverFurniturePlugin(), viewTreeTrimming(), readOnly],
  });
  return { view, state, mapping, initialSelection: state.selection };
}

/**
 * The markup state to go back to from a preview: as it was, unless the reader moved the cursor in
 * the preview — then the cursor goes to the same place in the markup (through the inverted mapping;
 * a place inside removed material maps to its edge).
 */
export function backToMarkup(markup: EditorState, preview: Preview, shown: EditorState): EditorState {
  if (shown.selection.eq(preview.initialSelection)) return markup;
  const back = preview.mapping.invert();
  const selection = mappedSelection(markup.doc, back.map(shown.selection.anchor, -1), back.map(shown.selection.head, -1));
  return markup.apply(markup.tr.setSelection(selection));
}

function mappedSelection(doc: Node, anchor: number, head: number): Selection {
  const clamp = (pos: number) => Math.max(0, Math.min(pos, doc.content.size));
  const $anchor = doc.resolve(clamp(anchor));
  const $head = doc.resolve(clamp(head));
  return $anchor.parent.inlineContent && $head.parent.inlineContent ? TextSelection.between($anchor, $head) : Selection.near($head);
}

// --- changes at the cursor ---------------------------------------------------------------------

/**
 * The changes a review command acts on: those touching a non-empty selection, or the one at the
 * cursor — the change the cursor stands in, or else one that ends or starts right at it (the cursor
 * just after typed text stands at the end of the insertion).
 */
export function changesAtSelection(changes: readonly TrackedChange[], from: number, to: number): TrackedChange[] {
  if (from < to) return changes.filter((c) => c.from < to && c.to > from);
  const inside = changes.find((c) => c.from < from && from < c.to);
  const edge = inside ?? changes.find((c) => c.to === from) ?? changes.find((c) => c.from === from);
  return edge ? [edge] : [];
}

/** The changes of `doc` a review command takes from a selection (see changesAtSelection). */
export function changeIdsAtSelection(doc: Node, from: number, to: number): string[] {
  return [...new Set(changesAtSelection(listChanges(doc), from, to).map((c) => c.id))];
}

/** A selection covering a change (its text, the blocks it covers, or the paragraph mark). */
export function selectionOfChange(doc: Node, change: Pick<TrackedChange, 'from' | 'to'>): Selection {
  const size = doc.content.size;
  const $from = doc.resolve(Math.min(change.from, size));
  const $to = doc.resolve(Math.min(change.to, size));
  return TextSelection.between($from, $to);
}
