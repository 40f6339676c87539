/**
 * Reading any file a user may hand to Plenary (File → Open, the CLI, the browser host): a `.plenary`
 * document, an ITU plain text, or a Word file. Cheap checks come first, so a wrong or huge file is
 * refused with a clear one-line message before it is read: size from the file system, the kind from
 * the first bytes, then the content (empty, binary, not UTF-8).
 */
import type { Node } from 'prosemirror-model';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { FileAccessError, FileFormatError, describeFileError } from '../../shared/file/index.js';
import { importDocx, importText, type TextImportResult } from '../../shared/import/index.js';
import { DOCUMENT_SIZE_LIMIT, parseDocument, type DocumentMetadata } from '../../shared/file/index.js';

export type UnrecognisedLine = TextImportResult['unrecognised'][number];

export type InputKind = 'plenary' | 'text' | 'docx';

const MB = 1024 * 1024;

/** Beyond these a file is not a resolution or Council document; refusing early keeps the app responsive. */
const SIZE_LIMITS: Readonly<Record<InputKind, number>> = { text: 16 * MB, plenary: DOCUMENT_SIZE_LIMIT, docx: 64 * MB };

export interface InputDocument {
  doc: Node;
  kind: InputKind;
  /** The document's language (detected for a text import). */
  language: string;
  /** Things the user should know about the reading (one line each). */
  warnings: string[];
  /** Lines of a text import that matched no known structure (kept as plain paragraphs where they stood). */
  unrecognised: UnrecognisedLine[];
  /** The stored metadata of a `.plenary` file; null for an import. */
  metadata: DocumentMetadata | null;
  /** The `.plenary` format version the file was upgraded from, if it was older. */
  migratedFrom: number | null;
}

export interface ReadOptions {
  /** The language of a text import, when the caller knows it better than detection. */
  language?: string;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

interface Sniffed {
  kind: InputKind;
  encoding: Encoding;
}

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** What the file is, from its first bytes (which win over the name) and then its extension. */
function sniff(head: Uint8Array, path: string): Sniffed {
  if (startsWith(head, ZIP)) return { kind: 'docx', encoding: 'utf-8' };
  // An OLE compound file is an old .doc or a password-protected .docx: the Word importer tells which.
  if (startsWith(head, OLE)) return { kind: 'docx', encoding: 'utf-8' };
  if (startsWith(head, PDF)) throw new FileFormatError('this is a PDF file: Plenary opens .plenary, .txt and .docx files');
  if (startsWith(head, RTF)) throw new FileFormatError('this is an RTF file: save it as .docx first');
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') throw new FileFormatError('this file is named .docx but is not a Word document (no zip signature)');
  const encoding: Encoding = startsWith(head, UTF16LE_BOM) ? 'utf-16le' : startsWith(head, UTF16BE_BOM) ? 'utf-16be' : 'utf-8';
  if (ext === '.plenary' || ext === '.json') return { kind: 'plenary', encoding };
  if (ext === '.txt' || ext === '.text') return { kind: 'text', encoding };
  // Unknown or no extension: a Plenary document is JSON, so it opens with `{` (after any BOM).
  const offset = startsWith(head, UTF8_BOM) ? 3 : 0;
  const first = head.subarray(offset).find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  return { kind: first === 0x7b ? 'plenary' : 'text', encoding };
}

function formatSize(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Line number (1-based) of a character offset, for messages. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** The bytes as text, refusing binary content and invalid encodings with a message that says where. */
function decodeText(bytes: Uint8Array, encoding: Encoding = 'utf-8'): string {
  if (encoding === 'utf-8' && bytes.includes(0)) {
    throw new FileFormatError('this is a binary file, not text (it contains NUL bytes)');
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad sequence for the message: the lenient decoder marks it with U+FFFD.
    const lenient = new TextDecoder(encoding).decode(bytes);
    const line = lineAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    throw new FileFormatError(`the file is not valid ${name} text (first bad byte on line ${line}): save it as UTF-8`);
  }
}

async function importTextFile(text: string, options: ReadOptions): Promise<Omit<InputDocument, 'kind'>> {
  const result = importText(text, options.language ? { language: options.language } : {});
  return {
    doc: result.doc,
    language: result.language,
    warnings: result.warnings,
    unrecognised: result.unrecognised,
    metadata: null,
    migratedFrom: null,
  };
}

/** Refuses a file larger than the limit of its kind, before it is read. */
function checkSize(name: string, size: number, kind: InputKind): void {
  const limit = SIZE_LIMITS[kind];
  if (size > limit) {
    const what = { text: 'a text file', plenary: 'a Plenary document', docx: 'a Word document' }[kind];
    throw new FileFormatError(`${name} is ${formatSize(size)}; the limit for ${what} is ${formatSize(limit)}`);
  }
}

/** The document in `bytes`, whose kind and encoding were sniffed from its first bytes and name. */
async function decodeDocument(bytes: Uint8Array, sniffed: Sniffed, options: ReadOptions): Promise<InputDocument> {
  if (sniffed.kind === 'docx') {
    const result = importDocx(bytes, options.language === undefined ? {} : { language: options.language });
    return {
      doc: result.doc,
      kind: 'docx',
      language: result.language,
      warnings: result.warnings,
      unrecognised: result.unrecognised,
      metadata: null,
      migratedFrom: null,
    };
  }

  const text = decodeText(bytes, sniffed.encoding);
  if (text.trim() === '') throw new FileFormatError('the file is empty (only blank space)');
  if (sniffed.kind === 'plenary') {
    const parsed = parseDocument(text);
    return {
      doc: parsed.doc,
      kind: 'plenary',
      language: String(parsed.doc.attrs.language),
      warnings: parsed.migratedFrom === null ? [] : [`upgraded from format ${parsed.migratedFrom}; saving writes the current format`],
      unrecognised: [],
      metadata: parsed.metadata,
      migratedFrom: parsed.migratedFrom,
    };
  }
  return { kind: 'text', ...(await importTextFile(text, options)) };
}

async function readChecked(path: string, options: ReadOptions): Promise<InputDocument> {
  const info = await stat(path);
  if (info.isDirectory()) throw new FileAccessError(`${path} is a folder, not a file`);
  // A device or pipe has no size to check first, and no document in it.
  if (!info.isFile()) throw new FileAccessError(`${path} is not a regular file`);
  if (info.size === 0) throw new FileFormatError('the file is empty');
  const sniffed = sniff(await readHead(path, 8), path);
  checkSize(basename(path), info.size, sniffed.kind);
  return decodeDocument(new Uint8Array(await readFile(path)), sniffed, options);
}

/**
 * Reads a document handed over as bytes (a file dropped on the window): the same checks and
 * importers as a file on disk, the name telling the kind where the first bytes do not.
 */
export async function readDocumentBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<InputDocument> {
  if (bytes.length === 0) throw new FileFormatError('the file is empty');
  const sniffed = sniff(bytes.subarray(0, 8), name);
  checkSize(name, bytes.length, sniffed.kind);
  return decodeDocument(bytes, sniffed, options);
}

/**
 * Reads a `.plenary`, `.txt` or `.docx` file into a document. Throws FileAccessError (missing,
 * folder, permission), FileFormatError (wrong kind, too big, empty, binary, bad encoding, invalid
 * document) or ImportError (a text the importer refuses), each with a one-line message.
 */
export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<InputDocument> {
  try {
    return await readChecked(path, options);
  } catch (error) {
    throw describeFileError(error, path, 'read');
  }
}
