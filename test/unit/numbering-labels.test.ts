import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/index.js';
import { languageTable, type LanguageCode } from '../../shared/languages/index.js';
import { resolutionDoc } from '../../shared/model/build.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { keywordText } from '../../shared/numbering/index.js';
import { markedText } from '../../shared/numbering/index.js';
import { isRenumbered, markedLabel, trackedLabels } from '../../shared/numbering/tracked.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const RES_1332 = 'council-res-1332-c24.txt';
const RES_30 = 'wtdc-res-30-kigali-2022.txt';

/** The labels typed in the source text, in order: what stands before the tab of a labelled line. */
function typedLabels(text: string): string[] {
  const labels: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\[bookmark: [^\]]*\]/g, '').trimStart();
    const match = /^([a-z]{1,2}\)|[ivx]+\)|\d+|[a-z]\.|–)\t/.exec(line);
    if (match) labels.push(match[1]!);
  }
  return labels;
}

function itemLabelsInOrder(doc: Node, language?: LanguageCode): string[] {
  const labels = computeLabels(doc, language ? { language } : {});
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'item') out.push(labels.items.get(node.attrs.id as string)!);
    return true;
  });
  return out;
}

/** Section keyword (or ANNEXE) → the labels of its items, sub-items included, in order. */
function labelsBySection(doc: Node): Array<[string, string[]]> {
  const labels = computeLabels(doc);
  const out: Array<[string, string[]]> = [];
  doc.descendants((node) => {
    if (node.type.name !== 'section' && node.type.name !== 'annex') return true;
    const items: string[] = [];
    node.descendants((child) => {
      if (child.type.name === 'item') items.push(labels.items.get(child.attrs.id as string)!);
      return true;
    });
    out.push([node.type.name === 'section' ? keywordText(node).split(' ')[0]! : 'ANNEXE', items]);
    return false;
  });
  return out;
}

describe('labels of the fixture resolutions', () => {
  for (const name of [RES_1332, RES_30]) {
    it(`${name}: every computed label is the one typed in the source, in order`, () => {
      const { doc } = importText(fixture(name));
      expect(itemLabelsInOrder(doc).filter((label) => label !== '')).toEqual(typedLabels(fixture(name)));
    });
  }

  it('Res 1332: the label sequence of every section and of the annex', () => {
    const { doc } = importText(fixture(RES_1332));
    const alpha = (n: number) => Array.from({ length: n }, (_, i) => `${String.fromCharCode(97 + i)})`);
    const decimal = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    expect(labelsBySection(doc)).toEqual([
      ['rappelant', alpha(12)],
      ['considérant', [...alpha(7), 'i)', 'ii)', 'iii)', 'iv)', 'v)', '–', '–', '–', 'h)']],
      ['reconnaissant', [...alpha(8), '–', '–']],
      ['notant', alpha(2)],
      ['décide', ['1', '2', '3', 'a.', 'b.', '4', '5', '6']],
      ['charge', ['1', 'i)', 'ii)', 'iii)', 'iv)', '2']],
      ['charge', decimal(14)],
      ['charge', decimal(5)],
      ['invite', decimal(6)],
      // Annex items are numbered on their own, from a) again.
      ['ANNEXE', alpha(10)],
    ]);
  });

  it('WTDC Res 30: sections with a single item carry no label', () => {
    const { doc } = importText(fixture(RES_30));
    const sections = new Map(labelsBySection(doc).map(([keyword, labels], i) => [`${i}:${keyword}`, labels]));
    const single = [...sections].filter(([, labels]) => labels.length === 1);
    expect(single.map(([key]) => key.split(':')[1])).toEqual(['notant', 'encourage', 'prie']);
    for (const [, labels] of single) expect(labels).toEqual(['']);
    // A section of two items is labelled.
    expect(sections.get('1:reconnaissant')).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
  });
});

describe('labels from position', () => {
  const preamble = (count: number) =>
    resolutionDoc([{ kind: 'preamble', keyword: 'considérant', items: Array.from({ length: count }, (_, i) => `point ${i + 1};`) }]);

  it('a 27th preamble item is aa), a 28th bb), a 53rd aaa)', () => {
    const labels = itemLabelsInOrder(preamble(53));
    expect(labels[25]).toBe('z)');
    expect(labels[26]).toBe('aa)');
    expect(labels[27]).toBe('bb)');
    expect(labels[52]).toBe('aaa)');
  });

  it('nested lists: each list counts its own items, in its own style', () => {
    const doc = resolutionDoc([
      {
        kind: 'operative',
        keyword: 'décide',
        items: [
          { text: 'un:', children: [{ style: 'roman', items: ['x;', { text: 'y:', children: [{ style: 'dash', items: ['p;', 'q;'] }] }, 'z;'] }] },
          { text: 'deux:', children: [{ continuation: 'suite' }, { style: 'alpha-dot', items: ['a;', 'b;'] }] },
          { text: 'trois:', children: [{ style: 'alpha', items: ['seul;'] }] },
        ],
      },
    ]);
    // A single sub-item keeps its label: only a section's single item goes unlabelled.
    expect(itemLabelsInOrder(doc)).toEqual(['1', 'i)', 'ii)', '–', '–', 'iii)', '2', 'a.', 'b.', '3', 'a)']);
  });

  it('English, French and Spanish versions carry identical labels; Arabic uses its alphabet', () => {
    const { doc } = importText(fixture(RES_1332));
    const fr = itemLabelsInOrder(doc, 'fr');
    expect(itemLabelsInOrder(doc, 'en')).toEqual(fr);
    expect(itemLabelsInOrder(doc, 'es')).toEqual(fr);
    const ar = itemLabelsInOrder(doc, 'ar');
    const letters = languageTable('ar').alphabets.alpha.letters;
    // rappelant a)…l) in Arabic letters; décide keeps 1 2 3.
    expect(ar.slice(0, 12)).toEqual(letters.slice(0, 12).map((letter) => `${letter})`));
    expect(ar.slice(0, 12)).not.toEqual(fr.slice(0, 12));
    const decide = fr.indexOf('a.') - 3;
    expect(ar.slice(decide, decide + 3)).toEqual(['1', '2', '3']);
  });

  it('switching the document language relabels it', () => {
    const doc = preamble(3);
    const arabic = doc.type.create({ ...doc.attrs, language: 'ar' }, doc.content);
    expect(itemLabelsInOrder(doc)).toEqual(['a)', 'b)', 'c)']);
    expect(itemLabelsInOrder(arabic)).toEqual(['أ)', 'ب)', 'ج)']);
  });
});

describe('tracked renumbering', () => {
  const stamp = { id: 'c1', author: 'Fédération de Russie', date: '2026-04-14T09:00:00Z' };

  /** The fixture with a new considérant item inserted (tracked) before considérant f). */
  function withInsertedItem(): { doc: Node; ids: string[] } {
    const { doc } = importText(fixture(RES_1332));
    let list: Node | null = null;
    let listPos = -1;
    doc.descendants((node, pos, parent) => {
      if (list) return false;
      if (node.type.name === 'item_list' && parent?.type.name === 'section' && keywordText(parent) === 'considérant') {
        list = node;
        listPos = pos;
      }
      return true;
    });
    const target = list! as Node;
    let at = listPos + 1;
    for (let i = 0; i < 5; i++) at += target.child(i).nodeSize;
    const template = target.child(0);
    const inserted = template.type.create({ ...template.attrs, id: 'new-item', change: { kind: 'insertion', ...stamp } }, template.content);
    const changed = new Transform(doc).insert(at, inserted).doc;
    const ids: string[] = [];
    (changed.nodeAt(listPos) as Node).forEach((item) => void ids.push(item.attrs.id as string));
    return { doc: changed, ids };
  }

  it('gives each item its original and its new label: f) becomes g) after an inserted item', () => {
    const { doc, ids } = withInsertedItem();
    const tracked = trackedLabels(doc);
    expect(tracked.get(ids[4]!)).toEqual({ original: 'e)', new: 'e)' });
    expect(tracked.get('new-item')).toEqual({ new: 'f)' });
    expect(tracked.get(ids[6]!)).toEqual({ original: 'f)', new: 'g)' });
    expect(tracked.get(ids[8]!)).toEqual({ original: 'h)', new: 'i)' });
    expect(isRenumbered(tracked.get(ids[4]!)!)).toBe(false);
    expect(isRenumbered(tracked.get(ids[6]!)!)).toBe(true);
    // As `plenary text --marked` prints it (C26/93: `[-f-][+g+])`).
    expect(markedLabel(tracked.get(ids[6]!)!)).toBe('[-f-][+g+])');
    expect(markedLabel(tracked.get('new-item')!)).toBe('[+f)+]');
  });

  it('marks whole numbers and vanished labels', () => {
    expect(markedText('12', '13')).toBe('[-12-][+13+]');
    expect(markedText('c)', undefined)).toBe('[-c)-]');
    expect(markedText('ii)', 'ii)')).toBe('ii)');
    // A section's single item gaining a sibling gains a label.
    expect(markedText('', 'a)')).toBe('[+a)+]');
  });

  it('a deletion recorded on another author’s insertion counts in neither numbering', () => {
    const { doc, ids } = withInsertedItem();
    let pos = -1;
    doc.descendants((node, p) => {
      if (node.attrs.id === 'new-item') pos = p;
      return pos < 0;
    });
    const node = doc.nodeAt(pos)!;
    const withDeletion = new Transform(doc).setNodeMarkup(pos, undefined, { ...node.attrs, deletion: { kind: 'deletion', ...stamp, id: 'c2' } }).doc;
    const tracked = trackedLabels(withDeletion);
    expect(tracked.has('new-item')).toBe(false);
    expect(tracked.get(ids[6]!)).toEqual({ original: 'f)', new: 'f)' });
  });
});
