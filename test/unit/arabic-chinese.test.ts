/**
 * Arabic and Chinese done as their readers expect: runs split by writing direction in Word (an
 * Arabic run right to left in the complex-script font, `C11` or a French quotation not), Chinese
 * runs taking the East Asian slot for shared characters, the number line in each language's own
 * form and punctuation (`第1332号决议（C11，最后修订C24）`, the Arabic comma), and labels and
 * references in Arabic and Chinese — on Resolution 1332 switched to each language.
 */
import { readFileSync } from 'node:fs';
import { EditorState } from 'prosemirror-state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../shared/export/docx/write.js';
import { conferenceByCode, newProposalsDocument } from '../../shared/proposals/index.js';
import { scriptSegments, scriptSegmentsOfPieces } from '../../shared/languages/index.js';
import { writeText } from '../../shared/export/index.js';
import { importText } from '../../shared/import/index.js';
import { languageTable, type LanguageCode } from '../../shared/languages/index.js';
import { punctuateIn, translateFixedLines, translateLine } from '../../shared/translation/index.js';
import { withConferenceLine } from '../support/cover-line.js';
import { attr, docxParts, findAll, malformedParts, paragraphsOf, parseXml } from '../support/docx-xml.js';

const FR_TEXT = readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8');
const C26_93 = readFileSync(new URL('../fixtures/council-c26-93-contribution-cover.txt', import.meta.url), 'utf8');

function switched(language: LanguageCode, text = FR_TEXT) {
  const tr = EditorState.create({ doc: importText(text).doc }).tr;
  translateFixedLines(tr, language);
  return tr.doc;
}

describe('scriptSegments', () => {
  it('keeps Latin runs of an Arabic line apart, from their first to their last letter or digit', () => {
    expect(scriptSegments('القرار 1332 (C11، آخر تعديل C24)', true)).toEqual([
      { text: 'القرار 1332 (', rightToLeft: true },
      { text: 'C11', rightToLeft: false },
      { text: '، آخر تعديل ', rightToLeft: true },
      { text: 'C24', rightToLeft: false },
      { text: ')', rightToLeft: true },
    ]);
    // A bracket the Latin run opened closes inside it; the Arabic sentence's own full stop does not.
    expect(scriptSegments('انظر la Résolution 140 (Rév. Bucarest, 2022). التالي', true)).toEqual([
      { text: 'انظر ', rightToLeft: true },
      { text: 'la Résolution 140 (Rév. Bucarest, 2022)', rightToLeft: false },
      { text: '. التالي', rightToLeft: true },
    ]);
  });

  it('gives a Latin run that ends an Arabic line its closing bracket, and a Latin line all its punctuation', () => {
    // The proposals cover's conference line before its Arabic name is known: `)` at the right end.
    expect(scriptSegments('مؤتمر Plenipotentiary Conference (PP-26)', true)).toEqual([
      { text: 'مؤتمر ', rightToLeft: true },
      { text: 'Plenipotentiary Conference (PP-26)', rightToLeft: false },
    ]);
    expect(scriptSegments('Plenipotentiary Conference (PP-26)', true)).toEqual([
      { text: 'Plenipotentiary Conference (PP-26)', rightToLeft: false },
    ]);
    expect(scriptSegments('la Résolution 140 (Rév. Bucarest, 2022);', true)).toEqual([
      { text: 'la Résolution 140 (Rév. Bucarest, 2022);', rightToLeft: false },
    ]);
    // The Arabic name with ITU's Latin code: the code's run keeps its hyphen, the brackets are the Arabic line's.
    expect(scriptSegments('مؤتمر المندوبين المفوضين (PP-26)', true)).toEqual([
      { text: 'مؤتمر المندوبين المفوضين (', rightToLeft: true },
      { text: 'PP-26', rightToLeft: false },
      { text: ')', rightToLeft: true },
    ]);
    // A mixed place line: the Latin place and the days in one run, the Arabic month and the year outside.
    expect(scriptSegments('Doha, 9–27 نوفمبر 2026', true)).toEqual([
      { text: 'Doha, 9–27', rightToLeft: false },
      { text: ' نوفمبر 2026', rightToLeft: true },
    ]);
    // A bracket the run did not open stays with the Arabic line.
    expect(scriptSegments('القرار (C11) و C24)', true).map((s) => s.text)).toEqual(['القرار (', 'C11', ') و ', 'C24', ')']);
  });

  it('decides directions on the whole line when its text comes in pieces (marks, tracked changes)', () => {
    const pieces = ['مؤتمر Plenipotentiary Conference (PP-', '26', ')'];
    const cut = scriptSegmentsOfPieces(pieces, true);
    expect(cut).toEqual([
      [
        { text: 'مؤتمر ', rightToLeft: true },
        { text: 'Plenipotentiary Conference (PP-', rightToLeft: false },
      ],
      [{ text: '26', rightToLeft: false }],
      [{ text: ')', rightToLeft: false }],
    ]);
    // Alone, the last piece would have taken the paragraph's direction.
    expect(scriptSegments(')', true)).toEqual([{ text: ')', rightToLeft: true }]);
    expect(scriptSegmentsOfPieces(['', 'abc'], true)).toEqual([[], [{ text: 'abc', rightToLeft: false }]]);
  });

  it('gives an Arabic name in a left-to-right line a right-to-left run, and text back whole', () => {
    const text = 'Document C26/93 (المملكة العربية السعودية), 2026';
    const segments = scriptSegments(text, false);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.rightToLeft).map((s) => s.text)).toEqual(['المملكة العربية السعودية']);
    expect(scriptSegments('RESOLUTION 1332', false)).toEqual([{ text: 'RESOLUTION 1332', rightToLeft: false }]);
  });

  it('gives any mix of Arabic, Latin, digits and punctuation back whole, in alternating segments', () => {
    const piece = fc.constantFrom('القرار', 'آخر', ' ', 'C11', 'Rév.', '2022', '(', ')', '،', ', ', ';', '\t', 'é');
    let runs = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, rightToLeft) => {
        runs++;
        const text = pieces.join('');
        const segments = scriptSegments(text, rightToLeft);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        segments.forEach((segment, index) => {
          expect(segment.text).not.toBe('');
          if (index > 0) expect(segment.rightToLeft).not.toBe(segments[index - 1]!.rightToLeft);
          // A segment of the other direction is the whole text (no letter of the paragraph's own
          // direction in it), or starts with a letter or digit of its own and ends with one or with
          // a closing bracket it opened.
          const ownLetter = rightToLeft ? /\p{Script=Arabic}/u : /(?!\p{Script=Arabic})\p{L}/u;
          if (segment.rightToLeft !== rightToLeft && ownLetter.test(text)) {
            expect(segment.text).toMatch(/^[\p{L}\p{Nd}](.*[\p{L}\p{Nd})])?$/su);
            if (segment.text.endsWith(')')) expect(segment.text).toContain('(');
          }
        });
      }),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
  });
});

describe('the number line in each language', () => {
  it('is written in Chinese form and full-width punctuation, and read back from it', () => {
    const zh = translateLine('number_line', 'RÉSOLUTION 1332 (C11, dernière mod. C24)', 'fr', 'zh');
    expect(zh).toEqual({ text: '第1332号决议（C11，最后修订C24）', untranslated: null });
    expect(translateLine('number_line', zh.text, 'zh', 'en')).toEqual({
      text: 'RESOLUTION 1332 (C11, last amended C24)',
      untranslated: null,
    });
    // A place name is not in the tables: said, not guessed.
    expect(translateLine('number_line', 'RESOLUTION 30 (Rev. Kigali, 2022)', 'en', 'zh')).toEqual({
      text: '第30号决议（修订版Kigali，2022）',
      untranslated: 'Kigali',
    });
    const imported = importText(`${zh.text}\n国际电联理事会，\n回顾\na)\t第140号决议；\nb)\t第70号决议。\n`).doc;
    expect(imported.attrs.language).toBe('zh');
    expect(imported.child(0).child(0).type.name).toBe('number_line');
  });

  it('takes the Arabic comma in Arabic, and gives it back in French', () => {
    const ar = translateLine('number_line', 'RÉSOLUTION 1332 (C11, dernière mod. C24)', 'fr', 'ar');
    expect(ar.text).toBe('القرار 1332 (C11، آخر تعديل C24)');
    expect(translateLine('number_line', ar.text, 'ar', 'fr').text).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
  });

  it('keeps the punctuation tables in one place: ASCII marks to each language and back', () => {
    const [fr, zh, ar] = (['fr', 'zh', 'ar'] as const).map(languageTable);
    expect(punctuateIn('(C11, C24; C26)', fr!, zh!)).toBe('（C11，C24；C26）');
    expect(punctuateIn('（C11，C24；C26）', zh!, fr!)).toBe('(C11, C24; C26)');
    expect(punctuateIn('(C11, C24; C26)', fr!, ar!)).toBe('(C11، C24؛ C26)');
  });
});

describe('labels and references', () => {
  it('labels Arabic items with Arabic letters and Chinese items as ITU Chinese texts do', () => {
    const ar = writeText(switched('ar'), { mode: 'final' });
    expect(ar).toContain('\nإذ يذكّر\nأ)\tla Résolution');
    expect(ar).toContain('\nب)\tla Résolution');
    const zh = writeText(switched('zh'), { mode: 'final' });
    expect(zh.startsWith('第1332号决议（C11，最后修订C24）\n')).toBe(true);
    expect(zh).toContain('\n回顾\na)\tla Résolution');
  });

  it('writes references in the Chinese form 做出决议第1段 and 考虑到a)段', () => {
    const table = languageTable('zh').references;
    expect(table.pointOfSection.replace('{section}', '做出决议').replace('{label}', '1')).toBe('做出决议第1段');
    expect(table.preambleItem.replace('{section}', '考虑到').replace('{label}', 'a)')).toBe('考虑到a)段');
    expect(table.labelSeparator).toBe('');
  });
});

describe('the cover in Chinese', () => {
  it('writes its headings with the full-width colon and no space, and reads them back either way', async () => {
    const doc = switched('zh', C26_93);
    const lines = writeText(doc, { mode: 'final' }).split('\n');
    expect(lines).toContain('议项：PL 2');
    expect(lines).toContain('原文：russe');
    const body = paragraphsOf(docxParts(await writeDocx(doc))['word/document.xml']!);
    expect(body.map((p) => p.text)).toEqual(expect.arrayContaining(['议项：PL 2', '文件 C26/93-F', '原文：russe']));
    for (const colon of ['：', ':']) {
      const cover = importText(`议项${colon}PL 2\n文件 C26/93-C\n2026年4月14日\n原文${colon}俄文\n`).doc.child(0);
      const fields = new Map<string, string>();
      cover.forEach((field) => fields.set(field.attrs.name as string, field.textContent));
      expect([fields.get('agendaItem'), fields.get('originalLanguage')]).toEqual(['PL 2', '俄文']);
    }
  });
});

describe('Word export', () => {
  it("keeps a Latin run's closing bracket in its left-to-right run on an Arabic cover, wherever its text nodes break", async () => {
    // WTDC-25 in Arabic: ITU's Arabic name with the Latin code, and Baku in English (no source showed it in Arabic).
    const wtdc = newProposalsDocument({ language: 'ar', source: 'MEX', conference: conferenceByCode('WTDC-25'), documentNumber: '56' });
    // The conference line as the English fallback, cut into three text nodes (a bold year, as a user could make it).
    const split = withConferenceLine(wtdc, [
      { text: 'World Telecommunication Development Conference (WTDC-' },
      { text: '25', bold: true },
      { text: ')' },
    ]);
    const body = paragraphsOf(docxParts(await writeDocx(split))['word/document.xml']!);
    const line = body.find((p) => p.style === 'Session')!;
    expect(line.bidi).toBe(true);
    // The `)` alone in its text node is still the Latin run's: without w:rtl, Word sets it after `25`.
    expect(line.runs.map((r) => [r.text, r.rtl])).toEqual([
      ['World Telecommunication Development Conference (WTDC-', false],
      ['25', false],
      [')', false],
    ]);
    // The mixed place line: the Latin place and the days left to right, the Arabic month and year right to left.
    const place = body.find((p) => p.text.startsWith('Baku'))!;
    expect(place.runs.map((r) => [r.text, r.rtl])).toEqual([
      ['Baku، 17–28', false],
      [' نوفمبر 2025', true],
    ]);
    // The Arabic name with its Latin code: the brackets are the Arabic line's.
    const wtdcLine = paragraphsOf(docxParts(await writeDocx(wtdc))['word/document.xml']!).find((p) => p.style === 'Session')!;
    expect(wtdcLine.runs.map((r) => [r.text, r.rtl])).toEqual([
      ['المؤتمر العالمي لتنمية الاتصالات (', true],
      ['WTDC-25', false],
      [')', true],
    ]);
  });

  it('splits an Arabic document into right-to-left Arabic runs and left-to-right Latin ones', async () => {
    const parts = docxParts(await writeDocx(switched('ar')));
    expect(malformedParts(parts)).toEqual([]);
    const body = paragraphsOf(parts['word/document.xml']!);
    expect(body.every((p) => p.bidi)).toBe(true);
    const numberLine = body.find((p) => p.style === 'ResNo')!;
    expect(numberLine.text).toBe('القرار 1332 (C11، آخر تعديل C24)');
    expect(numberLine.runs.map((r) => [r.text, r.rtl])).toEqual([
      ['القرار 1332 (', true],
      ['C11', false],
      ['، آخر تعديل ', true],
      ['C24', false],
      [')', true],
    ]);
    const item = body.find((p) => p.text.startsWith('أ)\tla Résolution'))!;
    // The label (and its tab) right to left; the French text left to right until its last letter.
    expect(item.runs[0]).toMatchObject({ text: 'أ)\t', rtl: true });
    expect(item.runs[1]).toMatchObject({ rtl: false });
    expect(item.runs[1]!.text.startsWith('la Résolution')).toBe(true);
    const call = body.find((p) => p.text === 'إن مجلس الاتحاد الدولي للاتصالات،')!;
    const keyword = body.find((p) => p.style === 'Call' && p.text === 'إذ يذكّر')!;
    expect([...call.runs, ...keyword.runs].every((r) => r.rtl)).toBe(true);
    // Every style derives a right-to-left Normal that starts on the right (Word and LibreOffice
    // read `start` there; the docx library would write AlignmentType.LEFT as `right` in a bidi pPr).
    const normal = findAll(parseXml(parts['word/styles.xml']!), 'w:style').find((st) => attr(st, 'w:styleId') === 'Normal')!;
    expect(findAll([normal], 'w:bidi')).toHaveLength(1);
    expect(attr(findAll([normal], 'w:jc')[0]!, 'w:val')).toBe('start');
    const defaults = findAll(parseXml(parts['word/styles.xml']!), 'w:docDefaults')[0]!;
    const fonts = findAll([defaults], 'w:rFonts')[0]!;
    expect(attr(fonts, 'w:cs')).toBe('Traditional Arabic');
    expect(attr(findAll([defaults], 'w:lang')[0]!, 'w:bidi')).toBe('ar-SA');
  });

  it('gives a Chinese document East Asian runs (w:hint) and no right-to-left run', async () => {
    const parts = docxParts(await writeDocx(switched('zh')));
    expect(malformedParts(parts)).toEqual([]);
    const body = paragraphsOf(parts['word/document.xml']!);
    const runs = body.flatMap((p) => p.runs).filter((r) => r.text !== '');
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.every((r) => r.fontHint === 'eastAsia' && !r.rtl)).toBe(true);
    expect(body.some((p) => p.bidi)).toBe(false);
    expect(body.find((p) => p.style === 'ResNo')!.text).toBe('第1332号决议（C11，最后修订C24）');
    const defaults = findAll(parseXml(parts['word/styles.xml']!), 'w:docDefaults')[0]!;
    expect(attr(findAll([defaults], 'w:rFonts')[0]!, 'w:eastAsia')).toBe('SimSun');
    expect(attr(findAll([defaults], 'w:lang')[0]!, 'w:eastAsia')).toBe('zh-CN');
  });
});
