/**
 * Aligns two language versions of one text block by block: the resolution in French beside the same
 * resolution in English. Nothing is shared between the two files but structure and what is not
 * translated, so blocks are paired
 * - sections by the meaning of their keyword (the language tables give each keyword a role shared
 *   by the six languages: `considérant` = `considering` = `considerando`), the n-th section of a
 *   role with the n-th of the same role; a section found elsewhere in the other version is still
 *   paired, and reported as out of order;
 * - everything inside paired blocks by position, in order, confirmed by what translations keep
 *   (numbers, dates, resolution and document numbers, URLs, shared acronyms: invariants.ts), so that
 *   an item missing on one side leaves a gap rather than shifting every pair after it (sequence.ts);
 * - cover fields by name, footnotes in order within paired paragraphs.
 *
 * Every place where the structures disagree is reported: a block with no counterpart, a section
 * in another order, numbers that differ between two paired paragraphs.
 */
import type { Node } from 'prosemirror-model';
import { isLanguageCode, languageTable, type LanguageTable } from '../languages/index.js';
import { keywordEntry, keywordText, labelsOf } from '../numbering/index.js';
import { acceptAll, rejectAll } from '../tracking/index.js';
import { invariantsOf, translationScore, unsharedTokens, type Invariants } from './invariants.js';
import { alignSequences } from './sequence.js';

/** Which text of a tracked document is aligned: as marked (deleted blocks included), final or original. */
export type AlignView = 'markup' | 'final' | 'original';

export interface BlockPair {
  /** Node type of both blocks (`item`, `section`, `cover_field`…). */
  type: string;
  a: string;
  b: string;
  /** How surely the two are translations of each other, 0 to 1 (see invariants.ts). */
  score: number;
  where: { a: string; b: string };
  /** A block a reader names (an item, a section, a title, a cover field), not one of its parts. */
  unit: boolean;
}

export type DisagreementKind = 'missing' | 'order' | 'numbers';

export interface Disagreement {
  kind: DisagreementKind;
  /** For `missing`: the version that has the block (the other lacks it). */
  side?: 'a' | 'b';
  a?: string;
  b?: string;
  message: string;
}

export interface Alignment {
  languages: { a: string; b: string };
  pairs: BlockPair[];
  disagreements: Disagreement[];
  /** Block id of version a → its counterpart's id in version b. */
  counterparts: ReadonlyMap<string, string>;
}

/** Relative lengths of a text in each language (English = 1), from ITU's six versions. */
const LENGTH_FACTOR: Record<string, number> = { en: 1, fr: 1.15, es: 1.15, ru: 1.1, ar: 0.95, zh: 0.35 };

const UNIT_TYPES = new Set([
  'item',
  'section',
  'cover_field',
  'number_line',
  'adoption_line',
  'resolution_title',
  'call',
  'annex_heading',
  'annex_title',
  'paragraph',
  'heading',
  'numbered_paragraph',
  'footnote',
  'continuation',
]);
/** Blocks that, missing, are reported themselves (their parts go with them). */
const REPORTED_TYPES = new Set([...UNIT_TYPES, 'resolution', 'annex', 'cover', 'item_list']);

export function documentInView(doc: Node, view: AlignView): Node {
  return view === 'final' ? acceptAll(doc) : view === 'original' ? rejectAll(doc) : doc;
}

function tableOf(doc: Node): LanguageTable {
  const code = doc.attrs.language as string;
  return languageTable(isLanguageCode(code) ? code : 'fr');
}

/** One version: its language table, labels and the invariants of its blocks (computed once each). */
class Version {
  readonly table: LanguageTable;
  private readonly labels: ReadonlyMap<string, string>;
  private readonly originalLabels: ReadonlyMap<string, string>;
  private readonly invariants = new WeakMap<Node, Invariants>();

  constructor(readonly doc: Node) {
    this.table = tableOf(doc);
    this.labels = labelsOf(doc, 'new', this.table.code).items;
    this.originalLabels = labelsOf(doc, 'original', this.table.code).items;
  }

  invariantsOf(node: Node): Invariants {
    let found = this.invariants.get(node);
    if (!found) this.invariants.set(node, (found = invariantsOf(node.textContent)));
    return found;
  }

  labelOf(item: Node): string {
    const id = item.attrs.id as string;
    return this.labels.get(id) ?? this.originalLabels.get(id) ?? '';
  }

  role(section: Node): string | null {
    return keywordEntry(section, this.table)?.role ?? keywordEntry(section, this.table, 'original')?.role ?? null;
  }
}

function shorten(text: string, max = 48): string {
  const clean = text.replace(/[\s\u00a0]+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

const TYPE_WORDS: Record<string, string> = {
  number_line: 'number line',
  adoption_line: 'adoption line',
  resolution_title: 'title',
  call: 'call',
  annex_heading: 'annex heading',
  annex_title: 'annex title',
  section_keyword: 'keyword',
  item_text: 'text',
  item_list: 'list',
};

/** How a reader names a block: `considérant g) ii)`, `cover: documentNumber`, `paragraph «I Introduction»`. */
function describe(node: Node, parentWhere: string, version: Version, index: number): string {
  const type = node.type.name;
  const within = (words: string) => (parentWhere ? `${parentWhere} ${words}` : words);
  switch (type) {
    case 'resolution':
      // `RÉSOLUTION 1332`: the word and the number, which name it in every language.
      return (node.firstChild?.textContent ?? 'resolution').split(/\s+/).slice(0, 2).join(' ');
    case 'section':
      return shorten(keywordText(node) || keywordText(node, 'original'));
    case 'item':
      return within(version.labelOf(node) || `(item ${index + 1})`);
    case 'item_list':
    case 'item_text':
    case 'section_keyword':
    case 'number_line':
    case 'adoption_line':
    case 'resolution_title':
    case 'call':
    case 'annex_heading':
    case 'annex_title':
      return within(TYPE_WORDS[type]!);
    case 'continuation':
      return within(`¶${index}`);
    case 'cover':
      return 'cover';
    case 'cover_field':
      return `cover: ${String(node.attrs.name)}`;
    case 'annex':
      return `annex «${shorten(node.textContent, 24)}»`;
    case 'footnote':
      return within(`footnote ${index + 1}`);
    default:
      return `${type.replace(/_/g, ' ')} «${shorten(node.textContent, 32)}»`;
  }
}

interface Placed {
  node: Node;
  where: string;
  /** The name its children are named under. */
  inside: string;
}

/** How the blocks inside are named: a list's items by the list's owner (`h) –`, not `h) list –`). */
function whereInside(placed: Placed, parentWhere: string): string {
  return placed.node.type.name === 'item_list' ? parentWhere : placed.where;
}

function blockChildren(parent: Node, version: Version, parentWhere: string): Placed[] {
  const out: Placed[] = [];
  let continuations = 0;
  let items = 0;
  parent.forEach((child) => {
    if (child.isInline) return;
    const index = child.type.name === 'continuation' ? ++continuations : child.type.name === 'item' ? items++ : out.length;
    out.push({ node: child, where: describe(child, parentWhere, version, index), inside: '' });
  });
  for (const placed of out) placed.inside = whereInside(placed, parentWhere);
  return out;
}

function footnotesOf(textblock: Node, version: Version, where: string): Placed[] {
  const out: Placed[] = [];
  textblock.forEach((child) => {
    if (child.type.name === 'footnote') out.push({ node: child, where: describe(child, where, version, out.length), inside: '' });
  });
  return out;
}

class Aligner {
  readonly pairs: BlockPair[] = [];
  readonly disagreements: Disagreement[] = [];
  readonly counterparts = new Map<string, string>();
  private readonly ratio: number;

  constructor(
    private readonly a: Version,
    private readonly b: Version,
  ) {
    this.ratio = (LENGTH_FACTOR[a.table.code] ?? 1) / (LENGTH_FACTOR[b.table.code] ?? 1);
  }

  private score(x: Node, y: Node): number {
    return translationScore(this.a.invariantsOf(x), this.b.invariantsOf(y), this.ratio);
  }

  /** Whether two blocks may be versions of each other at all, whatever they say. */
  private compatible(x: Node, y: Node): boolean {
    if (x.type !== y.type) return false;
    if (x.type.name === 'cover_field') return x.attrs.name === y.attrs.name;
    if (x.type.name === 'section') {
      const roleA = this.a.role(x);
      const roleB = this.b.role(y);
      return roleA === null || roleB === null || roleA === roleB;
    }
    return true;
  }

  pair(x: Placed, y: Placed): void {
    const idA = x.node.attrs.id as string | null;
    const idB = y.node.attrs.id as string | null;
    const type = x.node.type.name;
    if (idA && idB) {
      this.counterparts.set(idA, idB);
      this.pairs.push({
        type,
        a: idA,
        b: idB,
        score: round(this.score(x.node, y.node)),
        where: { a: x.where, b: y.where },
        unit: UNIT_TYPES.has(type),
      });
    }
    if (x.node.isTextblock) {
      this.checkNumbers(x, y);
      this.children(footnotesOf(x.node, this.a, x.where), footnotesOf(y.node, this.b, y.where));
      return;
    }
    if (x.node.type.name === 'footnote') {
      this.checkNumbers(x, y);
      return;
    }
    this.children(blockChildren(x.node, this.a, x.inside), blockChildren(y.node, this.b, y.inside));
  }

  private children(as: Placed[], bs: Placed[]): void {
    const matched = alignSequences(as.length, bs.length, (i, j) =>
      this.compatible(as[i]!.node, bs[j]!.node) ? this.positionalScore(as[i]!.node, bs[j]!.node) : Number.NEGATIVE_INFINITY,
    );
    const usedA = new Set(matched.map(([i]) => i));
    const usedB = new Set(matched.map(([, j]) => j));
    // A section with no counterpart in place may have one elsewhere: the same role, out of order.
    const moved: Array<[number, number]> = [];
    for (let i = 0; i < as.length; i++) {
      if (usedA.has(i) || as[i]!.node.type.name !== 'section') continue;
      const role = this.a.role(as[i]!.node);
      const j = bs.findIndex((y, k) => !usedB.has(k) && y.node.type.name === 'section' && role !== null && this.b.role(y.node) === role);
      if (j < 0) continue;
      usedA.add(i);
      usedB.add(j);
      moved.push([i, j]);
    }
    for (const [i, j] of matched) this.pair(as[i]!, bs[j]!);
    for (const [i, j] of moved) {
      this.disagreements.push({
        kind: 'order',
        a: as[i]!.node.attrs.id as string,
        b: bs[j]!.node.attrs.id as string,
        message: `section «${as[i]!.where}» is section ${sectionNumber(as, i)} in a but «${bs[j]!.where}» is section ${sectionNumber(bs, j)} in b (another order)`,
      });
      this.pair(as[i]!, bs[j]!);
    }
    as.forEach((x, i) => usedA.has(i) || this.missing(x, 'a'));
    bs.forEach((y, j) => usedB.has(j) || this.missing(y, 'b'));
  }

  /**
   * Pairing score within a parent: blocks without their own words (lists, covers, parts known by
   * type) pair by type and place; the others by what they keep untranslated.
   */
  private positionalScore(x: Node, y: Node): number {
    const type = x.type.name;
    if (type === 'cover_field' || type === 'item_list' || type === 'cover' || type === 'section_keyword' || type === 'item_text') return 1;
    if (type === 'section') return Math.max(0.6, this.score(x, y));
    return this.score(x, y);
  }

  private missing(placed: Placed, side: 'a' | 'b'): void {
    const type = placed.node.type.name;
    if (!REPORTED_TYPES.has(type)) return;
    const other = side === 'a' ? 'b' : 'a';
    const id = placed.node.attrs.id as string | undefined;
    this.disagreements.push({
      kind: 'missing',
      side,
      ...(id ? { [side]: id } : {}),
      message: `${TYPE_WORDS[type] ?? type.replace(/_/g, ' ')} «${placed.where}» of ${side} has no counterpart in ${other}`,
    });
  }

  private checkNumbers(x: Placed, y: Placed): void {
    const { onlyA, onlyB } = unsharedTokens(this.a.invariantsOf(x.node), this.b.invariantsOf(y.node));
    if (onlyA.length === 0 && onlyB.length === 0) return;
    const list = (tokens: string[]) => (tokens.length > 0 ? tokens.join(', ') : 'nothing');
    this.disagreements.push({
      kind: 'numbers',
      a: x.node.attrs.id as string,
      b: y.node.attrs.id as string,
      message: `«${x.where}» ↔ «${y.where}»: numbers differ (only in a: ${list(onlyA)}; only in b: ${list(onlyB)})`,
    });
  }
}

/** 1 for the first section among `siblings`. */
function sectionNumber(siblings: readonly Placed[], index: number): number {
  return siblings.slice(0, index + 1).filter((placed) => placed.node.type.name === 'section').length;
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** Pairs the blocks of two language versions (each as given: choose the view with documentInView). */
export function alignVersions(a: Node, b: Node): Alignment {
  const versionA = new Version(a);
  const versionB = new Version(b);
  const aligner = new Aligner(versionA, versionB);
  aligner.pair({ node: a, where: '', inside: '' }, { node: b, where: '', inside: '' });
  return {
    languages: { a: versionA.table.code, b: versionB.table.code },
    pairs: aligner.pairs,
    disagreements: aligner.disagreements,
    counterparts: aligner.counterparts,
  };
}
