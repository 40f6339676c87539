/**
 * The window: toolbar, outline, the page (the ProseMirror view, mounted once in a ref), footnotes,
 * status bar, find bar and dialogs. React renders the panels from the derived store; it never
 * touches the document's DOM.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import { NodeSelection, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { closeHistory, redo, undo } from 'prosemirror-history';
import type { MenuCommand, OpenOutcome, PlenaryApi, RecoverySnapshot } from '../shared/ipc/index.js';
import { isLanguageCode, type LanguageCode } from '../shared/languages/index.js';
import type { SectionKind } from '../shared/schema/index.js';
import { demoteItem, insertAnnex, insertItemAfter, insertSection, moveItemDown, moveItemUp, promoteItem, type TextImporter } from '../shared/editing/index.js';
import { setTrackingScope, toggleTracking, trackingKey, trackingScopeOf, type TrackingMeta } from '../shared/tracking/index.js';
import { listChanges, nextChange, previousChange, reviewChanges, type ChangeSelection } from '../shared/tracking/index.js';
import type { Decision } from '../shared/tracking/index.js';
import { insertReference } from '../shared/numbering/index.js';
import { centerOn } from './editor/center-on.js';
import { createEditorState, insertFootnoteAndEdit, mountEditor } from './editor/create-editor.js';
import {
  REVIEW_VIEW_BANNERS,
  backToMarkup,
  changeIdsAtSelection,
  previewState,
  selectionOfChange,
  type Preview,
  type ReviewView,
} from './editor/review-view.js';
import { compareWithVersion, newResolution, newRevision, startRevising } from './new-document.js';
import type { FootnoteEntry, OutlineEntry } from './outline.js';
import { Session, messageOf, type SessionInfo } from './session.js';
import { EditorStore, useEditorSnapshot } from './store.js';
import { Toolbar, type ToolbarCommand } from './panels/Toolbar.js';
import { Outline } from './panels/Outline.js';
import { StatusBar } from './panels/StatusBar.js';
import { Footnotes } from './panels/Footnotes.js';
import { Checks } from './panels/Checks.js';
import { checkDocument } from '../shared/check/index.js';
import type { Finding } from '../shared/check/index.js';
import { FindBar } from './panels/FindBar.js';
import { FilePicker, Messages, RecoveryDialog, type Message } from './panels/Dialogs.js';
import { Changes } from './panels/Changes.js';
import type { ChangeRow } from './panels/change-rows.js';
import { AuthorDialog, isUnsetAuthor } from './panels/AuthorDialog.js';
import type { PickRequest } from './host-api.js';

/** Lets the HTTP API (created before React) show the in-page picker that App renders. */
export class PickerBridge {
  private show: ((request: PickRequest) => Promise<string | null>) | null = null;
  attach(show: (request: PickRequest) => Promise<string | null>): void {
    this.show = show;
  }
  pick(request: PickRequest): Promise<string | null> {
    return this.show ? this.show(request) : Promise.resolve(null);
  }
}

export type AppCommand = MenuCommand | ToolbarCommand;

const STRUCTURE_COMMANDS: Partial<Record<AppCommand, Command>> = {
  'insert-item': insertItemAfter,
  'insert-footnote': insertFootnoteAndEdit,
  'insert-annex': insertAnnex,
  demote: demoteItem,
  promote: promoteItem,
  'move-up': moveItemUp,
  'move-down': moveItemDown,
};

/**
 * Commands that edit or move through the markup: from a Final or Original preview they first go
 * back to the Markup view (where the cursor is), then run.
 */
const MARKUP_COMMANDS: ReadonlySet<AppCommand> = new Set<AppCommand>([
  ...(Object.keys(STRUCTURE_COMMANDS) as AppCommand[]),
  'undo',
  'redo',
  'toggle-tracking',
  'toggle-tracking-scope',
  'find',
  'replace',
  'next-change',
  'previous-change',
  'accept-change',
  'reject-change',
  'accept-all-changes',
  'reject-all-changes',
]);

/** Shortcuts the page binds itself in a browser (the native menu binds them in Electron). */
function reviewShortcut(event: KeyboardEvent): AppCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey && !mod && !event.shiftKey) {
    if (event.key === 'PageDown') return 'next-change';
    if (event.key === 'PageUp') return 'previous-change';
  }
  // The physical key: Alt+Shift+A is "Å" on a Mac keyboard.
  if (event.altKey && event.shiftKey && !mod) {
    if (event.code === 'KeyA') return 'accept-change';
    if (event.code === 'KeyR') return 'reject-change';
  }
  if (mod && event.shiftKey && !event.altKey && event.code === 'KeyR') return 'toggle-changes';
  return null;
}

function findNodeById(doc: Node, id: string): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.attrs.id === id) {
      found = { node, pos };
      return false;
    }
    return true;
  });
  return found;
}

export interface AppProps {
  api: PlenaryApi;
  picker: PickerBridge;
  /** In a browser (plenary serve) the page handles Ctrl+S & co.; in Electron the native menu does. */
  browserHost: boolean;
  importText?: TextImporter;
  /** Hands the editor view to an embedder (the latency benchmark places the caret with it). */
  onEditorView?: (view: EditorView) => void;
}

let messageCounter = 0;

export function App(props: AppProps) {
  const { api, picker, browserHost, importText, onEditorView } = props;
  const store = useMemo(() => new EditorStore(), []);
  const snapshot = useEditorSnapshot(store);
  const place = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const authorRef = useRef('Anonymous');
  const [view, setView] = useState<EditorView | null>(null);
  const [info, setInfo] = useState<SessionInfo>({ fileId: null, name: null, imported: false, dirty: false, recoveredAt: null });
  const [messages, setMessages] = useState<Message[]>([]);
  const [find, setFind] = useState<'find' | 'replace' | null>(null);
  const [outlineVisible, setOutlineVisible] = useState(true);
  const [checks, setChecks] = useState<Finding[] | null>(null);
  const [recovery, setRecovery] = useState<RecoverySnapshot[]>([]);
  const [pick, setPick] = useState<{ request: PickRequest; resolve(name: string | null): void } | null>(null);
  const [ready, setReady] = useState(false);
  const [changesVisible, setChangesVisible] = useState(false);
  const [changesAuthor, setChangesAuthor] = useState<string | null>(null);
  const [reviewView, setReviewView] = useState<ReviewView>('markup');
  /** While Final or Original is shown: the preview, and the markup state kept aside for the return. */
  const previewRef = useRef<{ preview: Preview; markup: EditorState } | null>(null);
  /** Whether the settings hold a real author name; if not, switching tracking on asks for one, once. */
  const authorKnownRef = useRef(false);
  const authorAskedRef = useRef(false);
  const [authorPrompt, setAuthorPrompt] = useState<{ firstTime: boolean } | null>(null);

  const say = useCallback((kind: Message['kind'], text: string, action?: Message['action']) => {
    const id = ++messageCounter;
    setMessages((list) => [...list.slice(-3), { id, kind, text, ...(action ? { action } : {}) }]);
    if (kind === 'info') setTimeout(() => setMessages((list) => list.filter((m) => m.id !== id)), 6000);
  }, []);

  const session = useMemo(
    () =>
      new Session(api, {
        changed: setInfo,
        error: (text) => say('error', text),
        // Three questions rather than a custom dialog: each answer is safe (nothing is lost unasked).
        conflict: async (message) => {
          if (window.confirm(`${message}\n\nOverwrite it with your version? (The version on disk is kept as .bak.)`)) return 'overwrite';
          if (window.confirm('Save your version under another name instead?')) return 'save-as';
          if (window.confirm('Reload the file from disk, dropping your changes here?')) return 'reload';
          return 'cancel';
        },
      }),
    [api, say],
  );

  useEffect(() => {
    picker.attach((request) => new Promise((resolve) => setPick({ request, resolve })));
  }, [picker]);

  // The EditorView: created once, destroyed with the component.
  useEffect(() => {
    if (!place.current) return;
    const created = mountEditor(place.current, {
      state: createEditorState(newResolution('fr'), { author: authorRef.current }),
      importText,
      onRefused: (message) => say('error', message),
      onTransaction: (v, tr) => {
        // A preview's selection moves concern neither the panels nor the file.
        if (previewRef.current) return;
        store.editorChanged(v.state);
        if (tr.docChanged) session.documentChanged(v.state.doc);
        const meta = tr.getMeta(trackingKey) as TrackingMeta | undefined;
        if (meta?.enabled && !authorKnownRef.current && !authorAskedRef.current) {
          authorAskedRef.current = true;
          setAuthorPrompt({ firstTime: true });
        }
      },
    });
    viewRef.current = created;
    setView(created);
    onEditorView?.(created);
    return () => {
      created.destroy();
      viewRef.current = null;
    };
  }, [store, session, importText, onEditorView, say]);

  /** The editing state: the one on screen, or the one kept aside while a preview is shown. */
  const markupState = useCallback((): EditorState | null => previewRef.current?.markup ?? viewRef.current?.state ?? null, []);

  const load = useCallback(
    (doc: Node) => {
      const v = viewRef.current;
      if (!v) return;
      previewRef.current = null;
      setReviewView('markup');
      v.setProps({ state: createEditorState(doc, { author: authorRef.current }), editable: () => true });
      store.refresh(v.state);
      v.focus();
    },
    [store],
  );

  const adoptOutcome = useCallback(
    (outcome: OpenOutcome) => {
      if (!outcome.ok) {
        say('error', outcome.error);
        return;
      }
      const loaded = session.adopt(outcome.document);
      if (!loaded.ok) {
        say('error', loaded.error);
        return;
      }
      load(loaded.doc);
      for (const warning of loaded.warnings) say('info', warning);
    },
    [session, load, say],
  );

  // Start: settings, the document given at launch, then the offer to restore unsaved work.
  useEffect(() => {
    if (!view) return;
    let cancelled = false;
    void (async () => {
      let language: LanguageCode = 'fr';
      try {
        const settings = await api.getSettings();
        if (settings.authorName) authorRef.current = settings.authorName;
        authorKnownRef.current = !isUnsetAuthor(settings.authorName);
        if (isLanguageCode(settings.language)) language = settings.language;
      } catch (error) {
        say('error', `Settings could not be read: ${messageOf(error)}`);
      }
      try {
        const initial = await api.initialDocument();
        if (cancelled) return;
        if (initial) adoptOutcome(initial);
        else {
          const doc = newResolution(language);
          session.adoptNew(doc);
          load(doc);
        }
      } catch (error) {
        say('error', messageOf(error));
      }
      try {
        const snapshots = await api.listRecovery();
        if (!cancelled && snapshots.length > 0) setRecovery(snapshots);
      } catch (error) {
        say('error', `Recovery copies could not be listed: ${messageOf(error)}`);
      }
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [view, api, session, adoptOutcome, load, say]);

  const confirmDiscard = useCallback(() => {
    const current = session.current;
    return !current.dirty || window.confirm(`Discard the unsaved changes to ${current.name ?? 'this document'}?`);
  }, [session]);

  // File commands (open, save, export) run one after the other: a Save pressed while an Open is
  // still reading must save what the Open produced, never interleave with it.
  const fileQueue = useRef<Promise<void>>(Promise.resolve());

  /** Shows the Markup view (editable), or the Final or Original preview of it. */
  const showView = useCallback(
    (next: ReviewView) => {
      const v = viewRef.current;
      if (!v) return;
      const held = previewRef.current;
      if (next === 'markup') {
        if (!held) return;
        previewRef.current = null;
        v.setProps({ state: backToMarkup(held.markup, held.preview, v.state), editable: () => true });
        setReviewView('markup');
        store.refresh(v.state);
        centerOn(v, v.state.selection.head);
        v.focus();
        return;
      }
      if (held?.preview.view === next) return;
      const markup = held?.markup ?? v.state;
      const preview = previewState(markup, next);
      previewRef.current = { preview, markup };
      setFind(null);
      v.setProps({ state: preview.state, editable: () => false });
      setReviewView(next);
      centerOn(v, preview.state.selection.head);
    },
    [store],
  );

  /**
   * Accepts or rejects the chosen changes as one undoable step (reviewChanges keeps the cursor
   * where it was); says `nothing` when there is no such change.
   */
  const review = useCallback(
    (decision: Decision, selection: ChangeSelection, nothing: string): boolean => {
      const v = viewRef.current;
      if (!v) return false;
      const tr = reviewChanges(v.state, decision, selection);
      if (!tr) {
        say('info', nothing);
        return false;
      }
      // Each review is its own undo step, as in Word: Undo takes back the last accept or reject only.
      v.dispatch(closeHistory(tr));
      // The panel shows the result at once; review is rare, the refresh is not on the typing path.
      store.refresh(v.state);
      return true;
    },
    [say, store],
  );

  const selectChange = useCallback(
    (id: string, kind?: string) => {
      if (previewRef.current) showView('markup');
      const v = viewRef.current;
      if (!v) return;
      const change = listChanges(v.state.doc).find((c) => c.id === id && (kind === undefined || c.kind === kind));
      if (!change) {
        say('info', 'That change is no longer in the document.');
        return;
      }
      v.dispatch(v.state.tr.setSelection(selectionOfChange(v.state.doc, change)));
      centerOn(v, change.from);
      v.focus();
    },
    [say, showView],
  );

  const goToChange = useCallback(
    (direction: 'next' | 'previous') => {
      const v = viewRef.current;
      if (!v) return;
      const { doc, selection } = v.state;
      const target = direction === 'next' ? nextChange(doc, selection.from) : previousChange(doc, selection.from);
      if (!target) {
        say('info', 'There are no tracked changes in this document.');
        return;
      }
      selectChange(target.id, target.kind);
    },
    [say, selectChange],
  );

  /** Accept or reject the change at the cursor (then go on to the next one, as Word does), or those in the selection. */
  const reviewAtSelection = useCallback(
    (decision: Decision) => {
      const v = viewRef.current;
      if (!v) return;
      const { from, to, empty } = v.state.selection;
      const ids = changeIdsAtSelection(v.state.doc, from, to);
      const nothing = empty ? 'There is no tracked change at the cursor.' : 'The selection holds no tracked change.';
      if (ids.length === 0) {
        say('info', nothing);
        return;
      }
      if (!review(decision, { ids }, nothing) || !empty) return;
      const after = v.state.selection.from;
      const next = listChanges(v.state.doc).find((c) => c.from >= after);
      if (next) selectChange(next.id, next.kind);
    },
    [review, say, selectChange],
  );

  const saveAuthor = useCallback(
    async (name: string) => {
      authorRef.current = name;
      authorKnownRef.current = true;
      const meta: TrackingMeta = { author: { name } };
      const held = previewRef.current;
      if (held) held.markup = held.markup.apply(held.markup.tr.setMeta(trackingKey, meta));
      else {
        const v = viewRef.current;
        v?.dispatch(v.state.tr.setMeta(trackingKey, meta));
      }
      const state = markupState();
      if (state) store.refresh(state);
      try {
        await api.setSettings({ authorName: name });
      } catch (error) {
        say('error', `The author name could not be saved in the settings: ${messageOf(error)}`);
      }
    },
    [api, markupState, say, store],
  );

  const runNow = useCallback(
    async (command: AppCommand) => {
      if (previewRef.current && MARKUP_COMMANDS.has(command)) showView('markup');
      const v = viewRef.current;
      if (!v) return;
      const structure = STRUCTURE_COMMANDS[command];
      if (structure) {
        if (!structure(v.state, v.dispatch)) say('info', 'That command does not apply here: put the cursor in an item.');
        v.focus();
        return;
      }
      try {
        switch (command) {
          case 'new-resolution': {
            if (!confirmDiscard()) return;
            const doc = newResolution(isLanguageCode(snapshot.language) ? snapshot.language : 'fr');
            session.adoptNew(doc);
            load(doc);
            return;
          }
          case 'new-revision': {
            // The resolution in force becomes a new, untitled contribution (Save asks for a name),
            // tracking on for the resolution in its annex, the cursor in the first cover field.
            // chooseResolution only reads the file: this window stays untitled, tied to no file.
            if (!confirmDiscard()) return;
            const outcome = await api.chooseResolution();
            if (!outcome) return;
            if (!outcome.ok) {
              say('error', outcome.error);
              return;
            }
            const made = newRevision(outcome.document);
            if (!made.ok) {
              say('error', made.error);
              return;
            }
            session.adoptNew(made.doc);
            load(made.doc);
            v.dispatch(startRevising(v.state));
            say('info', 'New contribution: fill in the cover; edits to the resolution in the annex are tracked as proposed revisions.');
            for (const warning of made.warnings) say('info', warning);
            return;
          }
          case 'compare': {
            // The version on screen is the older one; the comparison replaces it in this window, untitled.
            const current = markupState()?.doc;
            if (!current || !confirmDiscard()) return;
            const outcome = await api.chooseVersion();
            if (!outcome) return;
            if (!outcome.ok) {
              say('error', outcome.error);
              return;
            }
            const made = compareWithVersion(current, outcome.document, isUnsetAuthor(snapshot.author) ? undefined : snapshot.author);
            if (!made.ok) {
              say('error', made.error);
              return;
            }
            session.adoptNew(made.doc);
            load(made.doc);
            // The comparison is work to keep: unsaved (closing asks), snapshotted for recovery.
            session.documentChanged(made.doc);
            setChangesVisible(true);
            say('info', `Compared with ${outcome.document.name}: ${made.changes} difference(s), shown as tracked changes to review. Save asks for a name.`);
            for (const warning of made.warnings) say('info', warning);
            return;
          }
          case 'open': {
            if (!confirmDiscard()) return;
            const outcome = await api.openDialog();
            if (outcome) adoptOutcome(outcome);
            return;
          }
          case 'save':
          case 'save-as': {
            const saved = await session.save(markupState()!.doc, command === 'save-as');
            if (saved === 'reload') {
              const fileId = session.current.fileId;
              if (fileId) adoptOutcome(await api.openRecent(fileId));
            } else if (saved) say('info', `Saved ${session.current.name ?? ''}`);
            return;
          }
          case 'export-docx':
          case 'export-docx-final':
          case 'export-docx-original': {
            const mode = command === 'export-docx-final' ? 'final' : command === 'export-docx-original' ? 'original' : 'markup';
            const base = (session.current.name ?? 'Untitled').replace(/\.(plenary|txt|docx)$/i, '');
            const suffix = mode === 'markup' ? '' : `-${mode}`;
            // A long document takes a moment to render before the save dialog shows.
            say('info', 'Preparing the Word file…');
            const outcome = await api.exportDocx(session.contentOf(markupState()!.doc), mode, `${base}${suffix}.docx`);
            if (outcome && !outcome.ok) say('error', outcome.error);
            else if (outcome) {
              const name = outcome.name;
              say('info', `Exported ${name}`, {
                label: 'Show in folder',
                run: () =>
                  void api.revealExport().then((shown) => {
                    if (!shown) say('info', `${name} is in the folder you chose; this browser host cannot open folders.`);
                  }),
              });
            }
            return;
          }
          case 'undo':
            undo(v.state, v.dispatch);
            break;
          case 'redo':
            redo(v.state, v.dispatch);
            break;
          case 'toggle-tracking':
            toggleTracking(v.state, v.dispatch);
            break;
          case 'toggle-tracking-scope': {
            const scope = trackingScopeOf(v.state.doc) === 'resolutions' ? 'document' : 'resolutions';
            v.dispatch(setTrackingScope(v.state, scope));
            say('info', scope === 'resolutions' ? 'Tracking covers the resolution only: the cover and your introduction are your own text.' : 'Tracking covers the whole document.');
            break;
          }
          case 'find':
            setFind('find');
            return;
          case 'replace':
            setFind('replace');
            return;
          case 'toggle-outline':
            setOutlineVisible((visible) => !visible);
            return;
          case 'check':
            setChecks(checkDocument(markupState()!.doc));
            return;
          case 'toggle-changes':
            setChangesVisible((visible) => !visible);
            return;
          case 'author-name':
            setAuthorPrompt({ firstTime: false });
            return;
          case 'next-change':
          case 'previous-change':
            goToChange(command === 'next-change' ? 'next' : 'previous');
            return;
          case 'accept-change':
          case 'reject-change':
            reviewAtSelection(command === 'accept-change' ? 'accept' : 'reject');
            break;
          case 'accept-all-changes':
          case 'reject-all-changes':
            review(command === 'accept-all-changes' ? 'accept' : 'reject', {}, 'There are no tracked changes in this document.');
            break;
          case 'view-markup':
          case 'view-final':
          case 'view-original':
            showView(command === 'view-final' ? 'final' : command === 'view-original' ? 'original' : 'markup');
            return;
          case 'close':
            return;
        }
        v.focus();
      } catch (error) {
        say('error', messageOf(error));
      }
    },
    [
      api,
      session,
      adoptOutcome,
      load,
      say,
      confirmDiscard,
      snapshot.language,
      markupState,
      showView,
      goToChange,
      reviewAtSelection,
      review,
    ],
  );

  const FILE_COMMANDS: ReadonlySet<AppCommand> = useMemo(
    () => new Set<AppCommand>(['new-resolution', 'new-revision', 'compare', 'open', 'save', 'save-as', 'export-docx']),
    [],
  );

  const run = useCallback(
    (command: AppCommand): Promise<void> => {
      if (!FILE_COMMANDS.has(command)) return runNow(command);
      const next = fileQueue.current.then(() => runNow(command));
      fileQueue.current = next.catch(() => undefined);
      return next;
    },
    [runNow, FILE_COMMANDS],
  );

  useEffect(() => api.onMenuCommand((command) => void run(command)), [api, run]);

  // In a browser there is no native menu: the page owns the file and review shortcuts.
  useEffect(() => {
    if (!browserHost) return;
    const onKey = (event: KeyboardEvent) => {
      const reviewCommand = reviewShortcut(event);
      if (reviewCommand) {
        event.preventDefault();
        // The editor must not see it too (Alt+Shift+A would type a character on some layouts).
        event.stopPropagation();
        void run(reviewCommand);
        return;
      }
      // A preview has no keymap of its own: Ctrl+Shift+E goes back to the markup and switches tracking.
      if (previewRef.current && (event.ctrlKey || event.metaKey) && event.shiftKey && event.code === 'KeyE') {
        event.preventDefault();
        void run('toggle-tracking');
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const command: AppCommand | null =
        key === 's' ? (event.shiftKey ? 'save-as' : 'save') : key === 'o' ? 'open' : key === 'f' ? 'find' : key === 'h' ? 'replace' : null;
      if (!command) return;
      event.preventDefault();
      void run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [browserHost, run]);

  // Esc leaves a preview for the editable markup (unless a dialog is open: Esc is its own there).
  useEffect(() => {
    if (reviewView === 'markup') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('.modal-backdrop')) return;
      event.preventDefault();
      showView('markup');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reviewView, showView]);

  useEffect(() => store.setChangesVisible(changesVisible, markupState()), [store, changesVisible, markupState]);

  const reviewRow = useCallback(
    (decision: Decision, row: ChangeRow) => {
      if (previewRef.current) showView('markup');
      review(decision, { ids: [row.id] }, 'That change is no longer in the document.');
      viewRef.current?.focus();
    },
    [review, showView],
  );

  const selectRow = useCallback((row: ChangeRow) => selectChange(row.id, row.kind), [selectChange]);

  const reviewAllBy = useCallback(
    (decision: Decision, author: string | null) => {
      if (previewRef.current) showView('markup');
      const v = viewRef.current;
      if (!v) return;
      review(decision, author === null ? {} : { author }, 'There are no tracked changes to review.');
      v.focus();
    },
    [review, showView],
  );

  useEffect(() => {
    document.title = `${info.dirty ? '• ' : ''}${info.name ?? 'Untitled'} — Plenary`;
    if (!browserHost || !info.dirty) return;
    // Closing the tab with unsaved changes asks first (the recovery copy covers crashes).
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [info.dirty, info.name, browserHost]);

  const jump = useCallback((entry: OutlineEntry) => {
    const v = viewRef.current;
    if (!v) return;
    const found = entry.id ? findNodeById(v.state.doc, entry.id) : null;
    if (!found) return;
    const pos = found.pos;
    const selection = TextSelection.near(v.state.doc.resolve(Math.min(pos + 1, v.state.doc.content.size)));
    v.dispatch(v.state.tr.setSelection(selection));
    const dom = v.nodeDOM(pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
    v.focus();
  }, []);

  const selectFootnote = useCallback((note: FootnoteEntry) => {
    const v = viewRef.current;
    if (!v) return;
    const found = findNodeById(v.state.doc, note.id);
    if (!found) return;
    v.focus();
    v.dispatch(v.state.tr.setSelection(NodeSelection.create(v.state.doc, found.pos)).scrollIntoView());
  }, []);

  const restore = useCallback(
    async (chosen: RecoverySnapshot) => {
      if (!confirmDiscard()) return;
      const loaded = session.adoptRecovered(chosen.content, chosen.name);
      if (!loaded.ok) {
        say('error', loaded.error);
        return;
      }
      load(loaded.doc);
      // The restored work now lives in this session: once its own recovery copy is on disk (not
      // before: a crash in between would leave none), the old one goes.
      if (await session.persistRecovery()) await api.clearRecovery(chosen.sessionId).catch(() => undefined);
      setRecovery((list) => list.filter((s) => s.sessionId !== chosen.sessionId));
      say('info', `Restored ${chosen.name ?? 'the unsaved document'}: save it to keep it.`);
    },
    [api, session, load, say, confirmDiscard],
  );

  const discard = useCallback(
    async (chosen: RecoverySnapshot) => {
      await api.clearRecovery(chosen.sessionId).catch((error: unknown) => say('error', messageOf(error)));
      setRecovery((list) => list.filter((s) => s.sessionId !== chosen.sessionId));
    },
    [api, say],
  );

  const direction = useMemo(() => (snapshot.language === 'ar' ? 'rtl' : 'ltr'), [snapshot.language]);

  // A .docx, .txt or .plenary dropped on the page opens like File → Open (as an imported document:
  // the page never learns where the file lives, so Save asks for a name). Text drops stay the editor's.
  const allowFileDrop = useCallback((event: React.DragEvent) => {
    if (event.dataTransfer.types.includes('Files')) event.preventDefault();
  }, []);
  const dropFile = useCallback(
    async (event: React.DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      if (!confirmDiscard()) return;
      const outcome = await api.openDropped(file.name, await base64Of(file));
      adoptOutcome(outcome);
    },
    [api, adoptOutcome, confirmDiscard],
  );
  // The labelled items, each with the keyword of its section, for the reference picker.
  const referenceTargets = useMemo(() => {
    const targets: Array<{ id: string; label: string; section: string; text: string }> = [];
    let section = '';
    for (const entry of snapshot.outline) {
      if (entry.kind === 'section') section = entry.text;
      else if (entry.kind === 'item' && entry.label) targets.push({ id: entry.id, label: entry.label, section, text: entry.text });
    }
    return targets;
  }, [snapshot.outline]);

  return (
    <div
      className={`app${outlineVisible ? '' : ' no-outline'}${changesVisible ? ' with-changes' : ''}`}
      data-ready={ready ? 'true' : 'false'}
      data-review-view={reviewView}
    >
      <Toolbar
        language={snapshot.language}
        canUndo={snapshot.canUndo}
        canRedo={snapshot.canRedo}
        tracking={snapshot.tracking}
        changesVisible={changesVisible}
        reviewView={reviewView}
        onCommand={(command) => void run(command)}
        onInsertSection={(kind: SectionKind, keyword: string) => {
          if (previewRef.current) showView('markup');
          const v = viewRef.current;
          if (!v) return;
          if (!insertSection(kind, keyword)(v.state, v.dispatch)) say('info', 'A section goes inside a resolution.');
          v.focus();
        }}
        referenceTargets={referenceTargets}
        onInsertReference={(targetId: string) => {
          if (previewRef.current) showView('markup');
          const v = viewRef.current;
          if (!v) return;
          if (!insertReference(targetId)(v.state, v.dispatch)) say('info', 'A reference goes in the text of a paragraph or an item.');
          v.focus();
        }}
        onLanguage={(language: LanguageCode) => {
          if (previewRef.current) showView('markup');
          const v = viewRef.current;
          if (!v || language === v.state.doc.attrs.language) return;
          // Labels, reference wording and the keyword list follow the document's language.
          v.dispatch(v.state.tr.setDocAttribute('language', language));
          v.focus();
        }}
      />
      {find && view ? <FindBar view={view} withReplace={find === 'replace'} onClose={() => { setFind(null); view.focus(); }} /> : null}
      <Messages messages={messages} onDismiss={(id) => setMessages((list) => list.filter((m) => m.id !== id))} />
      {reviewView !== 'markup' ? (
        <div className={`review-banner review-banner-${reviewView}`} role="status">
          <span>{REVIEW_VIEW_BANNERS[reviewView]}</span>
          <button type="button" className="primary" onClick={() => showView('markup')}>
            Back to editing (Esc)
          </button>
        </div>
      ) : null}
      <div className="workspace">
        {outlineVisible ? <Outline entries={snapshot.outline} currentId={snapshot.currentId} onJump={jump} /> : null}
        <main className="page-scroller" onDragOverCapture={allowFileDrop} onDropCapture={(event) => void dropFile(event)}>
          <div className="page" lang={snapshot.language} dir={direction}>
            <div ref={place} className="page-editor" />
            <Footnotes notes={snapshot.footnotes} onSelect={selectFootnote} />
            {checks ? (
              <Checks
                findings={checks}
                onJump={(finding) => finding.blockId && jump({ id: finding.blockId, kind: 'item', label: '', text: '', depth: 0 })}
                onRecheck={() => viewRef.current && setChecks(checkDocument(viewRef.current.state.doc))}
                onClose={() => setChecks(null)}
              />
            ) : null}
          </div>
        </main>
        {changesVisible ? (
          <Changes
            changes={snapshot.changes ?? []}
            current={snapshot.currentChange}
            author={changesAuthor}
            onAuthor={setChangesAuthor}
            onSelect={selectRow}
            onReview={reviewRow}
            onReviewAll={reviewAllBy}
            onClose={() => setChangesVisible(false)}
          />
        ) : null}
      </div>
      <StatusBar
        name={info.name}
        dirty={info.dirty}
        language={snapshot.language}
        tracking={snapshot.tracking}
        trackingScope={snapshot.trackingScope}
        contribution={snapshot.contribution}
        onToggleScope={() => void run('toggle-tracking-scope')}
        wordCount={snapshot.wordCount}
        recoveredAt={info.recoveredAt}
        author={snapshot.author}
        reviewView={reviewView}
        onToggleTracking={() => void run('toggle-tracking')}
        onAuthor={() => void run('author-name')}
        onMarkup={() => showView('markup')}
      />
      {authorPrompt ? (
        <AuthorDialog
          initial={snapshot.author}
          firstTime={authorPrompt.firstTime}
          onDone={(name) => {
            setAuthorPrompt(null);
            if (name) void saveAuthor(name);
            // After the key that closed the dialog is done: the Enter that submitted it must not
            // reach the page as a keypress once the editor has the focus.
            setTimeout(() => viewRef.current?.focus(), 0);
          }}
        />
      ) : null}
      {recovery.length > 0 ? (
        <RecoveryDialog
          snapshots={recovery}
          onRestore={(s) => void restore(s)}
          onDiscard={(s) => void discard(s)}
          onLater={() => setRecovery([])}
        />
      ) : null}
      {pick ? (
        <FilePicker
          request={pick.request}
          onDone={(name) => {
            pick.resolve(name);
            setPick(null);
            viewRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/** A file's bytes in base64, encoded in chunks (String.fromCharCode takes a bounded argument list). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
