/**
 * Upgrading `.plenary` files written by older versions of the format.
 *
 * `MIGRATIONS[n]` turns the JSON envelope of format n into format n + 1; opening a file of format
 * n runs n, n + 1, … up to the current version. When the format changes, bump FORMAT_VERSION and add
 * the step from the old one here.
 * A migration works on plain JSON (not on ProseMirror nodes): an old file need not fit today's schema
 * until every step has run; the result is validated like any file.
 */
import { messageOf, oneLine } from '../errors/index.js';
import { newId } from '../model/index.js';
import { COVER_FIELDS } from '../schema/index.js';
import { FileFormatError } from './errors.js';

export type EnvelopeJson = Record<string, unknown>;
export type Migration = (envelope: EnvelopeJson) => EnvelopeJson;
export type MigrationRegistry = Readonly<Record<number, Migration>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Format 1 → 2: the tracking switch became part of the document (the doc's `trackChanges`
 * attribute). Format 1 did not save it, and reopened every file with tracking off: that is what a
 * format-1 file says, written out.
 */
const addTrackChanges: Migration = (envelope) => {
  const doc = envelope.doc;
  if (!isRecord(doc)) return envelope; // validation after the upgrade says what is wrong
  const attrs = isRecord(doc.attrs) ? doc.attrs : {};
  return { ...envelope, doc: { ...doc, attrs: { ...attrs, trackChanges: attrs.trackChanges ?? false } } };
};

/**
 * Format 2 → 3: a conference document's cover has a meeting line (`PLENARY MEETING`, `COMMITTEE 5`),
 * which the Word cover sets where a Council document gives its agenda item. A proposals document
 * (its doc has a `proposalSource`) saved before the field existed gets it, empty, in its place in
 * the cover's order (after the conference's place and dates): the cover form then reaches it with
 * Tab, its placeholder says what goes there, and the Word cover keeps the conference layout. Not a
 * tracked change — the author wrote nothing. A Council document's cover stays as it is, and so does
 * a cover that already has the line (format-2 files written after it was added).
 */
const MEETING = 'meeting';
const addMeetingLine: Migration = (envelope) => {
  const doc = envelope.doc;
  if (!isRecord(doc) || !isRecord(doc.attrs) || typeof doc.attrs.proposalSource !== 'string') return envelope;
  if (!Array.isArray(doc.content)) return envelope;
  const [cover, ...rest] = doc.content as unknown[];
  if (!isRecord(cover) || cover.type !== 'cover' || !Array.isArray(cover.content)) return envelope;
  const fields = cover.content as unknown[];
  const nameOf = (field: unknown): string | null => (isRecord(field) && isRecord(field.attrs) ? String(field.attrs.name) : null);
  if (fields.some((field) => nameOf(field) === MEETING)) return envelope;
  const order = (name: string | null) => (COVER_FIELDS as readonly string[]).indexOf(name ?? '');
  const after = fields.findIndex((field) => order(nameOf(field)) > order(MEETING));
  const at = after === -1 ? fields.length : after;
  const meeting = { type: 'cover_field', attrs: { id: newId(), name: MEETING } };
  const content = [...fields.slice(0, at), meeting, ...fields.slice(at)];
  return { ...envelope, doc: { ...doc, content: [{ ...cover, content }, ...rest] } };
};

/** The real registry. */
export const MIGRATIONS: MigrationRegistry = { 1: addTrackChanges, 2: addMeetingLine };

/**
 * Runs the steps from `from` up to `to`. Each step's result gets its `version` set by the runner,
 * so a migration only describes what changed.
 */
export function migrateEnvelope(envelope: EnvelopeJson, from: number, to: number, migrations: MigrationRegistry): EnvelopeJson {
  let current = envelope;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (!step) throw new FileFormatError(`format ${from} is no longer supported: no upgrade from format ${version} to ${version + 1}`);
    try {
      current = { ...step(current), version: version + 1 };
    } catch (error) {
      const reason = messageOf(error);
      throw new FileFormatError(oneLine(`could not upgrade the file from format ${version} to ${version + 1}: ${reason}`));
    }
  }
  return current;
}
