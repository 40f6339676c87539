import { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { writeText } from '../../shared/export/index.js';
import { importText } from '../../shared/import/index.js';
import { buildDoc } from '../../shared/model/index.js';
import { schema } from '../../shared/schema/index.js';
import { fixture } from '../support/fixtures.js';
import { contributionFromResolution } from '../../shared/contribution/index.js';
import { writeDocx } from '../../shared/export/docx/write.js';
import { docxParts, paragraphsOf } from '../support/docx-xml.js';

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string; marks?: Json[] };

/** A copy of `doc` whose nodes are changed by `edit` (matched on JSON), for tracked-change fixtures. */
function editJson(doc: Node, edit: (json: Json) => void): Node {
  const json = doc.toJSON() as Json;
  const walk = (node: Json) => {
    edit(node);
    node.content?.forEach(walk);
  };
  walk(json);
  const edited = Node.fromJSON(schema, json);
  edited.check();
  return edited;
}

const stamp = (id: string) => ({ id, author: 'Fédération de Russie', date: '2026-04-14T10:00:00Z' });

describe('the text writer', () => {
  it('writes labels from position with a tab, the single item of a section without label, and continuations with their tabs', () => {
    const doc = buildDoc({
      blocks: [
        {
          resolution: {
            number: 'RÉSOLUTION 30 (Rév. Kigali, 2022)',
            title: 'Titre',
            call: 'La Conférence,',
            sections: [
              { kind: 'preamble', keyword: 'notant', items: ['que tout va bien,'] },
              {
                kind: 'operative',
                keyword: 'décide',
                items: [
                  {
                    text: 'premier:',
                    children: [
                      { style: 'roman', items: ['un;', { text: 'deux:', children: [{ style: 'dash', items: ['tiret;'] }] }] },
                      { continuation: 'suite', indent: 1 },
                      { continuation: 'plus loin', indent: 2 },
                    ],
                  },
                  'second.',
                ],
              },
            ],
            annexes: [
              { heading: 'ANNEXE', title: 'Mandat', blocks: [{ list: { style: 'alpha', items: ['seul.'] } }, { paragraph: 'Fin.' }] },
            ],
          },
        },
      ],
    });
    expect(writeText(doc)).toBe(
      [
        'RÉSOLUTION 30 (Rév. Kigali, 2022)',
        'Titre',
        'La Conférence,',
        'notant',
        'que tout va bien,',
        'décide',
        '1\tpremier:',
        'i)\tun;',
        'ii)\tdeux:',
        '–\ttiret;',
        '\tsuite',
        '\t\tplus loin',
        '2\tsecond.',
        '',
        'ANNEXE',
        'Mandat',
        'a)\tseul.',
        'Fin.',
        '',
      ].join('\n'),
    );
  });

  it('writes footnotes as an anchor and the numbered text at the end of the line, numbered through the document', () => {
    const doc = buildDoc({
      blocks: [
        { paragraph: ['Premier', { footnote: 'Note un.' }, ' et second', { footnote: 'Note deux.' }, '.'] },
        { paragraph: ['Autre', { footnote: 'Note trois.' }] },
      ],
    });
    expect(writeText(doc).split('\n')).toEqual([
      'Premier[footnoteRef:1] et second[footnoteRef:2]. [1: Note un.] [2: Note deux.]',
      '',
      'Autre[footnoteRef:3] [3: Note trois.]',
      '',
    ]);
  });

  it('writes headings, numbered paragraphs and indented paragraphs of a report with computed numbers', () => {
    const doc = buildDoc({
      cover: { documentNumber: 'C26/93-F', agendaItem: 'PL 2', title: 'TITRE', purpose: 'Objet du document.', references: '' },
      blocks: [
        { heading: 'Introduction', numbering: 'roman' },
        { numbered: 'Premier point.' },
        { heading: 'Proposition', numbering: 'roman' },
        { numbered: 'Second point.' },
        { numbered: 'Troisième point.' },
        { paragraph: 'Signature', indent: 1 },
      ],
    });
    expect(writeText(doc).split('\n')).toEqual([
      "Point de l'ordre du jour: PL 2",
      'Document C26/93-F',
      'TITRE',
      'Objet',
      'Objet du document.',
      // References is empty: the rule closes the box, no heading stands alone (and reads back as the field).
      '__________________',
      '',
      'I\tIntroduction',
      '',
      '1.1\tPremier point.',
      '',
      'II\tProposition',
      '',
      '2.1\tSecond point.',
      '',
      '2.2\tTroisième point.',
      '',
      '\tSignature',
      '',
    ]);
  });

  it('writes Res 1332 back in the conventions of the fixture', () => {
    const written = writeText(importText(fixture('council-res-1332-c24.txt')).doc);
    expect(written).toMatch(/\ng\)\tque, aux termes de la Résolution\s140/);
    expect(written).toContain('\n\tle Conseil a également été prié:\ni)\tde superviser');
    expect(written).toContain('\n\t\tà prendre une part active');
    expect(written).toMatch(/organisations compétentes\[footnoteRef:1\] participant[^\n]*abordable, \[1: Organisations comprenant/);
    expect(written).not.toMatch(/\[bookmark:|Annexe: 1/);
  });
});

describe('tracked changes in text', () => {
  /** Res 1332-like: rappelant a)–g); an item inserted before f), one deleted, and the number line revised. */
  function revised(): Node {
    const base = buildDoc({
      blocks: [
        {
          resolution: {
            number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
            title: 'Titre',
            call: "Le Conseil de l'UIT,",
            sections: [
              {
                kind: 'preamble',
                keyword: 'rappelant',
                items: ['texte a;', 'texte b;', 'texte c;', 'texte d;', 'texte e;', 'nouveau;', 'texte f;', 'texte g,'],
              },
              { kind: 'operative', keyword: 'décide', items: ['un;', 'supprimé;', 'deux.'] },
            ],
          },
        },
      ],
    });
    return editJson(base, (json) => {
      if (json.type === 'number_line') {
        json.content = [
          { type: 'text', text: 'RÉSOLUTION 1332 (C11, dernière mod. ' },
          { type: 'text', text: 'C24', marks: [{ type: 'deletion', attrs: stamp('d1') }] },
          { type: 'text', text: 'C26', marks: [{ type: 'insertion', attrs: stamp('i1') }] },
          { type: 'text', text: ')' },
        ];
      }
      const text = json.type === 'item' ? json.content?.[0]?.content?.[0]?.text : undefined;
      if (text === 'nouveau;') json.attrs = { ...json.attrs, change: { kind: 'insertion', ...stamp('i2') } };
      if (text === 'supprimé;') json.attrs = { ...json.attrs, change: { kind: 'deletion', ...stamp('d2') } };
    });
  }

  it('marked: inserted and deleted text, whole inserted/deleted items, and renumbered labels as [-f-][+g+])', () => {
    const lines = writeText(revised(), { mode: 'marked' }).split('\n');
    expect(lines[0]).toBe('RÉSOLUTION 1332 (C11, dernière mod. [-C24-][+C26+])');
    expect(lines).toContain('[+f)\tnouveau;+]');
    expect(lines).toContain('[-f-][+g+])\ttexte f;');
    expect(lines).toContain('[-g-][+h+])\ttexte g,');
    expect(lines).toContain('e)\ttexte e;');
    expect(lines).toContain('[-2\tsupprimé;-]');
    expect(lines).toContain('[-3-][+2+]\tdeux.');
  });

  it('final and original: the document with every change accepted or rejected, labels of that numbering', () => {
    const final = writeText(revised(), { mode: 'final' }).split('\n');
    expect(final[0]).toBe('RÉSOLUTION 1332 (C11, dernière mod. C26)');
    expect(final).toContain('f)\tnouveau;');
    expect(final).toContain('g)\ttexte f;');
    expect(final.join('\n')).not.toContain('supprimé');
    expect(final).toContain('2\tdeux.');

    const original = writeText(revised(), { mode: 'original' }).split('\n');
    expect(original[0]).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(original.join('\n')).not.toContain('nouveau');
    expect(original).toContain('f)\ttexte f;');
    expect(original).toContain('2\tsupprimé;');
    expect(original).toContain('3\tdeux.');
    expect(original.join('\n')).not.toMatch(/\[[+-]/);
  });

  it('marks a split or joined paragraph mark with ¶', () => {
    const doc = editJson(buildDoc({ blocks: [{ paragraph: 'Avant' }, { paragraph: 'Après' }] }), (json) => {
      if (json.type === 'paragraph' && json.content?.[0]?.text === 'Avant')
        json.attrs = { ...json.attrs, paragraphMark: { kind: 'insertion', ...stamp('p1') } };
    });
    expect(writeText(doc, { mode: 'marked' }).split('\n')[0]).toBe('Avant[+¶+]');
  });

  it('writes the same text in the three modes for a document without tracked changes', () => {
    for (const name of ['council-res-1332-c24.txt', 'council-c26-93-contribution-cover.txt']) {
      const { doc } = importText(fixture(name));
      const marked = writeText(doc, { mode: 'marked' });
      expect(writeText(doc, { mode: 'final' })).toBe(marked);
      expect(writeText(doc, { mode: 'original' })).toBe(marked);
      expect(writeText(doc)).toBe(marked);
    }
  });
});

describe('the cover in text', () => {
  it('writes no heading alone: an empty agenda item, original language or box field has no line; Word keeps them', async () => {
    // A New revision of Res 1332 (the fixture): its cover to fill, its agenda item empty.
    const made = contributionFromResolution(importText(fixture('council-res-1332-c24.txt')).doc, { today: new Date('2026-04-14') });
    // The delegate has not chosen the original language yet either, nor written the action required.
    const doc = editJson(made.doc, (json) => {
      if (json.type === 'cover_field' && ['originalLanguage', 'actionRequired'].includes(String(json.attrs?.name))) delete json.content;
    });
    const lines = writeText(doc).split('\n');
    const cover = lines.slice(0, lines.indexOf('I\tIntroduction'));
    expect(cover.filter((line) => /^Point de l'ordre du jour|^Original|^Suite à donner/.test(line))).toEqual([]);
    expect(cover).toContain('Objet');
    // Every line of the cover is a heading followed by its text, or a text: none ends the cover with a heading.
    expect(cover.at(-1)).not.toBe('Références');
    // The Word cover is the form to fill: its headings stay.
    const texts = paragraphsOf(docxParts(await writeDocx(doc))['word/document.xml']!).map((paragraph) => paragraph.text.trim());
    expect(texts).toEqual(
      expect.arrayContaining(["Point de l'ordre du jour:", 'Original:', 'Suite à donner par le Conseil', 'Références']),
    );
  });
});
