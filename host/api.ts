/**
 * `PlenaryApi` over HTTP: `POST /api/call/<method>` runs a host method through the Node services,
 * `POST /api/picker` lists the files the in-page picker offers. Files are opened and saved only
 * through the services: the renderer holds opaque fileIds, and the picker names a file inside one
 * folder (the folder of the file given at launch, or the working folder), resolved here — never a
 * path from the page.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdir, realpath } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { callHostApi, createHostApi, folderScope, type HostStores } from '../node/services/index.js';
import { DOCUMENT_SIZE_LIMIT } from '../shared/file/index.js';
import {
  PICKER_EXTENSIONS,
  PICKER_PURPOSES,
  fileNameProblem,
  folderPathProblem,
  type PickerListing,
  type PickerPurpose,
} from '../shared/ipc/index.js';
import { HttpError } from './http.js';

/**
 * Bodies above this are refused. A request carries at most one document of DOCUMENT_SIZE_LIMIT
 * UTF-16 units, which UTF-8 makes at most 3 bytes each (plus the envelope): the
 * document limit decides, not this one.
 */
const MAX_BODY_BYTES = 3 * DOCUMENT_SIZE_LIMIT + 1024 * 1024;

/** The API methods that open the in-page picker, and which files it lists for each. */
const DIALOG_PURPOSE: Partial<Record<string, PickerPurpose>> = {
  openDialog: 'open',
  chooseResolution: 'revise',
  chooseVersion: 'compare',
  chooseLibraryFile: 'library',
  saveAs: 'save',
  exportDocx: 'export',
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid request: the body is not JSON');
  }
}

/**
 * The sub-folders and the files of `relative` (inside the served folder, by real path): hidden
 * names, symbolic links and the data folder (settings, recovery) are not listed.
 */
async function listPicker(folder: string, dataDir: Promise<string>, purpose: PickerPurpose, relative: string): Promise<PickerListing> {
  const why = folderPathProblem(relative);
  if (why) throw new HttpError(400, `${relative}: ${why}`);
  const here = path.join(folder, ...relative.split('/').filter(Boolean));
  if (relative !== '' && !(await folderScope(folder)(here))) throw new HttpError(403, `${relative} is outside the folder this host serves`);
  const extensions = PICKER_EXTENSIONS[purpose];
  const names = await readdir(here, { withFileTypes: true }).catch(() => []);
  const hidden = await dataDir;
  const entries: PickerListing['entries'] = [];
  for (const entry of names) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      const real = await realpath(path.join(here, entry.name)).catch(() => null);
      if (real !== null && real !== hidden) entries.push({ name: entry.name, kind: 'folder' });
    } else if (entry.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      entries.push({ name: entry.name, kind: 'file' });
    }
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  return { folder: relative ? path.join(folder, relative) : folder, path: relative, entries };
}

export interface ApiContext {
  stores: HostStores;
  /** The file given at launch (granted: the user named it). */
  file: string | null;
  /** The folder the picker shows. */
  folder: string;
  /** The user-data folder (settings, recovery): never listed by the picker. */
  userDataDir: string;
}

/** The handler of `/api/…` requests for one launch. */
export function createApiHandler({ stores, file, folder, userDataDir }: ApiContext): (req: IncomingMessage, url: URL) => Promise<unknown> {
  const dataDir = realpath(userDataDir).catch(() => path.resolve(userDataDir));
  // The name the user picked in the page for the call being served: the dialogs read it here, so a
  // path never travels from the page and concurrent calls cannot see each other's choice.
  const choices = new AsyncLocalStorage<string | undefined>();
  const chosenPath = async () => {
    const choice = choices.getStore();
    // A choice may name a file in a sub-folder (`drafts/x.plenary`), checked by fileNameProblem.
    return choice === undefined ? null : path.join(folder, ...choice.split('/'));
  };
  const api = createHostApi({
    stores,
    initialPath: file,
    scope: folderScope(folder),
    dialogs: { chooseOpenPath: chosenPath, chooseSavePath: chosenPath },
  });

  return async (req, url) => {
    if (req.method !== 'POST') throw new HttpError(405, 'the API takes POST requests');
    const body = await readJson(req);
    if (url.pathname === '/api/picker') {
      const { purpose, folder: relative } = (body ?? {}) as { purpose?: unknown; folder?: unknown };
      if (!PICKER_PURPOSES.includes(purpose as PickerPurpose)) throw new HttpError(400, 'invalid request: unknown picker purpose');
      if (relative !== undefined && typeof relative !== 'string') throw new HttpError(400, 'invalid request: the folder is not a path');
      return listPicker(folder, dataDir, purpose as PickerPurpose, relative ?? '');
    }
    const match = /^\/api\/call\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) throw new HttpError(404, 'no such API');
    const method = match[1]!;
    const { args, choice } = (body ?? {}) as { args?: unknown; choice?: unknown };
    if (choice !== undefined) {
      const purpose = DIALOG_PURPOSE[method];
      if (!purpose || typeof choice !== 'string') throw new HttpError(400, `invalid request: ${method} takes no file choice`);
      const why = fileNameProblem(choice, purpose);
      if (why) throw new HttpError(400, `${choice}: ${why}`);
    }
    return choices.run(choice as string | undefined, () => callHostApi(api, method, args));
  };
}
