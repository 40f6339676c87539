/**
 * Two language versions side by side (View → Language Versions…): which source unit each target
 * unit translates, the translator's commands on statuses (mark translated or checked, go to the
 * next unit left to translate), and the source read again: a unit marked translated or checked
 * whose source now reads otherwise goes back to "changed in source", the text it was translated
 * from kept as `previous` so that the new difference can be shown.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { alignVersions } from '../align/index.js';
import { ownText } from './own-text.js';
import { UNTRACKED_META } from '../tracking/index.js';
import { isOutstanding, isTranslationUnit, translationOf, type TranslationState, type TranslationStatus } from './status.js';

export interface Unit {
  node: Node;
  pos: number;
}

/** Every unit of the document, in order: items and the lines outside items. */
export function unitsOf(doc: Node): Unit[] {
  const units: Unit[] = [];
  doc.descendants((node, pos, parent) => {
    if (isTranslationUnit(node, parent)) units.push({ node, pos });
    return !node.isTextblock;
  });
  return units;
}

/** The unit holding `$pos`: the innermost item, or the line itself outside items. */
export function unitAt($pos: ResolvedPos): Unit | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (isTranslationUnit(node, $pos.node(depth - 1))) return { node, pos: $pos.before(depth) };
  }
  return null;
}

/** Every block of the document by its id (references excepted: their id is not a block's). */
export function blocksById(doc: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  doc.descendants((node) => {
    const id = node.attrs.id as unknown;
    if (typeof id === 'string' && node.type.name !== 'cross_reference') map.set(id, node);
    return true;
  });
  return map;
}

/**
 * Target unit id → the source unit it translates: the one its status names when the source still
 * has it (a `.plenary` source keeps its ids), otherwise its counterpart by alignment of the two
 * marked texts (a source read again from Word or text has new ids).
 */
export function sourceUnits(source: Node, target: Node): Map<string, Node> {
  const sourceById = blocksById(source);
  const out = new Map<string, Node>();
  let aligned: ReadonlyMap<string, string> | null = null;
  for (const { node } of unitsOf(target)) {
    const id = node.attrs.id as string;
    const named = translationOf(node)?.sourceId;
    let found = named ? sourceById.get(named) : undefined;
    // Only a unit that names a source unit the source no longer has is looked for by alignment
    // (the whole text aligned once): the target's own units (no status) have no source.
    if (!found && named) {
      // As both read marked: an item the proposal inserts is in neither original text.
      aligned ??= reversed(alignVersions(source, target).counterparts);
      const counterpart = aligned.get(id);
      found = counterpart ? sourceById.get(counterpart) : undefined;
    }
    if (found) out.set(id, found);
  }
  return out;
}

function reversed(map: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...map].map(([a, b]) => [b, a]));
}

/**
 * The source read (again): each unit's status measured against it. Translated or checked units
 * whose source reads otherwise become "changed in source" (stale); units still to translate just
 * take the new text. Null when nothing changes. Not a tracked change, and one undoable step.
 */
export function refreshFromSource(state: EditorState, source: Node): Transaction | null {
  const sources = sourceUnits(source, state.doc);
  const tr = state.tr;
  for (const { node, pos } of unitsOf(state.doc)) {
    const current = translationOf(node);
    const sourceNode = sources.get(node.attrs.id as string);
    if (!current || !sourceNode) continue;
    const text = ownText(sourceNode, source, true);
    if (text === current.source) continue;
    const stale = current.status === 'translated' || current.status === 'checked';
    const next: TranslationState = stale
      ? { status: 'changed-in-source', sourceId: sourceNode.attrs.id as string, source: text, previous: current.previous ?? current.source }
      : { ...current, sourceId: sourceNode.attrs.id as string, source: text };
    tr.setNodeAttribute(pos, 'translation', next);
  }
  return tr.docChanged ? tr.setMeta(UNTRACKED_META, true) : null;
}

/** Sets the status of the unit at the cursor (translated, checked…); the source it was measured against stays. */
export function setUnitStatus(status: TranslationStatus): Command {
  return (state, dispatch) => {
    const unit = unitAt(state.selection.$from);
    const current = unit ? translationOf(unit.node) : null;
    if (!unit || !current) return false;
    if (dispatch) {
      const { previous: _previous, ...rest } = current;
      // A translation made after the change: the change is translated, the old text forgotten.
      dispatch(state.tr.setNodeAttribute(unit.pos, 'translation', { ...rest, status }).setMeta(UNTRACKED_META, true));
    }
    return true;
  };
}

/** The next unit left to translate after the cursor (from the start after the last), or null. */
export function nextOutstanding(doc: Node, after: number): Unit | null {
  const outstanding = unitsOf(doc).filter(({ node }) => isOutstanding(translationOf(node)));
  return outstanding.find(({ pos }) => pos > after) ?? outstanding[0] ?? null;
}

/** Moves the cursor to the end of the text of the next unit left to translate. */
export const goToNextOutstanding: Command = (state, dispatch) => {
  const unit = nextOutstanding(state.doc, unitAt(state.selection.$from)?.pos ?? state.selection.from);
  if (!unit) return false;
  const textblock = unit.node.isTextblock ? unit.pos : unit.pos + 1;
  const end = textblock + state.doc.nodeAt(textblock)!.nodeSize - 1;
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, end)).scrollIntoView());
  return true;
};
