/**
 * The document editor: one ProseMirror EditorView, mounted once. React never re-renders it; the
 * panels read a derived store (see ../store.ts) that the view's dispatch feeds.
 *
 * Plugins, in the order their keymaps are consulted: the footnote and format keys, the table keys
 * (Tab between cells), the structure keys of shared/editing (Enter makes the next item, Tab
 * demotes, Alt+Up moves…), history, search, prosemirror-tables' cell selection, then ProseMirror's
 * base keymap.
 */
import { translationStatusPlugin } from './translation-status.js';
import { messageOf } from '../../shared/errors/index.js';
import type { Node, ResolvedPos, Slice } from 'prosemirror-model';
import { EditorState, NodeSelection, type Command, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { closeHistory, history, isHistoryTransaction, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { gapCursor } from 'prosemirror-gapcursor';
import { dropCursor } from 'prosemirror-dropcursor';
import { search } from 'prosemirror-search';
import { schema } from '../../shared/schema/index.js';
import { keyBindings, type EditorKeyCommand, type KeyPlatform } from '../../shared/commands/index.js';
import {
  applyIfSaveable,
  documentEdgeKeymap,
  insertFootnote,
  itemKeyCommands,
  parsePastedText,
  replaceAcrossStructure,
  structureInputPlugin,
  sectionKindPlugin,
  tableKeymap,
  textKeymap,
  type TextImporter,
} from '../../shared/editing/index.js';
import { tableEditing } from 'prosemirror-tables';
import { toggleTracking, trackIfEnabled, trackingPlugin, UntrackableEditError } from '../../shared/tracking/index.js';
import { clipboardHtmlToText } from '../../shared/import/index.js';
import { clipboardParser, clipboardSerializer, drawStructureNodes, markViews } from './dom-specs.js';
import { FootnoteView } from './footnote-view.js';
import { labelsPlugin } from './labels-plugin.js';
import { viewTreeTrimming } from './compact-view.js';
import { bidiPlugin } from './bidi-plugin.js';
import { proposalsViewPlugin } from './proposals-view.js';
import { coverFurniturePlugin } from './cover-furniture.js';
import { activeSectionPlugin } from './active-section.js';
import { uniqueIdsPlugin } from '../../shared/model/index.js';
import { compositionGuard } from './composition-guard.js';
import { pasteLater, pendingPastesPlugin } from './paste-later.js';
import type { PasteReader } from './paste-reader.js';
import { numberingPlugin } from '../../shared/numbering/index.js';

/** Meta on a transaction made by a structure command: it is its own undo step, as in Word. */
const STRUCTURE_META = 'plenaryStructureEdit';

/** Structure commands get their own undo step: typing around them does not merge into them. */
function asUndoStep(command: Command): Command {
  return (state, dispatch) => command(state, dispatch ? (tr) => dispatch(closeHistory(tr).setMeta(STRUCTURE_META, true)) : undefined);
}

function textKeys(): Record<string, Command> {
  return asUndoStepKeys(textKeymap());
}

/** In a table, Tab and Shift+Tab go from cell to cell; Tab in the last cell adds a row (an undo step). */
function tableKeys(): Record<string, Command> {
  return asUndoStepKeys(tableKeymap());
}

function asUndoStepKeys(keymap: Record<string, Command>): Record<string, Command> {
  const keys: Record<string, Command> = {};
  for (const [key, command] of Object.entries(keymap)) keys[key] = asUndoStep(command);
  return keys;
}

/**
 * Inserts a footnote and selects it, which opens its text for typing (footnote-view.ts): the
 * anchor without text is never left behind unnoticed.
 */
export const insertFootnoteAndEdit: Command = (state, dispatch) =>
  insertFootnote()(
    state,
    dispatch
      ? (tr) => {
          const $after = tr.selection.$from;
          const footnote = $after.nodeBefore;
          if (footnote?.type.name === 'footnote') tr.setSelection(NodeSelection.create(tr.doc, $after.pos - footnote.nodeSize));
          dispatch(tr);
        }
      : undefined,
  );

/** The platform whose keys the page binds (Cmd on macOS, Ctrl elsewhere). */
export function keyPlatform(): KeyPlatform {
  return typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? 'mac' : 'other';
}

/** What each command the registry binds in the editor does there (its keys come from the registry). */
function editorKeyCommands(): Record<EditorKeyCommand, Command> {
  return {
    bold: toggleMark(schema.marks.strong!),
    italic: toggleMark(schema.marks.em!),
    undo,
    redo,
    'toggle-tracking': toggleTracking,
    'insert-footnote': asUndoStep(insertFootnoteAndEdit),
    demote: asUndoStep(itemKeyCommands.demote),
    promote: asUndoStep(itemKeyCommands.promote),
    'move-up': asUndoStep(itemKeyCommands['move-up']),
    'move-down': asUndoStep(itemKeyCommands['move-down']),
  };
}

export interface EditorPluginsOptions {
  author: string;
  tracking?: boolean;
}

export function editorPlugins(options: EditorPluginsOptions): Plugin[] {
  return [
    numberingPlugin(),
    labelsPlugin(),
    bidiPlugin(),
    proposalsViewPlugin(),
    coverFurniturePlugin(),
    activeSectionPlugin(),
    // Skips typing: only a transaction that inserts blocks or sets an id walks the document (mayIntroduceIds).
    uniqueIdsPlugin(),
    sectionKindPlugin(),
    // Typing or pasting over a selection across a section's edge keeps the structure, as Delete does.
    structureInputPlugin(),
    translationStatusPlugin(),
    // Tracking as the document says (its `trackChanges`, saved with it) unless told otherwise.
    trackingPlugin({ author: { name: options.author }, ...(options.tracking === undefined ? {} : { enabled: options.tracking }) }),
    compositionGuard(),
    pendingPastesPlugin(),
    // The page's view tree without spare room, trimmed when idle after a change (memory, see the module).
    viewTreeTrimming(),
    // Before the registry's keys: in a table, Tab moves between cells rather than demoting an item.
    keymap(tableKeys()),
    keymap(keyBindings(editorKeyCommands(), keyPlatform())),
    keymap(textKeys()),
    keymap(documentEdgeKeymap(keyPlatform() === 'mac')),
    // Typing within half a second, at adjacent places, is one undo step (prosemirror-history's grouping).
    history({ newGroupDelay: 500 }),
    search(),
    // Cell selection (drag across cells), arrows between cells, Backspace on selected cells.
    tableEditing(),
    keymap(baseKeymap),
    dropCursor(),
    gapCursor(),
  ];
}

export function createEditorState(doc: Node, options: EditorPluginsOptions): EditorState {
  return EditorState.create({ doc, plugins: editorPlugins(options) });
}

export interface MountOptions {
  state: EditorState;
  /** Called after every transaction was applied (the store and the session listen here). */
  onTransaction: (view: EditorView, tr: Transaction) => void;
  importText?: TextImporter;
  /** Told when an edit was refused (suggestion mode cannot track it); the document is unchanged. */
  onRefused?: (message: string) => void;
  /** Makes the editor read-only (no document, or a dialog over it). */
  editable?: () => boolean;
  /** Reads large pastes off the page's thread (./paste-reader.ts); without it every paste is read at once. */
  readPaste?: PasteReader;
  /** Tells the user something is under way; the function returned takes the notice away. */
  announce?: (text: string) => () => void;
}

/** True for HTML from outside this editor (Word, LibreOffice, a web page): it goes through the importer. */
function isForeignHtml(html: string): boolean {
  return !/data-pm-slice/.test(html);
}

/** What a Plenary dispatch needs of the thing holding the state: an EditorView, or a headless stand-in. */
export interface StateHolder {
  readonly state: EditorState;
  updateState(state: EditorState): void;
}

export interface DispatchOptions {
  /** Called after every transaction was applied, with the transaction as tracked. */
  onApplied(tr: Transaction): void;
  /** Told when an edit was refused (suggestion mode cannot track it); the document is unchanged. */
  onRefused?(message: string): void;
}

export type EditorApply = { ok: true; state: EditorState; tracked: Transaction } | { ok: false; message: string };

/**
 * What the editor does with every transaction (plenaryDispatch; the UI-level property test drives
 * it without a page): tracked when tracking is on, and refused — the state left as it was, with a
 * message for the user — when the tracker cannot express it or its result could not be saved.
 */
export function applyEditorTransaction(state: EditorState, tr: Transaction): EditorApply {
  let tracked: Transaction;
  try {
    tracked = trackIfEnabled(state, tr);
  } catch (error) {
    // The tracker refuses an edit it cannot express rather than let it through untracked: with its
    // own reason when it knows one (a table's columns), else as a failure to express this edit.
    if (error instanceof UntrackableEditError) return { ok: false, message: `This edit was not made: ${error.message}` };
    return {
      ok: false,
      message: `This edit cannot be tracked, so it was not made (${messageOf(error)}). Edit in smaller steps, or switch tracking off for it.`,
    };
  }
  // An edit whose result could not be saved is refused before anything changes (saveable.ts).
  const applied = applyIfSaveable(state, tracked);
  return applied.ok ? { ok: true, state: applied.state, tracked } : applied;
}

/**
 * The dispatch of a Plenary editor: structure commands are their own undo steps (and so is the
 * typing after them), every edit goes through the tracker when tracking is on, and an edit the
 * tracker cannot express is refused rather than let through untracked.
 */
export function plenaryDispatch(holder: StateHolder, options: DispatchOptions): (tr: Transaction) => void {
  let closeNextTyping = false;
  return (tr) => {
    // The first edit after a structure command starts a new undo step too.
    if (tr.getMeta(STRUCTURE_META)) closeNextTyping = true;
    else if (closeNextTyping && tr.docChanged && !isHistoryTransaction(tr)) {
      closeHistory(tr);
      closeNextTyping = false;
    }
    const applied = applyEditorTransaction(holder.state, tr);
    if (!applied.ok) {
      // The document stays as it was (ProseMirror redraws over what the browser typed), and the
      // user is told why.
      holder.updateState(holder.state);
      options.onRefused?.(applied.message);
      return;
    }
    holder.updateState(applied.state);
    options.onApplied(applied.tracked);
  };
}

export function mountEditor(place: HTMLElement, options: MountOptions): EditorView {
  const marks = markViews(schema);
  drawStructureNodes(schema);
  const nodeViews = {
    footnote: (node: Node, view: EditorView, getPos: () => number | undefined) => new FootnoteView(node, view, getPos, marks),
  };
  const importText = options.importText;
  const view: EditorView = new EditorView(place, {
    state: options.state,
    nodeViews,
    markViews: marks,
    clipboardSerializer: clipboardSerializer(schema),
    clipboardParser: clipboardParser(schema),
    attributes: { class: 'pl-page-body', spellcheck: 'true', 'aria-label': 'Document' },
    editable: options.editable ?? (() => true),
    clipboardTextParser: importText
      ? (text: string, $context: ResolvedPos): Slice => parsePastedText(text, $context, schema, importText)
      : undefined,
    handlePaste: (pasteView, event) => {
      // Word's HTML becomes text in the fixture conventions, then structure through the importer.
      const html = event.clipboardData?.getData('text/html');
      if (!importText || !html || !isForeignHtml(html)) return false;
      const text = clipboardHtmlToText(html);
      if (!text.trim()) return false;
      const slice = parsePastedText(text, pasteView.state.selection.$from, schema, importText);
      const paste = (tr: Transaction) => tr.replaceSelection(slice).setMeta('uiEvent', 'paste');
      pasteView.dispatch(replaceAcrossStructure(pasteView.state, paste) ?? paste(pasteView.state.tr).scrollIntoView());
      return true;
    },
    handleDOMEvents: {
      paste: (pasteView, event) =>
        options.readPaste
          ? pasteLater(pasteView, event, {
              reader: options.readPaste,
              refuse: (message) => options.onRefused?.(message),
              ...(options.announce ? { announce: options.announce } : {}),
            })
          : false,
    },
    dispatchTransaction: (tr) => dispatch(tr),
  });
  const dispatch = plenaryDispatch(view, {
    onApplied: (tr) => options.onTransaction(view, tr),
    ...(options.onRefused ? { onRefused: options.onRefused } : {}),
  });
  return view;
}
