/**
 * The Word export's XML, read back: Council layout, ITU style names, labels as text, revision
 * marks (runs, paragraph marks, renumbered labels, footnotes), the six languages, and the style
 * table as data. The checks with LibreOffice and pandoc are in test/integration/docx-export.test.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../shared/export/docx/write.js';
import { councilStyleTable } from '../../shared/council-style/index.js';
import { listMetrics, parseStyleTable } from '../../shared/council-style/style-table.js';
import { REQUIRED_STYLES } from '../../shared/council-style/style-table.js';
import { documentNumberText } from '../../shared/export/docx/cover.js';
import { contributionFromResolution } from '../../shared/contribution/index.js';
import { pageNumberRun } from '../../shared/export/docx/header.js';
import { wordDate } from '../../shared/export/docx/revisions.js';
import { buildDoc } from '../../shared/model/index.js';
import { resolutionDoc } from '../../shared/model/build.js';
import { schema } from '../../shared/schema/index.js';
import { AUTHOR_RU, AUTHOR_SEC, change, contributionC26_93, resolution1332, revised1332 } from '../support/docx-fixtures.js';
import { attr, docxParts, findAll, malformedParts, paragraphsOf, parseXml, revisionsOf, type ParagraphView } from '../support/docx-xml.js';
import raw from '../../shared/council-style/council-style.json' with { type: 'json' };

const labelOf = (p: ParagraphView) => p.text.split('\t')[0] ?? '';
const byText = (paragraphs: ParagraphView[], fragment: string): ParagraphView => {
  const found = paragraphs.find((p) => p.text.includes(fragment));
  if (!found) throw new Error(`no paragraph with ${fragment}`);
  return found;
};

describe('Council style table (data)', () => {
  it('marks every metric verified or default, and verified ones name their source', () => {
    const metrics = listMetrics(councilStyleTable());
    expect(metrics.length).toBeGreaterThan(60);
    for (const metric of metrics) expect(['verified', 'default']).toContain(metric.status);
    const verified = JSON.stringify(raw).match(/"status":"verified"(?!,"source")/g);
    expect(verified).toBeNull();
    expect(Object.keys(councilStyleTable().styles)).toEqual(expect.arrayContaining([...REQUIRED_STYLES]));
  });

  it('rejects a broken table with a one-line error naming the place', () => {
    const broken = structuredClone(raw) as { styles: Record<string, { sizePt?: { value: unknown } }> };
    broken.styles.ResNo!.sizePt!.value = 'big';
    expect(() => parseStyleTable(broken)).toThrow(/invalid Council style table at styles\.ResNo\.sizePt\.value/);
    const missing = structuredClone(raw) as { styles: Record<string, unknown> };
    delete missing.styles.enumlev2;
    expect(() => parseStyleTable(missing)).toThrow(/missing styles enumlev2/);
  });

  it('lays per-language overrides over the common styles: Chinese keywords upright', async () => {
    const italicOfCall = async (language: string) => {
      const parts = docxParts(await writeDocx(resolution1332(language)));
      const call = findAll(parseXml(parts['word/styles.xml']!), 'w:style').find((st) => attr(st, 'w:styleId') === 'Call')!;
      return attr(findAll([call], 'w:i')[0]!, 'w:val') ?? 'true';
    };
    expect(await italicOfCall('fr')).toBe('true');
    expect(await italicOfCall('zh')).toBe('false');
    const wrong = structuredClone(raw) as { languageOverrides: Record<string, unknown> };
    wrong.languageOverrides.ru = { Calll: { italic: { value: false, status: 'default' } } };
    expect(() => parseStyleTable(wrong)).toThrow(/languageOverrides\.ru names unknown styles Calll/);
  });

  it('writes what the table says: an editor correcting enumlev1 changes the export without code', async () => {
    const corrected = structuredClone(raw) as { styles: Record<string, { leftCm?: { value: number } }> };
    corrected.styles.enumlev1!.leftCm!.value = 2;
    const parts = docxParts(await writeDocx(resolution1332(), parseStyleTable(corrected)));
    const enumlev1 = findAll(parseXml(parts['word/styles.xml']!), 'w:style').find((s) => attr(s, 'w:styleId') === 'enumlev1')!;
    const indent = findAll([enumlev1], 'w:ind')[0]!;
    expect(attr(indent, 'w:left')).toBe('1134'); // 2 cm in twips
  });
});

describe('Council layout', () => {
  let parts: Record<string, string>;
  let body: ParagraphView[];
  beforeAll(async () => {
    parts = docxParts(await writeDocx(contributionC26_93()));
    body = paragraphsOf(parts['word/document.xml']!);
  });

  it('is A4 with the margins of the table, and every part is well-formed XML', () => {
    expect(malformedParts(parts)).toEqual([]);
    const pgSz = findAll(parseXml(parts['word/document.xml']!), 'w:pgSz')[0]!;
    expect([attr(pgSz, 'w:w'), attr(pgSz, 'w:h')]).toEqual(['11906', '16838']);
    const pgMar = findAll(parseXml(parts['word/document.xml']!), 'w:pgMar')[0]!;
    expect([attr(pgMar, 'w:left'), attr(pgMar, 'w:top')]).toEqual(['1134', '1417']);
  });

  it('writes the cover: agenda item, document number with its language letter, date, original, source, title, box', () => {
    const texts = body.map((p) => p.text);
    expect(texts).toContain("Point de l'ordre du jour: PL 2");
    expect(texts).toContain('Document C26/93-F');
    expect(texts).toContain('14 avril 2026');
    expect(texts).toContain('Original: russe');
    expect(byText(body, 'Contribution de la Fédération de Russie').style).toBe('Source');
    expect(byText(body, 'PROJET DE RÉVISION').style).toBe('Title1');
    const headings = body.filter((p) => p.style === 'Headingb').map((p) => p.text);
    expect(headings).toEqual(['Objet', 'Suite à donner par le Conseil', 'Références']);
    expect(texts).toContain('__________________');
    // The logo slot is left empty, with a bookmark a template can find.
    expect(parts['word/document.xml']).toContain('w:name="PlenaryLogoSlot"');
    expect(parts['word/document.xml']).not.toContain('<w:drawing');
  });

  it('leaves an unfilled document number empty on the cover, not "Document -F" (New revision, before the delegate fills it)', async () => {
    const contribution = contributionFromResolution(resolution1332(), { today: new Date('2026-12-03') }).doc;
    const cover = paragraphsOf(docxParts(await writeDocx(contribution))['word/document.xml']!).map((p) => p.text);
    expect(cover).toContain('3 décembre 2026');
    expect(cover.filter((text) => /^Document\b|-F$/.test(text))).toEqual([]);
  });

  it('numbers the body I\\tIntroduction and 2.1\\t… as text', () => {
    expect(byText(body, 'Introduction').text).toBe('I\tIntroduction');
    expect(byText(body, 'Introduction').style).toBe('Heading1');
    expect(labelOf(byText(body, 'Examiner un projet'))).toBe('2.1');
    expect(labelOf(byText(body, 'Sur la base de la révision'))).toBe('2.2');
    expect(parts['word/document.xml']).not.toContain('<w:numPr');
  });

  it('has a header from page 2 with - PAGE - and the document number, none on the first page', () => {
    const document = parseXml(parts['word/document.xml']!);
    expect(findAll(document, 'w:titlePg')).toHaveLength(1);
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    const texts = headers.map(([, xml]) => paragraphsOf(xml).map((p) => p.text));
    // '- ' PAGE ' -': the field has no cached text, so the paragraph's text reads '-  -'.
    expect(texts).toContainEqual(['-  -', 'C26/93-F']);
    expect(texts).toContainEqual(['']);
    const withPage = headers.find(([, xml]) => xml.includes('PAGE'))!;
    expect(withPage[1]).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(pageNumberRun('- {page} -')).toEqual(['- ', 'CURRENT', ' -']);
  });

  it('starts each annex on a new page with AnnexNo, and writes the resolution with the ITU style names', () => {
    const xml = parts['word/document.xml']!;
    const annexParagraphs = findAll(parseXml(xml), 'w:p').filter((p) =>
      findAll([p], 'w:pStyle').some((s) => attr(s, 'w:val') === 'AnnexNo'),
    );
    expect(annexParagraphs).toHaveLength(2);
    for (const p of annexParagraphs) expect(findAll([p], 'w:pageBreakBefore')).toHaveLength(1);
    const styles = new Set(body.map((p) => p.style));
    for (const style of [
      'ResNo',
      'Resref',
      'Restitle',
      'Normalaftertitle',
      'Call',
      'enumlev1',
      'enumlev2',
      'enumlev3',
      'AnnexNo',
      'Annextitle',
      'Headingb',
    ]) {
      expect(styles).toContain(style);
    }
    expect(byText(body, 'rappelant').style).toBe('Call');
    expect(byText(body, "Le Conseil de l'UIT,").style).toBe('Normalaftertitle');
    const stylesXml = parseXml(parts['word/styles.xml']!);
    const names = findAll(stylesXml, 'w:style').map((s) => [attr(s, 'w:styleId'), attr(findAll([s], 'w:name')[0]!, 'w:val')]);
    // Word applies an editor's template by style NAME: the ITU names, not look-alikes.
    for (const name of [
      'ResNo',
      'Resref',
      'Restitle',
      'Normalaftertitle',
      'Call',
      'enumlev1',
      'enumlev2',
      'AnnexNo',
      'Annextitle',
      'Headingb',
    ]) {
      expect(names).toContainEqual([name, name]);
    }
  });

  it('writes sub-items and dashes one level in, continuations at the item text, a single item unlabelled', async () => {
    expect(byText(body, 'de superviser, d').style).toBe('enumlev2');
    expect(labelOf(byText(body, 'de superviser, d'))).toBe('i)');
    expect(byText(body, 'les règles et les lignes directrices').style).toBe('enumlev3');
    expect(labelOf(byText(body, 'les règles et les lignes directrices'))).toBe('–');
    const continuation = findAll(parseXml(parts['word/document.xml']!), 'w:p').find((p) =>
      findAll([p], '#text').some((t) => String(t['#text']).startsWith('le Conseil a également')),
    )!;
    expect(attr(findAll([continuation], 'w:ind')[0]!, 'w:left')).toBe('794'); // 1.4 cm: the text of b)

    const single = docxParts(
      await writeDocx(
        buildDoc({
          blocks: [
            {
              resolution: {
                number: 'RÉSOLUTION 30',
                title: 'T',
                call: 'La Conférence,',
                sections: [{ kind: 'preamble', keyword: 'notant', items: ['seul,'] }],
              },
            },
          ],
        }),
      ),
    );
    const seul = byText(paragraphsOf(single['word/document.xml']!), 'seul');
    expect(seul.text).toBe('seul,');
    expect(seul.style).toBe('Normal');
  });
});

describe('revision marks', () => {
  let parts: Record<string, string>;
  let body: ParagraphView[];
  beforeAll(async () => {
    parts = docxParts(await writeDocx(revised1332()));
    body = paragraphsOf(parts['word/document.xml']!);
  });

  it('gives every w:ins/w:del a unique numeric id, an author and a date, across body and footnotes', () => {
    expect(malformedParts(parts)).toEqual([]);
    const revisions = [...revisionsOf(parts['word/document.xml']!), ...revisionsOf(parts['word/footnotes.xml']!)];
    expect(revisions.length).toBeGreaterThan(20);
    const ids = revisions.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of revisions) {
      expect(r.id).toMatch(/^\d+$/);
      expect([AUTHOR_RU, AUTHOR_SEC]).toContain(r.author);
      expect(r.date).toBe('2026-04-14T09:00:00Z');
    }
  });

  it('marks C24 deleted and C26 inserted in the number line', () => {
    const numberLine = byText(body, 'RÉSOLUTION 1332');
    expect(numberLine.runs.filter((r) => r.revision).map((r) => [r.revision, r.text])).toEqual([
      ['del', 'C24'],
      ['ins', 'C26'],
    ]);
  });

  it('inserts a whole item: every run and its paragraph mark, its label inserted', () => {
    const inserted = byText(body, "80/173 de l'Assemblée générale des Nations Unies relative");
    expect(inserted.mark).toBe('ins');
    expect(inserted.runs.every((r) => r.revision === 'ins')).toBe(true);
    expect(labelOf(inserted)).toBe('c)');
  });

  it('renumbers the items after an insertion as old label deleted + new label inserted', () => {
    const shifted = byText(body, 'la Résolution 102');
    expect(shifted.mark).toBeNull();
    expect(shifted.runs.slice(0, 3).map((r) => [r.revision, r.text])).toEqual([
      ['del', 'c)'],
      ['ins', 'd)'],
      [null, '\t'],
    ]);
    const last = byText(body, 'Transformer notre monde');
    expect(last.runs.slice(0, 2).map((r) => r.text)).toEqual(['e)', 'f)']);
  });

  it('deletes a whole item with its old label and its paragraph mark, and renumbers the next one', () => {
    const deleted = byText(body, 'de faire rapport chaque année');
    expect(deleted.mark).toBe('del');
    expect(deleted.runs.every((r) => r.revision === 'del')).toBe(true);
    expect(labelOf(deleted)).toBe('2');
    const next = byText(body, 'de soumettre au Conseil');
    expect(next.runs.slice(0, 2).map((r) => [r.revision, r.text])).toEqual([
      ['del', '3'],
      ['ins', '2'],
    ]);
  });

  it('writes a tracked split as a paragraph-mark revision alone', () => {
    const split = byText(body, 'rôle déterminant à jouer');
    expect(split.mark).toBe('ins');
    expect(split.runs.every((r) => r.revision === null)).toBe(true);
    const rest = byText(body, "pour inscrire l'édification");
    expect(rest.runs.filter((r) => r.revision).map((r) => [r.revision, r.author, r.text])).toEqual([['del', AUTHOR_SEC, 'mondiale']]);
  });

  it('writes a tracked join as a deleted paragraph mark alone', () => {
    const join = byText(body, 'permettre aux membres de fournir');
    expect(join.mark).toBe('del');
    expect(join.runs.every((r) => r.revision === null)).toBe(true);
  });

  it("records the split paragraph's formatting on the next one, so rejecting the split in Word restores the item", () => {
    const paragraphs = findAll(parseXml(parts['word/document.xml']!), 'w:p');
    const changes = paragraphs.flatMap((p) => findAll([p], 'w:pPrChange'));
    expect(changes).toHaveLength(1);
    const former = findAll(changes, 'w:pStyle')[0]!;
    expect(attr(former, 'w:val')).toBe('enumlev1');
    expect(attr(changes[0]!, 'w:author')).toBe(AUTHOR_SEC);
    const owner = paragraphs.find((p) => findAll([p], 'w:pPrChange').length > 0)!;
    expect(
      findAll([owner], '#text')
        .map((t) => String(t['#text']))
        .join(''),
    ).toContain("pour inscrire l'édification");
  });

  it('writes footnotes as Word footnotes whose references resolve, with revisions inside', () => {
    const references = body.flatMap((p) => p.runs).filter((r) => r.footnoteId !== undefined);
    expect(references).toHaveLength(1);
    const notes = findAll(parseXml(parts['word/footnotes.xml']!), 'w:footnote').filter((n) => !attr(n, 'w:type'));
    expect(notes.map((n) => attr(n, 'w:id'))).toEqual(references.map((r) => r.footnoteId));
    const note = paragraphsOf(parts['word/footnotes.xml']!).find((p) => p.text.includes('Document final'))!;
    expect(note.runs.filter((r) => r.revision).map((r) => [r.revision, r.text])).toEqual([['ins', ' sur le SMSI+20']]);
  });

  it('puts an inserted footnote, reference and text, inside the insertion', async () => {
    const doc = buildDoc({ blocks: [{ paragraph: ['Texte', { footnote: 'Note insérée.' }] }] });
    const json = doc.toJSON() as { content: Array<{ content: Array<{ type: string; attrs: Record<string, unknown> }> }> };
    json.content[0]!.content[1]!.attrs.change = change('insertion');
    const out = docxParts(await writeDocx(schema.nodeFromJSON(json)));
    const reference = paragraphsOf(out['word/document.xml']!)[0]!.runs.find((r) => r.footnoteId)!;
    expect(reference.revision).toBe('ins');
    const note = paragraphsOf(out['word/footnotes.xml']!).find((p) => p.text.includes('Note insérée'))!;
    expect(note.runs.filter((r) => r.text.includes('Note')).every((r) => r.revision === 'ins')).toBe(true);
  });

  it("writes another author's deletion of a pending insertion as w:del inside w:ins", () => {
    const phrase = byText(body, 'coordonnateur principal').runs.find((r) => r.text === 'et unique ')!;
    expect(phrase).toMatchObject({ revision: 'ins+del', author: AUTHOR_RU, deletedBy: AUTHOR_SEC });
    const withdrawn = byText(body, "de créer un groupe d'experts");
    expect(withdrawn.mark).toBe('ins+del');
    expect(withdrawn.runs.every((r) => r.revision === 'ins+del' && r.deletedBy === AUTHOR_SEC)).toBe(true);
    // It keeps the label it was inserted with; it counts in neither numbering, so nothing after it moves.
    expect(withdrawn.text).toBe("2\tde créer un groupe d'experts sur le SMSI+20;");
    const next = byText(body, "d'utiliser le cadre du SMSI");
    expect(next.runs[0]).toMatchObject({ revision: null, text: '2\t' });
  });

  it("writes a cross-reference to a renumbered item with only its label revised, the phrase's other words plain", () => {
    const item = byText(body, "compte tenu de l'alinéa");
    expect(item.runs.filter((r) => r.revision).map((r) => [r.revision, r.text])).toEqual([
      ['del', '3'],
      ['ins', '2'],
      ['del', 'c'],
      ['ins', 'd'],
    ]);
    // The words both numberings share are plain runs around the label: `rappelant ` … `) ci-dessus`.
    const label = item.runs.findIndex((r) => r.revision === 'del' && r.text === 'c');
    expect(item.runs[label - 1]).toMatchObject({ revision: null, text: 'rappelant ' });
    expect(item.runs[label + 1]).toMatchObject({ revision: 'ins', text: 'd' });
    expect(item.runs[label + 2]).toMatchObject({ revision: null, text: ') ci-dessus' });
  });

  it('leaves the document it exports untouched', async () => {
    const doc = revised1332();
    const before = JSON.stringify(doc.toJSON());
    await writeDocx(doc);
    expect(JSON.stringify(doc.toJSON())).toBe(before);
  });

  it('never uses Word auto-numbering for labels', () => {
    expect(parts['word/document.xml']).not.toContain('<w:numPr');
  });
});

describe('six languages', () => {
  it('writes Arabic paragraphs right to left (w:bidi) with Arabic item letters and rtl runs', async () => {
    const parts = docxParts(await writeDocx(revised1332('ar')));
    const body = paragraphsOf(parts['word/document.xml']!);
    expect(body.every((p) => p.bidi)).toBe(true);
    expect(labelOf(byText(body, 'la Résolution 140'))).toBe('أ)');
    expect(parts['word/document.xml']).toContain('<w:rtl/>');
    expect(malformedParts(parts)).toEqual([]);
  });

  it.each([
    ['zh', 'en-GB', '考虑到'],
    ['ru', 'ru-RU', 'учитывая,'],
    ['en', 'en-GB', 'considering'],
    ['es', 'es-ES', 'considerando'],
  ])('sets fonts and language for %s', async (language, latinTag, considering) => {
    const parts = docxParts(await writeDocx(resolution1332(language)));
    const defaults = findAll(parseXml(parts['word/styles.xml']!), 'w:docDefaults')[0]!;
    const fonts = findAll([defaults], 'w:rFonts')[0]!;
    expect([attr(fonts, 'w:ascii'), attr(fonts, 'w:eastAsia'), attr(fonts, 'w:cs')]).toEqual(['Calibri', 'SimSun', 'Traditional Arabic']);
    const lang = findAll([defaults], 'w:lang')[0]!;
    expect([attr(lang, 'w:val'), attr(lang, 'w:eastAsia'), attr(lang, 'w:bidi')]).toEqual([latinTag, 'zh-CN', 'ar-SA']);
    expect(byText(paragraphsOf(parts['word/document.xml']!), considering).style).toBe('Call');
    const body = paragraphsOf(parts['word/document.xml']!);
    expect(body.some((p) => p.bidi)).toBe(false);
  });
});

describe('helpers', () => {
  it('completes a document number with the language letter once', () => {
    expect(documentNumberText('C26/93', 'F')).toBe('C26/93-F');
    expect(documentNumberText('Document C26/93-E', 'F')).toBe('C26/93-E');
    expect(documentNumberText('', 'F')).toBe('');
  });

  it('writes Word dates without fractions and leaves out a date it cannot read', () => {
    expect(wordDate('2026-04-14T09:00:00.123Z')).toBe('2026-04-14T09:00:00Z');
    expect(wordDate('')).toBeUndefined();
    expect(wordDate('yesterday')).toBeUndefined();
  });
});

/**
 * Accepting or rejecting the XML the way Word does (drop deleted/inserted runs; a paragraph whose
 * mark is removed joins the next one) must give the labels a reader expects of what remains.
 */
function labelsAfter(paragraphs: ParagraphView[], action: 'accept' | 'reject'): string[] {
  const dropped = action === 'accept' ? 'del' : 'ins';
  const texts: string[] = [];
  let pending = '';
  for (const p of paragraphs) {
    const text =
      pending +
      p.runs
        .filter((r) => r.revision !== dropped)
        .map((r) => r.text)
        .join('');
    if (p.mark === dropped) pending = text;
    else {
      texts.push(text);
      pending = '';
    }
  }
  return texts.filter((t) => /^[^\t]+\titem/.test(t)).map((t) => t.split('\t')[0]!);
}

/**
 * The labels a reader expects of the items of an operative section (`décide`), written from the
 * Council convention and not from the exporter's numbering code: 1, 2, 3…, and none when the
 * section holds a single item.
 */
function operativeLabels(count: number): string[] {
  return count === 1 ? [] : Array.from({ length: count }, (_, i) => String(i + 1));
}

describe('property: accepting/rejecting the exported revisions numbers the items as a reader expects', () => {
  it('holds for random insertions and deletions of items', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<'keep' | 'insertion' | 'deletion'>('keep', 'insertion', 'deletion'), { minLength: 2, maxLength: 30 }),
        async (states) => {
          // Item texts start with "item" so the labels can be told from other paragraphs.
          const doc = resolutionDoc([{ kind: 'operative', keyword: 'décide', items: states.map((_, i) => `item ${i};`) }]);
          const json = doc.toJSON() as {
            content: Array<{ content: Array<{ type: string; content?: Array<{ content?: Array<{ attrs: Record<string, unknown> }> }> }> }>;
          };
          const items = json.content[0]!.content.find((n) => n.type === 'section')!.content![1]!.content!;
          states.forEach((state, i) => {
            if (state !== 'keep') items[i]!.attrs.change = change(state);
          });
          const tracked = schema.nodeFromJSON(json);
          const parts = docxParts(await writeDocx(tracked));
          const paragraphs = paragraphsOf(parts['word/document.xml']!);
          const ids = revisionsOf(parts['word/document.xml']!).map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          // Accepted: the inserted and kept items remain; rejected: the deleted and kept ones.
          expect(labelsAfter(paragraphs, 'accept')).toEqual(operativeLabels(states.filter((state) => state !== 'deletion').length));
          expect(labelsAfter(paragraphs, 'reject')).toEqual(operativeLabels(states.filter((state) => state !== 'insertion').length));
          runs += 1;
        },
      ),
      { numRuns: 40 },
    );
    expect(runs).toBe(40);
  });
});
