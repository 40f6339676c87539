/**
 * Real Word files with revisions, from other projects' test suites (test/fixtures/docx-wild,
 * SOURCES.md): Plenary's accepted and rejected views hold the same words as an independent
 * reader's, pandoc's — except where pandoc is known to differ from Word, each such difference
 * recorded with its reason in pandoc-disagreements.json and checked word for word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../shared/import/docx/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { pandocLines, plenaryLines, wordDifferences, words, type View, type WordDifference } from '../support/docx-wild.js';
import { requireTool } from '../support/office.js';

const DIR = new URL('../fixtures/docx-wild/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.docx'))
  .sort();
const KNOWN = JSON.parse(readFileSync(new URL('pandoc-disagreements.json', DIR), 'utf8')) as Record<
  string,
  { reason: string; differences: WordDifference[] }
>;

describe('Word files from the wild, against pandoc', () => {
  beforeAll(() => requireTool('pandoc'));

  it('holds dozens of files, most with revisions', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(60);
    const withRevisions = FILES.filter((name) => /<w:(?:ins|del|moveFrom|moveTo) /.test(documentXml(name)));
    expect(withRevisions.length).toBeGreaterThanOrEqual(50);
  });

  it.each(FILES.flatMap((name) => (['accept', 'reject'] as View[]).map((view) => [name, view] as const)))(
    '%s, %s view: the same words as pandoc, or the known disagreement',
    async (name, view) => {
      const bytes = new Uint8Array(readFileSync(new URL(name, DIR)));
      const plenary = words(plenaryLines(bytes, view));
      const pandoc = words(await pandocLines(fileURLToPath(new URL(name, DIR)), view));
      const known = KNOWN[`${name} ${view}`];
      expect(wordDifferences(plenary, pandoc)).toEqual(known?.differences ?? []);
    },
  );

  it('lists only disagreements that still occur, each with its reason', () => {
    for (const [key, known] of Object.entries(KNOWN)) {
      const [name] = key.split(' ');
      expect(FILES).toContain(name);
      expect(known.reason.length).toBeGreaterThan(20);
      expect(known.differences.length).toBeGreaterThan(0);
    }
  });

  it.each(['ptools-RP015-MoveFrom-MoveTo.docx', 'ptools-RP018-MoveFrom-MoveTo-CC.docx'])(
    'pairs the move Word recorded in %s into one tracked move',
    (name) => {
      const { doc } = importDocx(new Uint8Array(readFileSync(new URL(name, DIR))));
      const moved = listChanges(doc).filter((change) => change.moved);
      expect(moved.map((change) => change.kind).sort()).toEqual(['deletion', 'insertion']);
      expect(moved[0]!.excerpt).toBe(moved[1]!.excerpt);
    },
  );

  it('names every part it simplified in a warning', () => {
    const warningsOf = (name: string) => importDocx(new Uint8Array(readFileSync(new URL(name, DIR)))).warnings.join('\n');
    expect(warningsOf('mammoth-endnotes.docx')).toMatch(/endnote\(s\) were imported as footnotes/);
    expect(warningsOf('mammoth-text-box.docx')).toMatch(/text box\(es\) were read as paragraphs/);
    expect(warningsOf('pandoc-equations.docx')).toMatch(/equation\(s\) were read as their linear text/);
    expect(warningsOf('ptools-RP009-Deleted-Table-Row.docx')).toMatch(/table\(s\) were read as plain paragraphs/);
    expect(warningsOf('ptools-DocumentBuilder04_Jupiter.docx')).toMatch(/picture\(s\) or embedded object\(s\) were left out/);
    expect(warningsOf('mammoth-text-box.docx')).not.toMatch(/picture/);
  });
});

/** The main part's XML, to tell whether a file has revisions. */
function documentXml(name: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(new URL(name, DIR))), { filter: (file) => file.name === 'word/document.xml' });
  return strFromU8(files['word/document.xml'] ?? new Uint8Array());
}
