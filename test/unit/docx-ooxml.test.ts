import { describe, expect, it } from 'vitest';
import { openDocxPackage } from '../../shared/import/docx/package.js';
import { readDocxContent, type SourceParagraph, type SourceRun } from '../../shared/import/docx/ooxml.js';
import { buildDocx, del, ins, p, run, tab } from '../support/ooxml-package.js';

function read(parts: Parameters<typeof buildDocx>[0]) {
  const pkg = openDocxPackage(buildDocx(parts));
  return readDocxContent(pkg.document, pkg.styles, pkg.footnotes, pkg.comments);
}

function visible(paragraph: SourceParagraph): string {
  return paragraph.runs.map((r: SourceRun) => (r.kind === 'text' ? r.text : r.kind === 'tab' ? '\t' : `[fn${r.id}]`)).join('');
}

describe('reading WordprocessingML paragraphs', () => {
  it('gives style names, tabs and text in order', () => {
    const content = read({
      styles: [
        { id: 'Call', name: 'Call' },
        { id: 'enumlev1', name: 'enumlev1' },
      ],
      body: p('Call', run('considérant', '<w:i/>')) + p(null, run('a)'), tab, run('que l’UIT a un rôle;')),
    });
    expect(content.paragraphs.map((x) => [x.styleName, visible(x)])).toEqual([
      ['Call', 'considérant'],
      [null, 'a)\tque l’UIT a un rôle;'],
    ]);
    expect(content.paragraphs[0]!.runs[0]).toMatchObject({ formats: ['em'] });
  });

  it('keeps insertions and deletions with their authors and dates', () => {
    const content = read({
      body: p(
        null,
        run('RÉSOLUTION 1332 (C11, dernière mod. '),
        del(1, 'Fédération de Russie', '2026-04-14T10:00:00Z', 'C24'),
        ins(2, 'Fédération de Russie', '2026-04-14T10:00:00Z', run('C26')),
        run(')'),
      ),
    });
    const runs = content.paragraphs[0]!.runs;
    expect(runs.map((r) => (r.kind === 'text' ? [r.text, r.revision?.kind ?? null, r.revision?.author ?? null] : null))).toEqual([
      ['RÉSOLUTION 1332 (C11, dernière mod. ', null, null],
      ['C24', 'deletion', 'Fédération de Russie'],
      ['C26', 'insertion', 'Fédération de Russie'],
      [')', null, null],
    ]);
    expect(runs[1]!.revision?.date).toBe('2026-04-14T10:00:00Z');
  });

  it('reads a deleted paragraph mark (a join) and an inserted one (a split)', () => {
    const content = read({
      body:
        '<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="A" w:date="2026-01-02T00:00:00Z"/></w:rPr></w:pPr>' +
        run('first') +
        '</w:p>' +
        '<w:p><w:pPr><w:rPr><w:ins w:id="8" w:author="B" w:date="2026-01-03T00:00:00Z"/></w:rPr></w:pPr>' +
        run('second') +
        '</w:p>',
    });
    expect(content.paragraphs[0]!.markRevision).toEqual({ kind: 'deletion', id: '7', author: 'A', date: '2026-01-02T00:00:00Z' });
    expect(content.paragraphs[1]!.markRevision).toMatchObject({ kind: 'insertion', author: 'B' });
  });

  it('turns a move into a deletion at the source and an insertion at the destination', () => {
    const content = read({
      body:
        p(null, '<w:moveFrom w:id="3" w:author="M" w:date="2026-02-01T00:00:00Z"><w:r><w:t>moved text</w:t></w:r></w:moveFrom>') +
        p(null, '<w:moveTo w:id="4" w:author="M" w:date="2026-02-01T00:00:00Z"><w:r><w:t>moved text</w:t></w:r></w:moveTo>'),
    });
    expect(content.paragraphs.map((x) => x.runs[0]?.revision?.kind)).toEqual(['deletion', 'insertion']);
  });

  it('keeps bookmarks, proofing marks, comments and field instructions out of the text', () => {
    const content = read({
      comments: 1,
      body: p(
        null,
        '<w:bookmarkStart w:id="0" w:name="_Toc1"/>',
        run('Annexe'),
        '<w:proofErr w:type="spellStart"/>',
        '<w:commentRangeStart w:id="0"/>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ Annex \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run(' 1'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
        '<w:bookmarkEnd w:id="0"/>',
      ),
    });
    expect(visible(content.paragraphs[0]!)).toBe('Annexe 1');
    expect(content.report.comments).toBe(1);
  });

  it('counts formatting-only revisions for the report instead of accepting them silently', () => {
    const content = read({
      body: p(null, '<w:r><w:rPr><w:b/><w:rPrChange w:id="9" w:author="A"><w:rPr/></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r>'),
    });
    expect(content.report.formattingRevisions).toBe(1);
  });

  it('reads footnotes at their anchors, with revisions inside them', () => {
    const content = read({
      body: p(
        null,
        run('organisations compétentes'),
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
        run(' participant'),
      ),
      footnotes: {
        '1': p(
          'FootnoteText',
          '<w:r><w:footnoteRef/></w:r>',
          tab,
          run('Organisations comprenant '),
          ins(5, 'A', '2026-01-01T00:00:00Z', run('notamment ')),
        ),
      },
    });
    expect(visible(content.paragraphs[0]!)).toBe('organisations compétentes[fn1] participant');
    const note = content.footnotes.get('1')!;
    expect(visible(note[0]!)).toBe('\tOrganisations comprenant notamment ');
    expect(note[0]!.runs.at(-1)).toMatchObject({ revision: { kind: 'insertion', author: 'A' } });
  });

  it('refuses malformed XML with a clear message', () => {
    expect(() => read({ body: '<w:p><w:r><w:t>unclosed</w:r></w:p>' })).toThrow(/not well-formed XML/);
  });
});
