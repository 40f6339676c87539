/**
 * Hostile inputs, generated: each is a file a user could be sent (a Word file, a text, a
 * `.plenary`) built to hit one weakness of a reader — amplification, depth, quadratic patterns,
 * size, malformed structure. Small to write (the largest is a few MB), expensive only for a reader
 * that is not linear and bounded. Issue 16 names the first ones; the rest cover their neighbours.
 */
import { strToU8, zipSync } from 'fflate';
import { buildDocx, p, run } from './ooxml-package.js';

export interface HostileInput {
  name: string;
  bytes: Uint8Array;
}

const repeat = (text: string, times: number) => text.repeat(times);
const ref = (id: number | string) => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
const note = (...content: string[]) => p(null, ...content);

/** Parts stored, not deflated: repetitive XML would otherwise be refused as a zip bomb before it is read. */
function docx(name: string, body: string, footnotes?: Record<string, string>): HostileInput {
  return { name: `${name}.docx`, bytes: buildDocx({ body, level: 0, ...(footnotes ? { footnotes } : {}) }) };
}

function text(name: string, content: string): HostileInput {
  return { name: `${name}.txt`, bytes: strToU8(content) };
}

function plenary(name: string, content: string): HostileInput {
  return { name: `${name}.plenary`, bytes: strToU8(content) };
}

const ENVELOPE_HEAD =
  '{"format":"plenary","version":1,"metadata":{"language":"fr","title":"","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","application":"Plenary 0.1.0"},"doc":';

/** A chain of notes, each referring twice to the next: a copy per reference is 2^depth notes. */
function footnoteChain(depth: number): Record<string, string> {
  const notes: Record<string, string> = {};
  for (let i = 1; i <= depth; i++) notes[String(i)] = note(run(`note ${i} `), ...(i < depth ? [ref(i + 1), ref(i + 1)] : []));
  return notes;
}

function nested(open: string, close: string, depth: number, inner: string): string {
  return repeat(open, depth) + inner + repeat(close, depth);
}

export function hostileInputs(): HostileInput[] {
  const bigNote = { '1': note(Array.from({ length: 20_000 }, (_, i) => run(`r${i} `, i % 2 ? '<w:b/>' : '')).join('')) };
  return [
    // Issue 16, found 1: footnote amplification.
    docx('footnote-chain-depth-40', p(null, run('considérant '), ref(1)), footnoteChain(40)),
    docx('footnote-20000-runs-referenced-100-times', p(null, run('décide '), repeat(ref(1), 100)), bigNote),
    docx('footnote-referenced-1000-times', p(null, run('décide '), repeat(ref(1), 1000)), bigNote),
    docx('footnotes-referring-to-each-other', p(null, run('a '), ref(1), ref(2)), {
      '1': note(run('un'), ref(2)),
      '2': note(run('deux'), ref(1)),
    }),
    docx('footnote-reference-to-missing-id', p(null, run('décide '), ref(77), ref('x'), ref(-5)), { '1': note(run('unused')) }),
    docx(
      'footnote-50000-distinct',
      p(null, Array.from({ length: 50_000 }, (_, i) => ref(i + 1)).join('')),
      Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [String(i + 1), note(run('n'))])),
    ),
    // Found 9: deep nesting.
    docx('nested-hyperlinks-200k', p(null, nested('<w:hyperlink>', '</w:hyperlink>', 200_000, run('x')))),
    docx('nested-tables-200k', nested('<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', 70_000, p(null, run('x')))),
    docx(
      'nested-insertions-200k',
      p(null, nested('<w:ins w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z">', '</w:ins>', 200_000, run('x'))),
    ),
    docx('nested-content-controls-100k', nested('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', 100_000, p(null, run('x')))),
    docx('nested-custom-xml-100k', nested('<w:customXml>', '</w:customXml>', 100_000, p(null, run('x')))),
    docx('nested-unknown-elements-200k', p(null, nested('<w:x>', '</w:x>', 200_000, run('x')))),
    docx('paragraph-of-200k-runs', p(null, Array.from({ length: 200_000 }, (_, i) => run(`w${i % 10}`, i % 2 ? '<w:i/>' : '')).join(''))),
    docx('paragraphs-150k', Array.from({ length: 150_000 }, (_, i) => p(null, run(`ligne ${i}`))).join('')),
    docx('tabs-200k-in-one-paragraph', p(null, repeat('<w:r><w:tab/></w:r>', 200_000), run('x'))),
    docx('attribute-of-80000-spaces', `<w:p w:rsidR${repeat(' ', 80_000)}="1">${run('x')}</w:p>`),
    docx('text-of-80000-spaces-after-bracket', p(null, run(`[${repeat(' ', 80_000)}`))),
    docx('bracket-artifacts-without-end', p(null, run(repeat('[bookmark:', 20_000)))),
    docx('symbols-and-breaks', p(null, repeat('<w:r><w:sym w:char="FFFFFFFF"/><w:br/><w:noBreakHyphen/></w:r>', 50_000))),
    docx('field-codes-unbalanced', p(null, repeat('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', 50_000), run('x'))),
    {
      name: 'zip-bomb-document.docx',
      bytes: zipSync({
        '[Content_Types].xml': strToU8('<Types/>'),
        'word/document.xml': [new Uint8Array(300 * 1024 * 1024).fill(0x20), { level: 9 }],
      }),
    },
    {
      name: 'billion-laughs.docx',
      bytes: billionLaughs(),
    },
    { name: 'truncated.docx', bytes: buildDocx({ body: p(null, run('décide')) }).subarray(0, 300) },
    { name: 'not-a-zip.docx', bytes: strToU8('PK but not really a zip file') },
    // Found 3: quadratic regexes on text.
    text('bracket-then-80000-spaces', `[${repeat(' ', 80_000)}`),
    text('footnote-bodies-without-end', repeat('[1:', 30_000)),
    text('bookmarks-without-end', repeat('[bookmark:', 20_000)),
    text('brackets-then-a-colon', `${repeat('[]', 40_000)}:]`),
    text('anchors-10000', repeat('[footnoteRef:1]', 10_000)),
    text('lines-150k', Array.from({ length: 150_000 }, (_, i) => `${(i % 26) + 1}\tconsidérant ${i}`).join('\n')),
    text('tabs-80000', `${repeat('\t', 80_000)}a)\tx`),
    text('staircase-of-tabs', Array.from({ length: 5_000 }, (_, i) => `${repeat('\t', i)}a)\tniveau ${i}`).join('\n')),
    text('one-line-of-2-MB', repeat('décide ', 300_000)),
    text('labels-only', repeat('a)\t\n', 30_000)),
    // .plenary: the oneLine of an error path, deep JSON, huge lists.
    plenary('attribute-name-of-80000-spaces', `${ENVELOPE_HEAD}{"type":"doc","attrs":{"${repeat(' ', 80_000)}":1},"content":[]}}`),
    plenary('json-nested-100k', `${ENVELOPE_HEAD}${nested('[', ']', 100_000, '')}}`),
    plenary('doc-nested-100k', `${ENVELOPE_HEAD}${nested('{"type":"doc","content":[', ']}', 100_000, '')}}`),
    plenary(
      'a-million-empty-nodes',
      `${ENVELOPE_HEAD}{"type":"doc","content":[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]}}`,
    ),
    plenary('proto-keys', `${ENVELOPE_HEAD}{"type":"doc","__proto__":{"type":"x"},"constructor":{"prototype":{}},"content":[]}}`),
    plenary('truncated-json', `${ENVELOPE_HEAD}{"type":"doc","content":[{"type":"resolution"`),
    { name: 'binary.plenary', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) },
  ];
}

/** Nested entities in a DTD: refused before any parser could expand them. */
function billionLaughs(): Uint8Array {
  const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${repeat(`&l${i};`, 10)}">`).join('');
  const document = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">${entities}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l10;</w:t></w:r></w:p></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  });
}
