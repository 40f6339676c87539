import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/index.js';
import { jsonWithoutIds } from '../../shared/export/text/same-document.js';
import { writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { ImportError } from '../../shared/import/index.js';
import { importText } from '../../shared/import/index.js';
import { outline } from '../../shared/outline/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { revised1332 } from '../support/docx-fixtures.js';
import { requireTool, sofficeConvert } from '../support/office.js';
import { buildDocx, del, ins, p, run, tab } from '../support/ooxml-package.js';
import { fixture } from '../support/fixtures.js';

const RESOLUTIONS = ['council-res-1332-c24.txt', 'wtdc-res-30-kigali-2022.txt'];
const COUNCIL_DOCUMENTS = ['council-sg-report-wsis-sdg.txt', 'council-cwg-wsis-sdg-report.txt', 'council-c26-93-contribution-cover.txt'];

const fromText = (name: string) => importText(fixture(name)).doc;

function changeSummary(doc: Node) {
  return listChanges(doc)
    .map((c) => `${c.kind}|${c.author}|${c.date}|${c.excerpt}`)
    .sort();
}

function withoutChangeIds(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutChangeIds);
  if (json === null || typeof json !== 'object') return json;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'id' && typeof value === 'string') continue;
    out[key] = withoutChangeIds(value);
  }
  return out;
}

describe('model → Word → model', () => {
  it.each([...RESOLUTIONS, ...COUNCIL_DOCUMENTS])('gives back the same document for %s (ids aside)', async (name) => {
    const doc = fromText(name);
    const back = importDocx(await exportDocx(doc, { mode: 'markup' }));
    expect(back.unrecognised).toEqual([]);
    expect(jsonWithoutIds(back.doc)).toEqual(jsonWithoutIds(doc));
  });

  it('keeps every tracked change of a revision of Res 1332: same authors, dates, text, in all three views', async () => {
    const doc = revised1332();
    const back = importDocx(await exportDocx(doc, { mode: 'markup' }));
    expect(back.unrecognised).toEqual([]);
    expect(writeText(back.doc, { mode: 'marked' })).toBe(writeText(doc, { mode: 'marked' }));
    expect(writeText(back.doc, { mode: 'final' })).toBe(writeText(doc, { mode: 'final' }));
    expect(writeText(back.doc, { mode: 'original' })).toBe(writeText(doc, { mode: 'original' }));
    expect(changeSummary(back.doc).length).toBeGreaterThan(8);
    expect(changeSummary(back.doc)).toEqual(changeSummary(doc));
    // The same model, ids aside: block ids, and the ids of the changes (Word numbers its own).
    expect(withoutChangeIds(jsonWithoutIds(back.doc))).toEqual(withoutChangeIds(jsonWithoutIds(doc)));
  });

  it('reads what it exports of the accepted and rejected views as documents without changes', async () => {
    const doc = revised1332();
    for (const mode of ['final', 'original'] as const) {
      const back = importDocx(await exportDocx(doc, { mode }));
      expect(listChanges(back.doc)).toEqual([]);
      expect(writeText(back.doc)).toBe(writeText(doc, { mode }));
    }
  });
});

describe('Word files made by LibreOffice from the fixture texts', () => {
  const docx = new Map<string, string>();
  beforeAll(async () => {
    await requireTool('soffice');
    const dir = mkdtempSync(join(tmpdir(), 'plenary-docx-import-'));
    const inputs = RESOLUTIONS.map((name) => {
      const path = join(dir, name);
      writeFileSync(path, fixture(name));
      return path;
    });
    const outputs = await sofficeConvert(inputs, 'docx:MS Word 2007 XML', dir);
    RESOLUTIONS.forEach((name, i) => docx.set(name, outputs[i]!));
  }, 240_000);

  it.each(RESOLUTIONS)('%s imports to the same outline as the text import', (name) => {
    const result = importDocx(new Uint8Array(readFileSync(docx.get(name)!)));
    expect(result.unrecognised).toEqual([]);
    expect(outline(result.doc)).toEqual(outline(fromText(name)));
  });
});

describe('revisions made by hand in OOXML', () => {
  const A = 'Fédération de Russie';
  const B = 'Secrétariat';
  const T1 = '2026-04-14T10:00:00Z';
  const T2 = '2026-04-15T11:30:00Z';
  const resolution = (...operative: string[]) =>
    [
      p('ResNo', run('RÉSOLUTION 1332 (C11, dernière mod. '), del(1, A, T1, 'C24'), ins(2, A, T1, run('C26')), run(')')),
      p('Restitle', run("Rôle de l'UIT dans la mise en œuvre des résultats du SMSI")),
      p('Normalaftertitle', run("Le Conseil de l'UIT,")),
      p('Call', run('décide')),
      ...operative,
    ].join('');

  it('keeps insertions and deletions with their authors and dates', () => {
    const { doc } = importDocx(
      buildDocx({
        styles: [
          { id: 'ResNo', name: 'ResNo' },
          { id: 'Call', name: 'Call' },
        ],
        body: resolution(
          p(null, run('1'), tab, run('que l’UIT doit jouer le rôle '), ins(3, B, T2, run('principal ')), run('de coordonnateur;')),
          p(null, run('2'), tab, run('de continuer.')),
        ),
      }),
    );
    expect(changeSummary(doc)).toEqual([`deletion|${A}|${T1}|C24`, `insertion|${A}|${T1}|C26`, `insertion|${B}|${T2}|principal `]);
    expect(writeText(doc)).toContain('RÉSOLUTION 1332 (C11, dernière mod. [-C24-][+C26+])');
  });

  it('reads a deleted paragraph mark as a tracked join and a whole inserted paragraph as an inserted item', () => {
    const insertedItem =
      `<w:p><w:pPr><w:rPr><w:ins w:id="10" w:author="${B}" w:date="${T2}"/></w:rPr></w:pPr>` +
      ins(11, B, T2, run('2'), tab, run('un point ajouté;')) +
      '</w:p>';
    const joined =
      `<w:p><w:pPr><w:rPr><w:del w:id="12" w:author="${A}" w:date="${T1}"/></w:rPr></w:pPr>` +
      run('1') +
      tab +
      run('première partie') +
      '</w:p>';
    const { doc } = importDocx(
      buildDocx({ body: resolution(joined, p(null, tab, run('suite du point;')), insertedItem, p(null, run('3'), tab, run('fin.'))) }),
    );
    const marked = writeText(doc);
    expect(marked).toContain('1\tpremière partie[-¶-]');
    expect(marked).toContain('[+2\tun point ajouté;+]');
    const marks = listChanges(doc)
      .filter((c) => c.scope === 'paragraph-mark')
      .map((c) => `${c.kind}|${c.author}|${c.date}`);
    expect(marks).toEqual([`deletion|${A}|${T1}`]);
    expect(writeText(doc, { mode: 'original' })).toContain('2\tfin.');
    expect(writeText(doc, { mode: 'final' })).toContain('3\tfin.');
  });

  it('turns a moved item into a deletion at its source and an insertion at its destination', () => {
    // As Word shows it after moving item 1 below item 2: the old 1 struck, 2 renumbered 1, the new 2.
    const move = (tag: 'moveFrom' | 'moveTo', id: number, label: string) =>
      `<w:p><w:pPr><w:rPr><w:${tag} w:id="${id}" w:author="${A}" w:date="${T1}"/></w:rPr></w:pPr><w:${tag} w:id="${id + 1}" w:author="${A}" w:date="${T1}">${run(label)}${tab}${run('le point déplacé;')}</w:${tag}></w:p>`;
    const renumbered = p(null, del(24, A, T1, '2'), ins(25, A, T1, run('1')), tab, run('un autre point;'));
    const { doc } = importDocx(buildDocx({ body: resolution(move('moveFrom', 20, '1'), renumbered, move('moveTo', 22, '2')) }));
    expect(writeText(doc, { mode: 'final' })).toMatch(/1\tun autre point;\n2\tle point déplacé;/);
    expect(writeText(doc, { mode: 'original' })).toMatch(/1\tle point déplacé;\n2\tun autre point;/);
    expect(listChanges(doc).every((c) => c.author === A && c.date === T1)).toBe(true);
  });

  it('reports comments and formatting-only revisions instead of dropping them silently', () => {
    const result = importDocx(
      buildDocx({
        comments: 2,
        body: resolution(
          p(
            null,
            run('1'),
            tab,
            '<w:r><w:rPr><w:b/><w:rPrChange w:id="30" w:author="A"><w:rPr/></w:rPrChange></w:rPr><w:t>texte;</w:t></w:r>',
          ),
        ),
      }),
    );
    expect(result.warnings.join('\n')).toMatch(/2 comment\(s\).*not imported/);
    expect(result.warnings.join('\n')).toMatch(/1 formatting-only revision/);
  });
});

describe('broken and mutated Word files', () => {
  it('gives an ImportError or a valid document for any mutation of a real export, never a crash or a hang', async () => {
    const bytes = await exportDocx(fromText('wtdc-res-30-kigali-2022.txt'), { mode: 'markup' });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat({ max: bytes.length }), { nil: undefined }),
        (edits, cut) => {
          const mutated = bytes.slice(0, cut ?? bytes.length);
          for (const { at, value } of edits) if (at < mutated.length) mutated[at] = value;
          const started = Date.now();
          try {
            importDocx(mutated).doc.check();
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
            expect((error as Error).message).not.toContain('\n');
          }
          expect(Date.now() - started).toBeLessThan(10_000);
        },
      ),
      { numRuns: 60 },
    );
  });
});
