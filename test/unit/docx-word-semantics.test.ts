/**
 * Hand-built WordprocessingML for each shape of revision real Word files hold, read as Word reads
 * it: the accepted and rejected views are what Word's Accept All / Reject All give for the same
 * XML (issue 17). Each case is the smallest body that showed the fault in a real file.
 */
import { describe, expect, it } from 'vitest';
import { writeText } from '../../shared/export/text/index.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { buildDocx, del, ins, p, run, type PackageParts } from '../support/ooxml-package.js';

const D = '2026-01-01T00:00:00Z';
const markRevision = (tag: 'ins' | 'del', id: number) => `<w:pPr><w:rPr><w:${tag} w:id="${id}" w:author="A" w:date="${D}"/></w:rPr></w:pPr>`;

/** The three views, blank lines left out (an emptied paragraph is blank in Word too). */
function views(parts: PackageParts | string) {
  const { doc, warnings } = importDocx(buildDocx(typeof parts === 'string' ? { body: parts } : parts));
  const text = (mode: 'marked' | 'final' | 'original') => writeText(doc, { mode }).split('\n').filter((line) => line.trim() !== '');
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
      p(null, '<w:moveTo w:id="1" w:author="M" w:date="2026-02-01T00:00:00Z"><w:r><w:t>Here is the text to be moved.</w:t></w:r></w:moveTo>') +
        p(null, run('Here is some more text.')) +
        p(null, '<w:moveFrom w:id="2" w:author="M" w:date="2026-02-01T00:00:00Z"><w:r><w:t>Here is the text to be moved.</w:t></w:r></w:moveFrom>'),
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
        ins(1, 'E', D, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
        run('3/25/2017'),
        ins(2, 'E', D, '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        run(' here'),
      ),
    );
    expect(v.final).toEqual(['Dated 3/25/2017 here']);
    expect(v.original).toEqual(['Dated  here']);
  });
});
