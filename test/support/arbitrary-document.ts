/**
 * Random valid Plenary documents for property tests (fast-check), built with shared/model/build.ts.
 *
 * The documents are valid for the plain-text format too, so that write → import gives them back:
 * - words are made-up (`bavo`, `kéru`…): never a label, a section keyword, a number-line or annex
 *   word, nor a conversion artifact;
 * - a paragraph ends with `:` exactly when a sub-list follows it (the importer's rule for `i)`);
 * - a sub-list's style differs from every enclosing list's, and two lists are never adjacent in
 *   the same item or annex (text cannot tell them apart from one nested list);
 * - a continuation that follows a sub-list is written at its item's depth;
 * - the single item of a section uses the section's default style (a single item has no label,
 *   so its style cannot be read back);
 * - body and annex lists are not decimal (`1\tText` reads as a heading there), and numbered
 *   paragraphs follow a numbered heading.
 *
 * Documents hold resolutions with nested lists, continuations, footnotes and annexes, and
 * optionally a cover, body blocks, and an annex of the document that holds the resolutions.
 */
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { languageTable } from '../../shared/languages/index.js';
import { trackingScopeFor } from '../../shared/contribution/index.js';
import { buildDoc, type InlineRun } from '../../shared/model/index.js';
import type { AnnexSpec, BlockSpec, DocSpec, ItemSpec, ListSpec, ResolutionSpec, SectionSpec } from '../../shared/model/build.js';
import { LIST_STYLES, type CoverFieldName, type HeadingNumbering, type ListStyle } from '../../shared/schema/index.js';

export interface ArbitraryDocumentOptions {
  /** Whether the document has a Council cover; random when absent. */
  cover?: boolean;
  /** Whether body blocks (headings, numbered paragraphs, paragraphs, lists) precede the resolutions; random when absent. */
  body?: boolean;
  /** Whether the resolutions stand in an annex of the document (as in a contribution); random when absent. */
  annexedResolutions?: boolean;
  /** Resolutions in the document (default 1 to 2). */
  resolutions?: { min: number; max: number };
  /** Deepest item nesting (default 3: item, sub-item, sub-sub-item). */
  maxDepth?: number;
}

const WORDS = [
  'bavo',
  'kéru',
  'milsa',
  'tondro',
  'fépa',
  'gurne',
  'holvi',
  'jastu',
  'lémo',
  'nuvra',
  'pocte',
  'quilo',
  'rasme',
  'sivur',
  'tèbu',
  'uvolo',
  'wizar',
  'yelpo',
  'zandi',
  "d'orvu",
  'brêne',
  'calfu',
  'dromi',
  'esquo',
  'fruvi',
  'glomé',
  'hendu',
  'ispar',
  'jovre',
  'kalto',
];
const CAPITAL_WORDS = WORDS.map((word) => word.toUpperCase());
const ENDINGS = ['', ';', ',', '.'] as const;

const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const capitalWords = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CAPITAL_WORDS), { minLength: min, maxLength: max }).map((list) => list.join(' '));

/** Text of one paragraph: words with footnotes after some of them, no ending punctuation yet. */
const paragraphText: fc.Arbitrary<InlineRun[]> = fc
  .record({
    words: fc.array(word, { minLength: 1, maxLength: 8 }),
    notes: fc.array(fc.record({ after: fc.nat(), text: words(1, 6) }), { maxLength: 2 }),
  })
  .map(({ words: list, notes }) => {
    const noteAfter = new Map<number, string[]>();
    for (const note of notes) {
      const at = note.after % list.length;
      noteAfter.set(at, [...(noteAfter.get(at) ?? []), note.text]);
    }
    const runs: InlineRun[] = [];
    let text = '';
    list.forEach((w, index) => {
      text += index === 0 ? w : ` ${w}`;
      for (const note of noteAfter.get(index) ?? []) {
        runs.push(text, { footnote: note });
        text = '';
      }
    });
    if (text) runs.push(text);
    return runs;
  });

/** The runs with their ending punctuation: `:` when a sub-list follows, never otherwise. */
function ended(runs: InlineRun[], ending: string, beforeList: boolean): InlineRun[] {
  const mark = beforeList ? ':' : ending;
  return mark ? [...runs, mark] : runs;
}

interface RawItem {
  text: InlineRun[];
  ending: string;
  children: Array<{ continuation: InlineRun[]; ending: string; deeper: boolean } | ListSpec>;
}

function itemArbitrary(depth: number, enclosing: readonly ListStyle[], maxDepth: number): fc.Arbitrary<ItemSpec> {
  const continuation = fc.record({ continuation: paragraphText, ending: fc.constantFrom(...ENDINGS), deeper: fc.boolean() });
  const allowed = LIST_STYLES.filter((style) => !enclosing.includes(style));
  const child =
    depth < maxDepth && allowed.length > 0 ? fc.oneof(continuation, listArbitrary(depth + 1, enclosing, allowed, maxDepth)) : continuation;
  const raw: fc.Arbitrary<RawItem> = fc.record({
    text: paragraphText,
    ending: fc.constantFrom(...ENDINGS),
    children: fc.array(child, { maxLength: 2 }),
  });
  return raw.map((item) => fixItem(item, depth));
}

/** Applies the text-format rules to a random item (see the module comment). */
function fixItem(item: RawItem, depth: number): ItemSpec {
  const kept: RawItem['children'] = [];
  for (const child of item.children) {
    const previous = kept[kept.length - 1];
    if ('style' in child && previous && 'style' in previous) continue;
    kept.push(child);
  }
  const children: NonNullable<ItemSpec['children']> = kept.map((child, index) => {
    if ('style' in child) return child;
    const next = kept[index + 1];
    const afterList = index > 0 && 'style' in kept[index - 1]!;
    return {
      continuation: ended(child.continuation, child.ending, next !== undefined && 'style' in next),
      indent: afterList || !child.deeper ? depth : depth + 1,
    };
  });
  const first = kept[0];
  return { text: ended(item.text, item.ending, first !== undefined && 'style' in first), children };
}

function listArbitrary(
  depth: number,
  enclosing: readonly ListStyle[],
  styles: readonly ListStyle[],
  maxDepth: number,
): fc.Arbitrary<ListSpec> {
  return fc
    .constantFrom(...styles)
    .chain((style) =>
      fc
        .array(itemArbitrary(depth, [...enclosing, style], maxDepth), { minLength: 1, maxLength: depth === 1 ? 8 : 3 })
        .map((items) => ({ style, items })),
    );
}

const FRENCH_KEYWORDS = languageTable('fr').keywords;

function sectionArbitrary(maxDepth: number): fc.Arbitrary<SectionSpec> {
  return fc
    .record({
      keyword: fc.constantFrom(...FRENCH_KEYWORDS),
      addressee: fc.option(words(1, 5), { nil: undefined }),
      single: fc.boolean(),
      style: fc.constantFrom(...LIST_STYLES),
    })
    .chain(({ keyword, addressee, single, style }) => {
      const defaultStyle: ListStyle = keyword.kind === 'preamble' ? 'alpha' : 'decimal';
      const chosen = single ? defaultStyle : style;
      const items = single
        ? itemArbitrary(1, [chosen], maxDepth).map((item) => [item])
        : fc.array(itemArbitrary(1, [chosen], maxDepth), { minLength: 2, maxLength: 10 });
      return items.map((list) => ({
        kind: keyword.kind,
        keyword: addressee ? `${keyword.phrase} ${addressee}` : keyword.phrase,
        style: chosen,
        items: list,
      }));
    });
}

/** Annex blocks: paragraphs and lists, never two lists in a row, no decimal list at any depth (outside sections `2\tText` reads as a heading). */
function annexBlocks(maxDepth: number): fc.Arbitrary<BlockSpec[]> {
  const styles = LIST_STYLES.filter((style) => style !== 'decimal');
  const block: fc.Arbitrary<BlockSpec> = fc.oneof(
    paragraphText.chain((text) => fc.constantFrom(...ENDINGS).map((ending) => ({ paragraph: ended(text, ending, false) }))),
    listArbitrary(1, ['decimal'], styles, maxDepth).map((list) => ({ list })),
  );
  return fc.array(block, { maxLength: 4 }).map(withoutAdjacentLists);
}

function withoutAdjacentLists(blocks: BlockSpec[]): BlockSpec[] {
  return blocks.filter((block, index) => !('list' in block && index > 0 && 'list' in blocks[index - 1]!));
}

function annexArbitrary(maxDepth: number): fc.Arbitrary<AnnexSpec> {
  return fc.record({
    heading: fc.oneof(
      fc.constant('ANNEXE'),
      fc.integer({ min: 1, max: 9 }).map((n) => `ANNEXE ${n}`),
      fc.integer({ min: 1, max: 2000 }).map((n) => `ANNEXE DE LA RÉSOLUTION ${n}`),
    ),
    title: words(1, 8),
    blocks: annexBlocks(maxDepth),
  });
}

function resolutionArbitrary(maxDepth: number): fc.Arbitrary<ResolutionSpec> {
  return fc.record({
    number: fc
      .tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }))
      .map(([n, first, last]) => `RÉSOLUTION ${n} (C${first}, dernière mod. C${last})`),
    adoption: fc.option(
      word.map((w) => `(adoptée à la ${w} séance plénière)`),
      { nil: undefined },
    ),
    title: words(2, 10),
    call: words(2, 6).map((text) => `${text},`),
    sections: fc.array(sectionArbitrary(maxDepth), { minLength: 1, maxLength: 4 }),
    annexes: fc.array(annexArbitrary(maxDepth), { maxLength: 2 }),
  });
}

const MONTHS = ['janvier', 'avril', 'juin', 'septembre', 'décembre'];

const coverArbitrary: fc.Arbitrary<Partial<Record<CoverFieldName, string>>> = fc.record(
  {
    session: words(1, 3),
    placeAndDates: words(1, 4),
    agendaItem: fc.integer({ min: 1, max: 20 }).map((n) => `PL ${n}`),
    documentNumber: fc.tuple(fc.integer({ min: 20, max: 30 }), fc.integer({ min: 1, max: 120 })).map(([s, n]) => `C${s}/${n}-F`),
    date: fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom(...MONTHS), fc.integer({ min: 2020, max: 2030 }))
      .map(([d, m, y]) => `${d} ${m} ${y}`),
    originalLanguage: word,
    source: words(2, 6).map((text) => `Contribution de ${text}`),
    title: capitalWords(2, 10),
    purpose: words(3, 20).map((text) => `${text}.`),
    actionRequired: words(3, 12).map((text) => `${text}.`),
    strategicLinks: words(2, 8),
    financialImplications: words(2, 8),
    references: fc.oneof(fc.constant(''), words(2, 10)),
  },
  { requiredKeys: ['documentNumber', 'purpose'] },
);

/** Body blocks of a Council document: it starts with a heading (the cover ends there). */
function bodyArbitrary(maxDepth: number): fc.Arbitrary<BlockSpec[]> {
  const styles = LIST_STYLES.filter((style) => style !== 'decimal');
  const heading = fc.record({
    heading: words(1, 8),
    numbering: fc.constantFrom<HeadingNumbering>('roman', 'decimal'),
  });
  const other: fc.Arbitrary<BlockSpec> = fc.oneof(
    heading,
    paragraphText.chain((text) => fc.constantFrom(...ENDINGS).map((ending) => ({ numbered: ended(text, ending, false) }))),
    fc
      .record({ text: paragraphText, ending: fc.constantFrom(...ENDINGS), indent: fc.constantFrom(0, 0, 1) })
      .map(({ text, ending, indent }) => ({ paragraph: ended(text, ending, false), indent })),
    listArbitrary(1, ['decimal'], styles, maxDepth).map((list) => ({ list })),
  );
  return fc.tuple(heading, fc.array(other, { maxLength: 6 })).map(([first, rest]) => {
    const blocks = withoutAdjacentLists([first, ...rest]);
    // An indented paragraph right after a list reads as a continuation of its last item.
    return blocks.map((block, index) =>
      'paragraph' in block && index > 0 && 'list' in blocks[index - 1]! ? { paragraph: block.paragraph, indent: 0 } : block,
    );
  });
}

/** The document's spec, for tests that want to see or tweak it before building. */
export function arbitraryDocumentSpec(options: ArbitraryDocumentOptions = {}): fc.Arbitrary<DocSpec> {
  const maxDepth = options.maxDepth ?? 3;
  const { min, max } = options.resolutions ?? { min: 1, max: 2 };
  const flag = (value: boolean | undefined) => (value === undefined ? fc.boolean() : fc.constant(value));
  return fc
    .record({
      hasCover: flag(options.cover),
      hasBody: flag(options.body),
      annexed: flag(options.annexedResolutions),
      cover: coverArbitrary,
      body: bodyArbitrary(maxDepth),
      resolutions: fc.array(resolutionArbitrary(maxDepth), { minLength: min, maxLength: max }),
    })
    .map(({ hasCover, hasBody, annexed, cover, body, resolutions }) => {
      const blocks: BlockSpec[] = hasBody ? [...body] : [];
      const resolutionBlocks = resolutions.map((resolution): BlockSpec => ({ resolution }));
      if (annexed && resolutionBlocks.length > 0) blocks.push({ annex: { heading: 'ANNEXE', blocks: resolutionBlocks } });
      else blocks.push(...resolutionBlocks);
      if (blocks.length === 0) blocks.push({ heading: 'Introduction', numbering: 'roman' });
      // The lines above the metadata read as the session, then the place and dates.
      const fields = cover.session === undefined ? { ...cover, placeAndDates: undefined } : cover;
      return { language: 'fr', ...(hasCover ? { cover: fields } : {}), blocks };
    });
}

/**
 * A random document (fast-check Arbitrary<Node>), valid for the schema and the text format. The text
 * and Word formats do not carry the tracking scope, a reader infers it (a cover and a resolution make
 * a contribution: trackingScopeFor), so the document carries the scope a reader would give it.
 */
export function arbitraryDocument(options: ArbitraryDocumentOptions = {}): fc.Arbitrary<Node> {
  return arbitraryDocumentSpec(options).map((spec) => {
    const doc = buildDoc(spec);
    const blocks: Node[] = [];
    doc.forEach((block) => blocks.push(block));
    return doc.type.create({ ...doc.attrs, trackingScope: trackingScopeFor(blocks) }, doc.content);
  });
}
