/**
 * The wire protocol between the renderer in a browser and `plenary serve`: `PlenaryApi` over HTTP
 * on 127.0.0.1. Shared by the server (host/serve.ts) and the client (renderer/host-api.ts).
 *
 * - `POST /api/call/<method>` with `{ args: [...], choice?: string }` → `{ ok: true, result }` or
 *   `{ ok: false, error }`. `choice` is the file name the user picked in the in-page picker, for
 *   the methods that show a dialog in Electron (openDialog, chooseResolution, chooseVersion, saveAs, exportDocx).
 * - `POST /api/picker` with `{ purpose }` → the folder the picker shows and the files in it.
 *
 * Every API request carries the launch token in the `x-plenary-token` header, set by the page. The
 * page gets it from the fragment of the URL `plenary serve` prints (`/#token=…`): no request sends
 * a fragment, and no cookie holds the token (a cookie of 127.0.0.1 goes to every local port).
 */
import type { HostMethod } from '../ipc/validate.js';

export const TOKEN_HEADER = 'x-plenary-token';
/** The key of the token in the page URL's fragment, and in the tab's sessionStorage. */
export const TOKEN_FRAGMENT = 'token';

/** The PlenaryApi methods a browser may call (onMenuCommand has no HTTP form: no native menu). */
export type ApiMethod = HostMethod;

/**
 * `revise`: the resolution in force a new contribution is made from; `compare`: the other version
 * of the document to compare with; `library`: a text to add to the library of texts in force (all
 * three read only, not opened).
 */
export const PICKER_PURPOSES = ['open', 'revise', 'compare', 'library', 'save', 'export'] as const;
export type PickerPurpose = (typeof PICKER_PURPOSES)[number];

/** File name extensions the picker shows for each purpose. */
export const PICKER_EXTENSIONS: Record<PickerPurpose, readonly string[]> = {
  open: ['.plenary', '.txt', '.docx'],
  revise: ['.plenary', '.txt', '.docx'],
  compare: ['.plenary', '.txt', '.docx'],
  library: ['.plenary', '.txt', '.docx'],
  save: ['.plenary'],
  export: ['.docx'],
};

export interface CallRequest {
  args: unknown[];
  choice?: string;
}

export interface PickerEntry {
  name: string;
  /** A sub-folder the picker can go into, or a file of the purpose's kinds. */
  kind: 'file' | 'folder';
}

export interface PickerListing {
  /** The folder, as shown to the user. */
  folder: string;
  /** Where the listing is, relative to the served folder (`''` at its top, `drafts/2026` below). */
  path: string;
  entries: PickerEntry[];
}

export type CallResponse = { ok: true; result: unknown } | { ok: false; error: string };

/**
 * A name the user picked or typed is a plain file name in the picker's folder: no separator, no
 * `..`, no control character. Returns the reason it is refused, or null.
 */
export function fileNameProblem(name: string, purpose: PickerPurpose): string | null {
  if (!name || name.length > 1024) return 'the file name is empty or too long';
  const why = folderPathProblem(name);
  if (why) return why;
  const lower = name.toLowerCase();
  if (!PICKER_EXTENSIONS[purpose].some((ext) => lower.endsWith(ext))) {
    return `the file name must end with ${PICKER_EXTENSIONS[purpose].join(', ')}`;
  }
  return null;
}

/**
 * A path inside the served folder, as the picker sends it (`drafts/res.plenary`, or `''` for the
 * folder itself): `/`-separated names, none empty, `.` or `..`, no `\`, no control character.
 * Returns the reason it is refused, or null. (The host also resolves it by real path: a symbolic
 * link cannot lead out of the folder.)
 */
export function folderPathProblem(relative: string): string | null {
  if (relative === '') return null;
  if (relative.length > 1024) return 'the path is too long';
  for (const part of relative.split('/')) {
    if (part === '' || part === '.' || part === '..' || part.includes('\\') || part.length > 255)
      return 'choose a file in the folder shown or its sub-folders, not a path';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(part)) return 'the file name holds a control character';
  }
  return null;
}
