/**
 * The host side of `PlenaryApi` (everything but `onMenuCommand`), over the Node services. Electron's
 * main process makes one per window; the browser host of `plenary serve` makes one per page.
 *
 * Requests must already be validated (shared/ipc/validate.ts; `callHostApi` does both). User errors
 * come back as `{ ok: false, error }` outcomes; a fileId that was never granted throws
 * NotGrantedError, because only a buggy or hostile renderer sends one.
 */
import path from 'node:path';
import type {
  AddToLibraryOutcome,
  DocumentJson,
  ExportMode,
  ExportOutcome,
  LibraryDuplicateChoice,
  LibraryText,
  LibraryTextInfo,
  OpenOutcome,
  PlenaryApi,
  RecentFile,
  SaveOutcome,
  Settings,
} from '../../shared/ipc/index.js';
import {
  DOCX_EXTENSION,
  PLENARY_EXTENSION,
  checkDocument,
  invalidDocument,
  loadDocument,
  loadDroppedDocument,
  renderDocx,
  saveDocument,
  withExtension,
  writeOrExplain,
} from './documents.js';
import { NotGrantedError } from './grants.js';
import { diskRevision, modifiedAt, OVERWRITE } from './revision.js';
import type { FileScope } from './scope.js';
import { bundledLibraryDir, Library, LibraryError, type LibraryEntry } from './library.js';
import { parseDocument } from '../../shared/file/index.js';
import { messageOf } from '../../shared/errors/index.js';
import type { HostStores } from './stores.js';

export type HostApi = Omit<PlenaryApi, 'onMenuCommand'>;

/**
 * Why a file is being chosen: `open` opens it as this window's document (Electron may hand it to
 * another window instead: one window per file); `revise` only reads the resolution a new
 * contribution is built from, so the file stays with nobody.
 */
export type OpenPurpose = 'open' | 'revise' | 'compare' | 'library';

/** Native (Electron) or page (browser host) dialogs. They return paths; the renderer never sees them. */
export interface HostDialogs {
  /** The file the user picked (.plenary, .txt, .docx), or null when cancelled. */
  chooseOpenPath(purpose: OpenPurpose): Promise<string | null>;
  /** Where to write, or null when cancelled. `kind` selects the dialog's file filter. */
  chooseSavePath(suggestedName: string, kind: 'plenary' | 'docx'): Promise<string | null>;
}

export interface HostApiDeps {
  /** Shared by every window of one host process (openHostStores). */
  stores: HostStores;
  dialogs: HostDialogs;
  /** The file this window was opened for (command line, file association, `serve` argument). */
  initialPath?: string | null;
  /** Unsaved-changes notifications (window title marker, close prompt). */
  onDirtyChange?: (dirty: boolean, name: string | null) => void;
  /** Called after a file was opened or saved in this window, with its path (window ↔ file map). */
  onDocumentPath?: (filePath: string) => void;
  /**
   * The files this host may open, save and list as recent (the browser host: its folder); every
   * file when absent (Electron: the user's own dialogs).
   */
  scope?: FileScope;
  /** Shows a file in the system's file manager (Electron: shell.showItemInFolder); absent in a browser host. */
  reveal?: (filePath: string) => void;
}

/** The library of texts in force of each host process, opened (and seeded) on first use. */
const libraries = new WeakMap<HostStores, Promise<Library>>();

/** An entry as the renderer sees it: without its file name. */
function libraryTextOf({ file: _file, ...text }: LibraryEntry): LibraryText {
  return text;
}

function libraryOf(stores: HostStores): Promise<Library> {
  let library = libraries.get(stores);
  if (!library) {
    const seedDir = bundledLibraryDir();
    library = Library.open(stores.userDataDir, seedDir ? { seedDir } : {});
    // A failed open (a damaged index) is tried again on the next request, after the user moved it away.
    library.catch(() => libraries.delete(stores));
    libraries.set(stores, library);
  }
  return library;
}

export function createHostApi(deps: HostApiDeps): HostApi {
  const { stores, dialogs } = deps;
  /** Where this window last exported to: the only file `revealExport` may show. */
  let lastExport: string | null = null;

  const inScope = async (filePath: string): Promise<boolean> => (deps.scope ? deps.scope(filePath) : true);
  const outOfScope = (filePath: string) => ({
    ok: false as const,
    error: `${path.basename(filePath)} is outside the folder this host serves.`,
  });

  async function openPath(filePath: string): Promise<OpenOutcome> {
    if (!(await inScope(filePath))) return outOfScope(filePath);
    const loaded = await loadDocument(filePath);
    if (!loaded.ok) return loaded;
    const fileId = stores.grants.grant(filePath);
    await stores.recent.add(filePath);
    deps.onDocumentPath?.(filePath);
    return {
      ok: true,
      document: { fileId, name: path.basename(filePath), ...loaded.value, revision: await diskRevision(filePath) },
    };
  }

  /**
   * Saves of one file, one after the other (two tabs of the browser host share this api): each
   * checks the revision on disk after the previous one has written, so no save is lost unseen.
   */
  const saving = new Map<string, Promise<unknown>>();

  function oneAtATime<T>(filePath: string, work: () => Promise<T>): Promise<T> {
    const previous = saving.get(filePath) ?? Promise.resolve();
    const next = previous.then(work, work);
    saving.set(filePath, next);
    void next.finally(() => {
      if (saving.get(filePath) === next) saving.delete(filePath);
    });
    return next;
  }

  /** `expected`: the revision the document is based on; null for a new file chosen in a dialog. */
  async function writeDocumentTo(filePath: string, content: string, expected: string | null = null): Promise<SaveOutcome> {
    if (!(await inScope(filePath))) return outOfScope(filePath);
    return oneAtATime(filePath, async () => {
      if (expected !== null && expected !== OVERWRITE && (await diskRevision(filePath)) !== expected) {
        const changedAt = await modifiedAt(filePath);
        return {
          ok: false,
          conflict: true,
          error: `${path.basename(filePath)} was ${changedAt ? 'changed' : 'deleted or moved'} on disk (by another window or program) since it was opened or saved here.`,
          ...(changedAt ? { changedAt } : {}),
        };
      }
      const saved = await saveDocument(filePath, content);
      if (!saved.ok) return saved;
      const fileId = stores.grants.grant(filePath);
      await stores.recent.add(filePath);
      deps.onDocumentPath?.(filePath);
      return { ok: true, fileId, name: path.basename(filePath), revision: await diskRevision(filePath) };
    });
  }

  async function readChosen(purpose: Exclude<OpenPurpose, 'open'>): Promise<OpenOutcome | null> {
    const chosen = await dialogs.chooseOpenPath(purpose);
    if (chosen === null) return null;
    if (!(await inScope(chosen))) return outOfScope(chosen);
    const loaded = await loadDocument(chosen);
    if (!loaded.ok) return loaded;
    return { ok: true, document: { fileId: '', name: path.basename(chosen), ...loaded.value, imported: true, revision: '' } };
  }

  return {
    async openDialog(): Promise<OpenOutcome | null> {
      const chosen = await dialogs.chooseOpenPath('open');
      return chosen === null ? null : openPath(chosen);
    },

    // Read, nothing more: no grant (the renderer can never save over the resolution in force, or
    // the version compared with), no recent entry, no window ↔ file tie — the contribution or the
    // comparison made from it is a new, untitled document.
    chooseResolution: () => readChosen('revise'),
    chooseVersion: () => readChosen('compare'),
    chooseLibraryFile: () => readChosen('library'),

    async addToLibrary(content: DocumentJson, info: LibraryTextInfo, duplicate: LibraryDuplicateChoice): Promise<AddToLibraryOutcome> {
      let doc;
      try {
        doc = parseDocument(content).doc;
      } catch (error) {
        return { ok: false, error: messageOf(error) };
      }
      const library = await libraryOf(stores);
      try {
        const added = await library.addDocument(doc, info, duplicate);
        if ('duplicate' in added) return { ok: false, duplicate: libraryTextOf(added.duplicate) };
        return { ok: true, text: libraryTextOf(added.entry), replaced: added.replaced };
      } catch (error) {
        if (error instanceof LibraryError) return { ok: false, error: error.message };
        throw error;
      }
    },

    async searchLibrary(query: string): Promise<LibraryText[]> {
      const library = await libraryOf(stores);
      return library.search(query, 50).map(({ item }) => libraryTextOf(item));
    },

    async readLibraryText(id: string): Promise<OpenOutcome> {
      const library = await libraryOf(stores);
      const entry = library.entries.find((candidate) => candidate.id === id);
      if (!entry) return { ok: false, error: 'That text is no longer in the library.' };
      const loaded = await loadDocument(library.fileOf(entry));
      if (!loaded.ok) return loaded;
      return { ok: true, document: { fileId: '', name: entry.numberLine, ...loaded.value, imported: true, revision: '' } };
    },

    async openDropped(name: string, dataBase64: string): Promise<OpenOutcome> {
      const loaded = await loadDroppedDocument(name, new Uint8Array(Buffer.from(dataBase64, 'base64')));
      return loaded.ok ? { ok: true, document: { fileId: '', name, ...loaded.value, revision: '' } } : loaded;
    },

    async openRecent(fileId: string): Promise<OpenOutcome> {
      const filePath = stores.grants.pathOf(fileId);
      // Ids are shared by every window of a process: one granted elsewhere is not this host's.
      if (!(await inScope(filePath))) throw new NotGrantedError();
      const outcome = await openPath(filePath);
      if (!outcome.ok) await stores.recent.remove(filePath).catch(() => undefined);
      return outcome;
    },

    async listRecent(): Promise<RecentFile[]> {
      // Listing the recent files to the user is a grant: picking one is the user's choice. Only
      // those in this host's scope are listed (the list is shared with the desktop app).
      const listed: string[] = [];
      for (const filePath of await stores.recent.list()) if (await inScope(filePath)) listed.push(filePath);
      return listed.map((filePath) => ({
        fileId: stores.grants.grant(filePath),
        name: path.basename(filePath),
        folder: path.dirname(filePath),
      }));
    },

    async initialDocument(): Promise<OpenOutcome | null> {
      return deps.initialPath ? openPath(deps.initialPath) : null;
    },

    async save(fileId: string, content: string, revision: string): Promise<SaveOutcome> {
      const filePath = stores.grants.pathOf(fileId);
      if (path.extname(filePath).toLowerCase() !== PLENARY_EXTENSION) {
        return {
          ok: false,
          error: `${path.basename(filePath)} was imported from another format: use Save As to save it as a .plenary file.`,
        };
      }
      return writeDocumentTo(filePath, content, revision);
    },

    async saveAs(content: string, suggestedName: string): Promise<SaveOutcome | null> {
      // Refuse before asking for a name: the user should not pick a file for a save that cannot happen.
      const checked = checkDocument(content);
      if (!checked.ok) return { ok: false, error: invalidDocument('saved', checked.error) };
      const chosen = await dialogs.chooseSavePath(withExtension(suggestedName || 'Untitled', PLENARY_EXTENSION), 'plenary');
      return chosen === null ? null : writeDocumentTo(withExtension(chosen, PLENARY_EXTENSION), content);
    },

    async exportDocx(content: string, mode: ExportMode, suggestedName: string): Promise<ExportOutcome | null> {
      const rendered = await renderDocx(content, mode);
      if (!rendered.ok) return rendered;
      const chosen = await dialogs.chooseSavePath(withExtension(suggestedName || 'Untitled', DOCX_EXTENSION), 'docx');
      if (chosen === null) return null;
      const target = withExtension(chosen, DOCX_EXTENSION);
      if (!(await inScope(target))) return outOfScope(target);
      // An export over an earlier one keeps it as .bak, as a save does.
      const written = await writeOrExplain(target, rendered.value, true);
      if (!written.ok) return written;
      lastExport = target;
      return { ok: true, name: path.basename(target) };
    },

    async revealExport(): Promise<boolean> {
      if (!deps.reveal || lastExport === null) return false;
      deps.reveal(lastExport);
      return true;
    },

    async writeRecovery(sessionId: string, name: string | null, content: string): Promise<void> {
      await stores.recovery.write(sessionId, name, content);
    },

    async clearRecovery(sessionId: string): Promise<void> {
      await stores.recovery.clear(sessionId);
    },

    listRecovery: () => stores.recovery.list(),

    getSettings: (): Promise<Settings> => stores.settings.get(),

    setSettings: (update: Partial<Settings>): Promise<Settings> => stores.settings.set(update),

    async setDirty(dirty: boolean, name: string | null): Promise<void> {
      deps.onDirtyChange?.(dirty, name);
    },

    // Only a window that closes after a save cares (electron/windows.ts); the browser host has none.
    async saveEnded(): Promise<void> {},
  };
}
