import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/model/index.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { fromRoman } from '../../shared/numbering/index.js';
import { formatLabel, toRoman } from '../../shared/numbering/format.js';
import { languageTable } from '../../shared/languages/index.js';
import type { Node } from 'prosemirror-model';

function itemLabels(doc: Node, view: 'new' | 'original' = 'new'): string[] {
  const labels = computeLabels(doc, { view });
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'item') out.push(labels.items.get(node.attrs.id as string) ?? '∅');
    return true;
  });
  return out;
}

describe('labels from position', () => {
  it('numbers preamble a) b), operative 1 2, sub-items i) and a., and leaves a single item unlabelled', () => {
    const doc = buildDoc({
      blocks: [
        {
          resolution: {
            number: 'RÉSOLUTION 30 (Rév. Kigali, 2022)',
            title: 'Titre',
            call: 'La Conférence,',
            sections: [
              { kind: 'preamble', keyword: 'rappelant', items: ['un;', 'deux,'] },
              { kind: 'preamble', keyword: 'notant', items: ['seul,'] },
              {
                kind: 'operative',
                keyword: 'décide',
                items: [
                  {
                    text: 'un:',
                    children: [
                      { style: 'roman', items: ['x;', 'y;'] },
                      { style: 'alpha-dot', items: ['z;'] },
                    ],
                  },
                  'deux.',
                ],
              },
            ],
          },
        },
      ],
    });
    expect(itemLabels(doc)).toEqual(['a)', 'b)', '', '1', 'i)', 'ii)', 'a.', '2']);
  });

  it('continues after z) with aa) and counts 27 items', () => {
    const table = languageTable('fr');
    expect(formatLabel('alpha', 26, table)).toBe('z)');
    expect(formatLabel('alpha', 27, table)).toBe('aa)');
    expect(formatLabel('alpha', 28, table)).toBe('bb)');
  });

  it('uses the Arabic alphabet for Arabic documents', () => {
    const table = languageTable('ar');
    expect([1, 2, 3, 4].map((n) => formatLabel('alpha', n, table))).toEqual(['أ)', 'ب)', 'ج)', 'د)']);
  });

  it('round-trips roman numerals', () => {
    for (let n = 1; n < 400; n++) expect(fromRoman(toRoman(n))).toBe(n);
    expect(fromRoman('iiii')).toBeNaN();
  });

  it('computes the original and the new numbering under tracked item changes', () => {
    const doc = buildDoc({
      blocks: [{ list: { style: 'alpha', items: ['one', 'two', 'three'] } }],
    });
    // Mark the second item inserted: the new view counts it, the original view does not.
    let second = -1;
    let index = 0;
    doc.descendants((node, pos) => {
      if (node.type.name === 'item' && index++ === 1) second = pos;
      return true;
    });
    const change = { kind: 'insertion', id: 'c1', author: 'A', date: '2026-01-01T00:00:00Z' };
    const tracked = doc.type.create(
      doc.attrs,
      doc.content.replaceChild(
        0,
        doc.child(0).copy(
          doc.child(0).content.replaceChild(
            1,
            doc
              .child(0)
              .child(1)
              .type.create({ ...doc.child(0).child(1).attrs, change }, doc.child(0).child(1).content),
          ),
        ),
      ),
    );
    expect(second).toBeGreaterThan(0);
    expect(itemLabels(tracked, 'new')).toEqual(['a)', 'b)', 'c)']);
    expect(itemLabels(tracked, 'original')).toEqual(['a)', '∅', 'b)']);
  });

  it('numbers headings and numbered paragraphs like a Council document', () => {
    const doc = buildDoc({
      blocks: [
        { heading: 'Introduction', numbering: 'roman' },
        { paragraph: 'texte' },
        { heading: 'Proposition', numbering: 'roman' },
        { numbered: 'un' },
        { numbered: 'deux' },
      ],
    });
    const labels = computeLabels(doc);
    expect([...labels.headings.values()]).toEqual(['I', 'II']);
    expect([...labels.numberedParagraphs.values()]).toEqual(['2.1', '2.2']);
  });
});
