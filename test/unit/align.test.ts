/**
 * Two language versions of one text aligned block by block (shared/align): Resolution 1332 and
 * the cover and body of C26/93 in French (ITU's texts) and in English (test/fixtures/parallel:
 * translations made for the tests, same structure). Every block pairs with its counterpart, and
 * where the structures are made to disagree the report names exactly those places.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { alignSequences, alignVersions, documentInView, invariantsOf, translationScore } from '../../shared/align/index.js';
import { compareDocuments } from '../../shared/compare/index.js';
import { importText } from '../../shared/import/text/index.js';
import { labelsOf } from '../../shared/numbering/tracked.js';
import { schema } from '../../shared/schema/schema.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const FR_1332 = fixture('council-res-1332-c24.txt');
const EN_1332 = fixture('parallel/council-res-1332-c24-en.txt');
const FR_COVER = fixture('council-c26-93-contribution-cover.txt');
const EN_COVER = fixture('parallel/council-c26-93-contribution-cover-en.txt');

function idsOf(doc: Node): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (typeof node.attrs.id === 'string' && node.type.name !== 'cross_reference') ids.push(node.attrs.id);
  });
  return ids;
}

/** A text with each [from, to] replaced once; fails when the text is not there. */
function revise(text: string, ...edits: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of edits) {
    expect(out.includes(from), `not in the text: ${from}`).toBe(true);
    out = out.replace(from, to);
  }
  return out;
}

interface NodeJson {
  type: string;
  content?: NodeJson[];
  [key: string]: unknown;
}

/** The document with its resolution's content edited as JSON (sections, items), as an editor would. */
function edited(doc: Node, edit: (sections: NodeJson[]) => void): Node {
  const json = doc.toJSON() as NodeJson;
  const resolution = json.content!.find((node) => node.type === 'resolution')!;
  const sections = resolution.content!.filter((node) => node.type === 'section');
  edit(sections);
  resolution.content = [
    ...resolution.content!.filter((node) => node.type !== 'section' && node.type !== 'annex'),
    ...sections,
    ...resolution.content!.filter((node) => node.type === 'annex'),
  ];
  return schema.nodeFromJSON(json);
}

const itemsOf = (section: NodeJson) => section.content![1]!.content!;

describe('alignVersions on real parallel texts', () => {
  it('pairs every block of Resolution 1332 in French with its English counterpart, labels and section roles agreeing', () => {
    const fr = importText(FR_1332).doc;
    const en = importText(EN_1332).doc;
    const alignment = alignVersions(fr, en);
    expect(alignment.languages).toEqual({ a: 'fr', b: 'en' });
    expect(alignment.disagreements).toEqual([]);
    expect(new Set(alignment.pairs.map((pair) => pair.a))).toEqual(new Set(idsOf(fr)));
    expect(new Set(alignment.pairs.map((pair) => pair.b))).toEqual(new Set(idsOf(en)));
    const frLabels = labelsOf(fr, 'new').items;
    const enLabels = labelsOf(en, 'new').items;
    const items = alignment.pairs.filter((pair) => pair.type === 'item');
    expect(items).toHaveLength(frLabels.size);
    for (const pair of items) expect(enLabels.get(pair.b), pair.where.a).toBe(frLabels.get(pair.a));
    const sections = alignment.pairs.filter((pair) => pair.type === 'section').map((pair) => `${pair.where.a} = ${pair.where.b}`);
    expect(sections).toEqual([
      'rappelant = recalling',
      'considérant = considering',
      'reconnaissant = recognizing',
      'notant = noting',
      'décide = resolves',
      'charge le Groupe de travail du Conseil sur le S… = instructs the Council Working Group on the Worl…',
      'charge le Secrétaire général = instructs the Secretary-General',
      'charge le Secrétaire général et les Directeurs … = instructs the Secretary-General and the Directo…',
      'invite les États Membres, les Membres de Secteu… = invites Member States, Sector Members and all s…',
    ]);
    // Confirmed by what is not translated: items holding numbers pair with full confidence.
    const recallingA = items.find((pair) => pair.where.a === 'rappelant a)')!;
    expect(recallingA.score).toBe(1);
  });

  it('pairs the cover fields by name and the body of C26/93, whatever the language letter of the document number', () => {
    const fr = importText(FR_COVER).doc;
    const en = importText(EN_COVER).doc;
    const alignment = alignVersions(fr, en);
    expect(alignment.disagreements).toEqual([]);
    expect(new Set(alignment.pairs.map((pair) => pair.a))).toEqual(new Set(idsOf(fr)));
    const documentNumber = alignment.pairs.find((pair) => pair.where.a === 'cover: documentNumber')!;
    expect(documentNumber.score).toBe(1);
    expect(alignment.pairs.filter((pair) => pair.type === 'numbered_paragraph')).toHaveLength(2);
  });

  it('reports exactly the true disagreements: an item missing, a section moved, a number changed', () => {
    const fr = importText(FR_1332).doc;
    const en = importText(revise(EN_1332, ['on 22 and 23 September 2024', 'on 22 and 23 September 2025'])).doc;
    const moved = edited(en, (sections) => {
      itemsOf(sections[0]!).splice(2, 1);
      const [noting] = sections.splice(3, 1);
      sections.splice(4, 0, noting!);
    });
    const alignment = alignVersions(fr, moved);
    expect(alignment.disagreements.map((d) => `${d.kind}: ${d.message}`)).toEqual([
      'missing: item «rappelant c)» of a has no counterpart in b',
      'numbers: «considérant e) text» ↔ «considering e) text»: numbers differ (only in a: 2024; only in b: 2025)',
      'order: section «notant» is section 4 in a but «noting» is section 5 in b (another order)',
    ]);
    // The items after the gap pair with their true counterparts, not their neighbours.
    const pairOf = (where: string) => alignment.pairs.find((pair) => pair.where.a === where)?.where.b;
    expect(pairOf('rappelant d)')).toBe('recalling c)');
    expect(pairOf('rappelant l)')).toBe('recalling k)');
    expect(pairOf('notant b)')).toBe('noting b)');
  });

  it('aligns the markup, final or original view of a tracked version', () => {
    const fr = importText(FR_1332).doc;
    const frRevised = edited(fr, (sections) => void itemsOf(sections[0]!).splice(2, 1));
    const tracked = compareDocuments(fr, frRevised, { author: 'Test', date: '2026-11-23T00:00:00Z' });
    const en = importText(EN_1332).doc;
    expect(alignVersions(documentInView(tracked, 'original'), en).disagreements).toEqual([]);
    expect(alignVersions(documentInView(tracked, 'markup'), en).disagreements).toEqual([]);
    expect(alignVersions(documentInView(tracked, 'final'), en).disagreements.map((d) => d.message)).toEqual([
      'item «recalling c)» of b has no counterpart in a',
    ]);
  });
});

describe('what is not translated', () => {
  it('reads numbers, document numbers without their language letter, URLs and digits of every script', () => {
    expect(
      invariantsOf('la Résolution A/78/L.49 (Rév. Bucarest, 2022), document C26/93-F, https://www.itu.int/wsis; 20-year').strong,
    ).toEqual(['https://www.itu.int/wsis', 'A/78/L.49', '2022', 'C26/93', '20']);
    expect(invariantsOf('القرار ١٣٣٢').strong).toEqual(['1332']);
    expect(invariantsOf('第１３３２号决议').strong).toEqual(['1332']);
  });

  it('scores shared acronyms, ignores translated ones', () => {
    const fr = invariantsOf("l'UIT, l'ICANN et l'IETF");
    const en = invariantsOf('ITU, ICANN and IETF');
    expect(translationScore(fr, en)).toBe(1);
    expect(translationScore(invariantsOf('Résolution 70/125'), invariantsOf('Resolution 70/1'))).toBeLessThan(0.5);
  });

  it('aligns sequences around a gap, and keeps one-to-one pairing when every pair is confident', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [1, 2, 4, 5];
    expect(alignSequences(a.length, b.length, (i, j) => (a[i] === b[j] ? 1 : 0))).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
    expect(alignSequences(3, 3, () => 0.6)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
});
