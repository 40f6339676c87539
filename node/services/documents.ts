/**
 * Documents on disk: open (a `.plenary` file, or a `.txt`/`.docx` imported on the way in), save
 * (validated first — an invalid document is never written — then atomically, keeping `.bak`), and
 * export to Word. Every failure is a one-line message for the user; nothing on disk changes then.
 */
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import { exportDocx } from '../../shared/export/index.js';
import { writeFileAtomic } from '../file/index.js';
import { messageOf } from '../../shared/errors/index.js';
import { FileFormatError } from '../../shared/file/index.js';
import { DOCUMENT_SIZE_LIMIT, documentTooLarge, parseDocument, serializeDocument } from '../../shared/file/index.js';
import { readDocumentBytesIsolated, readDocumentFileIsolated, type InputDocument } from '../file/index.js';
import { saveDocument as writeDocumentFile } from '../file/index.js';
import type { ExportMode } from '../../shared/ipc/index.js';

export const PLENARY_EXTENSION = '.plenary';
export const DOCX_EXTENSION = '.docx';

export interface LoadedDocument {
  /** `.plenary` JSON of the document. */
  content: string;
  /** True when it came from a `.txt` or `.docx`: saving must go to a new `.plenary` name. */
  imported: boolean;
  warnings: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export async function loadDocument(filePath: string): Promise<Result<LoadedDocument>> {
  return loaded(
    path.basename(filePath),
    () => readDocumentFileIsolated(filePath),
    (kind) => kind !== 'plenary',
  );
}

/**
 * A document dropped on the window, as bytes: it has no file the app may write to, so it opens
 * as imported (Save asks for a name), whatever its kind.
 */
export async function loadDroppedDocument(name: string, bytes: Uint8Array): Promise<Result<LoadedDocument>> {
  return loaded(
    name,
    () => readDocumentBytesIsolated(name, bytes),
    () => true,
  );
}

async function loaded(
  name: string,
  read: () => Promise<InputDocument>,
  imported: (kind: InputDocument['kind']) => boolean,
): Promise<Result<LoadedDocument>> {
  try {
    const { doc, kind, warnings, metadata } = await read();
    // Re-serialised (not the file's text): an older format version reaches the renderer upgraded,
    // and the original `created` date travels with the content to the next save.
    const content = serializeDocument(doc, metadata ?? undefined);
    // What opens must save: a document past the one limit is refused now, not after the work.
    if (content.length > DOCUMENT_SIZE_LIMIT) return { ok: false, error: `Cannot open ${name}: ${documentTooLarge(content.length)}` };
    return { ok: true, value: { content, imported: imported(kind), warnings } };
  } catch (error) {
    return { ok: false, error: `Cannot open ${name}: ${messageOf(error)}` };
  }
}

/** The document in `.plenary` JSON, or why it is not a valid one. */
export function checkDocument(content: string): Result<Node> {
  try {
    return { ok: true, value: parseDocument(content).doc };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** Validates, then writes atomically over `filePath`, keeping the previous version as `.bak`. */
export async function saveDocument(filePath: string, content: string): Promise<Result<null>> {
  try {
    await writeDocumentFile(filePath, content, { backup: true });
    return { ok: true, value: null };
  } catch (error) {
    if (error instanceof FileFormatError) return { ok: false, error: invalidDocument('saved', messageOf(error)) };
    return { ok: false, error: `Could not save ${path.basename(filePath)}: ${messageOf(error)}` };
  }
}

export function invalidDocument(what: 'saved' | 'exported', why: string): string {
  return `Not ${what}: the document is invalid (${why}).`;
}

/** Renders the document to Word in a mode (markup, final, original). */
export async function renderDocx(content: string, mode: ExportMode): Promise<Result<Uint8Array>> {
  const checked = checkDocument(content);
  if (!checked.ok) return { ok: false, error: invalidDocument('exported', checked.error) };
  try {
    return { ok: true, value: await exportDocx(checked.value, { mode }) };
  } catch (error) {
    return { ok: false, error: `Export to Word failed: ${messageOf(error)}` };
  }
}

export async function writeOrExplain(filePath: string, data: string | Uint8Array, backup: boolean): Promise<Result<null>> {
  try {
    await writeFileAtomic(filePath, data, { backup });
    return { ok: true, value: null };
  } catch (error) {
    return { ok: false, error: `Could not write ${path.basename(filePath)}: ${messageOf(error)}` };
  }
}

/** A file name with the wanted extension (added when the user typed none or another one). */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension) ? name : `${name.replace(/\.(plenary|docx|txt)$/i, '')}${extension}`;
}
