/**
 * Deleting a selection that crosses the edge of a section, a resolution, an annex or the cover
 * (Home, Ctrl+Shift+Down on a section's last item reaches into the next section's keyword line).
 *
 * ProseMirror's deleteSelection joins the two ends of such a range into one paragraph, and to fit
 * the schema it rebuilds what lies after: the next section is re-placed whole, which suggestion mode
 * can only record as that section deleted and re-inserted — dozens of changes for one Delete, and
 * not what the user selected. Here the range is deleted as the user sees it: the selected text in
 * each paragraph, and every block the selection covers whole (an item, a section) removed whole
 * where its container allows it; the paragraphs at the two ends stay where they are (a section's
 * keyword line does not merge into the previous section's last item). Tracked, that is the selected
 * text struck through and the covered blocks marked deleted, nothing else.
 *
 * Typing or pasting over such a selection is the same deletion followed by what was typed, put
 * where the selection started (structureInputPlugin, tracking on or off): ProseMirror's own replace
 * would merge the two ends as above.
 */
import type { Node, ResolvedPos, Slice } from 'prosemirror-model';
import { Plugin, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Command } from './context.js';

const CONTAINERS = new Set(['section', 'resolution', 'annex', 'cover']);

/** Position before the innermost section, resolution, annex or cover around `$pos`; -1 for the body. */
function containerOf($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) if (CONTAINERS.has($pos.node(depth).type.name)) return $pos.before(depth);
  return -1;
}

/** First and last text positions inside `node` at `pos` (its first and last textblock's content). */
function textExtent(node: Node, pos: number): { start: number; end: number } {
  let start = -1;
  let end = -1;
  node.descendants((child, offset) => {
    if (!child.isTextblock) return true;
    const at = pos + 1 + offset + 1;
    if (start < 0) start = at;
    end = at + child.content.size;
    return false;
  });
  if (node.isTextblock) return { start: pos + 1, end: pos + 1 + node.content.size };
  return { start, end };
}

type Removal = { from: number; to: number };

/**
 * What deleting [from, to] removes: whole blocks where they may go, else the text in the range.
 * `keep`, a position whose blocks stay (their text in the range goes): where typed text goes.
 */
function removals(doc: Node, from: number, to: number, keep = -1): Removal[] {
  const out: Removal[] = [];
  const visit = (parent: Node, parentPos: number) => {
    const contentStart = parentPos + 1;
    parent.forEach((child, offset, index) => {
      const pos = contentStart + offset;
      const end = pos + child.nodeSize;
      if (end <= from || pos >= to) return;
      const kept = pos < keep && keep < end;
      if (child.isTextblock) {
        const { start, end: textEnd } = textExtent(child, pos);
        const whole = from <= start && to >= textEnd && !kept;
        if (whole && parent.canReplace(index, index + 1)) out.push({ from: pos, to: end });
        else if (Math.max(from, start) < Math.min(to, textEnd)) out.push({ from: Math.max(from, start), to: Math.min(to, textEnd) });
        return;
      }
      if (child.isLeaf || child.isInline) return;
      const extent = textExtent(child, pos);
      const whole = extent.start >= 0 && from <= extent.start && to >= extent.end && !kept;
      if (whole && parent.canReplace(index, index + 1)) out.push({ from: pos, to: end });
      else visit(child, pos);
    });
  };
  visit(doc, -1);
  return out;
}

/** Whether deleting the selection [from, to] crosses the edge of a section, resolution, annex or cover. */
export function crossesContainer(doc: Node, from: number, to: number): boolean {
  return containerOf(doc.resolve(from)) !== containerOf(doc.resolve(to));
}

/**
 * The deletion of [from, to] as described in the header; the caret where the range started. With
 * `keepStart`, the paragraph where the range starts stays even when the range covers it whole:
 * what is typed over the selection goes there, not into the next paragraph (a keyword line).
 */
export function deleteRangeKeepingStructure(tr: Transaction, from: number, to: number, keepStart = false): Transaction {
  const pieces = removals(tr.doc, from, to, keepStart ? from : -1);
  for (let i = pieces.length - 1; i >= 0; i--) tr.delete(pieces[i]!.from, pieces[i]!.to);
  const caret = tr.mapping.map(from, -1);
  return tr.setSelection(TextSelection.near(tr.doc.resolve(caret), 1));
}

/** Backspace or Delete on a selection that crosses a structure edge (see the header). */
export const deleteAcrossStructure: Command = (state, dispatch) => {
  const { from, to, empty } = state.selection;
  if (empty || !(state.selection instanceof TextSelection) || !crossesContainer(state.doc, from, to)) return false;
  if (dispatch) dispatch(deleteRangeKeepingStructure(state.tr, from, to).scrollIntoView());
  return true;
};

/**
 * The selection replaced by `insert` (a key typed, text pasted) when it crosses a structure edge:
 * the structure-keeping deletion, then the new content at the caret it leaves, in one transaction
 * (one undo step). Null when the selection crosses no edge (ProseMirror's own replace is right).
 */
export function replaceAcrossStructure(state: EditorState, insert: (tr: Transaction) => void): Transaction | null {
  const { from, to, empty } = state.selection;
  if (empty || !(state.selection instanceof TextSelection) || !crossesContainer(state.doc, from, to)) return null;
  const tr = deleteRangeKeepingStructure(state.tr, from, to, true);
  insert(tr);
  return tr.scrollIntoView();
}

/**
 * `tr` with [from, to] replaced by `slice` (a paste that lands later, read in a worker): across a
 * structure edge, the structure-keeping deletion and the slice where the range started, as typing
 * over it does; elsewhere ProseMirror's own replace.
 */
export function replaceRangeKeepingStructure(tr: Transaction, from: number, to: number, slice: Slice): Transaction {
  if (from >= to || !crossesContainer(tr.doc, from, to)) return tr.replaceRange(from, to, slice);
  deleteRangeKeepingStructure(tr, from, to, true);
  const caret = tr.selection.from;
  return tr.replaceRange(caret, caret, slice);
}

/**
 * Typing or pasting over a selection across a structure edge, as the view's input handlers: the
 * same deletion as Delete (above), then the text or the pasted content where the selection started.
 */
export function structureInputPlugin(): Plugin {
  return new Plugin({
    props: {
      handleTextInput(view, from, to, text) {
        const state = view.state;
        if (state.selection.from !== from || state.selection.to !== to) return false;
        const tr = replaceAcrossStructure(state, (t) => t.insertText(text));
        if (tr) view.dispatch(tr);
        return tr !== null;
      },
      handlePaste(view, _event, slice) {
        const tr = replaceAcrossStructure(view.state, (t) => t.replaceSelection(slice).setMeta('uiEvent', 'paste'));
        if (tr) view.dispatch(tr);
        return tr !== null;
      },
    },
  });
}
