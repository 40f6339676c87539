/**
 * Format 2 → 3 (shared/file/migrations.ts): a proposals document saved before the cover had its
 * meeting line (`PLENARY MEETING`) opens with the field added, empty, in its place; nothing else in
 * it changes, and saved and reopened it is the same document. The file is a real one written by the
 * build before the field existed (test/fixtures/format-2/README.md).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../shared/export/docx/write.js';
import { FORMAT_VERSION, parseDocument, serializeDocument } from '../../shared/file/index.js';
import { readDocumentFile, saveDocument } from '../../node/file/index.js';
import { COVER_FIELDS } from '../../shared/schema/index.js';
import { conferenceByCode, newProposalsDocument } from '../../shared/proposals/index.js';
import { contributionC26_93 } from '../support/docx-fixtures.js';
import { docxParts, paragraphsOf } from '../support/docx-xml.js';
import { fixturePath } from '../support/fixtures.js';

type Json = Record<string, unknown>;

const FIXTURE = fixturePath('format-2/sen-pp26-proposals.plenary');

function coverFields(doc: Node): Array<{ name: string; text: string; id: string }> {
  const fields: Array<{ name: string; text: string; id: string }> = [];
  doc.firstChild!.forEach((field) => fields.push({ name: String(field.attrs.name), text: field.textContent, id: String(field.attrs.id) }));
  return fields;
}

/** A document's JSON without its cover's meeting field: what a format-2 file held. */
function withoutMeeting(json: Json): Json {
  const [cover, ...rest] = json.content as Json[];
  const fields = (cover!.content as Json[]).filter((field) => (field.attrs as Json).name !== 'meeting');
  return { ...json, content: [{ ...cover, content: fields }, ...rest] };
}

/** A document written as a format-2 file (today's JSON, with the version an earlier build wrote). */
function asFormat2(doc: Node): string {
  return JSON.stringify({ ...(JSON.parse(serializeDocument(doc)) as Json), version: 2 });
}

describe('opening a proposals document saved before the meeting line (format 2)', () => {
  const original = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Json;

  it('is a format-2 file whose cover has no meeting line', () => {
    expect(original.version).toBe(2);
    expect(FORMAT_VERSION).toBe(3);
    const names = ((original.doc as Json).content as Json[])[0]!.content as Json[];
    expect(names.map((field) => (field.attrs as Json).name)).toEqual([
      'session',
      'placeAndDates',
      'documentNumber',
      'date',
      'originalLanguage',
      'source',
      'title',
    ]);
  });

  it('adds the meeting line, empty, after the place and dates; everything else as it was', async () => {
    const opened = await readDocumentFile(FIXTURE);
    expect(opened.migratedFrom).toBe(2);
    expect(opened.warnings).toEqual(['upgraded from format 2; saving writes the current format']);
    const fields = coverFields(opened.doc);
    expect(fields.map((field) => field.name)).toEqual([
      'session',
      'placeAndDates',
      'meeting',
      'documentNumber',
      'date',
      'originalLanguage',
      'source',
      'title',
    ]);
    // In the cover's order, as a new document has it.
    expect(fields.map((field) => field.name)).toEqual(COVER_FIELDS.filter((name) => fields.some((field) => field.name === name)));
    const meeting = fields.find((field) => field.name === 'meeting')!;
    expect(meeting.text).toBe('');
    expect(meeting.id).toMatch(/^[a-z0-9]{8,}$/);
    expect(new Set(fields.map((field) => field.id)).size).toBe(fields.length);
    // Not a tracked change: the author wrote nothing.
    expect(opened.doc.firstChild!.child(2).attrs.change).toBeNull();
    // The rest of the document — the MOD with its tracked number line, the NOC — is the file's.
    expect(withoutMeeting(opened.doc.toJSON() as Json)).toEqual(original.doc);
    expect(opened.metadata?.created).toBe((original.metadata as Json).created);
  });

  it('saves in format 3 and reopens equal, without upgrading again', async () => {
    const opened = await readDocumentFile(FIXTURE);
    const path = join(mkdtempSync(join(tmpdir(), 'plenary-migration-')), 'sen-pp26-proposals.plenary');
    await saveDocument(path, opened.doc, { previous: opened.metadata ?? undefined });
    expect((JSON.parse(readFileSync(path, 'utf8')) as Json).version).toBe(3);
    const reopened = await readDocumentFile(path);
    expect(reopened.migratedFrom).toBeNull();
    expect(reopened.warnings).toEqual([]);
    expect(reopened.doc.eq(opened.doc)).toBe(true);
    expect(reopened.doc.toJSON()).toEqual(opened.doc.toJSON());
  });

  it('gets the conference layout in Word again: the meeting line beside the number, PP26/56-E in the header', async () => {
    const { doc } = parseDocument(readFileSync(FIXTURE, 'utf8'));
    const parts = docxParts(await writeDocx(doc));
    expect(paragraphsOf(parts['word/document.xml']!).some((paragraph) => paragraph.style === 'Meeting')).toBe(true);
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.flatMap(([, xml]) => paragraphsOf(xml).map((paragraph) => paragraph.text))).toContain('PP26/56-E');
  });

  it("leaves a Council document's cover alone, and a cover that has the line already", () => {
    const c26 = contributionC26_93();
    const council = parseDocument(asFormat2(c26));
    expect(council.migratedFrom).toBe(2);
    expect(coverFields(council.doc).map((field) => field.name)).not.toContain('meeting');
    expect(council.doc.eq(c26)).toBe(true);

    const committee = newProposalsDocument({
      language: 'fr',
      source: 'SEN',
      conference: conferenceByCode('PP-26'),
      meeting: 'COMMISSION 5',
    });
    const reopened = parseDocument(asFormat2(committee));
    expect(reopened.migratedFrom).toBe(2);
    expect(reopened.doc.eq(committee)).toBe(true);
  });
});
