/**
 * Document windows: one per document. Each window gets its own HostApi (its dialogs are modal to
 * it, its dirty state drives its title and its close prompt); all share the host stores (grants,
 * recent list, settings, recovery).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell, type WebContents } from 'electron';
import type { MenuCommand } from '../shared/commands/index.js';
import {
  createHostApi,
  DOCX_EXTENSION,
  PLENARY_EXTENSION,
  sameFile,
  withExtension,
  type HostApi,
  type HostDialogs,
  type OpenPurpose,
} from '../node/services/index.js';
import type { HostStores } from '../node/services/index.js';
import { MENU_CHANNEL } from './channels.js';
import { RENDERER_URL, secureWebPreferences } from './security.js';

export interface DocumentWindowsOptions {
  stores: HostStores;
  preloadPath: string;
  platform: NodeJS.Platform;
  /** A document was opened or saved somewhere: the Open Recent menu must be rebuilt. */
  onRecentChanged: () => void;
}

/** The prompt's buttons, in this order (Save is the default, Cancel the escape answer). */
export const CLOSE_PROMPT_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

export function windowTitle(name: string | null, dirty: boolean): string {
  return `${name ?? 'Untitled'}${dirty ? ' •' : ''} — Plenary`;
}

const OPEN_DIALOG_TITLE: Record<OpenPurpose, string> = {
  open: 'Open',
  revise: 'Choose the resolution to revise',
  compare: 'Choose the other version to compare with',
  library: 'Choose a text to add to the library',
};

/** Where a new document is first offered to be saved: Documents, or home where there is none. */
function defaultFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

export class DocumentWindow {
  readonly api: HostApi;
  filePath: string | null = null;
  name: string | null = null;
  dirty = false;
  /** Nothing opened, typed or commanded here yet: a document opened from outside may replace it. */
  pristine = true;
  /** The user answered the prompt (or the save it asked for succeeded): the next close goes through. */
  private closeApproved = false;
  private prompting = false;
  private closeAfterSave = false;
  private readonly recoverySessions = new Set<string>();
  private readonly loaded: Promise<void>;

  constructor(
    readonly win: BrowserWindow,
    private readonly owner: DocumentWindows,
    initialPath: string | null,
  ) {
    if (initialPath) this.adoptPath(initialPath);
    this.loaded = new Promise((resolve) => win.webContents.once('did-finish-load', () => resolve()));
    const api = createHostApi({
      stores: owner.stores,
      dialogs: this.dialogs(),
      initialPath,
      onDirtyChange: (dirty, name) => this.markDirty(dirty, name),
      reveal: (filePath) => shell.showItemInFolder(filePath),
      onDocumentPath: (filePath) => {
        this.adoptPath(filePath);
        owner.documentTouched(filePath);
      },
    });
    this.api = {
      ...api,
      openRecent: async (fileId) => {
        const filePath = owner.stores.grants.pathOf(fileId);
        const elsewhere = owner.windowForPath(filePath);
        if (elsewhere && elsewhere !== this) {
          elsewhere.focus();
          return { ok: false, error: `${path.basename(filePath)} is already open in another window.` };
        }
        return api.openRecent(fileId);
      },
      saveEnded: async (saved) => this.saveEnded(saved),
      writeRecovery: async (sessionId, name, content) => {
        this.recoverySessions.add(sessionId);
        await api.writeRecovery(sessionId, name, content);
      },
    };
    win.on('close', (event) => {
      if (this.closeApproved || !this.dirty) return;
      event.preventDefault();
      void this.promptToClose();
    });
    win.on('closed', () => owner.windowClosed(this, this.takeRecoverySessions()));
    win.webContents.on('render-process-gone', (_event, details: { reason: string }) => this.rendererGone(details.reason));
    this.updateTitle();
  }

  /**
   * The page crashed or was killed: what it held is gone, its last snapshot is not. The snapshot is
   * kept (closing this window no longer discards it, and no prompt offers a "Save" the dead page
   * cannot do), marked as an orphan so that the page, reloaded at once, offers it for restoring.
   */
  private rendererGone(reason: string): void {
    if (reason === 'clean-exit' || this.win.isDestroyed()) return;
    for (const sessionId of this.recoverySessions) this.owner.stores.recovery.abandon(sessionId);
    this.recoverySessions.clear();
    this.dirty = false;
    this.closeAfterSave = false;
    this.updateTitle();
    void this.win.loadURL(RENDERER_URL);
  }

  private takeRecoverySessions(): string[] {
    const sessions = [...this.recoverySessions];
    this.recoverySessions.clear();
    return sessions;
  }

  get holdsDocument(): boolean {
    return this.filePath !== null || this.dirty || !this.pristine;
  }

  focus(): void {
    if (this.win.isMinimized()) this.win.restore();
    this.win.show();
    this.win.focus();
  }

  /** Sends a menu command once the page has loaded (a new window may still be loading). */
  async send(command: MenuCommand): Promise<void> {
    this.pristine = false;
    await this.loaded;
    if (!this.win.isDestroyed()) this.win.webContents.send(MENU_CHANNEL, command);
  }

  private adoptPath(filePath: string): void {
    this.filePath = path.resolve(filePath);
    this.name = path.basename(filePath);
    this.pristine = false;
    if (this.owner.platform === 'darwin') this.win.setRepresentedFilename(this.filePath);
    this.updateTitle();
  }

  private markDirty(dirty: boolean, name: string | null): void {
    this.dirty = dirty;
    if (dirty) this.pristine = false;
    if (name !== null) this.name = name;
    this.updateTitle();
  }

  private updateTitle(): void {
    if (this.win.isDestroyed()) return;
    this.win.setTitle(windowTitle(this.name, this.dirty));
    if (this.owner.platform === 'darwin') this.win.setDocumentEdited(this.dirty);
  }

  private async promptToClose(): Promise<void> {
    if (this.prompting) return;
    this.prompting = true;
    try {
      this.focus();
      const { response } = await dialog.showMessageBox(this.win, {
        type: 'warning',
        buttons: [...CLOSE_PROMPT_BUTTONS],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
        message: `Do you want to save the changes to ${this.name ?? 'Untitled'}?`,
        detail: "Your changes will be lost if you don't save them.",
      });
      if (response === 0) {
        // The renderer holds the document: ask it to save; saveEnded closes once it has. Not on the
        // first save call's outcome: a conflict is asked about in the page and saved again after.
        this.closeAfterSave = true;
        await this.send('save');
      } else if (response === 1) {
        // The snapshot goes before the window does: once the window is closed (and a quit may end
        // the process) nothing is left that would offer the discarded work at the next start.
        await this.owner.discardSnapshots(this.takeRecoverySessions());
        this.approveClose();
      } else {
        this.owner.closeCancelled();
      }
    } finally {
      this.prompting = false;
    }
  }

  private saveEnded(saved: boolean): void {
    if (!this.closeAfterSave) return;
    this.closeAfterSave = false;
    if (saved) {
      this.dirty = false;
      this.approveClose();
    } else {
      // Save As cancelled, the save failed, or a conflict answered with Cancel or Reload: keep the
      // window, and stop a quit in progress.
      this.owner.closeCancelled();
    }
  }

  private approveClose(): void {
    this.closeApproved = true;
    this.win.close();
    this.owner.closeApproved();
  }

  private dialogs(): HostDialogs {
    return {
      chooseOpenPath: async (purpose) => {
        const result = await dialog.showOpenDialog(this.win, {
          title: OPEN_DIALOG_TITLE[purpose],
          properties: ['openFile'],
          filters: [
            { name: 'Resolutions', extensions: ['plenary', 'txt', 'docx'] },
            { name: 'Plenary documents', extensions: ['plenary'] },
            { name: 'Text files', extensions: ['txt'] },
            { name: 'Word documents', extensions: ['docx'] },
          ],
        });
        const chosen = result.canceled ? undefined : result.filePaths[0];
        if (!chosen) return null;
        // A resolution to revise, a version to compare with, is only read (what is made from it is a
        // new untitled document): it belongs to no window, so none is focused, opened or retitled for it.
        if (purpose !== 'open') return chosen;
        // One window per document: another window takes it unless this one is still empty.
        const elsewhere = this.owner.windowForPath(chosen);
        if (elsewhere && elsewhere !== this) {
          elsewhere.focus();
          return null;
        }
        if (elsewhere !== this && this.holdsDocument) {
          this.owner.openPath(chosen);
          return null;
        }
        return chosen;
      },
      chooseSavePath: async (suggestedName, kind) => {
        const folder = this.filePath ? path.dirname(this.filePath) : defaultFolder();
        const result = await dialog.showSaveDialog(this.win, {
          title: kind === 'docx' ? 'Export to Word' : 'Save As',
          defaultPath: path.join(folder, suggestedName),
          filters:
            kind === 'docx' ? [{ name: 'Word document', extensions: ['docx'] }] : [{ name: 'Plenary document', extensions: ['plenary'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        if (result.canceled || !result.filePath) return null;
        // The dialog confirmed an overwrite of the name as typed; the extension is added here, so
        // a file of the completed name is asked about again (`Report` → an existing `Report.docx`).
        const target = withExtension(result.filePath, kind === 'docx' ? DOCX_EXTENSION : PLENARY_EXTENSION);
        if (target !== result.filePath && existsSync(target)) {
          const { response } = await dialog.showMessageBox(this.win, {
            type: 'warning',
            buttons: ['Replace', 'Cancel'],
            defaultId: 1,
            cancelId: 1,
            noLink: true,
            message: `${path.basename(target)} already exists. Do you want to replace it?`,
            detail: 'The file it replaces is kept beside it as .bak.',
          });
          if (response !== 0) return null;
        }
        // Another window holding that file keeps it: two windows never hold one file.
        const holder = this.owner.windowForPath(target);
        if (holder && holder !== this) {
          holder.focus();
          return null;
        }
        return target;
      },
    };
  }
}

export class DocumentWindows {
  readonly stores: HostStores;
  readonly platform: NodeJS.Platform;
  /** Set by app 'before-quit'; a cancelled prompt clears it. */
  quitting = false;
  private readonly windows = new Set<DocumentWindow>();
  private readonly discarding = new Set<Promise<void>>();

  constructor(private readonly options: DocumentWindowsOptions) {
    this.stores = options.stores;
    this.platform = options.platform;
  }

  /** Opens a document in its own window, or focuses the window that already shows it. */
  openPath(filePath: string): DocumentWindow {
    const existing = this.windowForPath(filePath);
    if (existing) {
      existing.focus();
      return existing;
    }
    return this.create(path.resolve(filePath));
  }

  /** An empty window (the renderer shows its start page, recovery offer included). */
  openEmpty(): DocumentWindow {
    return this.create(null);
  }

  /** New resolution / new revision / new proposals: in the focused window if it is still empty, else a new one. */
  newDocument(command: Extract<MenuCommand, 'new-resolution' | 'new-revision' | 'new-proposals'>): void {
    const focused = this.focused();
    const target = focused && !focused.holdsDocument ? focused : this.openEmpty();
    void target.send(command);
  }

  /** A command for the focused document window; with none (macOS), a new window gets it. */
  command(command: MenuCommand): void {
    if (command === 'new-resolution' || command === 'new-revision' || command === 'new-proposals') return this.newDocument(command);
    const target = this.focused() ?? (command === 'open' ? this.openEmpty() : undefined);
    if (target) void target.send(command);
  }

  closeFocused(): void {
    this.focused()?.win.close();
  }

  focusAny(): void {
    const target = this.focused() ?? [...this.windows].at(-1);
    if (target) target.focus();
    else this.openEmpty();
  }

  /** The window holding this file, by device and inode: a symbolic link to it is the same file. */
  windowForPath(filePath: string): DocumentWindow | undefined {
    return [...this.windows].find((candidate) => candidate.filePath !== null && sameFile(candidate.filePath, filePath));
  }

  fromContents(contents: WebContents): DocumentWindow | undefined {
    return [...this.windows].find((candidate) => !candidate.win.isDestroyed() && candidate.win.webContents === contents);
  }

  focused(): DocumentWindow | undefined {
    const win = BrowserWindow.getFocusedWindow();
    return [...this.windows].find((candidate) => candidate.win === win);
  }

  all(): DocumentWindow[] {
    return [...this.windows];
  }

  documentTouched(filePath: string): void {
    app.addRecentDocument(filePath);
    this.options.onRecentChanged();
  }

  windowClosed(closed: DocumentWindow, recoverySessions: string[]): void {
    this.windows.delete(closed);
    // Closed deliberately (saved or clean): its snapshots are obsolete. A crashed page's sessions
    // were handed over to the recovery list, so they are not among these and stay.
    void this.discardSnapshots(recoverySessions);
  }

  /** Deletes these sessions' snapshots after their pending writes; `settled()` waits for it. */
  discardSnapshots(sessionIds: readonly string[]): Promise<void> {
    const done = Promise.all(sessionIds.map((sessionId) => this.stores.recovery.discard(sessionId).catch(() => undefined))).then(
      () => undefined,
    );
    this.discarding.add(done);
    void done.finally(() => this.discarding.delete(done));
    return done;
  }

  /** Every snapshot deletion started so far has finished (the app waits for it before quitting). */
  async settled(): Promise<void> {
    await Promise.all([...this.discarding]);
  }

  closeApproved(): void {
    if (this.quitting) app.quit();
  }

  closeCancelled(): void {
    this.quitting = false;
  }

  private create(initialPath: string | null): DocumentWindow {
    const win = new BrowserWindow({
      width: 1100,
      height: 850,
      minWidth: 640,
      minHeight: 480,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.options.preloadPath),
    });
    const documentWindow = new DocumentWindow(win, this, initialPath);
    this.windows.add(documentWindow);
    win.once('ready-to-show', () => win.show());
    void win.loadURL(RENDERER_URL);
    return documentWindow;
  }
}
