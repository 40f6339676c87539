/**
 * Suggestion mode: turning an ordinary edit into a tracked one.
 *
 * `trackTransaction` takes the transaction an editor command built (typing, Backspace, Enter, paste,
 * lift/sink…) and returns the tracked equivalent on the same state:
 * - removed content stays, marked deleted (text: deletion mark; whole blocks: `change`; a crossed
 *   paragraph boundary: the first textblock's `paragraphMark`), except the author's own pending
 *   insertions, which go for real;
 * - inserted content is marked inserted (text: insertion mark, merged with the author's adjacent
 *   insertion; whole blocks: `change`; a split: the head textblock's `paragraphMark`), placed after
 *   the deleted range and never inside another deletion run (it would resurrect it).
 * A single ReplaceStep whose shape the marks can express is tracked as is (that is every keystroke;
 * the id steps the editor's commands add do not count); a paragraph join is recognised whatever
 * steps wrote it; anything else is tracked from the difference between the old and the new
 * document, block by block (blocks matched by id stay, only what changed in them is tracked:
 * block-diff.ts), or failing that as whole blocks deleted and re-inserted at the smallest level
 * where the schema allows it. An edit that cannot be tracked throws instead of slipping through
 * untracked: an edit Word's revisions cannot express (a table's columns: untrackable.ts) with a
 * message for the user.
 *
 * Typing and deleting inside a paragraph cost what the edit touches, never a walk over the whole
 * document (the 1,000-item documents of the benchmark).
 *
 * The marking primitives live in marking.ts, the difference fallback in track-difference.ts, and
 * the final text of copied content (paste, moves) in final-content.ts.
 */
import { Slice, type Node } from 'prosemirror-model';
import { NodeSelection, Selection, type EditorState, type Transaction } from 'prosemirror-state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceStep,
  type Step,
} from 'prosemirror-transform';
import { mayIntroduceIds, withFreshIds as freshIdsWhereWritten, writtenRanges } from '../model/index.js';
import { forgetStrayCopies } from './moves.js';
import { TRACKED_META, TrackContext, expressibleAsMarks, trackReplace, type Range, type TrackingAuthor } from './marking.js';
import { trackDifference } from './track-difference.js';
import { trackLeavingOwnItem } from './leave-list.js';
import { refuseKeywordlessSection, refuseUntrackable } from './untrackable.js';

const defaultNow = (): string => new Date().toISOString();

/** Steps that change only formatting or attributes: passed through untracked (see the module comment). */
function isFormattingStep(step: Step): boolean {
  return (
    step instanceof AddMarkStep ||
    step instanceof RemoveMarkStep ||
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep ||
    step instanceof AttrStep ||
    step instanceof DocAttrStep
  );
}

/** The tracked equivalent of `tr`, a transaction built on `state`. */
export function trackTransaction(tr: Transaction, state: EditorState, author: TrackingAuthor, now: () => string = defaultNow): Transaction {
  if (!tr.docChanged) return tr;
  refuseUntrackable(tr);
  const out = state.tr;
  copyMeta(tr, out);
  if (tr.steps.every(isFormattingStep)) {
    for (const step of tr.steps) out.step(step);
    out.setSelection(tr.selection.map(out.doc, out.mapping.slice(out.mapping.maps.length)));
    return out.setMeta(TRACKED_META, true);
  }
  const ctx = new TrackContext(author.name, now());
  // The editor's commands give the blocks they create fresh ids in steps of their own; the tracker
  // makes ids unique itself, so those steps do not make an edit any less a single replace (an
  // Enter that splits an item is a paragraph mark inserted, not the item deleted and re-inserted).
  const edits = tr.steps.filter((step) => !(step instanceof AttrStep && step.attr === 'id'));
  const only = edits.length === 1 ? edits[0] : undefined;
  // Typing and deleting inside one paragraph (every keystroke) is never a join: skip the check.
  const withinParagraph = only instanceof ReplaceStep && state.doc.resolve(only.from).sameParent(state.doc.resolve(only.to));
  const join = withinParagraph ? null : joinOf(state.doc, tr.doc);
  if (join) {
    trackReplace(out, ctx, join.from, join.to, Slice.empty, false);
  } else if (only instanceof ReplaceStep && expressibleAsMarks(state.doc, only.from, only.to, only.slice)) {
    const forward = state.selection.empty && state.selection.from === only.from && only.slice.size === 0;
    trackReplace(out, ctx, only.from, only.to, only.slice, forward, tr.selection.head - only.from);
  } else if (!trackLeavingOwnItem(out, ctx, state, tr)) {
    trackDifference(out, ctx, tr.doc, tr.selection.head, false, tr.mapping.invert().map(tr.selection.head, -1));
  }
  uniqueIdsIn(out);
  // Typing inside an item cannot touch a keyword: the check (a walk over the sections) is skipped.
  // The edit as made (before tracking) says which section it empties, whatever blocks the tracker
  // then marks.
  if (!withinParagraph || state.doc.resolve(only.from).parent.type.name === 'section_keyword') refuseKeywordlessSection(state.doc, tr.doc);
  keepNodeSelection(tr, out);
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  return out.setMeta(TRACKED_META, true);
}

/**
 * Gives the blocks the tracked edit wrote a fresh id where they copy one (a split, a paste). Only
 * a step that inserts blocks or sets an id can do that: a keystroke skips the walk over the whole
 * document, so typing costs what the edit touches, not what the document holds.
 */
export function uniqueIdsIn(out: Transaction): void {
  if (mayIntroduceIds(out)) freshIdsWhereWritten(out, writtenRanges([out]));
  forgetStrayCopies(out);
}

/**
 * A command that leaves a node selected keeps it selected once tracked: + Note selects the new
 * footnote, which opens its editor, and an edit inside a footnote keeps it selected, which keeps
 * its editor open (renderer/editor/footnote-view.ts). The tracked edit places things differently
 * (deleted text stays), so the node is found again by position, or else by its id.
 */
function keepNodeSelection(tr: Transaction, out: Transaction): void {
  const selected = tr.selection;
  if (!(selected instanceof NodeSelection)) return;
  const id = selected.node.attrs.id as unknown;
  if (typeof id !== 'string' || !id) return;
  // Where the node went: its range mapped back to the old document and forward through the tracked
  // edit, which may keep deleted text beside it (a new node may have been given a fresh id there:
  // within that range the node type finds it, else the id does).
  const back = tr.mapping.invert();
  const lo = Math.max(0, Math.min(out.mapping.map(back.map(selected.from, -1), -1), out.doc.content.size));
  const hi = Math.max(lo, Math.min(out.mapping.map(back.map(selected.to, 1), 1), out.doc.content.size));
  let found = -1;
  out.doc.nodesBetween(lo, hi, (node, pos) => {
    if (found < 0 && node.type === selected.node.type && pos >= lo && pos + node.nodeSize <= hi) found = pos;
    return found < 0;
  });
  if (found < 0) {
    out.doc.descendants((node, pos) => {
      if (found >= 0) return false;
      if (node.attrs.id === id && node.type === selected.node.type) found = pos;
      return found < 0;
    });
  }
  // A node the tracked edit re-inserted as a copy (the blocks around it deleted and inserted
  // again: + Note over a selection across paragraphs) has a fresh id: the same node in what the
  // tracked edit wrote.
  if (found < 0) {
    for (const [from, to] of writtenRanges([out])) {
      out.doc.nodesBetween(from, to, (node, pos) => {
        if (found < 0 && pos >= from && node.type === selected.node.type && node.content.eq(selected.node.content)) found = pos;
        return found < 0;
      });
      if (found >= 0) break;
    }
  }
  if (found >= 0) out.setSelection(NodeSelection.create(out.doc, found));
}

function copyMeta(from: Transaction, to: Transaction): void {
  // Transaction keeps its metadata in a private record; the keys (uiEvent, paste, addToHistory,
  // composition…) matter to the view and to history, so they travel with the tracked version.
  const meta = (from as unknown as { meta?: Record<string, unknown> }).meta;
  if (meta) for (const key of Object.keys(meta)) to.setMeta(key, meta[key]);
}

/**
 * A paragraph join (Backspace at the start of a paragraph, Delete at the end of one), whatever
 * steps ProseMirror wrote it with (across depths it re-places the second paragraph's text, or
 * wraps the rest around it): returned as the boundary it removes, [end of the first paragraph,
 * start of the next), which is how the tracker records a join. Null when `result` is not `doc`
 * with two adjacent paragraphs joined and nothing else changed in the text.
 */
function joinOf(doc: Node, result: Node): Range | null {
  const start = doc.content.findDiffStart(result.content);
  if (start === null) return null;
  const $from = doc.resolve(start);
  if (!$from.parent.isTextblock || start !== $from.end() || $from.after() > doc.content.size) return null;
  const next = Selection.findFrom(doc.resolve($from.after()), 1, true);
  if (!next || !next.$from.parent.isTextblock || next.from !== next.$from.start()) return null;
  const joined = result.resolve(start).parent;
  if (!joined.isTextblock || !joined.content.eq($from.parent.content.append(next.$from.parent.content))) return null;
  if (doc.textContent !== result.textContent) return null;
  return { from: start, to: next.from };
}
