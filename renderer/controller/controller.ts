/**
 * The window's behaviour, framework-free (React only displays it and forwards clicks and keys):
 * which view is shown (Markup, or the read-only Final/Original preview), loading documents, the
 * command dispatch and the file queue, navigation (outline, footnotes), the panels' visibility,
 * dialogs and messages; the file commands (documents.ts) and review (review.ts) are its parts.
 * Built like `Session`, which it drives: constructed with the host's API, it is given the editor
 * (an `EditorSurface`) once the page has mounted it, and tells its listeners when its state changes.
 *
 * Every command goes through `run`: commands the registry marks `queued` (open, save, export…) run
 * one after the other, and those marked `leavesPreview` go back to the Markup first.
 */
import type { Node } from 'prosemirror-model';
import { NodeSelection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';
import type { LibraryDuplicateChoice, LibraryText, LibraryTextInfo, OpenedDocument, RecoverySnapshot } from '../../shared/ipc/index.js';
import { isQueued, leavesPreview, type CommandId } from '../../shared/commands/index.js';
import { isLanguageCode, languageTable, type LanguageCode } from '../../shared/languages/index.js';
import {
  goToNextOutstanding,
  refreshFromSource,
  setUnitStatus,
  translateFixedLines,
  translationCounts,
  untranslatedMessage,
} from '../../shared/translation/index.js';
import { translateCoverFields } from '../../shared/carry-over/index.js';
import type { ProposalSymbol, SectionKind } from '../../shared/schema/index.js';
import {
  demoteItem,
  insertAnnex,
  insertItemAfter,
  insertSection,
  moveItemDown,
  moveItemUp,
  promoteItem,
} from '../../shared/editing/index.js';
import {
  setTrackingScope,
  toggleTracking,
  trackingKey,
  trackingScopeOf,
  trackingState,
  type TrackingMeta,
} from '../../shared/tracking/index.js';
import { insertReference } from '../../shared/numbering/index.js';
import { checkDocument, type Finding } from '../../shared/check/index.js';
import { messageOf } from '../../shared/errors/index.js';
import { createEditorState, insertFootnoteAndEdit } from '../editor/create-editor.js';
import { TABLE_COMMANDS, isTableCommand, tableRefusal } from '../editor/table-commands.js';
import { backToMarkup, previewState, type Preview, type ReviewView } from '../editor/review-view.js';
import { isTranslationUnderWay, languageVersion, newResolution, startRevising } from '../new-document.js';
import { addProposal, isProposalsDocument, moveProposal, newProposals, type NewProposalsRequest } from '../proposals.js';
import { candidateFromContent, candidateFromDocument, libraryTextLine, type Described, type LibraryAddState } from '../library-add.js';
import { Session, type ConflictChoice, type SaveConflict, type SessionInfo } from '../session.js';
import { EditorStore } from '../store.js';
import type { PickRequest } from '../host-api.js';
import { isUnsetAuthor } from './author.js';
import type { ControllerHost, WindowContext } from './context.js';
import { Documents } from './documents.js';
import type { EditorSurface } from './editor-surface.js';
import { MessageLog, type Message, type MessageTopic } from './messages.js';
import { Review } from './review.js';

export type { ControllerHost } from './context.js';

/** What the window shows besides the document; replaced as a whole on every change. */
export interface ControllerState {
  session: SessionInfo;
  messages: readonly Message[];
  /** The find bar, with or without the replace field. */
  find: 'find' | 'replace' | null;
  outlineVisible: boolean;
  changesVisible: boolean;
  /** The changes panel's author filter (null: every author). */
  changesAuthor: string | null;
  /** The style checks' findings while their panel is open. */
  checks: Finding[] | null;
  /** Unsaved work of earlier sessions, offered back at start. */
  recovery: RecoverySnapshot[];
  /** The in-page file picker of the browser host, while it is open. */
  pick: PickRequest | null;
  /** The author dialog: asked the first time tracking goes on without a name, or on request. */
  authorPrompt: { firstTime: boolean } | null;
  /** The dialogs of a proposals document: a new one (File → New Proposals…), or a proposal to add. */
  proposalDialog: 'new' | 'add' | null;
  /** File → Add to Library…, while its dialog is open. */
  libraryAdd: LibraryAddState | null;
  reviewView: ReviewView;
  /** A save found the file changed on disk: the dialog asking what to do, while it is open. */
  conflict: SaveConflict | null;
  /** The question whether to discard unsaved work, while its dialog is open. */
  discard: string | null;
  /** Start-up is over (settings read, first document loaded, recovery listed). */
  ready: boolean;
  /** View → Language Versions…: the source language version shown beside the document, read-only. */
  versions: { name: string; source: Node } | null;
}

/** The structure commands of the toolbar: ProseMirror commands that need the cursor in an item (or a table). */
const STRUCTURE_COMMANDS: Partial<Record<CommandId, Command>> = {
  'insert-item': insertItemAfter,
  'insert-footnote': insertFootnoteAndEdit,
  'insert-annex': insertAnnex,
  demote: demoteItem,
  promote: promoteItem,
  'move-up': moveItemUp,
  'move-down': moveItemDown,
  ...TABLE_COMMANDS,
};

const EXPORT_VIEWS = { 'export-docx': 'markup', 'export-docx-final': 'final', 'export-docx-original': 'original' } as const;

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

export class AppController implements WindowContext {
  readonly store = new EditorStore();
  readonly session: Session;
  private readonly log: MessageLog;
  private readonly documents = new Documents(this);
  private readonly review = new Review(this);
  private readonly listeners = new Set<() => void>();
  private current: ControllerState;
  private surface: EditorSurface | null = null;
  /** While Final or Original is shown: the preview, and the markup state kept aside for the return. */
  private held: { preview: Preview; markup: EditorState } | null = null;
  /** The name written on tracked changes, from the settings until the user gives one. */
  private author = 'Anonymous';
  /** Whether the settings hold a real author name; if not, switching tracking on asks for one, once. */
  private authorKnown = false;
  private authorAsked = false;
  private resolvePick: ((name: string | null) => void) | null = null;
  private resolveConflict: ((choice: ConflictChoice) => void) | null = null;
  private resolveDiscard: ((discard: boolean) => void) | null = null;
  /** A command waiting for the author dialog's answer (see askAuthor). */
  private resolveAuthor: ((name: string | null) => void) | null = null;
  /** File commands run one after the other (see the module comment). */
  private fileQueue: Promise<void> = Promise.resolve();

  constructor(readonly host: ControllerHost) {
    this.log = new MessageLog((messages) => this.patch({ messages }));
    this.session = new Session(host.api, {
      changed: (session) => this.patch({ session }),
      error: (text, topic) => this.say('error', text, { topic }),
      succeeded: (topic) => this.resolved(topic),
      // The conflict dialog asks; the save waits for the answer (the file queue holds other commands).
      conflict: (conflict) =>
        new Promise<ConflictChoice>((resolve) => {
          this.resolveConflict = resolve;
          this.patch({ conflict });
        }),
    });
    this.current = {
      session: this.session.current,
      messages: [],
      find: null,
      outlineVisible: true,
      changesVisible: false,
      changesAuthor: null,
      checks: null,
      recovery: [],
      pick: null,
      authorPrompt: null,
      proposalDialog: null,
      libraryAdd: null,
      reviewView: 'markup',
      conflict: null,
      discard: null,
      ready: false,
      versions: null,
    };
  }

  // --- observing -------------------------------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ControllerState => this.current;

  private patch(patch: Partial<ControllerState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  readonly say = (kind: Message['kind'], text: string, options?: { action?: Message['action']; topic?: MessageTopic }): void => {
    this.log.say(kind, text, options);
  };

  readonly resolved = (topic: MessageTopic): void => this.log.resolve(topic);

  /** A progress message for something under way; dismiss it by the id returned once that is over. */
  readonly announce = (text: string): number => this.log.say('progress', text);

  dismissMessage(id: number): void {
    this.log.dismiss(id);
  }

  // --- the editor ------------------------------------------------------------------------------

  /** The state a new editor starts with (before start-up has read the settings). */
  initialEditorState(): EditorState {
    return createEditorState(newResolution('fr'), { author: this.author });
  }

  attach(surface: EditorSurface): void {
    this.surface = surface;
  }

  detach(): void {
    this.surface = null;
  }

  /** Every transaction the editor applied. Cheap: the store and the session only note it. */
  transactionApplied(state: EditorState, tr: Transaction): void {
    // A preview's selection moves concern neither the panels nor the file.
    if (this.held) return;
    this.store.editorChanged(state);
    if (tr.docChanged) this.session.documentChanged(state.doc);
    const meta = tr.getMeta(trackingKey) as TrackingMeta | undefined;
    if (meta?.enabled && !this.authorKnown && !this.authorAsked) {
      this.authorAsked = true;
      this.patch({ authorPrompt: { firstTime: true } });
    }
  }

  editor(): EditorSurface | null {
    return this.surface;
  }

  /** The editing state: the one on screen, or the one kept aside while a preview is shown. */
  markupState(): EditorState | null {
    return this.held?.markup ?? this.surface?.state ?? null;
  }

  focus(): void {
    this.surface?.focus();
  }

  // --- start-up --------------------------------------------------------------------------------

  /** Settings, the document given at launch (or a new one), then the offer to restore unsaved work. */
  async start(isCancelled: () => boolean = () => false): Promise<void> {
    let language: LanguageCode = 'fr';
    try {
      const settings = await this.host.api.getSettings();
      if (settings.authorName) this.author = settings.authorName;
      this.authorKnown = !isUnsetAuthor(settings.authorName);
      if (isLanguageCode(settings.language)) language = settings.language;
    } catch (error) {
      this.say('error', `Settings could not be read: ${messageOf(error)}`);
    }
    try {
      const initial = await this.host.api.initialDocument();
      if (isCancelled()) return;
      if (initial) this.documents.adopt(initial);
      else this.documents.showNew(newResolution(language));
    } catch (error) {
      this.say('error', messageOf(error));
    }
    try {
      const snapshots = await this.host.api.listRecovery();
      if (!isCancelled() && snapshots.length > 0) this.patch({ recovery: snapshots });
    } catch (error) {
      this.say('error', `Recovery copies could not be listed: ${messageOf(error)}`);
    }
    if (!isCancelled()) this.patch({ ready: true });
  }

  // --- loading ---------------------------------------------------------------------------------

  show(doc: Node): void {
    const surface = this.surface;
    if (!surface) return;
    this.held = null;
    this.patch({ reviewView: 'markup' });
    surface.show(createEditorState(doc, { author: this.author }), true);
    this.store.refresh(surface.state);
    // The page scroller is shared by every document shown: without this, the next document opens
    // at the scroll position of the last one, its start out of view.
    surface.center(surface.state.selection.head);
    surface.focus();
  }

  /** A file dropped on the page opens like File → Open (imported: Save asks for a name). */
  openDropped(name: string, dataBase64: () => Promise<string>): Promise<void> {
    return this.documents.openDropped(name, dataBase64);
  }

  // --- the view: Markup, Final, Original -------------------------------------------------------

  /** Shows the Markup view (editable), or the Final or Original preview of it. */
  showView(next: ReviewView): void {
    const surface = this.surface;
    if (!surface) return;
    const held = this.held;
    if (next === 'markup') {
      if (!held) return;
      this.held = null;
      surface.show(backToMarkup(held.markup, held.preview, surface.state), true);
      this.patch({ reviewView: 'markup' });
      this.store.refresh(surface.state);
      surface.center(surface.state.selection.head);
      surface.focus();
      return;
    }
    if (held?.preview.view === next) return;
    const markup = held?.markup ?? surface.state;
    const preview = previewState(markup, next);
    this.held = { preview, markup };
    surface.show(preview.state, false);
    this.patch({ reviewView: next, find: null });
    surface.center(preview.state.selection.head);
  }

  /** The editor in the Markup view (leaving a preview first), or null before it is mounted. */
  editing(): EditorSurface | null {
    if (this.held) this.showView('markup');
    return this.surface;
  }

  // --- commands --------------------------------------------------------------------------------

  /** Runs a command of the registry: queued ones after the file commands before them. */
  run(command: CommandId): Promise<void> {
    if (!isQueued(command)) return this.runNow(command);
    const next = this.fileQueue.then(() => this.runNow(command));
    this.fileQueue = next.catch(() => undefined);
    return next;
  }

  private async runNow(command: CommandId): Promise<void> {
    const surface = leavesPreview(command) ? this.editing() : this.surface;
    if (!surface) return;
    const structure = STRUCTURE_COMMANDS[command];
    if (structure) {
      if (!structure(surface.state, (tr) => surface.dispatch(tr))) {
        this.say(
          'info',
          isTableCommand(command) ? tableRefusal(command, surface.state) : 'That command does not apply here: put the cursor in an item.',
        );
      }
      surface.focus();
      return;
    }
    try {
      if (await this.runCommand(command, surface)) surface.focus();
    } catch (error) {
      this.say('error', messageOf(error));
    }
  }

  /** Runs one command; true when the editor should take the focus back afterwards. */
  private async runCommand(command: CommandId, surface: EditorSurface): Promise<boolean> {
    const dispatch = (tr: Transaction) => surface.dispatch(tr);
    switch (command) {
      case 'new-resolution':
        await this.documents.newResolution();
        return false;
      case 'new-revision':
        await this.documents.newRevision();
        return false;
      case 'compare':
        await this.documents.compare();
        return false;
      case 'language-versions':
        await this.languageVersions();
        return false;
      case 'next-to-translate':
        if (!goToNextOutstanding(surface.state, dispatch)) this.say('info', 'Nothing is left to translate.');
        return true;
      case 'mark-translated':
      case 'mark-checked':
        if (!setUnitStatus(command === 'mark-translated' ? 'translated' : 'checked')(surface.state, dispatch)) {
          this.say('info', 'The cursor is not in an item with a translation status (View → Language Versions… gives them).');
        } else {
          // The outline and the count left to translate show it at once, not after the typing pause.
          this.store.refresh(surface.state);
        }
        return true;
      case 'open':
        await this.documents.open();
        return false;
      case 'save':
      case 'save-as':
        await this.documents.save(command === 'save-as');
        return false;
      case 'export-docx':
      case 'export-docx-final':
      case 'export-docx-original':
        await this.documents.exportDocx(EXPORT_VIEWS[command]);
        return false;
      case 'undo':
        undo(surface.state, dispatch);
        return true;
      case 'redo':
        redo(surface.state, dispatch);
        return true;
      case 'toggle-tracking':
        toggleTracking(surface.state, dispatch);
        return true;
      case 'toggle-tracking-scope': {
        const scope = trackingScopeOf(surface.state.doc) === 'resolutions' ? 'document' : 'resolutions';
        surface.dispatch(setTrackingScope(surface.state, scope));
        this.say(
          'info',
          scope === 'resolutions'
            ? 'Tracking covers the resolution only: the cover and your introduction are your own text.'
            : 'Tracking covers the whole document.',
        );
        return true;
      }
      case 'find':
      case 'replace':
        this.patch({ find: command });
        return false;
      case 'toggle-outline':
        this.patch({ outlineVisible: !this.current.outlineVisible });
        return false;
      case 'check':
        this.recheck();
        return false;
      case 'toggle-changes':
        this.setChangesVisible(!this.current.changesVisible);
        return false;
      case 'author-name':
        this.patch({ authorPrompt: { firstTime: false } });
        return false;
      case 'new-proposals':
        if (await this.documents.confirmDiscard()) this.patch({ proposalDialog: 'new' });
        return false;
      case 'add-to-library':
        this.patch({ libraryAdd: { step: 'source' } });
        return false;
      case 'add-proposal':
        if (isProposalsDocument(surface.state.doc)) this.patch({ proposalDialog: 'add' });
        else this.say('error', 'Proposals are added to a proposals document: start one with File → New Proposals to a Conference….');
        return false;
      case 'next-change':
      case 'previous-change':
        this.review.go(command === 'next-change' ? 'next' : 'previous');
        return false;
      case 'accept-change':
      case 'reject-change':
        this.review.atSelection(command === 'accept-change' ? 'accept' : 'reject');
        return true;
      case 'accept-all-changes':
      case 'reject-all-changes':
        this.review.everything(command === 'accept-all-changes' ? 'accept' : 'reject');
        return true;
      case 'view-markup':
      case 'view-final':
      case 'view-original':
        this.showView(command === 'view-final' ? 'final' : command === 'view-original' ? 'original' : 'markup');
        return false;
      case 'close':
      case 'bold':
      case 'italic':
      case 'insert-item':
      case 'insert-footnote':
      case 'insert-annex':
      case 'demote':
      case 'promote':
      case 'move-up':
      case 'move-down':
      case 'insert-table':
      case 'table-row-above':
      case 'table-row-below':
      case 'table-delete-row':
      case 'table-column-before':
      case 'table-column-after':
      case 'table-delete-column':
        // Close is the main process's (it asks Save / Don't save); structure commands ran above;
        // bold and italic are keys of the editor only.
        return false;
    }
  }

  /**
   * View → Language Versions…: the chosen file is the source. The text in force on screen gets
   * the source's changes carried over (a new untitled document, to translate); a translation under
   * way is measured against it (units whose source changed go back to "changed in source").
   */
  private async languageVersions(): Promise<void> {
    const current = this.markupState()?.doc;
    if (!current) return;
    const outcome = await this.host.api.chooseVersion();
    if (!outcome) return;
    if (!outcome.ok) return this.say('error', outcome.error);
    const markup = this.markupState();
    let author = markup ? trackingState(markup)?.author.name : undefined;
    // A carry-over writes the translator's name on what it carries in, and opens with tracking on:
    // asked first, so the French typed over in a carried item goes (the translator's own insertion)
    // instead of staying struck under another name.
    if (isUnsetAuthor(author) && !isTranslationUnderWay(current)) author = (await this.askAuthor()) ?? undefined;
    const made = languageVersion(current, outcome.document, isUnsetAuthor(author) ? undefined : author);
    if (!made.ok) return this.say('error', made.error);
    if (made.carried) {
      if (!(await this.documents.confirmDiscard())) return;
      this.documents.showNew(made.carried);
      this.session.documentChanged(made.carried);
    } else {
      const surface = this.surface;
      const refresh = surface ? refreshFromSource(surface.state, made.source) : null;
      if (surface && refresh) surface.dispatch(refresh);
    }
    this.patch({ versions: { name: outcome.document.name, source: made.source } });
    const counts = translationCounts(this.markupState()!.doc);
    this.say(
      'info',
      `${outcome.document.name} beside this text: ${counts['to-translate']} to translate, ${counts['changed-in-source']} changed in source (Alt+Shift+T goes to the next one, Alt+Shift+D marks it translated).`,
    );
    for (const warning of made.warnings) this.say('info', warning);
  }

  /** The author dialog, for a command that needs the name before it goes on: the name, or null if none was given. */
  private askAuthor(): Promise<string | null> {
    this.authorAsked = true;
    this.patch({ authorPrompt: { firstTime: true } });
    return new Promise((resolve) => (this.resolveAuthor = resolve));
  }

  closeLanguageVersions(): void {
    this.patch({ versions: null });
  }

  // --- structure commands with an argument (the toolbar's drop-downs) ------------------------------

  insertSection(kind: SectionKind, keyword: string): void {
    const surface = this.editing();
    if (!surface) return;
    if (!insertSection(kind, keyword)(surface.state, (tr) => surface.dispatch(tr))) this.say('info', 'A section goes inside a resolution.');
    surface.focus();
  }

  insertReference(targetId: string): void {
    const surface = this.editing();
    if (!surface) return;
    if (!insertReference(targetId)(surface.state, (tr) => surface.dispatch(tr)))
      this.say('info', 'A reference goes in the text of a paragraph or an item.');
    surface.focus();
  }

  /**
   * Labels, reference wording and the keyword list follow the document's language; the keyword
   * lines, the call and the number line's words are rewritten from the tables, so are the cover's
   * data fields (document number, date, original language) as a carry-over writes them, and what
   * the tables do not know is said.
   */
  setLanguage(language: LanguageCode): void {
    const surface = this.editing();
    if (!surface || language === surface.state.doc.attrs.language) return;
    const tr = surface.state.tr;
    const from = surface.state.doc.attrs.language as LanguageCode;
    translateCoverFields(tr, from, language);
    const phrases = translateFixedLines(tr, language);
    surface.dispatch(tr);
    if (phrases.untranslated.length > 0) this.say('info', untranslatedMessage(phrases, languageTable(language).name));
    surface.focus();
  }

  // --- review (the changes panel) ------------------------------------------------------------

  /** The changes panel's Accept / Reject on one card: every change of the user action it stands for. */
  reviewChange(decision: 'accept' | 'reject', ids: readonly string[]): void {
    this.review.card(decision, ids);
  }

  /** The changes panel's Accept all / Reject all, by one author or by everyone. */
  reviewAll(decision: 'accept' | 'reject', author: string | null): void {
    this.review.all(decision, author);
  }

  /** Selects a change in the document (a row of the changes panel). */
  selectChange(id: string, kind?: string): void {
    this.review.select(id, kind);
  }

  // --- proposals to a conference ----------------------------------------------------------------

  closeProposalDialog(): void {
    this.patch({ proposalDialog: null });
    this.surface?.focus();
  }

  /** The New Proposals dialog's answer: the new document, untitled, tracking on for its MOD bodies. */
  createProposals(request: NewProposalsRequest): void {
    const made = newProposals(request);
    if (!made.ok) return this.say('error', made.error);
    this.patch({ proposalDialog: null });
    this.documents.showNew(made.value);
    const surface = this.surface;
    if (surface) surface.dispatch(startRevising(surface.state));
    this.say(
      'info',
      'New proposals document: fill in the cover, then add proposals (Edit → Add Proposal…). Edits to MOD proposals are tracked.',
    );
  }

  /** The library's texts matching what the user typed in the Add Proposal dialog. */
  searchLibrary(query: string): Promise<LibraryText[]> {
    return this.host.api.searchLibrary(query);
  }

  /** The Add Proposal dialog's answer: the proposal after the one the cursor stands in, the cursor in it. */
  async addProposal(request: { symbol: ProposalSymbol; textId?: string; title?: string }): Promise<void> {
    const surface = this.surface;
    if (!surface) return;
    let text: OpenedDocument | undefined;
    if (request.textId) {
      const outcome = await this.host.api.readLibraryText(request.textId);
      if (!outcome.ok) return this.say('error', outcome.error);
      text = outcome.document;
    }
    // The library answered asynchronously: add to the editor as it is now.
    const current = this.surface;
    if (!current) return;
    const added = addProposal(current.state, {
      symbol: request.symbol,
      ...(text ? { text } : {}),
      ...(request.title ? { title: request.title } : {}),
      author: this.author,
    });
    if (!added.ok) return this.say('error', added.error);
    this.patch({ proposalDialog: null });
    current.dispatch(added.value.tr);
    this.jumpTo(added.value.id);
    if (added.value.warning) this.say('info', added.value.warning);
    // The Proposals panel lists it at once ("No proposal yet" would read as a failed add).
    this.store.refresh(current.state);
  }

  // --- the library of texts in force (File → Add to Library…) ----------------------------------

  closeLibraryAdd(): void {
    this.patch({ libraryAdd: null });
    this.surface?.focus();
  }

  /** Add to Library from a file: the host's open dialog (read only), then what was read, to check. */
  async libraryFromFile(): Promise<void> {
    const outcome = await this.host.api.chooseLibraryFile();
    if (outcome === null) return;
    if (!outcome.ok) return this.say('error', outcome.error);
    this.offerToLibrary(candidateFromContent(outcome.document.name, outcome.document.content));
  }

  /** Add to Library the document open in this window, as it reads now. */
  libraryFromDocument(): void {
    const surface = this.surface;
    if (!surface) return;
    this.offerToLibrary(candidateFromDocument(this.current.session.name ?? 'The document', surface.state.doc));
  }

  private offerToLibrary(described: Described): void {
    if (!described.ok) return this.say('error', described.error);
    this.patch({ libraryAdd: { step: 'confirm', candidate: described.candidate } });
  }

  /**
   * The text stored with the description the user confirmed. A text the library already holds
   * (same number, body, version, language) is asked about first: replace it, or keep both.
   */
  async confirmLibraryAdd(info: LibraryTextInfo, duplicate: LibraryDuplicateChoice = 'ask'): Promise<void> {
    const open = this.current.libraryAdd;
    if (!open || open.step === 'source') return;
    const outcome = await this.host.api.addToLibrary(open.candidate.content, info, duplicate);
    if (!outcome.ok) {
      if ('duplicate' in outcome)
        return this.patch({ libraryAdd: { step: 'duplicate', candidate: open.candidate, info, existing: outcome.duplicate } });
      return this.say('error', outcome.error);
    }
    this.patch({ libraryAdd: null });
    this.surface?.focus();
    this.say('info', `${outcome.replaced ? 'Replaced in' : 'Added to'} the library: ${libraryTextLine(outcome.text)}.`);
  }

  /** A live reference to a proposal at the cursor (the Proposals panel's ↪). */
  insertProposalReference(id: string): void {
    const surface = this.surface;
    if (!surface) return;
    const reference = surface.state.schema.nodes.proposal_reference!.create({ target: id });
    surface.dispatch(surface.state.tr.replaceSelectionWith(reference, false).scrollIntoView());
    surface.focus();
  }

  /**
   * Moves a proposal one place up or down (the Proposals panel's arrows). By id, not by rank: a
   * second click may come before the panel shows the first move.
   */
  moveProposal(id: string, by: -1 | 1): void {
    const surface = this.surface;
    if (!surface) return;
    const moved = moveProposal(surface.state, id, by);
    if (!moved.ok) return this.say('error', moved.error);
    surface.dispatch(moved.value);
    // The panel shows the new order at once, not after the typing pause: the next click is on it.
    this.store.refresh(surface.state);
  }

  // --- navigation ------------------------------------------------------------------------------

  /** Puts the cursor at the start of the block with this id (outline, checks) and scrolls it into view. */
  jumpTo(blockId: string): void {
    const surface = this.surface;
    if (!surface) return;
    const found = findNodeById(surface.state.doc, blockId);
    if (!found) return;
    const { doc } = surface.state;
    surface.dispatch(surface.state.tr.setSelection(TextSelection.near(doc.resolve(Math.min(found.pos + 1, doc.content.size)))));
    surface.revealBlock(found.pos);
    surface.focus();
  }

  /** Selects a footnote (which opens its text for editing). */
  selectFootnote(id: string): void {
    const surface = this.surface;
    if (!surface) return;
    const found = findNodeById(surface.state.doc, id);
    if (!found) return;
    surface.focus();
    surface.dispatch(surface.state.tr.setSelection(NodeSelection.create(surface.state.doc, found.pos)).scrollIntoView());
  }

  // --- panels ----------------------------------------------------------------------------------

  setChangesVisible(visible: boolean): void {
    this.patch({ changesVisible: visible });
    this.store.setChangesVisible(visible, this.markupState());
  }

  setChangesAuthor(author: string | null): void {
    this.patch({ changesAuthor: author });
  }

  closeFind(): void {
    this.patch({ find: null });
    this.surface?.focus();
  }

  /** Runs the style checks on the markup document (again). */
  recheck(): void {
    const state = this.markupState();
    if (state) this.patch({ checks: checkDocument(state.doc) });
  }

  closeChecks(): void {
    this.patch({ checks: null });
  }

  // --- author ----------------------------------------------------------------------------------

  /** The author dialog closed: with a name to write on changes (kept in the settings), or none. */
  async authorChosen(name: string | null): Promise<void> {
    this.patch({ authorPrompt: null });
    const waiting = this.resolveAuthor;
    this.resolveAuthor = null;
    if (!name) return waiting?.(null);
    this.author = name;
    this.authorKnown = true;
    waiting?.(name);
    const meta: TrackingMeta = { author: { name } };
    const held = this.held;
    if (held) held.markup = held.markup.apply(held.markup.tr.setMeta(trackingKey, meta));
    else this.surface?.dispatch(this.surface.state.tr.setMeta(trackingKey, meta));
    const state = this.markupState();
    if (state) this.store.refresh(state);
    try {
      await this.host.api.setSettings({ authorName: name });
    } catch (error) {
      this.say('error', `The author name could not be saved in the settings: ${messageOf(error)}`);
    }
  }

  // --- recovery --------------------------------------------------------------------------------

  async restore(chosen: RecoverySnapshot): Promise<void> {
    if (!(await this.documents.confirmDiscard())) return;
    const loaded = this.session.adoptRecovered(chosen.content, chosen.name);
    if (!loaded.ok) return this.say('error', loaded.error);
    this.show(loaded.doc);
    // The restored work now lives in this session: once its own recovery copy is on disk (not
    // before: a crash in between would leave none), the old one goes.
    if (await this.session.persistRecovery()) await this.host.api.clearRecovery(chosen.sessionId).catch(() => undefined);
    this.dropRecovery(chosen);
    this.say('info', `Restored ${chosen.name ?? 'the unsaved document'}: save it to keep it.`);
  }

  async discardRecovery(chosen: RecoverySnapshot): Promise<void> {
    await this.host.api.clearRecovery(chosen.sessionId).catch((error: unknown) => this.say('error', messageOf(error)));
    this.dropRecovery(chosen);
  }

  /** Recovery → Later: the snapshots stay on disk, offered again at the next start. */
  postponeRecovery(): void {
    this.patch({ recovery: [] });
  }

  private dropRecovery(chosen: RecoverySnapshot): void {
    this.patch({ recovery: this.current.recovery.filter((s) => s.sessionId !== chosen.sessionId) });
  }

  // --- the in-page file picker (browser host) --------------------------------------------------

  /** Shows the picker; resolves with the chosen name, or null when cancelled. */
  pick(request: PickRequest): Promise<string | null> {
    this.resolvePick?.(null);
    return new Promise((resolve) => {
      this.resolvePick = resolve;
      this.patch({ pick: request });
    });
  }

  picked(name: string | null): void {
    const resolve = this.resolvePick;
    this.resolvePick = null;
    this.patch({ pick: null });
    resolve?.(name);
    this.surface?.focus();
  }

  readonly askDiscard = (question: string): Promise<boolean> => {
    if (this.host.confirm) return Promise.resolve(this.host.confirm(question));
    // One question at a time: a command still waiting for an earlier one hears No.
    this.resolveDiscard?.(false);
    return new Promise<boolean>((resolve) => {
      this.resolveDiscard = resolve;
      this.patch({ discard: question });
    });
  };

  /** The user's answer to the discard dialog; the command waiting for it goes on (or stops). */
  discardAnswered(discard: boolean): void {
    const resolve = this.resolveDiscard;
    this.resolveDiscard = null;
    this.patch({ discard: null });
    resolve?.(discard);
    // Back to the editor unless the command goes on to a dialog of its own (picker, proposals).
    if (!discard) setTimeout(() => this.surface?.focus(), 0);
  }

  /** The user's answer to the conflict dialog; the save waiting for it goes on. */
  conflictChosen(choice: ConflictChoice): void {
    const resolve = this.resolveConflict;
    this.resolveConflict = null;
    this.patch({ conflict: null });
    resolve?.(choice);
    // Back to the editor after the key that chose is done (an Enter must not reach the page); Save
    // As opens its own dialog, which takes the focus and gives it back.
    if (choice !== 'save-as') setTimeout(() => this.surface?.focus(), 0);
  }
}
