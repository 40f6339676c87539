import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../shared/file/index.js';
import { FORMAT_VERSION, parseDocument, serializeDocument } from '../../shared/file/index.js';
import { APPLICATION, documentTitle } from '../../shared/file/format.js';
import type { MigrationRegistry } from '../../shared/file/migrations.js';
import { buildDoc } from '../../shared/model/index.js';
import { arbitraryDocument } from '../support/arbitrary-document.js';
import { resolution1332, revised1332, contributionC26_93 } from '../support/docx-fixtures.js';
import { COVER_FIELDS, LIST_STYLES } from '../../shared/schema/index.js';
import { HEADING_NUMBERINGS } from '../../shared/schema/schema.js';
import { LANGUAGE_CODES } from '../../shared/languages/index.js';
import type { InlineRun } from '../../shared/model/index.js';
import type { BlockSpec, DocSpec, ItemSpec, ListSpec } from '../../shared/model/build.js';

/**
 * Wilder documents than test/support/arbitrary-document.ts (whose documents must also survive the
 * text format): any Unicode text (lone surrogates included), every language, marks, every block
 * kind anywhere the schema allows it. JSON must carry all of it.
 */
function anyTextDocSpec(): fc.Arbitrary<DocSpec> {
  const words = fc.string({ unit: 'binary', maxLength: 12 });
  const run: fc.Arbitrary<InlineRun> = fc.oneof(
    words,
    fc.record({ text: words, marks: fc.subarray(['em', 'strong', 'superscript'] as const) }),
    fc.record({ footnote: words }),
  );
  const inlineSpec = fc.oneof(words, fc.array(run, { maxLength: 4 }));
  const style = fc.constantFrom(...LIST_STYLES);
  const { list } = fc.letrec<{ list: ListSpec; item: ItemSpec }>((tie) => ({
    item: fc.record({
      text: inlineSpec,
      children: fc.array(
        fc.oneof(
          { maxDepth: 3, withCrossShrink: true },
          fc.record({ continuation: inlineSpec, indent: fc.constantFrom(1, 2) }),
          tie('list') as fc.Arbitrary<ListSpec>,
        ),
        { maxLength: 2 },
      ),
    }),
    list: fc.record({ style, items: fc.array(tie('item') as fc.Arbitrary<ItemSpec>, { minLength: 1, maxLength: 3 }) }),
  }));
  const section = fc.record({
    kind: fc.constantFrom('preamble', 'operative') as fc.Arbitrary<'preamble' | 'operative'>,
    keyword: words,
    style,
    items: fc.array(
      fc.oneof(
        words,
        list.map((l) => ({ text: 'x', children: [l] })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  });
  const simple: fc.Arbitrary<BlockSpec> = fc.oneof(
    fc.record({ paragraph: inlineSpec, indent: fc.nat(3) }),
    fc.record({ heading: inlineSpec, numbering: fc.constantFrom(...HEADING_NUMBERINGS) }),
    fc.record({ numbered: inlineSpec }),
    list.map((l) => ({ list: l })),
  );
  const annex = fc.record({ heading: words, title: fc.option(words, { nil: undefined }), blocks: fc.array(simple, { maxLength: 2 }) });
  const resolution = fc.record({
    number: words,
    adoption: fc.option(words, { nil: undefined }),
    title: words,
    call: words,
    sections: fc.array(section, { maxLength: 2 }),
    annexes: fc.array(annex, { maxLength: 1 }),
  });
  const block: fc.Arbitrary<BlockSpec> = fc.oneof(
    simple,
    resolution.map((r) => ({ resolution: r })),
    annex.map((a) => ({ annex: a })),
  );
  return fc.record({
    language: fc.constantFrom(...LANGUAGE_CODES),
    cover: fc.option(fc.dictionary(fc.constantFrom(...COVER_FIELDS), words, { minKeys: 1 }), { nil: undefined }),
    blocks: fc.array(block, { minLength: 1, maxLength: 3 }),
  });
}

const NOW = new Date('2026-11-23T09:00:00.000Z');

type Json = Record<string, unknown>;
const envelopeOf = (doc: Node): Json => JSON.parse(serializeDocument(doc, undefined, { now: NOW })) as Json;
const text = (envelope: unknown): string => JSON.stringify(envelope);

/** The error message parseDocument gives for `input`, asserting it is a one-line FileFormatError. */
function refusal(input: string): string {
  try {
    parseDocument(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FileFormatError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('parseDocument accepted the input');
}

/** The first node in the JSON tree that passes `test`. */
function findJson(root: Json, test: (node: Json) => boolean): Json {
  if (test(root)) return root;
  for (const child of (root.content as Json[] | undefined) ?? []) {
    try {
      return findJson(child, test);
    } catch {
      // not in this branch
    }
  }
  throw new Error('not found');
}

describe('.plenary save → open', () => {
  it('keeps Res 1332 with its tracked revision (marks, block changes, paragraph marks, ids) exactly', () => {
    for (const doc of [resolution1332(), revised1332(), contributionC26_93()]) {
      const opened = parseDocument(serializeDocument(doc));
      expect(opened.doc.toJSON()).toEqual(doc.toJSON());
      expect(opened.doc.eq(doc)).toBe(true);
      expect(opened.migratedFrom).toBeNull();
    }
  });

  it('writes the envelope: format name, version, metadata from the document', () => {
    const envelope = envelopeOf(resolution1332('en'));
    expect(envelope.format).toBe('plenary');
    expect(envelope.version).toBe(FORMAT_VERSION);
    expect(envelope.metadata).toEqual({
      language: 'en',
      title: "Rôle de l'UIT dans la mise en œuvre des résultats du SMSI et du Programme de développement durable à l'horizon 2030",
      created: NOW.toISOString(),
      modified: NOW.toISOString(),
      application: APPLICATION,
    });
  });

  it('keeps the created date of the file it was opened from, and stamps modified', () => {
    const created = '2025-01-02T03:04:05.000Z';
    const saved = parseDocument(serializeDocument(resolution1332(), { created }, { now: NOW }));
    expect(saved.metadata.created).toBe(created);
    expect(saved.metadata.modified).toBe(NOW.toISOString());
  });

  it('titles a document by its first resolution, else its cover title, leaving out footnotes and deletions', () => {
    expect(documentTitle(revised1332())).toMatch(/^Rôle de l'UIT/);
    const coverOnly = buildDoc({ cover: { title: 'Rapport du Secrétaire général', session: 'C26' }, blocks: [{ paragraph: 'x' }] });
    expect(documentTitle(coverOnly)).toBe('Rapport du Secrétaire général');
    const footnoted = buildDoc({
      blocks: [{ resolution: { number: 'R 1', title: ['Titre', { footnote: 'note' }, ' long'], call: 'C,', sections: [] } }],
    } as never);
    expect(documentTitle(footnoted)).toBe('Titre long');
    expect(documentTitle(buildDoc({ blocks: [{ paragraph: 'x' }] }))).toBe('');
  });

  it('property: random valid documents survive save → open unchanged, ids included', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const opened = parseDocument(serializeDocument(doc));
        expect(opened.doc.toJSON()).toEqual(doc.toJSON());
      }),
      { numRuns: 60 },
    );
  });

  it('property: any Unicode text, any language, any block kind survives save → open', () => {
    fc.assert(
      fc.property(anyTextDocSpec(), (spec) => {
        const doc = buildDoc(spec);
        const opened = parseDocument(serializeDocument(doc));
        expect(opened.doc.toJSON()).toEqual(doc.toJSON());
      }),
      { numRuns: 40 },
    );
  });

  it('refuses to serialize a document that would not open again (duplicate ids)', () => {
    const json = resolution1332().toJSON() as Json;
    const items: Json[] = [];
    const collect = (node: Json) => {
      if (node.type === 'item') items.push(node);
      for (const child of (node.content as Json[] | undefined) ?? []) collect(child);
    };
    collect(json);
    (items[1]!.attrs as Json).id = (items[0]!.attrs as Json).id;
    const broken = resolution1332().type.schema.nodeFromJSON(json);
    expect(() => serializeDocument(broken)).toThrow(FileFormatError);
    expect(() => serializeDocument(broken)).toThrow(/used twice/);
  });
});

describe('.plenary refusals, one line each', () => {
  const good = () => envelopeOf(resolution1332());

  it('a newer format version', () => {
    expect(refusal(text({ ...good(), version: FORMAT_VERSION + 1 }))).toBe(
      `the file was made by a newer Plenary (format ${FORMAT_VERSION + 1}); this version reads up to ${FORMAT_VERSION}`,
    );
  });

  it('an invalid version', () => {
    expect(refusal(text({ ...good(), version: 0 }))).toMatch(/invalid format version: 0/);
    expect(refusal(text({ ...good(), version: '1' }))).toMatch(/invalid format version: "1"/);
  });

  it('an unknown node type, naming where it is', () => {
    const envelope = good();
    findJson(envelope.doc as Json, (n) => n.type === 'call').type = 'invocation';
    expect(refusal(text(envelope))).toBe('unknown node type "invocation" (in doc > resolution)');
  });

  it('an unknown mark and an unknown attribute (a newer build would lose data on save)', () => {
    const withMark = good();
    const t = findJson(withMark.doc as Json, (n) => n.type === 'text');
    t.marks = [{ type: 'highlight' }];
    expect(refusal(text(withMark))).toMatch(/^unknown mark type "highlight"/);
    const withAttr = good();
    (findJson(withAttr.doc as Json, (n) => n.type === 'section').attrs as Json).colour = 'red';
    expect(refusal(text(withAttr))).toBe('unknown attribute "colour" on section (in doc > resolution)');
    // Names an object inherits are not attributes either.
    const inherited = good();
    const itemAttrs = findJson(inherited.doc as Json, (n) => n.type === 'item').attrs as Json;
    itemAttrs['toString'] = 'x';
    expect(refusal(text(inherited))).toBe('unknown attribute "toString" on item (in doc > resolution > section > item_list)');
    // A known mark with an attribute this build does not know (ProseMirror would drop it silently).
    const withMarkAttr = good();
    const marked = findJson(withMarkAttr.doc as Json, (n) => n.type === 'text');
    marked.marks = [{ type: 'em', attrs: { tone: 'ironic' } }];
    expect(refusal(text(withMarkAttr))).toMatch(/^unknown attribute "tone" on the em mark \(in doc > /);
  });

  it('content in the wrong order', () => {
    const envelope = good();
    const section = findJson(envelope.doc as Json, (n) => n.type === 'section');
    section.content = [...(section.content as Json[])].reverse();
    expect(refusal(text(envelope))).toBe(
      'wrong content in section: expected section_keyword item_list, found item_list section_keyword (in doc > resolution)',
    );
  });

  it('an invalid attribute value', () => {
    const envelope = good();
    (findJson(envelope.doc as Json, (n) => n.type === 'item_list').attrs as Json).style = 'greek';
    expect(refusal(text(envelope))).toMatch(/does not fit the Plenary schema: invalid list style: "greek"/);
  });

  it('duplicate and missing ids', () => {
    const dup = good();
    const [first, second] = [
      findJson(dup.doc as Json, (n) => n.type === 'call'),
      findJson(dup.doc as Json, (n) => n.type === 'resolution_title'),
    ];
    (first.attrs as Json).id = (second.attrs as Json).id;
    expect(refusal(text(dup))).toMatch(/^the id "[0-9a-z]+" is used twice \(resolution_title and call\); block ids must be unique$/);
    const missing = good();
    (findJson(missing.doc as Json, (n) => n.type === 'footnote').attrs as Json).id = null;
    expect(refusal(text(missing))).toBe('a footnote has no id');
  });

  it('a cover field repeated', () => {
    const envelope = envelopeOf(buildDoc({ cover: { title: 'A', session: 'C26' }, blocks: [{ paragraph: 'x' }] }));
    const fields = findJson(envelope.doc as Json, (n) => n.type === 'cover').content as Json[];
    (fields[1]!.attrs as Json).name = 'session';
    (fields[1]!.attrs as Json).id = 'another-id';
    expect(refusal(text(envelope))).toBe('the cover field "session" appears twice');
  });

  it('a malformed tracked change', () => {
    const envelope = good();
    (findJson(envelope.doc as Json, (n) => n.type === 'item').attrs as Json).change = { kind: 'moved' };
    expect(refusal(text(envelope))).toMatch(/^the tracked change in "change" of item "[0-9a-z]+" is malformed$/);
  });

  it('truncated JSON, wherever it is cut', () => {
    const full = serializeDocument(revised1332());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: full.length - 2 }), (cut) => {
        const message = refusal(full.slice(0, cut));
        expect(message).toBe('the file is truncated: it ends in the middle of the document');
      }),
      { numRuns: 200 },
    );
  });

  it('a document nested absurdly deep (a hostile file) is refused, not a stack overflow', () => {
    const { doc: _doc, ...rest } = good();
    const deep = `${text(rest).slice(0, -1)},"doc":${'{"type":"doc","content":['.repeat(3000)}${']}'.repeat(3000)}}`;
    expect(refusal(deep)).toBe('the document is nested more than 200 levels deep');
  });

  it('empty, binary, not JSON, JSON that is not a Plenary document', () => {
    expect(refusal('')).toBe('the file is empty');
    expect(refusal(' \n\t')).toBe('the file is empty');
    expect(refusal('{"format":"plenary"\u0000\u0001}')).toBe('this is a binary file, not a Plenary document');
    expect(refusal('RÉSOLUTION 1332')).toBe('this is not a Plenary document (it is not JSON)');
    expect(refusal('{"format": plenary}')).toMatch(/^this is not a Plenary document \(invalid JSON: /);
    expect(refusal('{"type":"doc","content":[]}')).toBe('this is JSON but not a Plenary document (no "format": "plenary")');
    expect(refusal('[1, 2]')).toBe('this is not a Plenary document (it is not JSON)');
  });

  it('an envelope with broken metadata or no document', () => {
    const noDate = good();
    (noDate.metadata as Json).created = 'yesterday';
    expect(refusal(text(noDate))).toMatch(/^the file is not a valid Plenary document: "metadata.created": /);
    const noDoc = good();
    delete noDoc.doc;
    expect(refusal(text(noDoc))).toBe('the file is not a valid Plenary document: "doc" is missing');
    const docNotObject = good();
    docNotObject.doc = 'doc';
    expect(refusal(text(docNotObject))).toBe('a node is not a JSON object');
    const notDoc = good();
    notDoc.doc = findJson(notDoc.doc as Json, (n) => n.type === 'item_text');
    expect(refusal(text(notDoc))).toBe('the document\'s top node is "item_text", not "doc"');
  });
});

describe('format upgrades (migration registry)', () => {
  // These tests inject a registry and pretend the current version is 3, to prove the mechanism runs
  // steps in order and validates; the real registry is tested below.
  const base = envelopeOf(resolution1332());
  const v1 = (): Json => {
    const envelope = structuredClone(base);
    envelope.version = 1;
    // Pretend format 1 called the call line "invocation" and had no metadata.application.
    findJson(envelope.doc as Json, (n) => n.type === 'call').type = 'invocation';
    delete (envelope.metadata as Json).application;
    return envelope;
  };
  const renameInvocation = (node: Json): Json => ({
    ...node,
    type: node.type === 'invocation' ? 'call' : node.type,
    ...(node.content ? { content: (node.content as Json[]).map(renameInvocation) } : {}),
  });
  const steps: string[] = [];
  const registry: MigrationRegistry = {
    1: (e) => {
      steps.push(`1→2 from version ${String(e.version)}`);
      return { ...e, doc: renameInvocation(e.doc as Json) };
    },
    2: (e) => {
      steps.push(`2→3 from version ${String(e.version)}`);
      return { ...e, metadata: { ...(e.metadata as Json), application: 'Plenary (upgraded)' } };
    },
  };

  it('runs every step from the file version to the current one, then validates the result', () => {
    steps.length = 0;
    const opened = parseDocument(text(v1()), { migrations: registry, currentVersion: 3 });
    expect(steps).toEqual(['1→2 from version 1', '2→3 from version 2']);
    expect(opened.migratedFrom).toBe(1);
    expect(opened.metadata.application).toBe('Plenary (upgraded)');
    expect(opened.doc.toJSON()).toEqual(base.doc);
  });

  it('refuses when a step is missing, when a step throws, and when the upgraded document is invalid', () => {
    expect(() => parseDocument(text(v1()), { migrations: { 1: registry[1]! }, currentVersion: 3 })).toThrow(
      'format 1 is no longer supported: no upgrade from format 2 to 3',
    );
    expect(() =>
      parseDocument(text(v1()), {
        migrations: {
          1: () => {
            throw new Error('bad\nnews');
          },
        },
        currentVersion: 2,
      }),
    ).toThrow('could not upgrade the file from format 1 to 2: bad news');
    // A step that forgets to rename the node: the upgraded document is still refused.
    expect(() =>
      parseDocument(text(v1()), {
        migrations: { 1: (e) => ({ ...e, metadata: { ...(e.metadata as Json), application: 'x' } }) },
        currentVersion: 2,
      }),
    ).toThrow('unknown node type "invocation" (in doc > resolution)');
  });

  it('the real registry reads the current format with no upgrade', () => {
    expect(parseDocument(serializeDocument(resolution1332())).migratedFrom).toBeNull();
  });

  it('format 1 (no tracking switch saved) opens upgraded, with tracking off', () => {
    const envelope = structuredClone(base);
    envelope.version = 1;
    delete ((envelope.doc as Json).attrs as Json).trackChanges;
    const opened = parseDocument(text(envelope));
    expect(opened.migratedFrom).toBe(1);
    expect(opened.doc.attrs.trackChanges).toBe(false);
    expect(opened.doc.toJSON()).toEqual(base.doc);
  });
});

describe('the tracking switch is part of the document', () => {
  it('a document saved with tracking on reopens with tracking on', () => {
    const doc = resolution1332();
    const on = doc.type.create({ ...doc.attrs, trackChanges: true }, doc.content);
    const envelope = envelopeOf(on);
    expect(envelope.version).toBe(FORMAT_VERSION);
    expect(((envelope.doc as Json).attrs as Json).trackChanges).toBe(true);
    expect(parseDocument(text(envelope)).doc.attrs.trackChanges).toBe(true);
    expect(parseDocument(serializeDocument(doc)).doc.attrs.trackChanges).toBe(false);
  });

  it('a switch that is not true or false is refused with a one-line reason', () => {
    const envelope = envelopeOf(resolution1332());
    ((envelope.doc as Json).attrs as Json).trackChanges = 'yes';
    expect(refusal(text(envelope))).toMatch(/trackChanges/);
  });
});
