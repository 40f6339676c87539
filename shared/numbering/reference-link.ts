/**
 * Turning textual references into live ones after an import: `au point 5 du décide` keeps `au `
 * as text and `point 5 du décide` becomes a `cross_reference` node pointing at item 5 of the
 * décide section of the same resolution. The wording recognised is the one the language table
 * renders (its `references` templates), so what is linked reads the same once rendered.
 *
 * A reference is linked only when it names exactly one item of its own resolution; otherwise
 * (an item that does not exist — often a reference to another resolution, as `point 7 du décide`
 * in Res 1332, which quotes Res 140 — or a keyword shared by two sections) the text is left as it is.
 */
import type { Mark, Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { isLanguageCode, languageTable, type LanguageTable } from '../languages/index.js';
import { newId } from '../model/index.js';
import { schema, type ListStyle, type ReferenceForm } from '../schema/index.js';
import { computeLabels, type Labels } from './labels.js';
import { referenceText } from './reference-text.js';
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

const SPACE = '[\\s\\u00a0]+';
const TRACK_MARKS = new Set(['insertion', 'deletion']);

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

/** The marks the reference takes: those every text node of the match shares; null when tracked changes differ inside it. */
function sharedMarks(textblock: Node, from: number, to: number): readonly Mark[] | null {
  let shared: readonly Mark[] | null = null;
  let tracked: readonly Mark[] | null = null;
  let ok = true;
  textblock.forEach((child, offset) => {
    if (!ok || offset >= to || offset + child.nodeSize <= from) return;
    if (!child.isText) {
      ok = false;
      return;
    }
    const track = child.marks.filter((m) => TRACK_MARKS.has(m.type.name));
    // Struck text stays as written: it is what a proposal removes (often the old label of a
    // renumbered reference, whose new text follows as an insertion).
    if (track.some((m) => m.type.name === 'deletion')) ok = false;
    if (tracked && !sameMarks(tracked, track)) ok = false;
    tracked = track;
    shared = shared ? shared.filter((m) => m.isInSet(child.marks)) : child.marks;
  });
  return ok ? (shared ?? []) : null;
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m) => m.isInSet(b));
}

class ResolutionLinker {
  private readonly sections: Node[] = [];
  private readonly patterns: Array<{ form: ReferenceForm; regexp: RegExp }>;
  /** `résolution`, `resolution`: words that name another text. */
  private readonly textWords: Set<string>;

  constructor(
    private readonly doc: Node,
    resolution: Node,
    private readonly table: LanguageTable,
    private readonly labels: Labels,
  ) {
    resolution.forEach((child) => {
      if (child.type.name === 'section') this.sections.push(child);
    });
    this.textWords = new Set(table.numberLineWords.map(comparable));
    const phrases = new Set<string>();
    for (const section of this.sections) {
      const text = keywordText(section);
      if (text) phrases.add(text);
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

  /**
   * Whether the words right after a reference name a resolution (`considérant a) de la Résolution
   * 140`): the reference is then to that other text, not to an item of this resolution.
   */
  private namesOtherText(text: string, end: number): boolean {
    const next = text.slice(end, end + 60).split(/[\s\u00a0]+/).filter(Boolean).slice(0, 4);
    return next.some((word) => this.textWords.has(comparable(word.replace(/[^\p{L}]/gu, ''))));
  }

  candidates(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const { form, regexp } of this.patterns) {
      regexp.lastIndex = 0;
      for (const match of text.matchAll(regexp)) {
        if (this.namesOtherText(text, match.index + match[0].length)) continue;
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

  /** The section a phrase names: the one whose keyword line it is, or the only one opening with it. */
  private sectionFor(phrase: string): Node | null {
    const wanted = comparable(phrase);
    const exact = this.sections.filter((s) => comparable(keywordText(s)) === wanted);
    if (exact.length === 1) return exact[0]!;
    if (exact.length > 1) return null;
    const byPhrase = this.sections.filter((s) => comparable(keywordEntry(s, this.table)?.phrase ?? '') === wanted);
    return byPhrase.length === 1 ? byPhrase[0]! : null;
  }

  /** The item a candidate names, or null. */
  target(candidate: Candidate): { item: Node; section: Node } | null {
    const section = this.sectionFor(candidate.sectionPhrase);
    if (!section) return null;
    if (candidate.form === 'preamble-item' && section.attrs.kind !== 'preamble') return null;
    let list: Node | null = section.lastChild;
    let item: Node | null = null;
    for (const label of candidate.labels) {
      if (!list) return null;
      item = this.itemLabelled(list, label);
      if (!item) return null;
      list = null;
      item.forEach((child) => {
        if (!list && child.type.name === 'item_list') list = child;
      });
    }
    return item && item.attrs.id ? { item, section } : null;
  }

  private itemLabelled(list: Node, label: string): Node | null {
    let found: Node | null = null;
    const wanted = label.toLocaleLowerCase();
    list.forEach((item) => {
      if (!found && this.labels.items.get(item.attrs.id as string)?.toLocaleLowerCase() === wanted) found = item;
    });
    return found;
  }

  /**
   * How much of the matched text the reference, once rendered, says again: all of it, or a prefix
   * (`point 2 du charge` of `point 2 du charge le Groupe`, the rest staying text); 0 when the
   * rendering would say something else. Linking never changes what the text reads.
   */
  private renderedLength(matched: string, reference: Node): number {
    const rendered = referenceText(reference, this.doc, this.labels, this.table.code);
    if (rendered.dangling) return 0;
    const end = this.table.code === 'zh' ? '' : '(?![\\p{L}\\p{N}])';
    const prefix = new RegExp(`^${literal(rendered.text)}${end}`, 'iu').exec(matched);
    return prefix ? prefix[0].length : 0;
  }

  links(resolution: Node, resolutionPos: number): Link[] {
    const out: Link[] = [];
    resolution.descendants((node, pos) => {
      if (node.type.name === 'resolution') return false; // a resolution quoted in an annex links on its own
      if (!node.isTextblock) return true;
      const start = resolutionPos + 1 + pos + 1;
      const text = flatText(node);
      let linkedUpTo = 0;
      for (const candidate of this.candidates(text)) {
        if (candidate.from < linkedUpTo) continue;
        const target = this.target(candidate);
        if (!target) continue;
        const attrs = {
          id: newId(),
          target: target.item.attrs.id as string,
          form: candidate.form,
          above: candidate.above,
          sectionRole: keywordEntry(target.section, this.table)?.role ?? null,
        };
        const to = candidate.from + this.renderedLength(text.slice(candidate.from, candidate.to), schema.nodes.cross_reference!.create(attrs));
        if (to <= candidate.from) continue;
        const marks = sharedMarks(node, candidate.from, to);
        if (!marks) continue;
        out.push({ from: start + candidate.from, to: start + to, node: schema.nodes.cross_reference!.create(attrs, null, marks) });
        linkedUpTo = to;
      }
      return false;
    });
    return out;
  }
}

/**
 * The document with the textual references it holds turned into `cross_reference` nodes. Meant to
 * run at the end of an import; running it again changes nothing (what is linked is no longer text).
 */
export function linkReferences(doc: Node): Node {
  const language = doc.attrs.language as string;
  if (!isLanguageCode(language)) return doc;
  const table = languageTable(language);
  const labels = computeLabels(doc);
  const links: Link[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'resolution') return true;
    for (const entry of new ResolutionLinker(doc, node, table, labels).links(node, pos)) links.push(entry);
    return true; // resolutions inside this one's annexes are visited (and linked) on their own
  });
  if (links.length === 0) return doc;
  const tr = new Transform(doc);
  for (const link of links.sort((a, b) => b.from - a.from)) tr.replaceWith(link.from, link.to, link.node);
  return tr.doc;
}
