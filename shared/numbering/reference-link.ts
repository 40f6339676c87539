/**
 * Turning textual references into live ones after an import: `au point 5 du décide` keeps `au `
 * as text and `point 5 du décide` becomes a `cross_reference` node pointing at item 5 of the
 * décide section of the same resolution. The wording recognised is the one the language table
 * renders (its `references` templates), so what is linked reads the same once rendered.
 *
 * Linking never changes what any view of the document says. The words are read in the view they
 * belong to: text that both views share names the ORIGINAL numbering (it is what the author's text
 * said before the proposal; a tracked insertion before its target then shows `point [-5-][+6+] du
 * décide` as the proposal's consequence), inserted text names the NEW numbering, and deleted text
 * the original one (it only ever reads there): it is linked with its deletion mark, so a rejected
 * deletion gives back a reference that still follows its item.
 *
 * A reference is linked only when it names exactly one item of its own resolution (./reference-scope.ts
 * decides whether a phrase quotes another text: `point 7 du décide selon lequel "…"` in Res 1332
 * quotes Res 140). Otherwise the text is left as it is; where it is left because its reading is
 * ambiguous (partly inserted or deleted, a keyword two sections share) `unlinkedReferences` says so,
 * for the style check.
 */
import type { Mark, Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { isLanguageCode, languageTable, type LanguageTable } from '../languages/index.js';
import { newId } from '../model/index.js';
import { schema, type ListStyle, type ReferenceForm } from '../schema/index.js';
import { computeLabels, countsIn, type Labels, type NumberingView } from './labels.js';
import { referenceText } from './reference-text.js';
import { ReferenceScopeRule, type OtherTextReason } from './reference-scope.js';
import { comparable, keywordEntry, keywordText } from './section-word.js';

interface Candidate {
  from: number;
  to: number;
  form: ReferenceForm;
  sectionPhrase: string;
  labels: string[];
  above: boolean;
}

interface Link {
  from: number;
  to: number;
  node: Node;
}

/** Why a phrase that reads as a reference to this resolution stayed text. */
export type AmbiguityReason = 'partly-tracked' | 'shared-keyword';

/** What became of one phrase that reads as a reference. */
export type ReferenceOutcome =
  | { kind: 'linked'; view: NumberingView; target: string }
  | { kind: 'other-text'; reason: OtherTextReason }
  | { kind: 'ambiguous'; reason: AmbiguityReason }
  /** No item of this resolution has that label in the view the words belong to. */
  | { kind: 'no-item' };

export interface ScannedReference {
  /** Document positions of the phrase (of its linked part once linked). */
  from: number;
  to: number;
  text: string;
  /** The innermost item around the phrase; outside items, the outermost block with an id (the paragraph, the footnote). */
  blockId: string | null;
  outcome: ReferenceOutcome;
}

const SPACE = '[\\s\\u00a0]+';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal piece of a template or phrase: spaces match any run of spaces, apostrophes both forms. */
function literal(text: string): string {
  return text
    .split(/[\s\u00a0]+/)
    .map((word) => escapeRegExp(word).replace(/['\u2019]/g, "['\u2019]"))
    .join(SPACE);
}

/** One label of any list style, in the table's alphabet and label formats. */
function labelPattern(table: LanguageTable): string {
  const letters = `(?:${table.alphabets.alpha.letters.map(escapeRegExp).join('|')})+`;
  const value: Record<Exclude<ListStyle, 'dash'>, string> = {
    decimal: '\\d+',
    roman: '[ivxlcdmIVXLCDM]+',
    alpha: letters,
    'alpha-dot': letters,
  };
  const styles = ['roman', 'alpha', 'alpha-dot', 'decimal'] as const;
  const alternatives = styles.map((style) => {
    const [before, after] = table.labelFormats[style].split('{}');
    return `${escapeRegExp(before ?? '')}${value[style]}${escapeRegExp(after ?? '')}`;
  });
  return `(?:${[...new Set(alternatives)].join('|')})`;
}

function labelPathPattern(table: LanguageTable): string {
  const one = labelPattern(table);
  const joiner = table.references.labelSeparator;
  const separator = joiner === '' ? '' : joiner.trim() === '' ? SPACE : literal(joiner);
  return `${one}(?:${separator}${one})*`;
}

/** The regular expression that finds one form of reference in a text. */
function referencePattern(template: string, table: LanguageTable, sections: string[]): RegExp {
  const core = template
    .split(/(\{label\}|\{section\})/)
    .map((part) => {
      if (part === '{label}') return `(?<label>${labelPathPattern(table)})`;
      if (part === '{section}') return `(?<section>${sections.join('|')})`;
      return part === '' ? '' : literal(part);
    })
    .join('');
  const [beforeAbove = '', afterAbove = ''] = table.references.above.split('{reference}');
  const prefix = beforeAbove ? `(?<abovePrefix>${literal(beforeAbove)})?` : '';
  const suffix = afterAbove ? `(?<aboveSuffix>${afterAbove.startsWith(' ') ? SPACE : ''}${literal(afterAbove.trim())})?` : '';
  // Chinese has no spaces between words, so no word boundary can be asked for there.
  const wordy = table.code !== 'zh';
  const start = wordy ? '(?<![\\p{L}\\p{N}])' : '';
  const end = wordy ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${prefix}${core}${end}${suffix}${end}`, 'giu');
}

/** Splits a matched label path into its labels. */
function splitLabels(path: string, table: LanguageTable): string[] {
  const one = new RegExp(labelPattern(table), 'gu');
  return [...path.matchAll(one)].map((m) => m[0]);
}

/** The textblock's inline content as a string whose offsets are document positions from its start. */
function flatText(textblock: Node): string {
  let text = '';
  textblock.forEach((child) => {
    text += child.isText ? child.text! : '\uFFFC'.repeat(child.nodeSize);
  });
  return text;
}

/** The views a text node reads in, given those of its block. */
function viewsOf(child: Node, block: ViewSet): ViewSet {
  const inserted = child.marks.some((m) => m.type.name === 'insertion');
  const deleted = child.marks.some((m) => m.type.name === 'deletion');
  return { original: block.original && !inserted, new: block.new && !deleted };
}

interface ViewSet {
  original: boolean;
  new: boolean;
}

type SpanReading = { kind: 'views'; views: ViewSet; marks: readonly Mark[] } | { kind: 'partly-tracked' } | { kind: 'not-text' };

/**
 * The views the words of [from, to) read in and the marks a reference there takes (those every
 * text node of it shares); `partly-tracked` when part of it is inserted or deleted and part not.
 */
function readSpan(textblock: Node, from: number, to: number, block: ViewSet): SpanReading {
  let shared: readonly Mark[] | null = null;
  let views: ViewSet | null = null;
  let reading: SpanReading | null = null;
  textblock.forEach((child, offset) => {
    if (reading || offset >= to || offset + child.nodeSize <= from) return;
    if (!child.isText) {
      reading = { kind: 'not-text' };
      return;
    }
    const here = viewsOf(child, block);
    if (views && (views.original !== here.original || views.new !== here.new)) {
      reading = { kind: 'partly-tracked' };
      return;
    }
    views = here;
    shared = shared ? shared.filter((m) => m.isInSet(child.marks)) : child.marks;
  });
  return reading ?? { kind: 'views', views: views ?? block, marks: shared ?? [] };
}

/**
 * The view whose numbering the words name: shared text and deleted text name the original one
 * (deleted words only ever read there), inserted text the new one; text inserted and deleted again
 * reads in neither.
 */
function viewOfWords(views: ViewSet): NumberingView | null {
  if (views.original) return 'original';
  return views.new ? 'new' : null;
}

type Target = { item: Node; section: Node } | { ambiguous: AmbiguityReason } | null;

class ResolutionLinker {
  private readonly sections: Node[] = [];
  private readonly patterns: Array<{ form: ReferenceForm; regexp: RegExp }>;
  private readonly scope: ReferenceScopeRule;

  constructor(
    private readonly doc: Node,
    resolution: Node,
    private readonly table: LanguageTable,
    private readonly labels: Record<NumberingView, Labels>,
  ) {
    resolution.forEach((child) => {
      if (child.type.name === 'section') this.sections.push(child);
    });
    this.scope = new ReferenceScopeRule(table);
    const phrases = new Set<string>();
    for (const section of this.sections) {
      for (const view of ['original', 'new'] as const) {
        const text = keywordText(section, view);
        if (text) phrases.add(text);
      }
    }
    for (const entry of table.keywords) phrases.add(entry.phrase);
    // Longest first: `charge le Secrétaire général et les Directeurs` before `charge`.
    const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(literal);
    this.patterns = [
      { form: 'point-of-section', regexp: referencePattern(table.references.pointOfSection, table, alternatives) },
      { form: 'preamble-item', regexp: referencePattern(table.references.preambleItem, table, alternatives) },
    ];
    // Two forms worded alike (Russian, Arabic) are one: keep the first.
    if (table.references.preambleItem === table.references.pointOfSection) this.patterns.pop();
  }

  candidates(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const { form, regexp } of this.patterns) {
      regexp.lastIndex = 0;
      for (const match of text.matchAll(regexp)) {
        const groups = match.groups ?? {};
        found.push({
          from: match.index,
          to: match.index + match[0].length,
          form,
          sectionPhrase: groups.section ?? '',
          labels: splitLabels(groups.label ?? '', this.table),
          above: Boolean(groups.abovePrefix || groups.aboveSuffix),
        });
      }
    }
    // Earliest first, then longest: of overlapping candidates, the first that names an item wins.
    return found.sort((a, b) => a.from - b.from || b.to - a.to);
  }

  /** The section a phrase names in a view: the one whose keyword line it is, or the only one opening with it. */
  private sectionFor(phrase: string, view: NumberingView): Node | AmbiguityReason | null {
    const wanted = comparable(phrase);
    const present = this.sections.filter((s) => countsIn(s, view));
    const exact = present.filter((s) => comparable(keywordText(s, view)) === wanted);
    if (exact.length === 1) return exact[0]!;
    if (exact.length > 1) return 'shared-keyword';
    const byPhrase = present.filter((s) => comparable(keywordEntry(s, this.table, view)?.phrase ?? '') === wanted);
    if (byPhrase.length > 1) return 'shared-keyword';
    return byPhrase[0] ?? null;
  }

  /** The item a candidate names in a view, or null. */
  target(candidate: Candidate, view: NumberingView): Target {
    const section = this.sectionFor(candidate.sectionPhrase, view);
    if (section === null) return null;
    if (typeof section === 'string') return { ambiguous: section };
    if (candidate.form === 'preamble-item' && section.attrs.kind !== 'preamble') return null;
    let list: Node | null = section.lastChild;
    let item: Node | null = null;
    for (const label of candidate.labels) {
      if (!list) return null;
      item = this.itemLabelled(list, label, view);
      if (!item) return null;
      list = null;
      item.forEach((child) => {
        if (!list && child.type.name === 'item_list') list = child;
      });
    }
    return item && item.attrs.id ? { item, section } : null;
  }

  private itemLabelled(list: Node, label: string, view: NumberingView): Node | null {
    let found: Node | null = null;
    const wanted = label.toLocaleLowerCase();
    const labels = this.labels[view].items;
    list.forEach((item) => {
      if (!found && labels.get(item.attrs.id as string)?.toLocaleLowerCase() === wanted) found = item;
    });
    return found;
  }

  /**
   * How much of the matched text the reference, rendered in the view its words belong to, says
   * again: all of it, or a prefix (`point 2 du charge` of `point 2 du charge le Groupe`, the rest
   * staying text); 0 when the rendering would say something else. Linking never changes what the
   * text reads.
   */
  private renderedLength(matched: string, reference: Node, view: NumberingView): number {
    const rendered = referenceText(reference, this.doc, this.labels[view], this.table.code, view);
    if (rendered.dangling) return 0;
    const end = this.table.code === 'zh' ? '' : '(?![\\p{L}\\p{N}])';
    const prefix = new RegExp(`^${literal(rendered.text)}${end}`, 'iu').exec(matched);
    return prefix ? prefix[0].length : 0;
  }

  /** Every phrase of the resolution that reads as a reference, with what becomes of it and the node that links it. */
  scan(resolution: Node, resolutionPos: number, out: Array<ScannedReference & { link?: Link }>): void {
    const visit = (parent: Node, parentPos: number, views: ViewSet, blockId: string | null) => {
      parent.forEach((node, offset) => {
        const pos = parentPos + offset;
        if (node.type.name === 'resolution') return; // a resolution quoted in an annex is scanned on its own
        const here = { original: views.original && countsIn(node, 'original'), new: views.new && countsIn(node, 'new') };
        // The innermost item names the place best (`décide 3 a.`); outside items, the outermost block with an id.
        const own = (node.attrs.id as string | null | undefined) ?? null;
        const id = node.type.name === 'item' ? own : (blockId ?? own);
        if (node.isTextblock) this.scanTextblock(node, pos, here, id, out);
        else if (!node.isLeaf) visit(node, pos + 1, here, id);
      });
    };
    visit(resolution, resolutionPos + 1, { original: countsIn(resolution, 'original'), new: countsIn(resolution, 'new') }, null);
  }

  scanTextblock(node: Node, pos: number, views: ViewSet, blockId: string | null, out: Array<ScannedReference & { link?: Link }>): void {
    const start = pos + 1;
    const text = flatText(node);
    let linkedUpTo = 0;
    for (const candidate of this.candidates(text)) {
      if (candidate.from < linkedUpTo) continue;
      const record = (outcome: ReferenceOutcome, to = candidate.to, link?: Link) =>
        out.push({
          from: start + candidate.from,
          to: start + to,
          text: text.slice(candidate.from, to),
          blockId,
          outcome,
          ...(link ? { link } : {}),
        });
      const verdict = this.scope.verdict(text, candidate.from, candidate.to);
      if (verdict.reason) {
        record({ kind: 'other-text', reason: verdict.reason });
        continue;
      }
      const reading = readSpan(node, candidate.from, candidate.to, views);
      if (reading.kind === 'not-text') continue;
      if (reading.kind === 'partly-tracked') {
        record({ kind: 'ambiguous', reason: 'partly-tracked' });
        continue;
      }
      const view = viewOfWords(reading.views);
      if (!view) continue;
      const target = this.target(candidate, view);
      if (target === null) {
        record({ kind: 'no-item' });
        continue;
      }
      if ('ambiguous' in target) {
        record({ kind: 'ambiguous', reason: target.ambiguous });
        continue;
      }
      const attrs = {
        id: newId(),
        target: target.item.attrs.id as string,
        form: candidate.form,
        above: candidate.above,
        sectionRole: keywordEntry(target.section, this.table, view)?.role ?? null,
      };
      const matched = text.slice(candidate.from, candidate.to);
      const to = candidate.from + this.renderedLength(matched, schema.nodes.cross_reference!.create(attrs), view);
      if (to <= candidate.from) {
        record({ kind: 'no-item' });
        continue;
      }
      const link = { from: start + candidate.from, to: start + to, node: schema.nodes.cross_reference!.create(attrs, null, reading.marks) };
      record({ kind: 'linked', view, target: attrs.target }, to, link);
      linkedUpTo = to;
    }
  }
}

function bothLabels(doc: Node): Record<NumberingView, Labels> {
  return { original: computeLabels(doc, { view: 'original' }), new: computeLabels(doc, { view: 'new' }) };
}

function scanDocument(doc: Node): Array<ScannedReference & { link?: Link }> {
  const language = doc.attrs.language as string;
  if (!isLanguageCode(language)) return [];
  const table = languageTable(language);
  const labels = bothLabels(doc);
  const out: Array<ScannedReference & { link?: Link }> = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'resolution') return true;
    new ResolutionLinker(doc, node, table, labels).scan(node, pos, out);
    return true; // resolutions inside this one's annexes are visited (and scanned) on their own
  });
  return out;
}

/**
 * Every phrase of the document's text that reads as a reference to one of its resolutions' items
 * and what linking makes of it: for the style check, which reports those left text as ambiguous.
 */
export function scanReferences(doc: Node): ScannedReference[] {
  return scanDocument(doc).map(({ link: _link, ...scanned }) => scanned);
}

/**
 * The document with the textual references it holds turned into `cross_reference` nodes. Meant to
 * run at the end of an import; running it again changes nothing (what is linked is no longer text).
 */
export function linkReferences(doc: Node): Node {
  const links = scanDocument(doc).flatMap((scanned) => (scanned.link ? [scanned.link] : []));
  if (links.length === 0) return doc;
  const tr = new Transform(doc);
  for (const link of links.sort((a, b) => b.from - a.from)) tr.replaceWith(link.from, link.to, link.node);
  return tr.doc;
}

/**
 * Asks, one span at a time, which live reference some words make when read as text both views
 * share (in the original numbering): the Word importer's test of a renumbered reference's deleted
 * text (./../import/docx/references.ts). The labels are computed once: a trial only replaces text
 * inside a textblock, never the structure they come from.
 */
export class SharedWordsLinker {
  private readonly labels: Record<NumberingView, Labels>;
  private readonly table: LanguageTable | null;
  private readonly linkers = new Map<number, ResolutionLinker>();

  constructor(private readonly doc: Node) {
    const language = doc.attrs.language as string;
    this.table = isLanguageCode(language) ? languageTable(language) : null;
    this.labels = bothLabels(doc);
  }

  /**
   * The reference the words at [from, to) of `textblock` make, read in the `read` numbering, or
   * null; `textblock` stands at `pos` in the document (it may be a trial version of the textblock there).
   */
  referenceAt(textblock: Node, pos: number, from: number, to: number, read: NumberingView = 'original'): Node | null {
    const found = this.referenceAround(textblock, pos, from, to, read);
    return found && found.from === from && found.to === to ? found.node : null;
  }

  /**
   * The reference whose words cover [from, to) of `textblock` (the label a Word user revised inside
   * `point 5 du décide`), read in the `read` numbering, with the offsets of its whole phrase in
   * `textblock`; null when no linked phrase covers that span.
   */
  referenceAround(
    textblock: Node,
    pos: number,
    from: number,
    to: number,
    read: NumberingView = 'original',
  ): { node: Node; from: number; to: number } | null {
    if (!this.table) return null;
    const $pos = this.doc.resolve(pos);
    let resolutionDepth = -1;
    for (let depth = $pos.depth; depth > 0 && resolutionDepth < 0; depth--)
      if ($pos.node(depth).type.name === 'resolution') resolutionDepth = depth;
    if (resolutionDepth < 0) return null;
    const resolutionPos = $pos.before(resolutionDepth);
    let linker = this.linkers.get(resolutionPos);
    if (!linker) {
      linker = new ResolutionLinker(this.doc, $pos.node(resolutionDepth), this.table, this.labels);
      this.linkers.set(resolutionPos, linker);
    }
    // Read as shared words (the original numbering), or as inserted words (the new numbering).
    const views: ViewSet = { original: read === 'original' && countsIn(textblock, 'original'), new: countsIn(textblock, 'new') };
    for (let depth = 1; depth <= $pos.depth; depth++) {
      views.original &&= countsIn($pos.node(depth), 'original');
      views.new &&= countsIn($pos.node(depth), 'new');
    }
    const out: Array<ScannedReference & { link?: Link }> = [];
    linker.scanTextblock(textblock, pos, views, null, out);
    const start = pos + 1;
    const found = out.find(
      (s) => s.link && s.link.from <= start + from && s.link.to >= start + to && s.outcome.kind === 'linked' && s.outcome.view === read,
    );
    return found?.link ? { node: found.link.node, from: found.link.from - start, to: found.link.to - start } : null;
  }
}
