import fc from 'fast-check';
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { writeText } from '../../shared/export/index.js';
import { equalIgnoringIds, jsonWithoutIds } from '../../shared/export/text/same-document.js';
import { importText } from '../../shared/import/index.js';
import { buildDoc } from '../../shared/model/index.js';
import { arbitraryDocument } from '../support/arbitrary-document.js';
import { fixture, fixtureNames } from '../support/fixtures.js';

const FIXTURE_TEXTS = fixtureNames('.txt');

describe('import → write → import', () => {
  it.each(FIXTURE_TEXTS)('is stable on %s', (name) => {
    const first = importText(fixture(name));
    const written = writeText(first.doc);
    const second = importText(written);
    expect(second.unrecognised).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(second.language).toBe(first.language);
    expect(jsonWithoutIds(second.doc)).toEqual(jsonWithoutIds(first.doc));
    // After the first import, writing is a fixed point.
    expect(writeText(second.doc)).toBe(written);
  });
});

describe('an unfilled cover document number', () => {
  it('writes no bare "Document" line, which would read back as the start of the source', () => {
    const doc = importText(fixture('council-c26-93-contribution-cover.txt')).doc;
    const fieldText = (d: Node, name: string) => {
      let text: string | null = null;
      d.descendants((node) => {
        if (node.type.name === 'cover_field' && node.attrs.name === name) text = node.textContent;
        return text === null;
      });
      return text as string | null;
    };
    let range: [number, number] | null = null;
    doc.descendants((node, pos) => {
      if (node.type.name === 'cover_field' && node.attrs.name === 'documentNumber') range = [pos + 1, pos + 1 + node.content.size];
      return range === null;
    });
    const [from, to] = (range as [number, number] | null) ?? [0, 0];
    expect(to).toBeGreaterThan(from);
    // As New revision leaves it: the field there, its number not yet known (blank or spaces).
    for (const blank of ['', '  ']) {
      const unfilled = doc.replace(from, to, blank ? new Slice(Fragment.from(doc.type.schema.text(blank)), 0, 0) : Slice.empty);
      const lines = writeText(unfilled).split('\n');
      expect(lines.filter((line) => /^Document\b/.test(line))).toEqual([]);
      const back = importText(lines.join('\n'));
      expect(back.warnings).toEqual([]);
      expect(fieldText(back.doc, 'source')).toBe(fieldText(doc, 'source'));
      expect(fieldText(back.doc, 'date')).toBe(fieldText(doc, 'date'));
    }
    // A filled number is still written with its heading.
    expect(writeText(doc).split('\n')).toContain(`Document ${fieldText(doc, 'documentNumber')}`);
  });
});

describe('equalIgnoringIds', () => {
  it('ignores block ids and nothing else', () => {
    const spec = { blocks: [{ paragraph: ['Texte', { footnote: 'note' }] }] };
    expect(equalIgnoringIds(buildDoc(spec), buildDoc(spec))).toBe(true);
    expect(equalIgnoringIds(buildDoc(spec), buildDoc({ blocks: [{ paragraph: ['Texte', { footnote: 'autre' }] }] }))).toBe(false);
    expect(equalIgnoringIds(buildDoc(spec), buildDoc({ blocks: [{ paragraph: 'Texte', indent: 1 }] }))).toBe(false);
  });
});

/** What a generated document exercises, to prove the property test covers the hard cases. */
function features(doc: Node): Set<string> {
  const found = new Set<string>();
  doc.descendants((node, pos, parent) => {
    const name = node.type.name;
    if (name === 'cover' || name === 'footnote' || name === 'heading' || name === 'numbered_paragraph') found.add(name);
    if (name === 'annex') found.add(parent?.type.name === 'doc' ? 'document annex' : 'resolution annex');
    if (name === 'continuation') found.add(`continuation indent ${node.attrs.indent as number}`);
    if (name === 'item_list') {
      found.add(`${node.attrs.style as string} list`);
      const $pos = doc.resolve(pos);
      let itemsAbove = 0;
      for (let depth = 1; depth <= $pos.depth; depth++) if ($pos.node(depth).type.name === 'item') itemsAbove += 1;
      if (itemsAbove > 0) found.add(`list nested ${itemsAbove} deep`);
      if (parent?.type.name === 'section' && node.childCount === 1) found.add('single-item section');
    }
    return true;
  });
  return found;
}

describe('write → import', () => {
  it('the generator produces the structures the text format must carry', () => {
    const seen = new Set<string>();
    for (const doc of fc.sample(arbitraryDocument(), { numRuns: 60, seed: 20261123 })) for (const f of features(doc)) seen.add(f);
    for (const expected of [
      'cover',
      'footnote',
      'heading',
      'numbered_paragraph',
      'document annex',
      'resolution annex',
      'continuation indent 1',
      'continuation indent 2',
      'continuation indent 3',
      'list nested 1 deep',
      'list nested 2 deep',
      'single-item section',
      'alpha list',
      'decimal list',
      'roman list',
      'alpha-dot list',
      'dash list',
    ]) {
      expect(seen).toContain(expected);
    }
  });

  it('gives back any valid document, ids aside', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const back = importText(writeText(doc));
        expect(back.unrecognised).toEqual([]);
        expect(back.warnings).toEqual([]);
        expect(jsonWithoutIds(back.doc)).toEqual(jsonWithoutIds(doc));
      }),
      { numRuns: 100 },
    );
  });

  it('gives back documents with a cover and body blocks before the resolutions', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(arbitraryDocument({ cover: true, body: true, resolutions: { min: 1, max: 1 }, maxDepth: 2 }), (doc) => {
        expect(jsonWithoutIds(importText(writeText(doc)).doc)).toEqual(jsonWithoutIds(doc));
      }),
      { numRuns: 50 },
    );
  });
});
