import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { exportDocx } from '../../shared/export/index.js';
import { importDocx, importText } from '../../shared/import/index.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { Outline, referenceTargets } from '../../renderer/outline.js';
import { buildDoc } from '../../shared/model/index.js';
import { formatOutline, outline } from '../../shared/outline/index.js';
import { fixture } from '../support/fixtures.js';

describe('outline', () => {
  it('is plain JSON', () => {
    const tree = outline(importText(fixture('council-res-1332-c24.txt')).doc);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it('counts footnotes through the document and per item, and lists cover fields and headings of a report', () => {
    const doc = buildDoc({
      cover: { documentNumber: 'C26/1-F', title: 'TITRE', purpose: 'But.' },
      blocks: [
        { heading: 'Introduction', numbering: 'roman' },
        { numbered: ['Point', { footnote: 'Note.' }] },
        { paragraph: 'Texte.' },
        {
          annex: {
            heading: 'ANNEXE',
            blocks: [
              {
                resolution: {
                  number: 'RÉSOLUTION 1 (C1)',
                  title: 'Titre',
                  call: 'Le Conseil,',
                  sections: [
                    {
                      kind: 'operative',
                      keyword: 'charge le Secrétaire général',
                      items: [{ text: ['seul', { footnote: 'a' }, { footnote: 'b' }] }],
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
    const tree = outline(doc);
    expect(tree.cover).toEqual(['documentNumber', 'title', 'purpose']);
    expect(tree.headings).toEqual([{ label: 'I', text: 'Introduction' }]);
    expect(tree.numberedParagraphs).toBe(1);
    expect(tree.paragraphs).toBe(1);
    expect(tree.footnotes).toBe(3);
    expect(tree.resolutions).toEqual([]);
    const [annexed] = tree.annexes[0]!.resolutions;
    expect(annexed!.sections[0]).toMatchObject({ kind: 'operative', role: 'instructs', style: 'decimal' });
    expect(annexed!.sections[0]!.items).toEqual([{ label: '', excerpt: 'seul', footnotes: 2, children: [], continuations: 0 }]);
    expect(annexed!.footnotes).toBe(2);
  });

  it('formats Res 1332 as an indented text: sections with roles, labels in order, nesting and continuations', () => {
    const text = formatOutline(outline(importText(fixture('council-res-1332-c24.txt')).doc));
    const lines = text.split('\n');
    expect(lines[0]).toBe('language: fr');
    expect(lines).toContain('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(lines).toContain('  preamble «rappelant» [recalling]: 12 items');
    expect(lines).toContain('    a) b) c) d) e) f) g) h) i) j) k) l)');
    const g = lines.indexOf('    a) b) c) d) e) f) g)');
    expect(lines.slice(g, g + 11)).toEqual([
      '    a) b) c) d) e) f) g)',
      '      g) continuation (indent 1)',
      '      g) continuation (indent 1)',
      '      g) roman list:',
      '        i) ii) iii) iv) v)',
      '          v) dash list:',
      '            – – –',
      '      g) continuation (indent 1)',
      '      g) continuation (indent 2)',
      '    h)[1 footnote]',
      '  preamble «reconnaissant» [recognizing]: 8 items',
    ]);
    expect(lines).toContain('  operative «charge le Secrétaire général» [instructs]: 14 items');
    expect(lines).toContain('  ANNEXE — Mandat du Groupe de travail du Conseil sur le SMSI et les ODD');
    expect(lines).toContain('    a) b) c) d) e) f) g) h) i) j)');
    expect(lines[lines.length - 1]).toBe('footnotes: 1');
  });

  it('formats a single-item section and a report', () => {
    const res30 = formatOutline(outline(importText(fixture('wtdc-res-30-kigali-2022.txt')).doc));
    expect(res30).toContain('  preamble «notant» [noting]: 1 item\n    (single item)');
    const report = formatOutline(outline(importText(fixture('council-c26-93-contribution-cover.txt')).doc));
    expect(report.split('\n')).toEqual([
      'language: fr',
      'cover: agendaItem, documentNumber, date, originalLanguage, source, title, purpose, actionRequired, references',
      'headings:',
      '  I\tIntroduction',
      '  II\tProposition',
      'body: 6 paragraphs, 2 numbered paragraphs',
      'footnotes: 0',
    ]);
  });
});

describe("the outline panel's entries (renderer/outline.ts)", () => {
  const entries = (doc: Node) =>
    Outline.build(doc, computeLabels(doc))
      .entries()
      .map((e) => `${e.kind} ${e.label} ${e.text}`.replace(/  +/g, ' '));
  const REPORT_HEADINGS = [
    'heading 1 Introduction',
    "heading 2 Activités menées par l'UIT dans le cadre de la mise en œuvre des résu…",
    'heading 3 Examen du SMSI+20',
  ];

  it("lists a report's title and headings, with their numbers, as imported from text and from Word", async () => {
    const doc = importText(fixture('council-sg-report-wsis-sdg.txt')).doc;
    const fromText = entries(doc);
    expect(fromText[0]).toMatch(/^title RAPPORT SUR LE RÔLE DE L'UIT DANS LA MISE EN ŒUVRE/);
    expect(fromText.slice(1, 4)).toEqual(REPORT_HEADINGS);
    let headings = 0;
    doc.descendants((node) => void (node.type.name === 'heading' && headings++));
    expect(fromText.filter((entry) => entry.startsWith('heading '))).toHaveLength(headings);
    expect(headings).toBeGreaterThanOrEqual(5);
    // The same report through Word: the headings come back as headings, and are listed.
    const fromWord = entries(importDocx(await exportDocx(doc, { mode: 'markup' })).doc);
    expect(fromWord).toEqual(fromText);
  });

  it('every entry points at a block of the document (a click jumps there)', () => {
    const doc = importText(fixture('council-sg-report-wsis-sdg.txt')).doc;
    const ids = new Set<string>();
    doc.descendants((node) => void (node.attrs.id && ids.add(node.attrs.id as string)));
    const outline = Outline.build(doc, computeLabels(doc)).entries();
    expect(outline.length).toBeGreaterThan(5);
    for (const entry of outline) expect(ids.has(entry.id), `${entry.kind} ${entry.text}`).toBe(true);
  });

  it('is empty for a document of paragraphs only (the panel then says so)', () => {
    const note = importText('Une note.\n\nUn second paragraphe.').doc;
    expect(note.childCount).toBeGreaterThan(0);
    expect(Outline.build(note, computeLabels(note)).entries()).toEqual([]);
  });

  it('holds its entries compactly and answers for each as the entry object does (resolution 1332)', () => {
    const doc = importText(fixture('council-res-1332-c24.txt')).doc;
    const labels = computeLabels(doc);
    const outline = Outline.build(doc, labels);
    const entries = outline.entries();
    expect(entries.length).toBe(outline.length);
    expect([...new Set(entries.map((entry) => entry.kind))].sort()).toEqual(['annex', 'item', 'resolution', 'section']);
    for (const [index, entry] of entries.entries()) {
      expect([outline.kind(index), outline.label(index), outline.depth(index), outline.id(index)]).toEqual([
        entry.kind,
        entry.label,
        entry.depth,
        entry.id,
      ]);
      expect(outline.indexOf(entry.id)).toBe(index);
    }
    // Sub-items sit deeper than their items, and every item has its label.
    const depths = entries.filter((entry) => entry.kind === 'item').map((entry) => entry.depth);
    expect(Math.min(...depths)).toBe(2);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(3);
    expect(entries.filter((entry) => entry.kind === 'item' && entry.label === '')).toEqual([]);
    expect(outline.find((entry) => entry.kind === 'section' && entry.text.startsWith('décide'))?.depth).toBe(1);
    // The reference picker's entries: each labelled item with its section's keyword line.
    const targets = referenceTargets(outline);
    expect(targets.length).toBe(entries.filter((entry) => entry.kind === 'item').length);
    const firstResolves = targets.find((target) => target.section.startsWith('décide'))!;
    expect(firstResolves.label).toBe('1');
    expect(firstResolves.text).toBe(entries.find((entry) => entry.id === firstResolves.id)!.text);
    expect(Outline.empty.length).toBe(0);
  });
});
