/**
 * File → New revision of a resolution… (issue 5, item 7): contributionFromResolution on the real
 * ITU texts. The contribution must look like Council document C26/93 (cover, I Introduction,
 * II Proposition, ANNEXE with the resolution) and hold the resolution in force exactly, ids kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { exportDocx } from '../../shared/export/index.js';
import { writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { importText } from '../../shared/import/index.js';
import { LANGUAGE_CODES, languageTable } from '../../shared/languages/index.js';
import { resolutionDoc } from '../../shared/model/build.js';
import { ContributionError, contributionFromResolution, firstCoverFieldPosition } from '../../shared/contribution/index.js';
import { CONTRIBUTION_COVER_FIELDS, resolutionNumberOf, resolutionsIn } from '../../shared/contribution/contribution.js';
import { positionsNeedingIds } from '../../shared/model/ids.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { schema } from '../../shared/schema/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { revised1332 } from '../support/docx-fixtures.js';

const fixture = (name: string): Node => importText(readFileSync(join('test', 'fixtures', `${name}.txt`), 'utf8')).doc;
const res1332 = fixture('council-res-1332-c24');
const res30 = fixture('wtdc-res-30-kigali-2022');
const APRIL_14 = new Date('2026-04-14T09:00:00Z');

function coverFields(doc: Node): Map<string, string> {
  const fields = new Map<string, string>();
  doc.firstChild!.forEach((field) => fields.set(field.attrs.name as string, field.textContent));
  return fields;
}

/** The ids of a node and of everything inside it. */
function ids(node: Node): Set<string> {
  const out = new Set<string>();
  if (typeof node.attrs.id === 'string') out.add(node.attrs.id);
  node.descendants((child) => {
    if (typeof child.attrs.id === 'string') out.add(child.attrs.id);
    return true;
  });
  return out;
}

/** The top-level blocks, with the text of textblocks: the outline of the contribution. */
function outline(doc: Node): string[] {
  const out: string[] = [];
  doc.forEach((block) => out.push(block.isTextblock ? `${block.type.name}:${block.textContent}` : block.type.name));
  return out;
}

describe('contributionFromResolution on Resolution 1332 (Council, French)', () => {
  const { doc, warnings, resolutionNumber, language } = contributionFromResolution(res1332, { today: APRIL_14 });
  const source = resolutionsIn(res1332)[0]!;
  const annex = doc.lastChild!;

  it('is shaped like C26/93: cover, I Introduction, II Proposition, then the annex', () => {
    expect(outline(doc)).toEqual(['cover', 'heading:Introduction', 'paragraph:', 'heading:Proposition', 'paragraph:', 'annex']);
    const labels = computeLabels(doc);
    const headings: string[] = [];
    doc.forEach((block) => block.type.name === 'heading' && headings.push(labels.headings.get(block.attrs.id as string)!));
    expect(headings).toEqual(['I', 'II']);
    expect(language).toBe('fr');
    expect(doc.attrs.language).toBe('fr');
    expect(warnings).toEqual([]);
    expect(() => doc.check()).not.toThrow();
  });

  it('offers every cover field of a contribution, prefilled where the source tells', () => {
    const fields = coverFields(doc);
    expect([...fields.keys()]).toEqual([...CONTRIBUTION_COVER_FIELDS]);
    expect(resolutionNumber).toBe('1332');
    expect(fields.get('title')).toBe('Projet de révision de la Résolution 1332');
    // C26/93's purpose opens with these words.
    expect(fields.get('purpose')).toMatch(/^La présente contribution contient un projet de révision de la Résolution 1332/);
    expect(fields.get('actionRequired')).toBe('Le Conseil est invité à examiner la présente contribution et à prendre les mesures appropriées.');
    expect(fields.get('date')).toBe('14 avril 2026');
    expect(fields.get('originalLanguage')).toBe('français');
    for (const name of ['session', 'placeAndDates', 'agendaItem', 'documentNumber', 'source', 'references']) expect(fields.get(name)).toBe('');
  });

  it('holds the resolution in force in its annex, node for node, ids kept', () => {
    expect(annex.type.name).toBe('annex');
    expect(annex.firstChild!.type.name).toBe('annex_heading');
    expect(annex.firstChild!.textContent).toBe('ANNEXE');
    expect(annex.childCount).toBe(2);
    const copied = annex.child(1);
    expect(copied.eq(source)).toBe(true);
    expect(copied.textContent).toBe(source.textContent);
    expect(ids(copied)).toEqual(ids(source));
    expect(copied.attrs.id).toBe(source.attrs.id);
  });

  it('gives the new parts fresh ids, unique in the document', () => {
    expect(positionsNeedingIds(doc)).toEqual([]);
    const sourceIds = ids(res1332);
    const fresh = [...ids(doc)].filter((id) => !ids(annex.child(1)).has(id));
    expect(fresh.length).toBeGreaterThan(CONTRIBUTION_COVER_FIELDS.length);
    for (const id of fresh) expect(sourceIds.has(id)).toBe(false);
  });

  it('is scoped for tracking to its resolution, and keeps that scope through save and open', () => {
    expect(doc.attrs.trackingScope).toBe('resolutions');
    const reopened = parseDocument(serializeDocument(doc)).doc;
    expect(reopened.eq(doc)).toBe(true);
    expect(reopened.attrs.trackingScope).toBe('resolutions');
  });

  it('read back from the Word file or the text it was exported to, is scoped to its resolution again', async () => {
    const fromText = importText(writeText(doc)).doc;
    expect(resolutionsIn(fromText)).toHaveLength(1);
    expect(fromText.attrs.trackingScope).toBe('resolutions');
    const fromWord = importDocx(await exportDocx(doc, { mode: 'markup' })).doc;
    expect(resolutionsIn(fromWord)).toHaveLength(1);
    expect(fromWord.attrs.trackingScope).toBe('resolutions');
    // A resolution on its own, or a report (a cover and no resolution), tracks the whole document.
    expect(res1332.attrs.trackingScope).toBe('document');
    expect(fixture('council-sg-report-wsis-sdg').attrs.trackingScope).toBe('document');
  });

  it('puts the cursor in the first cover field', () => {
    const pos = firstCoverFieldPosition(doc)!;
    const $pos = doc.resolve(pos);
    expect($pos.parent.type.name).toBe('cover_field');
    expect($pos.parent.attrs.name).toBe('session');
    expect(firstCoverFieldPosition(res1332)).toBeNull();
  });

  it('takes cover values from the caller: a blank date, a source', () => {
    const made = contributionFromResolution(res1332, { cover: { date: '', source: 'Contribution de la Fédération de Russie' } });
    expect(coverFields(made.doc).get('date')).toBe('');
    expect(coverFields(made.doc).get('source')).toBe('Contribution de la Fédération de Russie');
  });
});

describe('contributionFromResolution on WTDC Resolution 30 (Kigali, 2022)', () => {
  const { doc, resolutionNumber } = contributionFromResolution(res30, { today: APRIL_14 });

  it('reads the number of a conference resolution and keeps its text and ids', () => {
    expect(resolutionNumber).toBe('30');
    expect(coverFields(doc).get('title')).toBe('Projet de révision de la Résolution 30');
    const copied = doc.lastChild!.child(1);
    const source = resolutionsIn(res30)[0]!;
    expect(copied.eq(source)).toBe(true);
    expect(ids(copied)).toEqual(ids(source));
    expect(outline(doc)).toEqual(['cover', 'heading:Introduction', 'paragraph:', 'heading:Proposition', 'paragraph:', 'annex']);
  });
});

describe('languages', () => {
  it('writes an English contribution in English', () => {
    const source = resolutionDoc([{ kind: 'operative', keyword: 'resolves', items: ['to do this'] }], {
      language: 'en',
      number: 'RESOLUTION 1332 (C11, last amended C24)',
      title: 'ITU’s role in implementing the outcomes of WSIS',
      call: 'The ITU Council,',
    });
    const { doc } = contributionFromResolution(source, { today: APRIL_14 });
    expect(outline(doc)).toEqual(['cover', 'heading:Introduction', 'paragraph:', 'heading:Proposal', 'paragraph:', 'annex']);
    const fields = coverFields(doc);
    expect(fields.get('title')).toBe('Proposed revision of Resolution 1332');
    expect(fields.get('date')).toBe('14 April 2026');
    expect(fields.get('originalLanguage')).toBe('English');
    expect(doc.lastChild!.firstChild!.textContent).toBe('ANNEX');
    expect(doc.attrs.language).toBe('en');
  });

  it('finds the words of every language in its table, the number filled in', () => {
    for (const code of LANGUAGE_CODES) {
      const table = languageTable(code);
      const source = resolutionDoc([{ kind: 'operative', keyword: 'x', items: ['y'] }], { language: code, number: `${table.numberLineWords[0]} 1332 (C11)` });
      const { doc, resolutionNumber } = contributionFromResolution(source, { today: APRIL_14 });
      expect(resolutionNumber, code).toBe('1332');
      const headings: string[] = [];
      doc.forEach((block) => block.type.name === 'heading' && headings.push(block.textContent));
      expect(headings, code).toEqual([table.body.introduction, table.body.proposal]);
      expect(coverFields(doc).get('title'), code).toContain('1332');
      expect(coverFields(doc).get('title'), code).not.toContain('{number}');
      expect(coverFields(doc).get('date'), code).toMatch(/2026/);
      expect(doc.lastChild!.firstChild!.textContent, code).toBe(table.annexWords[0]);
      expect(table.contribution.verified, code).toBe(code === 'fr');
    }
  });
});

describe('resolutionNumberOf', () => {
  const fr = languageTable('fr');
  it.each([
    ['RÉSOLUTION 1332 (C11, dernière mod. C24)', '1332'],
    ['RÉSOLUTION 30 (Rév. Kigali, 2022)', '30'],
    ['RESOLUTION 71 (Rev. Dubai, 2018)', '71'],
    ['RÉSOLUTION ', null],
  ])('%s → %s', (line, number) => {
    expect(resolutionNumberOf(line, fr)).toBe(number);
  });
  it('reads a Chinese number line, which has no space', () => {
    expect(resolutionNumberOf('第1332号决议（C11，C24最后修订）', languageTable('zh'))).toBe('1332');
  });
});

describe('sources that cannot, or can, be revised', () => {
  it('refuses a document without a resolution, in one line', () => {
    const cover = fixture('council-c26-93-contribution-cover');
    expect(() => contributionFromResolution(cover)).toThrow(ContributionError);
    expect(() => contributionFromResolution(cover)).toThrow(/^The document holds no resolution: open the resolution in force/);
  });

  it('refuses a document with several resolutions, naming them', () => {
    const two = schema.nodes.doc!.create({ language: 'fr' }, [resolutionsIn(res1332)[0]!, resolutionsIn(res30)[0]!]);
    expect(() => contributionFromResolution(two)).toThrow(
      'The document holds 2 resolutions (RÉSOLUTION 1332 (C11, dernière mod. C24); RÉSOLUTION 30 (Rév. Kigali, 2022)): a revision revises one; open a file holding only the resolution to revise.',
    );
  });

  it('refuses a document whose language is not an ITU language', () => {
    const odd = schema.nodes.doc!.create({ language: 'de' }, [resolutionsIn(res1332)[0]!]);
    expect(() => contributionFromResolution(odd)).toThrow(/language "de"/);
  });

  it('accepts a contribution: its resolution, tracked changes and all, starts a new one', () => {
    const first = contributionFromResolution(revised1332('fr'), { today: APRIL_14 }).doc;
    const pending = listChanges(first).length;
    expect(pending).toBeGreaterThan(0);
    const { doc, warnings } = contributionFromResolution(first, { today: APRIL_14 });
    expect(warnings).toEqual([
      'The document was already a contribution: its resolution was taken from it; its cover and body were left out.',
      `The resolution carries ${pending} tracked change(s) already: they stay, with their authors, beside the new ones.`,
    ]);
    expect(outline(doc)).toEqual(outline(first));
    expect(doc.lastChild!.child(1).eq(first.lastChild!.child(1))).toBe(true);
    expect(listChanges(doc).map((change) => change.id)).toEqual(listChanges(first).map((change) => change.id));
  });
});
