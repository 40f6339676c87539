/**
 * The contract between the renderer and whatever hosts it: Electron's preload (electron/preload.ts,
 * over IPC to electron/main.ts) or the browser host of `plenary serve` (over HTTP on 127.0.0.1).
 * Both implement `PlenaryApi` over the same Node services, so the end-to-end tests in Chromium
 * exercise the same code paths as the desktop app.
 *
 * Files are named by opaque `fileId`s that the host grants when the user picks a file in a dialog
 * or from the recent list: the renderer never sends a path of its own.
 */
import type { LanguageCode } from '../languages/index.js';
import type { MenuCommand } from '../commands/index.js';
import type { Body } from '../proposals/index.js';

/** The `.plenary` JSON text of a document (see shared/file). */
export type DocumentJson = string;

export interface OpenedDocument {
  fileId: string;
  /** File name for the window title, e.g. `res-1332.plenary`. */
  name: string;
  /** The document as `.plenary` JSON (a `.txt` or `.docx` is imported by the host first). */
  content: DocumentJson;
  /** True when the file was imported from another format: Save must ask for a `.plenary` name. */
  imported: boolean;
  /** The file's version on disk when read (node/services/revision.ts); Save passes it back. */
  revision: string;
  warnings: string[];
}

export interface RecentFile {
  fileId: string;
  name: string;
  /** Folder shown to the user, for telling two files of the same name apart. */
  folder: string;
}

export type SaveOutcome =
  | { ok: true; fileId: string; name: string; revision: string }
  /**
   * `conflict`: the file on disk is not the version the document was opened or saved at;
   * `changedAt` (ISO) is when the file on disk was last modified, absent when it is gone.
   */
  | { ok: false; error: string; conflict?: boolean; changedAt?: string };
export type ExportOutcome = { ok: true; name: string } | { ok: false; error: string };
export type OpenOutcome = { ok: true; document: OpenedDocument } | { ok: false; error: string };

export interface RecoverySnapshot {
  /** One snapshot per editing session (window). */
  sessionId: string;
  /** The file it belongs to, when it had one. */
  name: string | null;
  savedAt: string;
  content: DocumentJson;
  /**
   * Set (one line, for the user) when the snapshot cannot be restored: unreadable, not JSON, or a
   * document that does not open. `content` is empty then; offer to discard it with clearRecovery.
   */
  damaged?: string;
}

export interface Settings {
  authorName: string;
  language: LanguageCode;
}

export type ExportMode = 'markup' | 'final' | 'original';

/** A text of the library of texts in force (node/services/library.ts), as a search lists it. */
export interface LibraryText {
  id: string;
  number: string | null;
  /** PP, Council, WTDC, WTSA, WRC, or null when the text does not say. */
  body: string | null;
  /** `Rév. Kigali, 2022`. */
  version: string;
  language: LanguageCode;
  title: string;
  numberLine: string;
}

/** What the user confirmed of a text added to the library (File → Add to Library…): the library's description, corrected. */
export interface LibraryTextInfo {
  number: string | null;
  body: Body | null;
  version: string;
  language: LanguageCode;
}

/**
 * When the library already holds a text of the same number, body, version and language: `ask`
 * stores nothing and answers `duplicate`; `replace` stores it in that text's place; `keep-both`
 * stores it beside.
 */
export type LibraryDuplicateChoice = 'ask' | 'replace' | 'keep-both';

export type AddToLibraryOutcome =
  { ok: true; text: LibraryText; replaced: boolean } | { ok: false; duplicate: LibraryText } | { ok: false; error: string };

/** Commands the host's native menu sends to the renderer: declared in the command registry. */
export type { MenuCommand };

export interface PlenaryApi {
  /** Shows the open dialog; null when the user cancels. Imports .txt/.docx. */
  openDialog(): Promise<OpenOutcome | null>;
  openRecent(fileId: string): Promise<OpenOutcome>;
  listRecent(): Promise<RecentFile[]>;
  /** The document this window was opened for (command line, file association, serve argument). */
  initialDocument(): Promise<OpenOutcome | null>;
  /**
   * A file the user dropped on the window, its bytes in base64: imported like an opened file, but
   * with no file to save over (Save asks for a name). Its `fileId` is empty.
   */
  openDropped(name: string, dataBase64: string): Promise<OpenOutcome>;
  /**
   * File → New revision of a resolution…: shows the open dialog for the resolution in force and
   * returns it imported, READ ONLY — the file is not granted, not added to the recent files and not
   * tied to this window (the contribution built from it is a new untitled document). Its `fileId`
   * is empty and `imported` is true, as for a dropped file. Null when the user cancels.
   */
  chooseResolution(): Promise<OpenOutcome | null>;
  /**
   * Shows the open dialog for the other version of the document to compare with (File → Compare
   * With Another Version…): read like `chooseResolution`, granted nothing, tied to no window.
   */
  chooseVersion(): Promise<OpenOutcome | null>;
  /** The texts of the library of texts in force that match `query` (number, title, words), best first; all of them for ''. */
  searchLibrary(query: string): Promise<LibraryText[]>;
  /**
   * File → Add to Library…: shows the open dialog for a text in force and returns it imported, READ
   * ONLY like `chooseResolution` (granted nothing). Null when the user cancels.
   */
  chooseLibraryFile(): Promise<OpenOutcome | null>;
  /**
   * Stores a document (`.plenary` JSON holding a resolution) in the library with the description
   * the user confirmed, through the same service as `plenary library add`; `duplicate` says what to
   * do when the library already holds that text.
   */
  addToLibrary(content: DocumentJson, info: LibraryTextInfo, duplicate: LibraryDuplicateChoice): Promise<AddToLibraryOutcome>;
  /** A text of the library as a document, READ ONLY like `chooseResolution` (granted nothing): the body of a new proposal. */
  readLibraryText(id: string): Promise<OpenOutcome>;
  /** Saves atomically over a granted file, keeping the previous version as `.bak`. */
  /**
   * Saves over the granted file if it is still at `revision` (the one the document was opened or
   * last saved at); `'*'` overwrites whatever is there (the user chose to, after a conflict).
   */
  save(fileId: string, content: DocumentJson, revision: string): Promise<SaveOutcome>;
  /** Shows the save dialog; null when the user cancels. */
  saveAs(content: DocumentJson, suggestedName: string): Promise<SaveOutcome | null>;
  exportDocx(content: DocumentJson, mode: ExportMode, suggestedName: string): Promise<ExportOutcome | null>;
  /** Shows the last exported file in the system's file manager; false where the host cannot (a browser). */
  revealExport(): Promise<boolean>;
  /** Recovery snapshot of the unsaved state of this session; the host writes it atomically. */
  writeRecovery(sessionId: string, name: string | null, content: DocumentJson): Promise<void>;
  clearRecovery(sessionId: string): Promise<void>;
  /** Snapshots left by sessions that ended without saving (crash, kill). */
  listRecovery(): Promise<RecoverySnapshot[]>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Partial<Settings>): Promise<Settings>;
  /** Tells the host whether there are unsaved changes (window title marker, close prompt). */
  setDirty(dirty: boolean, name: string | null): Promise<void>;
  /**
   * A Save or Save As command has ended, `saved` or not (cancelled, refused, failed, or the user
   * answered a save conflict with Cancel or Reload). One command may call save several times (a
   * conflict, then Overwrite): a host closing the window after the save it asked for waits for this.
   */
  saveEnded(saved: boolean): Promise<void>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    plenary?: PlenaryApi;
  }
}
