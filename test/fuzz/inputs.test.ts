/**
 * Fuzzing the readers of everything a user can be sent (issue 16): generated `.docx` packages,
 * mutated `.plenary` documents and texts built from the tokens the text importer reacts to. Each
 * input is either opened as a document that passes the schema and survives a save and reopen, or
 * refused with one line (a UserFacingError) — never another exception, a hang or a stack overflow.
 *
 * CI runs a few hundred cases per reader; `npm run fuzz` runs 10,000 (PLENARY_FUZZ_RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocumentBytes } from '../../node/file/index.js';
import { UserFacingError } from '../../shared/errors/index.js';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { resolution1332 } from '../support/docx-fixtures.js';
import { buildDocx, escapeXml } from '../support/ooxml-package.js';

const RUNS = Number(process.env.PLENARY_FUZZ_RUNS ?? 200);
const TIMEOUT = Math.max(120_000, RUNS * 60);

type Outcome = 'opened' | 'refused';

async function readOrRefuse(name: string, bytes: Uint8Array): Promise<Outcome> {
  try {
    const read = await readDocumentBytes(name, bytes);
    read.doc.check();
    // What opens must save and reopen as the same document.
    const again = parseDocument(serializeDocument(read.doc)).doc;
    expect(again.eq(read.doc)).toBe(true);
    for (const warning of read.warnings) expect(warning).not.toMatch(/[\r\n]/);
    return 'opened';
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
    return 'refused';
  }
}

// --- text --------------------------------------------------------------------------------------

const TEXT_TOKENS = [
  '[',
  ']',
  ':',
  '[footnoteRef:',
  '[bookmark:',
  '[image:',
  '[1:',
  '[2: ',
  'footnoteRef',
  '1',
  '2',
  '12',
  'a)',
  'b)',
  'i)',
  'a.',
  '–',
  '-',
  '\t',
  ' ',
  '  ',
  '\u00a0',
  '\n',
  '\r\n',
  'décide',
  'considérant',
  'charge le Secrétaire général',
  'RÉSOLUTION 1332',
  'ANNEXE',
  '(Genève, 2024)',
  'resolves',
  '决议',
  'يقرر',
  ')',
  '(',
  '.',
  '2.1',
  'IV',
  '\u202e',
  '\ud83d\ude00',
  'x'.repeat(300),
  ' '.repeat(500),
];
const textInput = fc
  .array(fc.oneof(fc.constantFrom(...TEXT_TOKENS), fc.string({ maxLength: 8 })), { maxLength: 400 })
  .map((parts) => parts.join(''));

// --- docx --------------------------------------------------------------------------------------

const rev = (tag: string, id: number) => `<w:${tag} w:id="${id}" w:author="A${id % 3}" w:date="2026-01-0${(id % 9) + 1}T00:00:00Z">`;
const inline: fc.Arbitrary<string> = fc.letrec<{ run: string }>((tie) => ({
  run: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 20 }).map((text) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`),
    fc.constantFrom(
      '<w:r><w:tab/></w:r>',
      '<w:r><w:br/></w:r>',
      '<w:r><w:br w:type="page"/></w:r>',
      '<w:r><w:sym w:char="F0B7"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:commentRangeStart w:id="1"/>',
      '<w:bookmarkStart w:id="0" w:name="x"/>',
    ),
    fc.integer({ min: -2, max: 6 }).map((id) => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`),
    fc.tuple(fc.constantFrom('ins', 'del', 'moveTo', 'moveFrom'), fc.nat(20), fc.array(tie('run'), { maxLength: 3 })).map(
      ([tag, id, runs]) =>
        `${rev(tag, id)}${runs
          .join('')
          .replace(/w:t /g, tag === 'del' || tag === 'moveFrom' ? 'w:delText ' : 'w:t ')
          .replace(/<\/w:t>/g, tag === 'del' || tag === 'moveFrom' ? '</w:delText>' : '</w:t>')}</w:${tag}>`,
    ),
    fc.array(tie('run'), { maxLength: 3 }).map((runs) => `<w:hyperlink>${runs.join('')}</w:hyperlink>`),
  ),
})).run;

const STYLES = [null, 'Call', 'enumlev1', 'enumlev2', 'ResNo', 'Restitle', 'Normal', 'Heading1'];
const paragraph = fc
  .tuple(fc.constantFrom(...STYLES), fc.boolean(), fc.option(fc.nat(10)), fc.array(inline, { maxLength: 6 }))
  .map(([style, markRevised, indent, runs]) => {
    const pPr = [
      style ? `<w:pStyle w:val="${style}"/>` : '',
      indent === null ? '' : `<w:ind w:left="${indent * 567}"/>`,
      markRevised ? '<w:rPr><w:ins w:id="99" w:author="A0" w:date="2026-01-01T00:00:00Z"/></w:rPr>' : '',
    ].join('');
    return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.join('')}</w:p>`;
  });
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  {
    weight: 1,
    arbitrary: fc
      .array(paragraph, { maxLength: 3 })
      .map((cells) => `<w:tbl><w:tr>${cells.map((cell) => `<w:tc>${cell}</w:tc>`).join('')}</w:tr></w:tbl>`),
  },
  { weight: 1, arbitrary: paragraph.map((p) => `<w:sdt><w:sdtContent>${p}</w:sdtContent></w:sdt>`) },
);
const docxInput = fc
  .tuple(
    fc.array(block, { maxLength: 25 }),
    fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5'),
      fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((ps) => ps.join('')),
    ),
  )
  .map(([blocks, footnotes]) =>
    buildDocx({
      body: blocks.join(''),
      styles: STYLES.filter((s): s is string => s !== null).map((id) => ({ id, name: id })),
      footnotes,
      level: 0,
    }),
  );

// --- .plenary ----------------------------------------------------------------------------------

const base = JSON.parse(serializeDocument(resolution1332())) as Record<string, unknown>;

/** Every path (keys and indices) to a value inside `value`. */
function pathsOf(
  value: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}
const BASE_PATHS = pathsOf(base).filter((path) => path.length > 0);

function mutated(path: Array<string | number>, replacement: unknown, mode: 'replace' | 'delete'): string {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (mode === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (mode === 'delete') delete parent[last];
  else parent[last] = replacement;
  return JSON.stringify(copy);
}
const plenaryInput = fc.oneof(
  fc
    .tuple(fc.constantFrom(...BASE_PATHS), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<'replace' | 'delete'>('replace', 'delete'))
    .map(([path, value, mode]) => mutated(path, value, mode)),
  fc.tuple(fc.nat(), fc.nat(40), fc.string({ maxLength: 10 })).map(([at, cut, insert]) => {
    const text = JSON.stringify(base);
    const position = at % text.length;
    return text.slice(0, position) + insert + text.slice(position + cut);
  }),
);

describe(`fuzzing the readers (${RUNS} cases each)`, () => {
  it.each([
    ['text', textInput.map((text) => new TextEncoder().encode(text)), 'fuzz.txt'],
    ['docx', docxInput, 'fuzz.docx'],
    ['plenary', plenaryInput.map((text) => new TextEncoder().encode(text)), 'fuzz.plenary'],
  ] as const)(
    '%s: opened and reopened equal, or refused in one line',
    async (_kind, arbitrary, name) => {
      const seen: Record<Outcome, number> = { opened: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(arbitrary as fc.Arbitrary<Uint8Array>, async (bytes) => {
          seen[await readOrRefuse(name, bytes)] += 1;
        }),
        { numRuns: RUNS },
      );
      // Every generated case ran, and the generator reaches both outcomes (a fuzz that only ever
      // refuses, or only ever opens, is not exploring).
      expect(seen.opened + seen.refused).toBeGreaterThanOrEqual(RUNS);
      expect(seen.opened).toBeGreaterThan(0);
      if (name !== 'fuzz.txt') expect(seen.refused).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
