/**
 * The cover of a conference proposals document (ITU conference documents: conference and place
 * line, then `PLENARY MEETING` / `COMMITTEE 5` where a Council document gives its agenda item, then
 * `Addendum 1 to Document 56-E`, date, original language, source, title): the meeting line is a
 * cover field like the others — in the schema and its checks, the keys of the cover form, tracking,
 * the text view (read back by the importer) and the Word export.
 */
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { applyIfSaveable, coverFieldAt, structureKeymap } from '../../shared/editing/index.js';
import type { Command } from '../../shared/editing/context.js';
import { writeDocx } from '../../shared/export/docx/write.js';
import { documentNumberText } from '../../shared/export/docx/cover.js';
import { writeText } from '../../shared/export/index.js';
import { FileFormatError } from '../../shared/file/index.js';
import { documentFromJson } from '../../shared/file/validate.js';
import { importDocx, importText } from '../../shared/import/index.js';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../support/fixtures.js';
import { uniqueIdsPlugin } from '../../shared/model/index.js';
import { conferenceByCode, coverFieldText, identifierPrefix, newProposalsDocument } from '../../shared/proposals/index.js';
import { listChanges, trackIfEnabled, trackingPlugin } from '../../shared/tracking/index.js';
import { whereOf } from '../../renderer/panels/change-rows.js';
import { translateCoverField } from '../../shared/carry-over/cover.js';
import { docxParts, paragraphsOf } from '../support/docx-xml.js';

const pp26 = (language: 'en' | 'fr' = 'en', documentNumber = '56'): Node =>
  newProposalsDocument({
    language,
    source: 'SEN',
    sourceName: 'Senegal (Republic of)',
    conference: conferenceByCode('PP-26'),
    documentNumber,
    date: language === 'en' ? '20 August 2026' : '20 août 2026',
  });

function fieldNames(doc: Node): string[] {
  const names: string[] = [];
  doc.firstChild!.forEach((field) => names.push(String(field.attrs.name)));
  return names;
}

/** The position at the end of a cover field's text. */
function endOf(doc: Node, name: string): number {
  let at = -1;
  doc.firstChild!.forEach((field, offset) => {
    if (field.attrs.name === name) at = 1 + offset + field.nodeSize - 1;
  });
  expect(at).toBeGreaterThan(0);
  return at;
}

function stateAt(doc: Node, pos: number, tracking: boolean): EditorState {
  const state = EditorState.create({
    doc,
    plugins: [uniqueIdsPlugin(), trackingPlugin({ author: { name: 'Sénégal' }, enabled: tracking })],
  });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

function press(state: EditorState, command: Command): EditorState {
  let tr: Transaction | null = null;
  command(state, (t) => (tr = t));
  if (!tr) return state;
  const applied = applyIfSaveable(state, trackIfEnabled(state, tr));
  expect(applied.ok).toBe(true);
  return applied.ok ? applied.state : state;
}

/** The fields of a conference cover, in reading order. */
const CONFERENCE_COVER = ['session', 'placeAndDates', 'meeting', 'documentNumber', 'date', 'originalLanguage', 'source', 'title'];

const fieldAtCaret = (state: EditorState): string => String(coverFieldAt(state.selection.$head)?.field.attrs.name ?? 'body');

describe('the cover of a conference proposals document', () => {
  it('reads conference, place and dates, meeting, document, date, original, source and title, in that order', () => {
    const doc = pp26();
    expect(fieldNames(doc)).toEqual(CONFERENCE_COVER);
    expect(coverFieldText(doc, 'meeting')).toBe('PLENARY MEETING');
    expect(coverFieldText(pp26('fr'), 'meeting')).toBe('SÉANCE PLÉNIÈRE');
    expect(coverFieldText(newProposalsDocument({ language: 'en', source: 'SEN', meeting: 'COMMITTEE 5' }), 'meeting')).toBe('COMMITTEE 5');
  });

  for (const tracking of [false, true]) {
    it(`Tab and Enter go from place and dates to the meeting line to the document number, Shift+Tab back; typing in it is tracked like any field (tracking ${tracking ? 'on' : 'off'})`, () => {
      const keys = structureKeymap();
      // Tracked over the whole document: a new proposals document tracks its proposals only, as a
      // contribution tracks its resolution only, and then no cover field is tracked.
      const made = pp26();
      const doc = made.type.create({ ...made.attrs, trackingScope: 'document' }, made.content);
      let state = stateAt(doc, endOf(doc, 'placeAndDates'), tracking);
      state = press(state, keys.Tab!);
      expect(fieldAtCaret(state)).toBe('meeting');
      state = press(state, keys.Enter!);
      expect(fieldAtCaret(state)).toBe('documentNumber');
      state = press(state, keys['Shift-Tab']!);
      expect(fieldAtCaret(state)).toBe('meeting');
      // Enter never splits the field into two meeting lines.
      expect(fieldNames(state.doc).filter((name) => name === 'meeting')).toHaveLength(1);

      // COMMITTEE 5 instead of PLENARY MEETING.
      const at = coverFieldAt(state.selection.$head)!;
      const edit = state.tr.insertText('COMMITTEE 5', at.pos + 1, at.pos + 1 + at.field.content.size);
      const applied = applyIfSaveable(state, trackIfEnabled(state, edit));
      expect(applied.ok).toBe(true);
      if (!applied.ok) return;
      expect(coverFieldText(applied.state.doc, 'meeting')).toBe(tracking ? 'PLENARY MEETINGCOMMITTEE 5' : 'COMMITTEE 5');
      const changes = listChanges(applied.state.doc);
      if (tracking) {
        expect(changes.length).toBeGreaterThan(0);
        expect(changes.every((change) => change.coverField === 'meeting')).toBe(true);
        expect(whereOf(changes[0]!)).toBe('Cover: meeting');
      } else expect(changes).toHaveLength(0);
    });
  }

  it('is checked like every cover field: one meeting line at most, and only names the schema knows', () => {
    const json = pp26().toJSON() as { content: Array<{ content: Array<{ attrs: { name: string } }> }> };
    const fields = json.content[0]!.content;
    const twice = structuredClone(json);
    const copy = structuredClone(fields[2]!) as { attrs: { name: string; id?: string } };
    copy.attrs.id = 'meetingcopy1';
    twice.content[0]!.content.splice(3, 0, copy);
    expect(() => documentFromJson(twice)).toThrow(FileFormatError);
    expect(() => documentFromJson(twice)).toThrow(/the cover field "meeting" appears twice/);
    const unknown = structuredClone(json);
    unknown.content[0]!.content[2]!.attrs.name = 'meetingRoom';
    expect(() => documentFromJson(unknown)).toThrow(/cover field/);
    expect(() => documentFromJson(json)).not.toThrow();
  });

  it('prints as ITU covers read, and the text reads back into the same fields (an addendum kept whole)', () => {
    const doc = pp26('en', 'Addendum 1 to Document 56-E');
    const lines = writeText(doc).split('\n').slice(0, 8);
    expect(lines).toEqual([
      'Plenipotentiary Conference (PP-26)',
      'Doha, 9–27 November 2026',
      'PLENARY MEETING',
      'Addendum 1 to Document 56-E',
      '20 August 2026',
      'Original: English',
      'Senegal (Republic of)',
      'PROPOSALS FOR THE WORK OF THE CONFERENCE',
    ]);
    const back = importText(`${lines.join('\n')}\n\nIntroduction.\n`, { language: 'en' }).doc;
    expect(fieldNames(back)).toEqual(CONFERENCE_COVER);
    expect(coverFieldText(back, 'meeting')).toBe('PLENARY MEETING');
    expect(coverFieldText(back, 'documentNumber')).toBe('Addendum 1 to Document 56-E');
    // A committee's document reads back too.
    const committee = importText(`${lines.join('\n').replace('PLENARY MEETING', 'COMMITTEE 5')}\n\nIntroduction.\n`, {
      language: 'en',
    }).doc;
    expect(coverFieldText(committee, 'meeting')).toBe('COMMITTEE 5');
    expect(coverFieldText(committee, 'placeAndDates')).toBe('Doha, 9–27 November 2026');
    // The identifiers of an addendum: SEN/56A1/n.
    expect(identifierPrefix(doc)).toBe('SEN/56A1');
  });

  it("reads a real conference document's cover in this format: WRC-12, Mexico's Addendum 3 to Document 18 (Arabic)", async () => {
    const { doc } = await importDocx(new Uint8Array(readFileSync(fixturePath('docx-wild/ptools-RP051-Arabic.docx'))));
    expect(fieldNames(doc)).toEqual(['session', 'placeAndDates', 'meeting', 'documentNumber', 'date', 'originalLanguage', 'source']);
    expect(coverFieldText(doc, 'session')).toBe('المؤتمر العالمي للاتصالات الراديوية (WRC-12)');
    expect(coverFieldText(doc, 'placeAndDates')).toBe('جنيف، 23 يناير - 17 فبراير 2012');
    // PLENARY MEETING, beside "Addendum 3 to Document 18-A" (on two lines in the Word cell).
    expect(coverFieldText(doc, 'meeting')).toBe('الجلسة العامة');
    expect(coverFieldText(doc, 'documentNumber')).toBe('الإضافة 3 للوثيقة 18-A');
    // Written back without a second `Document` word before it.
    expect(writeText(doc).split('\n').slice(0, 4)).toEqual([
      'المؤتمر العالمي للاتصالات الراديوية (WRC-12)',
      'جنيف، 23 يناير - 17 فبراير 2012',
      'الجلسة العامة',
      'الإضافة 3 للوثيقة 18-A',
    ]);
  });

  it('carries the plenary meeting line into another language version; a committee line is left to translate', () => {
    expect(translateCoverField('meeting', 'PLENARY MEETING', 'en', 'fr')).toEqual({ text: 'SÉANCE PLÉNIÈRE', toTranslate: false });
    expect(translateCoverField('meeting', 'Séance plénière', 'fr', 'es')).toEqual({ text: 'SESIÓN PLENARIA', toTranslate: false });
    expect(translateCoverField('meeting', 'COMMITTEE 5', 'en', 'fr')).toEqual({ text: 'COMMITTEE 5', toTranslate: true });
  });

  it('lays the Word cover out in the conference format: meeting line beside the document number, bold capitals', async () => {
    const parts = docxParts(await writeDocx(pp26('en', 'Addendum 1 to Document 56-E')));
    const xml = parts['word/document.xml']!;
    const paragraphs = paragraphsOf(xml);
    const texts = paragraphs.map((paragraph) => `${paragraph.style}: ${paragraph.text}`);
    const at = (text: string) => texts.findIndex((line) => line.endsWith(`: ${text}`));
    expect(texts[at('Plenipotentiary Conference (PP-26)')]).toBe('Session: Plenipotentiary Conference (PP-26)');
    expect(texts[at('Doha, 9–27 November 2026')]).toBe('CoverTable: Doha, 9–27 November 2026');
    expect(texts[at('PLENARY MEETING')]).toBe('Meeting: PLENARY MEETING');
    // The number is written as typed, never `Document Addendum 1 to Document …`.
    expect(texts[at('Addendum 1 to Document 56-E')]).toBe('CoverTable: Addendum 1 to Document 56-E');
    // Reading order: meeting (left cell) before the number (right cell) of the same row, then the source and title.
    expect(at('PLENARY MEETING')).toBeLessThan(at('Addendum 1 to Document 56-E'));
    expect(texts[at('Senegal (Republic of)')]).toBe('Source: Senegal (Republic of)');
    expect(texts[at('PROPOSALS FOR THE WORK OF THE CONFERENCE')]).toBe('Title1: PROPOSALS FOR THE WORK OF THE CONFERENCE');
    // The page header names the addendum as ITU's headers do.
    expect(documentNumberText('Addendum 1 to Document 56-E', 'E')).toBe('56(Add.1)-E');
    expect(documentNumberText('Addendum 2 au Document 56', 'F')).toBe('56(Add.2)-F');
    expect(documentNumberText('Document 56-E', 'E')).toBe('56-E');
    expect(Object.entries(parts).some(([name, part]) => name.startsWith('word/header') && part.includes('56(Add.1)-E'))).toBe(true);
    expect(parts['word/styles.xml']).toMatch(/<w:style[^>]*w:styleId="Meeting"[\s\S]*?<w:b\/>[\s\S]*?<w:caps\/>/);
  });
});
