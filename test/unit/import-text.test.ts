import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../shared/import/index.js';
import { visibleText } from '../../shared/numbering/visible-text.js';
import { importText } from '../../shared/import/index.js';
import { LineClassifier } from '../../shared/import/text/classify.js';
import { labelReader } from '../../shared/import/text/labels.js';
import { splitLines } from '../../shared/import/text/lines.js';
import { parseLines } from '../../shared/import/text/parse.js';
import { languageTable } from '../../shared/languages/index.js';
import { outline } from '../../shared/outline/index.js';
import type { ItemOutline, SectionOutline } from '../../shared/outline/outline.js';
import { fixture, fixtureNames } from '../support/fixtures.js';

const labels = (items: readonly ItemOutline[]) => items.map((item) => item.label);
const letters = (from: string, to: string) => {
  const out: string[] = [];
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) out.push(`${String.fromCharCode(code)})`);
  return out;
};
const numbers = (to: number) => Array.from({ length: to }, (_, index) => String(index + 1));
const romans = (...values: string[]) => values.map((value) => `${value})`);

function sectionNamed(sections: readonly SectionOutline[], keyword: string): SectionOutline {
  const section = sections.find((s) => s.keyword === keyword);
  if (!section) throw new Error(`no section «${keyword}» among ${sections.map((s) => s.keyword).join(' | ')}`);
  return section;
}

/** The list that is the `index`-th child of an item (a continuation or a list). */
function subList(item: ItemOutline, index: number): ItemOutline[] {
  const child = item.children[index];
  if (!child || child.kind !== 'list') throw new Error(`child ${index} of ${item.label} is not a list`);
  return child.items;
}

function nodesOfType(doc: Node, type: string): Node[] {
  const found: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === type) found.push(node);
    return true;
  });
  return found;
}

/** The text of a textblock without the text of its footnotes. */
function ownText(node: Node): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.text ?? '';
  });
  return text;
}

describe('every fixture imports', () => {
  const names = fixtureNames('.txt');
  it('finds the five fixture texts', () => expect(names).toHaveLength(5));
  it.each(names)('%s: French, schema-valid, every block with a unique id, nothing unrecognised', (name) => {
    const result = importText(fixture(name));
    expect(result.language).toBe('fr');
    expect(result.doc.attrs.language).toBe('fr');
    expect(() => result.doc.check()).not.toThrow();
    expect(result.unrecognised).toEqual([]);
    expect(result.warnings).toEqual([]);
    const ids: string[] = [];
    result.doc.descendants((node) => {
      if ('id' in node.attrs) ids.push(node.attrs.id as string);
      return true;
    });
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // No conversion artifact survives.
    const text = result.doc.textBetween(0, result.doc.content.size, '\n', (leaf) => leaf.textContent);
    expect(text).not.toMatch(/\[bookmark:|\[image:|\[footnoteRef:|Annexe: 1|C2001\/#-F/);
  });
});

describe('Resolution 1332 (C24)', () => {
  const result = importText(fixture('council-res-1332-c24.txt'));
  const [resolution] = outline(result.doc).resolutions;
  if (!resolution) throw new Error('no resolution imported');
  const { sections } = resolution;

  it('reads the number line, adoption line, the title over two lines as one, and the call', () => {
    expect(resolution.number).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(resolution.adoption).toBe('(adoptée à la onzième séance plénière)');
    expect(resolution.title).toBe(
      "Rôle de l'UIT dans la mise en œuvre des résultats du SMSI et du Programme de développement durable à l'horizon 2030",
    );
    expect(resolution.call).toBe("Le Conseil de l'UIT,");
  });

  it('keeps the nine keyword phrases as written, addressees included, with kind and role', () => {
    expect(sections.map((s) => [s.kind, s.keyword, s.role])).toEqual([
      ['preamble', 'rappelant', 'recalling'],
      ['preamble', 'considérant', 'considering'],
      ['preamble', 'reconnaissant', 'recognizing'],
      ['preamble', 'notant', 'noting'],
      ['operative', 'décide', 'resolves'],
      ['operative', "charge le Groupe de travail du Conseil sur le Sommet mondial sur la société de l'information et les ODD", 'instructs'],
      ['operative', 'charge le Secrétaire général', 'instructs'],
      ['operative', 'charge le Secrétaire général et les Directeurs des Bureaux', 'instructs'],
      ['operative', 'invite les États Membres, les Membres de Secteur et toutes les parties prenantes', 'invites'],
    ]);
  });

  it('rappelant a)–l)', () => {
    const section = sectionNamed(sections, 'rappelant');
    expect(section.style).toBe('alpha');
    expect(labels(section.items)).toEqual(letters('a', 'l'));
  });

  it('considérant a)–h), g) holding its continuations, i)–v), the dashes under v) and the indented continuations in place', () => {
    const section = sectionNamed(sections, 'considérant');
    expect(labels(section.items)).toEqual(letters('a', 'h'));
    const g = section.items[6]!;
    expect(g.children.map((child) => (child.kind === 'continuation' ? `continuation ${child.indent}` : `${child.style} list`))).toEqual([
      'continuation 1',
      'continuation 1',
      'roman list',
      'continuation 1',
      'continuation 2',
    ]);
    const roman = subList(g, 2);
    expect(labels(roman)).toEqual(romans('i', 'ii', 'iii', 'iv', 'v'));
    expect(roman.slice(0, 4).every((item) => item.children.length === 0)).toBe(true);
    const dashes = subList(roman[4]!, 0);
    expect(labels(dashes)).toEqual(['–', '–', '–']);
    expect(dashes[0]!.excerpt).toMatch(/^les activités de l'UIT relatives/);

    // The continuations are the real paragraphs, in order.
    const gNode = nodesOfType(result.doc, 'section')[1]!.child(1).child(6);
    const continuations = nodesOfType(gNode, 'continuation').map(ownText);
    expect(continuations[0]).toMatch(/^permettre aux membres de fournir/);
    expect(continuations[1]).toBe('le Conseil a également été prié:');
    expect(continuations[2]).toBe("et les membres de l'UIT sont invités:");
    expect(continuations[3]).toMatch(/^à prendre une part active/);
  });

  it('attaches the footnote of considérant h) at its anchor, with its text', () => {
    const h = sectionNamed(sections, 'considérant').items[7]!;
    expect(h.footnotes).toBe(1);
    const hText = nodesOfType(result.doc, 'section')[1]!.child(1).child(7).child(0);
    const parts: string[] = [];
    hText.forEach((child) => parts.push(child.isText ? 'text' : child.type.name));
    expect(parts).toEqual(['text', 'footnote', 'text']);
    expect(ownText(hText)).toMatch(/organisations compétentes participant au développement/);
    expect(ownText(hText)).toMatch(/financièrement abordable,$/);
    const [footnote] = nodesOfType(result.doc, 'footnote');
    expect(footnote!.textContent).toMatch(/^Organisations comprenant, entre autres, l'Internet Corporation/);
    expect(footnote!.textContent).toMatch(/sur une base de réciprocité\.$/);
    expect(resolution.footnotes).toBe(1);
  });

  it('reconnaissant a)–h), h) with two dashes; notant a)–b)', () => {
    const reconnaissant = sectionNamed(sections, 'reconnaissant');
    expect(labels(reconnaissant.items)).toEqual(letters('a', 'h'));
    expect(labels(subList(reconnaissant.items[7]!, 0))).toEqual(['–', '–']);
    expect(labels(sectionNamed(sections, 'notant').items)).toEqual(['a)', 'b)']);
  });

  it('décide 1–6 with a. b. under 3', () => {
    const decide = sectionNamed(sections, 'décide');
    expect(decide.style).toBe('decimal');
    expect(labels(decide.items)).toEqual(numbers(6));
    expect(labels(subList(decide.items[2]!, 0))).toEqual(['a.', 'b.']);
    expect(decide.items.filter((item) => item.children.length > 0)).toHaveLength(1);
  });

  it('charge le Groupe de travail… 1–2 (1 has i)–iv)), charge le Secrétaire général 1–14, … et les Directeurs des Bureaux 1–5, invite… 1–6', () => {
    const group = sections[5]!;
    expect(labels(group.items)).toEqual(numbers(2));
    expect(labels(subList(group.items[0]!, 0))).toEqual(romans('i', 'ii', 'iii', 'iv'));
    expect(labels(sectionNamed(sections, 'charge le Secrétaire général').items)).toEqual(numbers(14));
    expect(labels(sectionNamed(sections, 'charge le Secrétaire général et les Directeurs des Bureaux').items)).toEqual(numbers(5));
    expect(labels(sections[8]!.items)).toEqual(numbers(6));
  });

  it('reads the annex: heading, title without its bookmark, the mandate a)–j)', () => {
    expect(resolution.annexes).toHaveLength(1);
    const [annex] = resolution.annexes;
    expect(annex!.heading).toBe('ANNEXE');
    expect(annex!.title).toBe('Mandat du Groupe de travail du Conseil sur le SMSI et les ODD');
    expect(labels(annex!.items)).toEqual(letters('a', 'j'));
    expect(annex!.paragraphs).toBe(0);
  });
});

describe('WTDC Resolution 30 (Rév. Kigali, 2022)', () => {
  const result = importText(fixture('wtdc-res-30-kigali-2022.txt'));
  const [resolution] = outline(result.doc).resolutions;
  if (!resolution) throw new Error('no resolution imported');
  const { sections } = resolution;

  it('has no adoption line, a title over three lines joined with single spaces, and its call', () => {
    expect(resolution.number).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
    expect(resolution.adoption).toBeNull();
    expect(resolution.title).toBe(
      "Rôle du Secteur du développement des télécommunications de l'UIT dans la mise en œuvre des résultats du Sommet mondial sur la société de l'information et du Programme de développement durable à l'horizon 2030",
    );
    expect(resolution.call).toBe('La Conférence mondiale de développement des télécommunications (Kigali, 2022),');
  });

  it('reads its sections, with single-item sections unlabelled', () => {
    expect(sections.map((s) => [s.kind, s.keyword.split(' ').slice(0, 3).join(' '), labels(s.items).join(' ')])).toEqual([
      ['preamble', 'rappelant', letters('a', 'n').join(' ')],
      ['preamble', 'reconnaissant', letters('a', 'e').join(' ')],
      ['preamble', 'reconnaissant en outre', letters('a', 'c').join(' ')],
      ['preamble', 'tenant compte', letters('a', 'f').join(' ')],
      ['preamble', 'notant', ''],
      ['operative', "décide d'inviter le", numbers(11).join(' ')],
      ['operative', 'charge le Directeur', numbers(5).join(' ')],
      ['operative', 'charge en outre', numbers(9).join(' ')],
      ['operative', 'encourage les commissions', ''],
      ['operative', 'exhorte les États', numbers(5).join(' ')],
      ['operative', 'prie le Secrétaire', ''],
      ['operative', 'invite les États', numbers(3).join(' ')],
    ]);
    expect(sectionNamed(sections, 'reconnaissant en outre').role).toBe('recognizing further');
    expect(sectionNamed(sections, 'notant').items[0]!.excerpt).toMatch(/^que le Secrétaire général de l'UIT a créé/);
    expect(sectionNamed(sections, "encourage les commissions d'études de l'UIT-D").items[0]!.excerpt).toMatch(/^à continuer de contribuer/);
    expect(sectionNamed(sections, 'prie le Secrétaire général').items[0]!.excerpt).toMatch(/^de porter la présente Résolution/);
  });

  it('nests i)–iii) under décide 11 and the roman sub-items of charge en outre 1, 7 and 9', () => {
    const decide = sections[5]!;
    expect(labels(subList(decide.items[10]!, 0))).toEqual(romans('i', 'ii', 'iii'));
    const further = sections[7]!;
    expect(labels(subList(further.items[0]!, 0))).toEqual(romans('i', 'ii', 'iii', 'iv'));
    expect(labels(subList(further.items[6]!, 0))).toEqual(romans('i', 'ii', 'iii', 'iv'));
    expect(labels(subList(further.items[8]!, 0))).toEqual(romans('i', 'ii', 'iii', 'iv', 'v', 'vi'));
  });

  it('attaches the footnote of décide 1 and drops the number the converter repeated', () => {
    expect(sections[5]!.items[0]!.footnotes).toBe(1);
    const [footnote] = nodesOfType(result.doc, 'footnote');
    expect(footnote!.textContent).toMatch(/^Par pays en développement, on entend aussi les pays les moins avancés/);
    expect(footnote!.textContent).toMatch(/en transition\.$/);
    const itemText = footnote && nodesOfType(result.doc, 'item_text').find((node) => nodesOfType(node, 'footnote').length > 0);
    expect(ownText(itemText!)).toMatch(/besoins des pays en développement, y compris pour la mise en place/);
  });
});

/** What a fixture line says, artifacts and label aside: the text that must be found in the model. */
function expectedTexts(source: string): string[] {
  const cover = languageTable('fr').cover;
  const prefixes = [cover.agendaItem, cover.document, cover.original];
  // The box headings (`Objet`, …) become the names of the cover fields, not text.
  const boxHeadings = new Set([cover.purpose, cover.actionRequired, cover.strategicLinks, cover.financialImplications, cover.references]);
  const texts: string[] = [];
  for (const raw of source.split('\n')) {
    let text = raw
      // The converter's repeated footnote number (`[footnoteRef:1]1` with `[1: 1 \t…]`).
      .replace(/\[footnoteRef:(\d+)\]\1(?=\D.*\[\1: \1\s)/g, '')
      .replace(/\[bookmark:[^\]]*\]/g, '')
      .replace(/\[image:[^\]]*\]/g, '')
      .replace(/\[\d+:[^\]]*\]/g, '')
      .replace(/\[footnoteRef:\d+\]/g, '')
      .trim()
      .replace(/^\S{1,12}\t+/, '')
      .trim();
    for (const prefix of prefixes) if (text.startsWith(prefix)) text = text.slice(prefix.length).trim();
    // The page-header template and the box rule are written by the exporters, not kept as text.
    if (text === '' || text === '- 2 -' || text === 'C2001/#-F' || text === '__________________') continue;
    if (boxHeadings.has(text) || /^Annexe: \d+$/.test(text)) continue;
    texts.push(text);
  }
  return texts;
}

function modelText(doc: Node): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    // Live references render their text from the target's label: "point 5 du décide".
    if (node.isTextblock) parts.push(visibleText(node, doc));
    if (node.type.name === 'footnote') parts.push(node.textContent);
    return true;
  });
  return parts.join('\n');
}

describe('Council documents: cover + body', () => {
  it('C26/93: the cover fields and the body, Roman headings and numbered paragraphs', () => {
    const { doc } = importText(fixture('council-c26-93-contribution-cover.txt'));
    const cover = doc.child(0);
    expect(cover.type.name).toBe('cover');
    const fields: Record<string, string> = {};
    cover.forEach((field) => (fields[field.attrs.name as string] = field.textContent));
    expect(fields).toEqual({
      agendaItem: 'PL 2',
      documentNumber: 'C26/93-F',
      date: '14 avril 2026',
      originalLanguage: 'russe',
      source: 'Contribution de la Fédération de Russie',
      title: expect.stringMatching(/^PROJET DE RÉVISION DE LA RÉSOLUTION 1332 DU CONSEIL SUR LE RÔLE DE L'UIT .* L'HORIZON 2030$/),
      purpose: expect.stringMatching(/^La présente contribution contient un projet de révision/),
      actionRequired: 'Le Conseil est invité à examiner la présente contribution et à prendre les mesures appropriées.',
      references: expect.stringMatching(/^Résolutions 80\/173 et 80\/118/),
    });
    const tree = outline(doc);
    expect(tree.headings).toEqual([
      { label: 'I', text: 'Introduction' },
      { label: 'II', text: 'Proposition' },
    ]);
    expect(nodesOfType(doc, 'heading').map((node) => node.attrs.numbering)).toEqual(['roman', 'roman']);
    expect(tree.paragraphs).toBe(6);
    expect(tree.numberedParagraphs).toBe(2);
  });

  it('the Secretary-General report: a multi-line title joined, an empty References field, decimal headings 1–7, numbered paragraphs', () => {
    const { doc } = importText(fixture('council-sg-report-wsis-sdg.txt'));
    const tree = outline(doc);
    expect(tree.cover).toEqual(['source', 'title', 'purpose', 'actionRequired', 'strategicLinks', 'financialImplications', 'references']);
    const title = nodesOfType(doc, 'cover_field').find((field) => field.attrs.name === 'title')!;
    expect(title.textContent).toBe(
      "RAPPORT SUR LE RÔLE DE L'UIT DANS LA MISE EN ŒUVRE DES RÉSULTATS DU SMSI ET DU PROGRAMME DE DÉVELOPPEMENT DURABLE À L'HORIZON 2030, AINSI QUE DANS LES PROCESSUS DE SUIVI ET D'EXAMEN ASSOCIÉS",
    );
    expect(nodesOfType(doc, 'cover_field').find((field) => field.attrs.name === 'references')!.textContent).toBe('');
    expect(tree.headings.map((heading) => heading.label)).toEqual(numbers(7));
    expect(nodesOfType(doc, 'heading').every((node) => node.attrs.numbering === 'decimal')).toBe(true);
    expect(tree.numberedParagraphs).toBe(18);
  });

  it('the CWG report: a dash list in the body and the indented signature lines', () => {
    const { doc } = importText(fixture('council-cwg-wsis-sdg-report.txt'));
    const lists = nodesOfType(doc, 'item_list');
    expect(lists.map((list) => [list.attrs.style, list.childCount])).toEqual([['dash', 2]]);
    const paragraphs = nodesOfType(doc, 'paragraph');
    expect(paragraphs.slice(-2).map((p) => [p.attrs.indent, p.textContent])).toEqual([
      [1, 'Cynthia LESUFI'],
      [1, 'Présidente du GTC-SMSI/ODD'],
    ]);
    expect(outline(doc).headings.map((heading) => heading.label)).toEqual(numbers(8));
  });

  it.each(fixtureNames('.txt'))('%s: no paragraph is lost', (name) => {
    const source = fixture(name);
    const text = modelText(importText(source).doc);
    const missing = expectedTexts(source).filter((expected) => !text.includes(expected));
    expect(missing).toEqual([]);
  });
});

describe('conventions and edge cases', () => {
  it('refuses empty and white-space-only text with a one-line ImportError', () => {
    for (const text of ['', '   ', '\n\n\t\n', ' \t \r\n ']) {
      expect(() => importText(text)).toThrow(ImportError);
      expect(() => importText(text)).toThrow(/^The text is empty/);
    }
    expect(() => importText('[image: ]\n[bookmark: x]\n')).toThrow(/only conversion artifacts/);
    expect(() => importText('abc\u0000def')).toThrow(/binary/);
    expect(() => importText('notant\n', { language: 'xx' })).toThrow(/Unknown language "xx"/);
  });

  it('keeps a line it cannot place, and reports it with its line number', () => {
    const text = ['RÉSOLUTION 1 (C1)', 'Titre', 'Le Conseil,', 'décide', '1\tpremier;', 'ligne égarée', '2\tsecond.'].join('\n');
    const result = importText(text);
    expect(result.unrecognised).toEqual([{ line: 6, text: 'ligne égarée' }]);
    expect(result.warnings).toEqual(['line 6: unlabelled line after the items of a section; kept as a continuation']);
    const [section] = outline(result.doc).resolutions[0]!.sections;
    expect(labels(section!.items)).toEqual(['1', '2']);
    expect(nodesOfType(result.doc, 'continuation').map(ownText)).toEqual(['ligne égarée']);
  });

  it('numbers a label out of sequence from its position, with a warning', () => {
    const result = importText(['RÉSOLUTION 1 (C1)', 'Titre', 'Le Conseil,', 'rappelant', 'a)\tun;', 'c)\tdeux,'].join('\n'));
    expect(labels(outline(result.doc).resolutions[0]!.sections[0]!.items)).toEqual(['a)', 'b)']);
    expect(result.warnings).toEqual(['line 6: label c) is out of sequence; numbered from its position']);
  });

  it('reads i) as the 9th letter unless the item before announces a sub-list with a colon', () => {
    const items = letters('a', 'h').map((label) => `${label}\ttexte;`);
    const continued = importText(['RÉSOLUTION 1 (C1)', 'Titre', 'Le Conseil,', 'rappelant', ...items, 'i)\tneuvième,'].join('\n'));
    expect(labels(outline(continued.doc).resolutions[0]!.sections[0]!.items)).toEqual(letters('a', 'i'));
    const announced = [...items.slice(0, 7), 'h)\ttexte:', 'i)\tpremier;', 'ii)\tsecond,'];
    const nested = importText(['RÉSOLUTION 1 (C1)', 'Titre', 'Le Conseil,', 'rappelant', ...announced].join('\n'));
    const section = outline(nested.doc).resolutions[0]!.sections[0]!;
    expect(labels(section.items)).toEqual(letters('a', 'h'));
    expect(labels(subList(section.items[7]!, 0))).toEqual(romans('i', 'ii'));
  });

  it('detects English and Russian from their keywords, and keeps the Russian keyword comma', () => {
    const english = importText(
      [
        'RESOLUTION 1332 (C11, last amended C24)',
        'Title',
        'The Council,',
        'considering',
        'a)\tone;',
        'b)\ttwo,',
        'instructs the Secretary-General',
        '1\tto act.',
      ].join('\n'),
    );
    expect(english.language).toBe('en');
    expect(english.doc.attrs.language).toBe('en');
    expect(outline(english.doc).resolutions[0]!.sections.map((s) => [s.keyword, s.role, s.kind])).toEqual([
      ['considering', 'considering', 'preamble'],
      ['instructs the Secretary-General', 'instructs', 'operative'],
    ]);
    const russian = importText(
      ['РЕЗОЛЮЦИЯ 1332 (C11)', 'Название', 'Совет МСЭ,', 'учитывая,', 'a)\tодин;', 'b)\tдва,', 'решает,', '1\tтри.'].join('\n'),
    );
    expect(russian.language).toBe('ru');
    expect(outline(russian.doc).resolutions[0]!.sections.map((s) => [s.keyword, s.kind])).toEqual([
      ['учитывая,', 'preamble'],
      ['решает,', 'operative'],
    ]);
  });

  it('uses the language it is given, and French when nothing tells', () => {
    expect(importText('Un paragraphe.').language).toBe('fr');
    expect(importText('Un paragraphe.', { language: 'es' }).doc.attrs.language).toBe('es');
  });

  it('drops a repeated footnote number only when both copies prove it', () => {
    const proven = importText('Texte[footnoteRef:1]1, suite. [1: 1 \tNote.]');
    expect(ownText(proven.doc.child(0))).toBe('Texte, suite.');
    expect(nodesOfType(proven.doc, 'footnote')[0]!.textContent).toBe('Note.');
    const unproven = importText('Texte[footnoteRef:1]1 suite. [1: \tNote.]');
    expect(ownText(unproven.doc.child(0))).toBe('Texte1 suite.');
    expect(nodesOfType(unproven.doc, 'footnote')[0]!.textContent).toBe('Note.');
  });

  it('keeps a footnote text that has no anchor, and an anchor without text, with warnings', () => {
    const result = importText('Texte sans ancre. [3: orpheline]\nAncre[footnoteRef:4] seule.');
    expect(ownText(result.doc.child(0))).toBe('Texte sans ancre. [3: orpheline]');
    expect(nodesOfType(result.doc, 'footnote').map((node) => node.textContent)).toEqual(['']);
    expect(result.warnings).toHaveLength(2);
  });

  it('ignores a byte-order mark before the number line', () => {
    const withBom = importText(`\uFEFF${fixture('wtdc-res-30-kigali-2022.txt')}`);
    expect(withBom.unrecognised).toEqual([]);
    expect(outline(withBom.doc).resolutions[0]!.number).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
  });

  it('reads CRLF line ends like LF', () => {
    const lf = importText(fixture('council-res-1332-c24.txt'));
    const crlf = importText(fixture('council-res-1332-c24.txt').replace(/\n/g, '\r\n'));
    expect(JSON.stringify(outline(crlf.doc))).toBe(JSON.stringify(outline(lf.doc)));
  });

  it('carries the revision of a whole paragraph and of its paragraph mark from a line (Word) to its block', () => {
    const change = { kind: 'insertion' as const, id: 'r1', author: 'A', date: '' };
    const mark = { kind: 'deletion' as const, id: 'r2', author: 'A', date: '' };
    const { lines } = splitLines(
      ['RÉSOLUTION 1 (C1)', 'Titre', 'Le Conseil,', 'décide', '1\tun;', '2\tnouveau;', '\tsuite', '3\ttrois.'].join('\n'),
    );
    const tracked = lines.map((line) =>
      line.plain === 'nouveau;' ? { ...line, change } : line.plain === 'suite' ? { ...line, paragraphMark: mark } : line,
    );
    const table = languageTable('fr');
    const { doc } = parseLines(tracked, new LineClassifier(table), labelReader(table));
    const items = nodesOfType(doc, 'item');
    expect(items.map((item) => item.attrs.change)).toEqual([null, change, null]);
    expect(items[1]!.child(0).attrs.change).toBeNull();
    expect(nodesOfType(doc, 'continuation')[0]!.attrs.paragraphMark).toEqual(mark);
  });
});

describe('broken labels and texts without keywords (issue 15, item 13)', () => {
  const resolution = (itemLines: string[]) =>
    [
      'RÉSOLUTION 1332 (C11, dernière mod. C24)',
      "Rôle de l'UIT",
      "Le Conseil de l'UIT,",
      'considérant',
      ...itemLines,
      'décide',
      "1\tque l'UIT agisse.",
    ].join('\n');
  const depth = (items: readonly ItemOutline[]): number =>
    Math.max(0, ...items.map((item) => 1 + Math.max(0, ...item.children.map((c) => (c.kind === 'list' ? depth(c.items) : 0)))));

  it('reads every item labelled "a)" as siblings, numbered from position, with a warning each', () => {
    const result = importText(resolution(Array.from({ length: 7 }, (_, i) => `a)\tque le point ${i + 1} est rappelé;`)));
    const items = sectionNamed(outline(result.doc).resolutions[0]!.sections, 'considérant').items;
    expect(labels(items)).toEqual(letters('a', 'g'));
    expect(depth(items)).toBe(1);
    expect(result.warnings.filter((w) => /repeats an earlier label/.test(w))).toHaveLength(6);
  });

  it('reads every item labelled "1" as siblings, and keeps a real sub-list under them', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `1\tque le point ${i + 1} est rappelé${i === 2 ? ':' : ';'}`);
    lines.splice(3, 0, 'a.\tpremier sous-point;', 'a.\tsecond sous-point;');
    const result = importText(resolution(lines).replace('considérant', 'décide en outre'));
    const items = sectionNamed(outline(result.doc).resolutions[0]!.sections, 'décide en outre').items;
    expect(labels(items)).toEqual(numbers(5));
    expect(labels(subList(items[2]!, 0))).toEqual(['a.', 'b.']);
    expect(depth(items)).toBe(2);
  });

  it('still nests a sub-list whose first label differs in style (Res 1332 considérant g) is untouched)', () => {
    const result = importText(fixture('council-res-1332-c24.txt'));
    expect(result.warnings.filter((w) => /repeats an earlier label/.test(w))).toEqual([]);
  });

  it.each([
    [
      'en',
      'The Council noted the report of the Secretary-General and the progress made by the Union on the implementation of the outcomes.',
    ],
    [
      'es',
      'El Consejo tomó nota del informe del Secretario General y de los progresos realizados por la Unión para la aplicación de los resultados.',
    ],
    [
      'fr',
      "Le Conseil a pris note du rapport du Secrétaire général et des progrès accomplis par l'Union dans la mise en œuvre des résultats.",
    ],
    ['ru', 'Совет принял к сведению отчет Генерального секретаря и прогресс, достигнутый Союзом.'],
    ['ar', 'أحاط المجلس علماً بتقرير الأمين العام والتقدم الذي أحرزه الاتحاد.'],
    ['zh', '理事会注意到秘书长的报告以及国际电联在落实成果方面取得的进展。'],
  ])('detects %s from the text when no line holds an ITU keyword', (code, text) => {
    expect(importText(text).language).toBe(code);
  });
});

describe('the number line', () => {
  const isNumberLine = (code: 'fr' | 'ar' | 'zh', text: string) =>
    new LineClassifier(languageTable(code)).isNumberLine(splitLines(text).lines[0]!);

  it('is the word, the number and its brackets, a kashida in the word or a note sign after it', () => {
    expect(isNumberLine('fr', 'RÉSOLUTION 1332 (C11, dernière mod. C24)')).toBe(true);
    expect(isNumberLine('fr', 'RÉSOLUTION 30 (Rév. Kigali, 2022)*')).toBe(true);
    expect(isNumberLine('fr', 'RÉSOLUTION 1332')).toBe(true);
    expect(isNumberLine('ar', 'القـرار 417 (REV.WRC-12)')).toBe(true);
    expect(isNumberLine('ar', 'القرار 1332 (C11، آخر تعديل C24)')).toBe(true);
    expect(isNumberLine('zh', '第1332号决议（C11，最后修订C24）')).toBe(true);
  });

  it('is not a sentence that names a resolution, which goes on after the brackets', () => {
    expect(isNumberLine('ar', 'القرار 417 (WRC‑07): استعمال الخدمة المتنقلة للطيران (R) للنطاق MHz 1 164‑960')).toBe(false);
    expect(isNumberLine('ar', 'القرار 417 يدعو إلى')).toBe(false);
    expect(isNumberLine('fr', 'RÉSOLUTION 1332 (C11): rôle de l’UIT')).toBe(false);
    expect(isNumberLine('zh', '第1332号决议（C11）规定')).toBe(false);
  });
});
