/**
 * Schemas for every request the renderer sends to a host (Electron IPC or the browser host's HTTP).
 * The renderer is untrusted: a host validates each call with `parseRequest` before touching a
 * service, and a malformed call is rejected with a one-line `InvalidRequestError`, never a crash.
 *
 * Arguments travel as the positional tuple of the `PlenaryApi` method (`save(fileId, content)` →
 * `[fileId, content]`), so the same schemas serve both hosts.
 */
import { z } from 'zod';
import { UserFacingError } from '../errors/index.js';
import { DOCUMENT_SIZE_LIMIT } from '../file/index.js';
import { LANGUAGE_CODES } from '../languages/index.js';
import { BODIES } from '../proposals/index.js';
import type { PlenaryApi } from './api.js';

/** The methods a host serves; `onMenuCommand` is an event from the host, not a request. */
export type HostMethod = Exclude<keyof PlenaryApi, 'onMenuCommand'>;

/** A document is at most this many UTF-16 units of `.plenary` JSON: the one limit (shared/file/limits.ts). */
const MAX_CONTENT_LENGTH = DOCUMENT_SIZE_LIMIT;
const MAX_NAME_LENGTH = 255;

/** The opaque ids the host hands out (node/services/grants.ts): `f_` and 16 random bytes. */
export const FILE_ID_PATTERN = /^f_[A-Za-z0-9_-]{22}$/;
/** Session ids become file names in the recovery folder: a safe alphabet only. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const fileIdSchema = z.string().regex(FILE_ID_PATTERN, 'not a file id');
const sessionIdSchema = z.string().regex(SESSION_ID_PATTERN, 'not a session id');
const contentSchema = z.string().max(MAX_CONTENT_LENGTH, 'document too large');
/** A dropped file in base64, under the same cap as a document's text. */
const droppedDataSchema = z
  .string()
  .max(MAX_CONTENT_LENGTH, 'file too large')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

/** A file name suggested for a dialog: no folders, no control characters. */
const suggestedNameSchema = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine((name) => !/[/\\]/.test(name) && !hasControlCharacter(name), 'a file name, not a path');
/** A display name (window title, recovery label). */
const displayNameSchema = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine((name) => !hasControlCharacter(name), 'no control characters');
const exportModeSchema = z.enum(['markup', 'final', 'original']);
const settingsUpdateSchema = z
  .object({
    authorName: z.string().trim().max(200),
    language: z.enum(LANGUAGE_CODES),
  })
  .partial()
  .strict();

/** A text's description as the user corrected it: `30` or `1.2`, a known body, a version line, one of the six languages. */
const libraryTextInfoSchema = z
  .object({
    number: z
      .string()
      .regex(/^\d{1,6}(?:[./]\d{1,6}){0,3}$/, 'a number such as 30 or 1332')
      .nullable(),
    body: z.enum(BODIES).nullable(),
    version: displayNameSchema.pipe(z.string().trim().min(1, 'a version such as Rev. Kigali, 2022').max(200)),
    language: z.enum(LANGUAGE_CODES),
  })
  .strict();

const none = z.tuple([]);

const requestSchemas = {
  openDialog: none,
  openRecent: z.tuple([fileIdSchema]),
  listRecent: none,
  initialDocument: none,
  openDropped: z.tuple([displayNameSchema, droppedDataSchema]),
  chooseResolution: none,
  chooseVersion: none,
  searchLibrary: z.tuple([z.string().max(200, 'query too long')]),
  readLibraryText: z.tuple([z.string().regex(/^[0-9a-z]{1,32}$/, 'not a library text id')]),
  chooseLibraryFile: none,
  addToLibrary: z.tuple([contentSchema, libraryTextInfoSchema, z.enum(['ask', 'replace', 'keep-both'])]),
  save: z.tuple([fileIdSchema, contentSchema, z.string().max(200)]),
  saveAs: z.tuple([contentSchema, suggestedNameSchema]),
  exportDocx: z.tuple([contentSchema, exportModeSchema, suggestedNameSchema]),
  revealExport: none,
  writeRecovery: z.tuple([sessionIdSchema, displayNameSchema.nullable(), contentSchema]),
  clearRecovery: z.tuple([sessionIdSchema]),
  listRecovery: none,
  getSettings: none,
  setSettings: z.tuple([settingsUpdateSchema]),
  setDirty: z.tuple([z.boolean(), displayNameSchema.nullable()]),
  saveEnded: z.tuple([z.boolean()]),
} satisfies { [M in HostMethod]: z.ZodType<Parameters<PlenaryApi[M]>> };

export const HOST_METHODS = Object.keys(requestSchemas) as HostMethod[];

/** A request the host refuses (wrong method or arguments); one line, sent back to the renderer. */
export class InvalidRequestError extends UserFacingError {
  override name = 'InvalidRequestError';
}

function isHostMethod(method: unknown): method is HostMethod {
  return typeof method === 'string' && Object.hasOwn(requestSchemas, method);
}

/** The typed arguments of a call, or an InvalidRequestError naming the method and what is wrong. */
export function parseRequest<M extends HostMethod>(method: M, args: unknown): Parameters<PlenaryApi[M]>;
export function parseRequest(method: unknown, args: unknown): unknown[];
export function parseRequest(method: unknown, args: unknown): unknown[] {
  if (!isHostMethod(method)) throw new InvalidRequestError(`invalid request: unknown method ${describe(method)}`);
  const result = requestSchemas[method].safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
    throw new InvalidRequestError(`invalid request to ${method}${where}: ${issue?.message ?? 'malformed'}`);
  }
  return result.data;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
