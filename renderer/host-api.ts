/**
 * `PlenaryApi` over HTTP, for the renderer running in a browser against `plenary serve` (when no
 * preload provided `window.plenary`). Every call is a POST to the same origin with the launch token.
 *
 * The methods that show a native dialog in Electron (open, choose a resolution, save as, export)
 * show the in-page picker instead: the host lists the files of its folder, the user picks or types
 * a name, and the host resolves it inside that folder. The renderer never sends a path.
 */
import { UserFacingError } from '../shared/errors/index.js';
import type {
  AddToLibraryOutcome,
  DocumentJson,
  ExportMode,
  ExportOutcome,
  LibraryText,
  MenuCommand,
  OpenOutcome,
  PlenaryApi,
  RecentFile,
  RecoverySnapshot,
  SaveOutcome,
  Settings,
} from '../shared/ipc/index.js';
import {
  TOKEN_FRAGMENT,
  TOKEN_HEADER,
  type ApiMethod,
  type CallRequest,
  type CallResponse,
  type PickerListing,
  type PickerPurpose,
} from '../shared/ipc/index.js';

export interface PickRequest {
  purpose: PickerPurpose;
  listing: PickerListing;
  /** Proposed name for save and export. */
  suggestedName?: string;
  /** The listing of a sub-folder (relative to the served folder), for going into it and back. */
  browse?(folder: string): Promise<PickerListing>;
}

/** Shows the in-page picker; resolves with the chosen file name, or null when cancelled. */
export type Picker = (request: PickRequest) => Promise<string | null>;

/** What the browser host refused or failed to do, as one line for the user. */
export class HostError extends UserFacingError {
  override name = 'HostError';
}

/** Where the page keeps the token once taken from the URL: this tab only, this origin only. */
const TOKEN_STORAGE_KEY = `plenary.${TOKEN_FRAGMENT}`;

/**
 * The launch token: from the URL's fragment (`#token=…`) the first time, then from this tab's
 * sessionStorage, so that a reload still works once the token is out of the address bar. The
 * fragment is removed with replaceState: the token stays out of the history and of a copied link.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_FRAGMENT);
  if (fragment) {
    storage.setItem(TOKEN_STORAGE_KEY, fragment);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fragment;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

export function createHttpApi(options: { token: string; pick: Picker; base?: string }): PlenaryApi {
  const base = options.base ?? '';

  async function post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new HostError('The Plenary host does not answer: is `plenary serve` still running?');
    }
    const text = await response.text();
    let parsed: CallResponse;
    try {
      parsed = JSON.parse(text) as CallResponse;
    } catch {
      throw new HostError(`The Plenary host answered ${response.status} without a readable reply.`);
    }
    if (!parsed.ok) throw new HostError(parsed.error);
    return parsed.result as T;
  }

  const call = <T>(method: ApiMethod, args: unknown[], choice?: string): Promise<T> => {
    const request: CallRequest = choice === undefined ? { args } : { args, choice };
    return post<T>(`/api/call/${method}`, request);
  };

  async function choose(purpose: PickerPurpose, suggestedName?: string): Promise<string | null> {
    const listing = await post<PickerListing>('/api/picker', { purpose });
    const browse = (folder: string) => post<PickerListing>('/api/picker', { purpose, folder });
    return options.pick(suggestedName === undefined ? { purpose, listing, browse } : { purpose, listing, suggestedName, browse });
  }

  return {
    async openDialog(): Promise<OpenOutcome | null> {
      const choice = await choose('open');
      return choice === null ? null : call<OpenOutcome | null>('openDialog', [], choice);
    },
    openRecent: (fileId) => call<OpenOutcome>('openRecent', [fileId]),
    listRecent: () => call<RecentFile[]>('listRecent', []),
    initialDocument: () => call<OpenOutcome | null>('initialDocument', []),
    openDropped: (name, dataBase64) => call<OpenOutcome>('openDropped', [name, dataBase64]),
    async chooseResolution(): Promise<OpenOutcome | null> {
      const choice = await choose('revise');
      return choice === null ? null : call<OpenOutcome | null>('chooseResolution', [], choice);
    },
    async chooseVersion(): Promise<OpenOutcome | null> {
      const choice = await choose('compare');
      return choice === null ? null : call<OpenOutcome | null>('chooseVersion', [], choice);
    },
    async chooseLibraryFile(): Promise<OpenOutcome | null> {
      const choice = await choose('library');
      return choice === null ? null : call<OpenOutcome | null>('chooseLibraryFile', [], choice);
    },
    addToLibrary: (content, info, duplicate) => call<AddToLibraryOutcome>('addToLibrary', [content, info, duplicate]),
    searchLibrary: (query) => call<LibraryText[]>('searchLibrary', [query]),
    readLibraryText: (id) => call<OpenOutcome>('readLibraryText', [id]),
    revealExport: () => call<boolean>('revealExport', []),
    save: (fileId: string, content: DocumentJson, revision: string) => call<SaveOutcome>('save', [fileId, content, revision]),
    async saveAs(content: DocumentJson, suggestedName: string): Promise<SaveOutcome | null> {
      const choice = await choose('save', suggestedName);
      return choice === null ? null : call<SaveOutcome | null>('saveAs', [content, suggestedName], choice);
    },
    async exportDocx(content: DocumentJson, mode: ExportMode, suggestedName: string): Promise<ExportOutcome | null> {
      const choice = await choose('export', suggestedName);
      return choice === null ? null : call<ExportOutcome | null>('exportDocx', [content, mode, suggestedName], choice);
    },
    writeRecovery: (sessionId, name, content) => call<void>('writeRecovery', [sessionId, name, content]),
    clearRecovery: (sessionId) => call<void>('clearRecovery', [sessionId]),
    listRecovery: () => call<RecoverySnapshot[]>('listRecovery', []),
    getSettings: () => call<Settings>('getSettings', []),
    setSettings: (settings) => call<Settings>('setSettings', [settings]),
    setDirty: (dirty, name) => call<void>('setDirty', [dirty, name]),
    // No window of the browser host closes after a save: nothing to tell the server.
    saveEnded: async () => undefined,
    // A browser has no native menu: the page's own shortcuts and toolbar send the commands.
    onMenuCommand: (_listener: (command: MenuCommand) => void) => () => undefined,
  };
}
