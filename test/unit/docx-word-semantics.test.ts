/**
 * Hand-built WordprocessingML for each shape of revision real Word files hold, read as Word reads
 * it: the accepted and rejected views are what Word's Accept All / Reject All give for the same
 * XML (issue 17). Each case is the smallest body that showed the fault in a real file.
 */
import { describe, expect, it } from 'vitest';
import { writeText } from '../../shared/export/text/index.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { acceptAll } from '../../shared/tracking/review.js';
import { buildDocx, del, ins, p, run, tab, type PackageParts } from '../support/ooxml-package.js';

const D = '2026-01-01T00:00:00Z';
const markRevision = (tag: 'ins' | 'del', id: number) =>
  `<w:pPr><w:rPr><w:${tag} w:id="${id}" w:author="A" w:date="${D}"/></w:rPr></w:pPr>`;

/** The three views, blank lines left out (an emptied paragraph is blank in Word too). */
function views(parts: PackageParts | string) {
  const { doc, warnings } = importDocx(buildDocx(typeof parts === 'string' ? { body: parts } : parts));
  const text = (mode: 'marked' | 'final' | 'original') =>
    writeText(doc, { mode })
      .split('\n')
      .filter((line) => line.trim() !== '');
  return { marked: text('marked'), final: text('final'), original: text('original'), warnings };
}

describe('paragraphs whose text is all deleted or inserted (class 1)', () => {
  it('keeps a paragraph whose text is deleted but whose mark is kept: in the original view, and not glued in the final one', () => {
    const v = views(p(null, run('Test1')) + p(null, del(1, 'A', D, 'Test2')) + p(null, run('Test3')));
    expect(v.original).toEqual(['Test1', 'Test2', 'Test3']);
    expect(v.final).toEqual(['Test1', 'Test3']);
    expect(v.marked).toEqual(['Test1', '[-Test2-]', 'Test3']);
  });

  it('keeps such a paragraph at the end of the document', () => {
    const v = views(p(null, run('Test1')) + p(null, del(1, 'A', D, 'Test2')));
    expect(v.original).toEqual(['Test1', 'Test2']);
    expect(v.final).toEqual(['Test1']);
  });
});

describe('moves', () => {
  it('keeps the text of a move source whose paragraph mark stays in the original view', () => {
    const v = views(
      p(
        null,
        '<w:moveTo w:id="1" w:author="M" w:date="2026-02-01T00:00:00Z"><w:r><w:t>Here is the text to be moved.</w:t></w:r></w:moveTo>',
      ) +
        p(null, run('Here is some more text.')) +
        p(
          null,
          '<w:moveFrom w:id="2" w:author="M" w:date="2026-02-01T00:00:00Z"><w:r><w:t>Here is the text to be moved.</w:t></w:r></w:moveFrom>',
        ),
    );
    expect(v.original).toEqual(['Here is some more text.', 'Here is the text to be moved.']);
    expect(v.final).toEqual(['Here is the text to be moved.', 'Here is some more text.']);
  });

  it('drops from both views an insertion nested in a move source, and restores a deletion nested in one', () => {
    const v = views(
      p(
        null,
        run('Start. '),
        `<w:moveFrom w:id="1" w:author="M" w:date="${D}"><w:r><w:t xml:space="preserve">moved </w:t></w:r>`,
        ins(2, 'B', D, run('added-then-moved ')),
        del(3, 'C', D, 'removed '),
        '</w:moveFrom>',
        run('End.'),
      ),
    );
    expect(v.final).toEqual(['Start. End.']);
    expect(v.original).toEqual(['Start. moved removed End.']);
  });
});

describe('tables read cell by cell (until tables are part of the model)', () => {
  const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.join('')}</w:tc>`;
  const table = (...rows: string[][]) => `<w:tbl>${rows.map((cells) => `<w:tr>${cells.join('')}</w:tr>`).join('')}</w:tbl>`;

  it('never glues two cells when a cell ends in paragraphs with revised marks', () => {
    const v = views(
      table(
        [
          cell(`<w:p>${markRevision('del', 1)}${run('A')}</w:p>`, `<w:p>${markRevision('del', 2)}</w:p>`, '<w:p/>'),
          cell(`<w:p>${markRevision('ins', 3)}${run('B')}</w:p>`, `<w:p>${markRevision('ins', 4)}</w:p>`, '<w:p/>'),
        ],
        [cell(p(null, run('C'))), cell(p(null, run('D')))],
      ),
    );
    expect(v.final).toEqual(['A', 'B', 'C', 'D']);
    expect(v.original).toEqual(['A', 'B', 'C', 'D']);
    expect(v.warnings).toContain('1 table(s) were read as plain paragraphs, cell by cell');
  });

  it('keeps cells of an inserted row apart, each with its revision', () => {
    const insertedCell = (id: number, text: string) => cell(`<w:p>${markRevision('ins', id)}${ins(id + 1, 'A', D, run(text))}</w:p>`);
    const v = views(
      table(
        [cell(p(null, run('1'))), cell(p(null, run('2')))],
        [insertedCell(10, 'INSERTED CELL'), insertedCell(20, 'INSERTED CELL')],
        [cell(p(null, del(30, 'A', D, 'old 3'))), cell(p(null, run('4')))],
      ),
    );
    expect(v.final).toEqual(['1', '2', 'INSERTED CELL', 'INSERTED CELL', '4']);
    expect(v.original).toEqual(['1', '2', 'old 3', '4']);
  });
});

describe('fields', () => {
  it('follows the revision around an inserted DATE field: its result is absent from the original view', () => {
    const v = views(
      p(null, run('Test')) +
        p(
          null,
          ins(1, 'E', D, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>'),
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
          ins(2, 'E', D, run('3/25/2017'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        ) +
        p(null, run('Test')),
    );
    expect(v.final.join(' ')).toContain('3/25/2017');
    expect(v.original.join(' ')).not.toContain('3/25/2017');
    expect(v.original.join(' ')).toBe('Test Test');
  });

  it("gives the result of an inserted field the field's revision when Word left the result outside the w:ins", () => {
    const v = views(
      p(
        null,
        run('Dated '),
        ins(
          1,
          'E',
          D,
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        ),
        run('3/25/2017'),
        ins(2, 'E', D, '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        run(' here'),
      ),
    );
    expect(v.final).toEqual(['Dated 3/25/2017 here']);
    expect(v.original).toEqual(['Dated  here']);
  });
});

describe('parts read as if absent (class 6)', () => {
  it('reads endnotes as notes at their anchors, revisions inside them kept, and says so', () => {
    const v = views({
      body: p(null, run('Ouch'), '<w:r><w:endnoteReference w:id="2"/></w:r>', run('.')),
      endnotes: { '2': p(null, '<w:r><w:endnoteRef/></w:r>', run(' A tachyon walks into a bar. '), ins(5, 'A', D, run('Fin.'))) },
    });
    expect(v.final).toEqual(['Ouch[footnoteRef:1]. [1: A tachyon walks into a bar. Fin.]']);
    expect(v.original).toEqual(['Ouch[footnoteRef:1]. [1: A tachyon walks into a bar. ]']);
    expect(v.warnings).toContain('1 endnote(s) were imported as footnotes at their anchors: Plenary documents have one kind of note');
  });

  it('reads a text box as its paragraphs after the paragraph holding it, once although Word writes it twice', () => {
    const box = (text: string) => `<w:txbxContent>${p(null, run(text))}</w:txbxContent>`;
    const v = views(
      p(
        null,
        run('Before the box.'),
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('Datum plane')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>`,
        `<mc:Fallback><w:pict><v:shape><v:textbox>${box('Datum plane')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ) + p(null, run('After.')),
    );
    expect(v.final).toEqual(['Before the box.', 'Datum plane', 'After.']);
    expect(v.warnings).toContain('1 text box(es) were read as paragraphs after the paragraph holding them');
  });

  it('reads an equation as its linear text, a revision inside it kept in each view; a file holding only one is not refused', () => {
    const math =
      '<m:oMathPara><m:oMath><m:r><m:t>A=</m:t></m:r>' +
      `<m:r><w:ins w:id="0" w:author="E" w:date="${D}"><m:t>2</m:t></w:ins></m:r><m:r><m:t>π</m:t></m:r>` +
      '<m:sSup><m:e><m:r><m:t>r</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>' +
      '<m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num><m:den><m:r><m:t>c</m:t></m:r></m:den></m:f></m:oMath></m:oMathPara>';
    const v = views(p(null, math));
    expect(v.final).toEqual(['A=2πr^2(a+b)/c']);
    expect(v.original).toEqual(['A=πr^2(a+b)/c']);
    expect(v.warnings.some((w) => w.startsWith('1 equation(s) were read as their linear text'))).toBe(true);
  });
});

describe('unchanged paragraphs the parser hangs under an inserted or deleted one (class 2)', () => {
  const ar = [
    { id: 'ResNo', name: 'Res_No' },
    { id: 'Call', name: 'Call' },
  ];
  it('keeps the keywords and items after an empty inserted paragraph in an Arabic resolution, with و before the keyword and a tatweel', () => {
    const body =
      p('ResNo', run('القرار 417 (REV.WRC-12)')) +
      p(null, run('استعمال الخدمة المتنقلة للطيران')) +
      p(null, run('إن المؤتمر العالمي للاتصالات الراديوية،')) +
      p('Call', run('إذ يضع في اعتباره')) +
      p(null, run('أ)'), '<w:r><w:tab/></w:r>', run('أن المؤتمر وزع النطاق؛')) +
      `<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A" w:date="${D}"/></w:rPr></w:pPr>${ins(2, 'A', D, run('ب)'), '<w:r><w:tab/></w:r>', run('أن تكنولوجيات جديدة تطور؛'))}</w:p>` +
      `<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="A" w:date="${D}"/></w:rPr></w:pPr></w:p>` +
      p('Call', run('وإذ يدرك')) +
      p(null, run('أ )أن الملحق 10 يتضمن معايير؛')) +
      p('Call', run('يقـرر')) +
      p(null, run('أن تحمي الإدارات الأنظمة.'));
    const v = views({ body, styles: ar });
    for (const words of ['وإذ يدرك', 'أن الملحق 10 يتضمن معايير', 'يقـرر', 'أن تحمي الإدارات الأنظمة']) {
      expect(v.original.join('\n')).toContain(words);
      expect(v.final.join('\n')).toContain(words);
    }
    expect(v.original.join('\n')).not.toContain('تكنولوجيات');
    expect(v.final.join('\n')).toContain('تكنولوجيات');
  });

  it('keeps an unchanged paragraph read as the continuation of a deleted item in the final view', () => {
    const body =
      p(null, run('Intro.')) +
      `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="${D}"/></w:rPr></w:pPr>${del(2, 'A', D, 'a)')}${'<w:del w:id="3" w:author="A" w:date="' + D + '"><w:r><w:tab/></w:r></w:del>'}${del(4, 'A', D, 'the old item;')}</w:p>` +
      `<w:p><w:pPr><w:ind w:left="794"/></w:pPr>${run('the text Word left alone.')}</w:p>`;
    const v = views(body);
    expect(v.original.join('\n')).toContain('the old item;');
    expect(v.final.join('\n')).toContain('the text Word left alone.');
    expect(v.final.join('\n')).not.toContain('the old item;');
  });
});

describe('moves paired into one tracked move (class 4)', () => {
  const M = `w:author="M" w:date="${D}"`;
  const movedParagraph = (side: 'From' | 'To', id: number, label: string, text: string) =>
    `<w:p><w:pPr><w:rPr><w:move${side} w:id="${id}" ${M}/></w:rPr></w:pPr>` +
    `<w:move${side} w:id="${id + 1}" ${M}><w:r><w:t>${label}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:move${side}></w:p>`;
  const resolution = (items: string) =>
    p(null, run('RESOLUTION 7 (REV. PLENIPOTENTIARY, 2026)')) +
    p(null, run('A title')) +
    p(null, run('The Conference,')) +
    p(null, run('resolves')) +
    items;

  it('gives the destination of a move recorded on whole paragraphs the id of its source, which accepting restores', () => {
    const body = resolution(
      `<w:moveToRangeStart w:id="90" ${M} w:name="move1"/>` +
        movedParagraph('To', 10, '1', 'the moved item;') +
        '<w:moveToRangeEnd w:id="90"/>' +
        p(null, run('2'), tab, run('the item that stays;')) +
        `<w:moveFromRangeStart w:id="91" ${M} w:name="move1"/>` +
        movedParagraph('From', 20, '3', 'the moved item;') +
        '<w:moveFromRangeEnd w:id="91"/>',
    );
    const { doc } = importDocx(buildDocx({ body }));
    const items: Array<{ id: string; movedFrom: string | null; change: string | null; text: string }> = [];
    doc.descendants((node) => {
      if (node.type.name === 'item')
        items.push({
          id: node.attrs.id as string,
          movedFrom: node.attrs.movedFrom as string | null,
          change: (node.attrs.change as { kind: string } | null)?.kind ?? null,
          text: node.textContent,
        });
      return true;
    });
    expect(items.map((item) => [item.text, item.change])).toEqual([
      ['the moved item;', 'insertion'],
      ['the item that stays;', null],
      ['the moved item;', 'deletion'],
    ]);
    expect(items[0]!.movedFrom).toBe(items[2]!.id);
    const accepted: string[] = [];
    acceptAll(doc).descendants((node) => {
      if (node.type.name === 'item') accepted.push(node.attrs.id as string);
      return true;
    });
    expect(accepted).toEqual([items[2]!.id, items[1]!.id]);
    expect(writeText(doc, { mode: 'original' })).toContain('the item that stays;');
  });

  it('leaves a move without range names as a deletion and an insertion', () => {
    const { doc } = importDocx(
      buildDocx({
        body: resolution(
          movedParagraph('To', 10, '1', 'moved;') + p(null, run('2'), tab, run('stays;')) + movedParagraph('From', 20, '3', 'moved;'),
        ),
      }),
    );
    let paired = 0;
    doc.descendants((node) => {
      if (node.attrs.movedFrom) paired += 1;
      return true;
    });
    expect(paired).toBe(0);
  });
});

describe('the C26/93 shape (class 3)', () => {
  it('reads the one inserted paragraph after a section whose items are all deleted as the new item, not a continuation', () => {
    const deletedItem = (id: number, label: string, text: string) =>
      `<w:p>${markRevision('del', id)}${del(id + 1, 'A', D, label)}<w:del w:id="${id + 2}" w:author="A" w:date="${D}"><w:r><w:tab/></w:r></w:del>${del(id + 3, 'A', D, text)}</w:p>`;
    const body =
      p(null, run('RESOLUTION 7 (REV. PLENIPOTENTIARY, 2026)')) +
      p(null, run('A title')) +
      p(null, run('The Conference,')) +
      p(null, run('resolves')) +
      deletedItem(1, '1', 'old one;') +
      deletedItem(10, '2', 'old two.') +
      `<w:p>${markRevision('ins', 20)}${ins(21, 'A', D, run('the one new item.'))}</w:p>`;
    const { doc, warnings } = importDocx(buildDocx({ body }));
    expect(warnings).toEqual([]);
    const items: Array<[string, string | null]> = [];
    doc.descendants((node) => {
      if (node.type.name === 'item') items.push([node.textContent, (node.attrs.change as { kind: string } | null)?.kind ?? null]);
      return true;
    });
    expect(items).toEqual([
      ['old one;', 'deletion'],
      ['old two.', 'deletion'],
      ['the one new item.', 'insertion'],
    ]);
    // Alone in the new text, the new item has no label.
    expect(writeText(doc, { mode: 'final' }).trim().split('\n').at(-1)).toBe('the one new item.');
    expect(writeText(doc, { mode: 'original' })).toContain('1\told one;\n2\told two.');
  });
});

describe('smaller things (class 8)', () => {
  it('keeps an inserted space between words in the final view only', () => {
    const v = views(p(null, run('one'), ins(1, 'A', D, run(' ')), run('two')));
    expect(v.final).toEqual(['one two']);
    expect(v.original).toEqual(['onetwo']);
  });

  it('separates the words around a page, line or carriage-return break inside a paragraph', () => {
    const v = views(
      p(
        null,
        run('before'),
        '<w:r><w:br w:type="page"/></w:r>',
        run('after'),
        '<w:r><w:br/></w:r>',
        run('line'),
        '<w:r><w:cr/></w:r>',
        run('end'),
      ),
    );
    expect(v.final).toEqual(['before after line end']);
  });

  it('keeps revisions in paragraphs of non-ITU styles (Title, Date)', () => {
    const v = views({
      styles: [
        { id: 'Date', name: 'Date' },
        { id: 'Title', name: 'Title' },
      ],
      body:
        p('Title', run('A '), ins(1, 'A', D, run('new ')), run('title')) +
        p('Date', del(2, 'A', D, '3 March'), ins(3, 'A', D, run('4 March')), run(' 2026')) +
        p(null, run('Body text.')),
    });
    expect(v.marked).toEqual(['A [+new +]title', '[-3 March-][+4 March+] 2026', 'Body text.']);
    expect(v.original).toEqual(['A title', '3 March 2026', 'Body text.']);
  });

  it('keeps hand-typed list labels with a tracked change as typed in a document that is not a resolution', () => {
    const v = views(
      p(null, run('Intro:')) +
        p(null, del(1, 'A', D, '4'), ins(2, 'A', D, run('6')), tab, run('first point;')) +
        p(null, run('7'), tab, run('second point.')),
    );
    expect(v.final).toEqual(['Intro:', '6 first point;', '7 second point.']);
    expect(v.original).toEqual(['Intro:', '4 first point;', '7 second point.']);
    expect(v.warnings).toEqual([]);
  });
});
