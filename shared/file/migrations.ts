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

/** The real registry. */
export const MIGRATIONS: MigrationRegistry = { 1: addTrackChanges };

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
