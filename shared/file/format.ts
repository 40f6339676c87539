/**
 * The native `.plenary` file format: a JSON envelope around the ProseMirror document.
 *
 *   { "format": "plenary", "version": 3, "metadata": { … }, "doc": <ProseMirror JSON> }
 *
 * The metadata is a summary readable without loading the document (file lists, recent files,
 * indexers); the document is the authority. Pure module: no Node, no DOM (the renderer uses it too).
 */
import type { Node } from 'prosemirror-model';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { messageOf, oneLine } from '../errors/index.js';
import { FileFormatError } from './errors.js';
import { MIGRATIONS, migrateEnvelope, type EnvelopeJson, type MigrationRegistry } from './migrations.js';
import { documentFromJson, validateDocument } from './validate.js';

const FORMAT_NAME = 'plenary';
/** The version this build writes and the newest it reads. Bump it with a step in migrations.ts. */
export const FORMAT_VERSION = 3;
export const FILE_EXTENSION = '.plenary';
export const APP_VERSION: string = packageJson.version;
export const APPLICATION = `Plenary ${APP_VERSION}`;

const metadataSchema = z.object({
  /** The document's language (the `language` attribute of its doc node). */
  language: z.string(),
  /** The first resolution's title, else the cover title, else empty. */
  title: z.string(),
  created: z.iso.datetime({ offset: true }),
  modified: z.iso.datetime({ offset: true }),
  /** What wrote the file: `Plenary 0.1.0`. */
  application: z.string(),
});
export type DocumentMetadata = z.infer<typeof metadataSchema>;

const envelopeSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.number(),
  metadata: metadataSchema,
  doc: z.unknown(),
});

interface ParsedDocument {
  doc: Node;
  metadata: DocumentMetadata;
  /** The format version the file was written in, when it was older and has been upgraded. */
  migratedFrom: number | null;
}

export interface ParseOptions {
  /** For tests of the upgrade mechanism: another registry, and the version it upgrades to. */
  migrations?: MigrationRegistry;
  currentVersion?: number;
}

export interface SerializeOptions {
  /** The moment written as `modified` (and `created` for a new file); defaults to now. */
  now?: Date;
}

// --- Writing --------------------------------------------------------------------------------

/** Text of a textblock as a reader sees it: footnotes and tracked deletions left out. */
function visibleText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText && !child.marks.some((m) => m.type.name === 'deletion')) text += child.text;
  });
  return text.replace(/\s+/g, ' ').trim();
}

export function documentTitle(doc: Node): string {
  let resolutionTitle: string | null = null;
  let coverTitle: string | null = null;
  doc.descendants((node) => {
    if (resolutionTitle !== null) return false;
    if (node.type.name === 'resolution_title') resolutionTitle = visibleText(node);
    else if (node.type.name === 'cover_field' && node.attrs.name === 'title' && coverTitle === null) coverTitle = visibleText(node);
    return !node.isTextblock;
  });
  return resolutionTitle ?? coverTitle ?? '';
}

/**
 * The metadata for writing `doc`: language and title from the document, `created` kept from the
 * metadata the file was opened with (if any), `modified` now.
 */
function metadataFor(doc: Node, previous?: Pick<DocumentMetadata, 'created'>, options: SerializeOptions = {}): DocumentMetadata {
  const now = (options.now ?? new Date()).toISOString();
  return {
    language: String(doc.attrs.language),
    title: documentTitle(doc),
    created: previous?.created ?? now,
    modified: now,
    application: APPLICATION,
  };
}

/**
 * The `.plenary` text of a document. Validates it first (schema, ids, cover fields) and throws
 * FileFormatError rather than write a file that could not be opened again.
 */
export function serializeDocument(doc: Node, previous?: Pick<DocumentMetadata, 'created'>, options: SerializeOptions = {}): string {
  validateDocument(doc);
  const envelope = { format: FORMAT_NAME, version: FORMAT_VERSION, metadata: metadataFor(doc, previous, options), doc: doc.toJSON() };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

// --- Reading --------------------------------------------------------------------------------

/**
 * Whether JSON text stops before its outermost value is complete: a string still open, or more
 * brackets opened than closed. JSON.parse only says "unexpected end"; this says "truncated".
 */
function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw new FileFormatError('the file is empty');
  if (text.includes('\u0000')) throw new FileFormatError('this is a binary file, not a Plenary document');
  if (trimmed[0] !== '{') throw new FileFormatError('this is not a Plenary document (it is not JSON)');
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    if (endsInsideValue(trimmed)) throw new FileFormatError('the file is truncated: it ends in the middle of the document');
    const reason = messageOf(error);
    throw new FileFormatError(oneLine(`this is not a Plenary document (invalid JSON: ${reason})`));
  }
}

function envelopeVersion(json: unknown): number {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as EnvelopeJson).format !== FORMAT_NAME) {
    throw new FileFormatError('this is JSON but not a Plenary document (no "format": "plenary")');
  }
  const version = (json as EnvelopeJson).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FileFormatError(`the file has an invalid format version: ${oneLine(JSON.stringify(version) ?? 'none', 40)}`);
  }
  return version;
}

function describeEnvelopeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the file is not a valid Plenary document';
  const path = issue.path.map(String).join('.');
  if (/received undefined/.test(issue.message)) return `the file is not a valid Plenary document: "${path}" is missing`;
  return `the file is not a valid Plenary document: ${path ? `"${path}": ` : ''}${issue.message}`;
}

/**
 * Reads `.plenary` text: checks the envelope, upgrades an older format, and validates the document.
 * Throws FileFormatError with a one-line reason on anything it cannot open.
 */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const current = options.currentVersion ?? FORMAT_VERSION;
  const json = parseJson(text);
  const version = envelopeVersion(json);
  if (version > current) {
    throw new FileFormatError(`the file was made by a newer Plenary (format ${version}); this version reads up to ${current}`);
  }
  const upgraded = version < current ? migrateEnvelope(json as EnvelopeJson, version, current, options.migrations ?? MIGRATIONS) : json;
  const envelope = envelopeSchema.safeParse(upgraded);
  if (!envelope.success) throw new FileFormatError(oneLine(describeEnvelopeIssue(envelope.error)));
  return {
    doc: documentFromJson(envelope.data.doc),
    metadata: envelope.data.metadata,
    migratedFrom: version < current ? version : null,
  };
}
