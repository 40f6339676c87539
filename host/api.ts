/**
 * `PlenaryApi` over HTTP: `POST /api/call/<method>` runs a host method through the Node services,
 * `POST /api/picker` lists the files the in-page picker offers. Files are opened and saved only
 * through the services: the renderer holds opaque fileIds, and the picker names a file inside one
 * folder (the folder of the file given at launch, or the working folder), resolved here — never a
 * path from the page.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdir } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { callHostApi, createHostApi, type HostStores } from '../node/services/index.js';
import { PICKER_EXTENSIONS, PICKER_PURPOSES, fileNameProblem, type PickerListing, type PickerPurpose } from '../shared/ipc/index.js';
import { HttpError } from './http.js';

/** Bodies above this are refused: a 1,000-item resolution is about 1 MB of JSON. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The API methods that open the in-page picker, and which files it lists for each. */
const DIALOG_PURPOSE: Partial<Record<string, PickerPurpose>> = {
  openDialog: 'open',
  chooseResolution: 'revise',
  chooseVersion: 'compare',
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

async function listPicker(folder: string, purpose: PickerPurpose): Promise<PickerListing> {
  const extensions = PICKER_EXTENSIONS[purpose];
  const names = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const entries = names
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext)))
    .map((entry) => ({ name: entry.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { folder, entries };
}

export interface ApiContext {
  stores: HostStores;
  /** The file given at launch (granted: the user named it). */
  file: string | null;
  /** The folder the picker shows. */
  folder: string;
}

/** The handler of `/api/…` requests for one launch. */
export function createApiHandler({ stores, file, folder }: ApiContext): (req: IncomingMessage, url: URL) => Promise<unknown> {
  // The name the user picked in the page for the call being served: the dialogs read it here, so a
  // path never travels from the page and concurrent calls cannot see each other's choice.
  const choices = new AsyncLocalStorage<string | undefined>();
  const chosenPath = async () => {
    const choice = choices.getStore();
    return choice === undefined ? null : path.join(folder, choice);
  };
  const api = createHostApi({ stores, initialPath: file, dialogs: { chooseOpenPath: chosenPath, chooseSavePath: chosenPath } });

  return async (req, url) => {
    if (req.method !== 'POST') throw new HttpError(405, 'the API takes POST requests');
    const body = await readJson(req);
    if (url.pathname === '/api/picker') {
      const purpose = (body as { purpose?: unknown } | null)?.purpose;
      if (!PICKER_PURPOSES.includes(purpose as PickerPurpose)) throw new HttpError(400, 'invalid request: unknown picker purpose');
      return listPicker(folder, purpose as PickerPurpose);
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
