/**
 * Real Word files with tracked table rows (test/fixtures/docx-tables, from Open-XML-PowerTools'
 * test suite, each with its accepted and rejected versions): Plenary's final and original views
 * read as the accepted and rejected files do — rows removed whole, no join leaving its cell, no
 * word lost. Empty paragraphs are left aside: the line reader drops an empty paragraph that has
 * no revision, in a file and in its reference alike, but keeps one whose mark was revised.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeText } from '../../shared/export/text/index.js';
import { importDocx } from '../../shared/import/docx/index.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'docx-tables');
const FILES = [
  'RP009-Deleted-Table-Row',
  'RP010-Inserted-Table-Row',
  'RP011-Multiple-Deleted-Rows',
  'RP012-Multiple-Inserted-Rows',
  'RP041-Cell-With-Empty-Paras-at-End',
  'RP049-Deleted-Para-Before-Table',
];

const read = (name: string) => importDocx(readFileSync(path.join(FIXTURES, `${name}.docx`))).doc;

/** The text of a view, empty paragraphs (and empty cell paragraphs) left out. */
function view(text: string): string[] {
  return text
    .split('\n')
    .map((line) =>
      line.startsWith('| ') && line.endsWith(' |')
        ? `| ${line
            .slice(2, -2)
            .split(' | ')
            .map((cell) =>
              cell
                .split(' / ')
                .filter((p) => p.trim() !== '')
                .join(' / '),
            )
            .join(' | ')} |`
        : line.trim(),
    )
    .filter((line) => line !== '');
}

describe('real Word files with tracked table rows', () => {
  it.each(FILES)('%s: the final view is the accepted file, the original view the rejected one', (name) => {
    const doc = read(name);
    expect(view(writeText(doc, { mode: 'final' })), 'accepted').toEqual(view(writeText(read(`${name}-Accepted`), { mode: 'final' })));
    expect(view(writeText(doc, { mode: 'original' })), 'rejected').toEqual(view(writeText(read(`${name}-Rejected`), { mode: 'final' })));
    // The references hold no revisions; the source does, as row or text changes.
    expect(writeText(doc, { mode: 'marked' })).toMatch(/\[[+-]/);
  });
});
