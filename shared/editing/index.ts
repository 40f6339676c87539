/**
 * Structure-aware editing: pure ProseMirror commands over the Plenary schema (no DOM), and the
 * keymap the renderer puts in front of the base keymap.
 *
 * What the keys do (each module says why):
 * - Enter (enter.ts): end of an item → new item after it; end of an item's text right above its
 *   sub-list → new first sub-item; elsewhere in the text → split, the rest going to the new item;
 *   inside a continuation → a new continuation; end of a keyword line → into the first item.
 *   In an empty item: a sub-item is promoted; a section's last item starts a new section (cursor
 *   on its keyword line, its kind following the keyword typed: sectionKindPlugin); an item between
 *   others becomes a continuation of the previous one; a section's first item stays; in a body or
 *   annex list the item becomes a paragraph; right after an item struck out with tracking, it stays.
 *   In an item struck out with tracking: a new item after it (never a split born deleted).
 * - Shift-Enter: a continuation paragraph inside the item.
 * - Tab / Shift-Tab (indent.ts): demote into the previous item (new sub-list in the style the
 *   document uses at that depth) / promote out of the sub-list, the text keeping its order.
 * - Backspace / Delete (join.ts): join with the paragraph before / after on the page, never across
 *   the edge of a section's list. A selection across the edge of a section, resolution, annex or
 *   the cover is deleted as selected, without merging the two ends (delete-across.ts).
 * - Alt-Up / Alt-Down (move.ts): move the item with its children past its sibling.
 * - Ctrl-Home / Ctrl-End (document-edges.ts): to either end of the document, by the editor.
 * - In the cover (cover.ts): Enter and Tab to the next field, Shift-Tab to the previous one; a
 *   field never splits or merges.
 * Every command builds ordinary Replace/ReplaceAround steps (plus attribute steps for ids and
 * styles), so shared/tracking can track it, and gives every new block a fresh id.
 */
import { chainCommands } from 'prosemirror-commands';
import { EditorState, Selection } from 'prosemirror-state';
import { inItemTextblock, itemAt, type Command } from './context.js';
import { enterFromKeyword, insertContinuation, splitItem } from './enter.js';
import { demoteItem, promoteItem } from './indent.js';
import { joinItemForward, mergeItemBackward } from './join.js';
import { moveItemDown, moveItemUp } from './move.js';
import { keyBindings, type EditorKeyCommand } from '../commands/index.js';
import { coverKeymap } from './cover.js';
import { deleteAcrossStructure } from './delete-across.js';

/**
 * Inside an item, Tab and Shift-Tab belong to the document even when nothing can be demoted or
 * promoted: they must not move the focus out of the editor.
 */
function claimInItem(command: Command): Command {
  return (state, dispatch) => command(state, dispatch) || itemAt(state.selection.$from) !== null;
}

/**
 * Runs `command` in an item's paragraph. A selection across paragraphs is deleted first, as a
 * word processor does before Enter, and the command acts where the deletion left the cursor;
 * both go in one transaction (one undo step).
 */
function inItemAfterDeletingSelection(command: Command): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    if (!inItemTextblock($from)) return false;
    if ($from.sameParent($to)) return command(state, dispatch);
    const tr = state.tr.deleteSelection();
    const deleted = EditorState.create({ doc: tr.doc, selection: tr.selection });
    if (!inItemTextblock(deleted.selection.$from)) return false;
    return command(deleted, (next) => {
      for (const step of next.steps) tr.step(step);
      tr.setSelection(Selection.fromJSON(tr.doc, next.selection.toJSON()));
      if (dispatch) dispatch(tr);
    });
  };
}

/**
 * The commands behind the item keys, as the keys run them (Tab and Shift-Tab claim the key inside
 * an item). Which keys: the command registry says (shared/commands).
 */
export const itemKeyCommands = {
  demote: claimInItem(demoteItem),
  promote: claimInItem(promoteItem),
  'move-up': moveItemUp,
  'move-down': moveItemDown,
} satisfies Partial<Record<EditorKeyCommand, Command>>;

/**
 * The keys of text editing inside the structure: Enter, Shift-Enter, Backspace, Delete, and the
 * cover's Tab and Shift-Tab (cover.ts: its fields behave as a form). Consult it after the item keys:
 * they claim Tab and Shift-Tab only inside an item, the cover's only inside the cover.
 */
export function textKeymap(): Record<string, Command> {
  const cover = coverKeymap();
  return {
    Enter: chainCommands(cover.Enter!, inItemAfterDeletingSelection(splitItem), enterFromKeyword),
    'Shift-Enter': chainCommands(cover.Enter!, inItemAfterDeletingSelection(insertContinuation)),
    Tab: cover.Tab!,
    'Shift-Tab': cover['Shift-Tab']!,
    Backspace: chainCommands(cover.Backspace!, deleteAcrossStructure, mergeItemBackward),
    Delete: chainCommands(cover.Delete!, deleteAcrossStructure, joinItemForward),
  };
}

/** The structure keys (item keys first, then text keys); put this keymap before prosemirror-commands' baseKeymap. */
export function structureKeymap(): Record<string, Command> {
  const keys = textKeymap();
  for (const [key, command] of Object.entries(keyBindings(itemKeyCommands, 'other'))) {
    const text = keys[key];
    keys[key] = text ? chainCommands(command, text) : command;
  }
  return keys;
}

// The module's API: what the rest of Plenary imports from shared/editing.
export { documentEdgeKeymap } from './document-edges.js';
export { demoteItem, promoteItem } from './indent.js';
export { insertAnnex, insertFootnote, insertItemAfter, insertSection } from './insert.js';
export { moveItemDown, moveItemUp } from './move.js';
export {
  parsePastedText,
  pasteContext,
  pastedSlice,
  readPastedItems,
  type PasteContext,
  type PastedItems,
  type TextImporter,
} from './paste.js';
export { sectionKindPlugin } from './section-kind.js';
export { coverFieldAt, nextCoverField, previousCoverField } from './cover.js';
export { replaceAcrossStructure, replaceRangeKeepingStructure, structureInputPlugin } from './delete-across.js';
export { applyIfSaveable, typingOnly, type GuardedApply } from './saveable.js';
export {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  columnEditsRefused,
  deleteColumn,
  deleteRow,
  emptyTable,
  insertTable,
  isInTable,
  tableKeymap,
} from './table.js';
