/**
 * A compact way to write documents in code: tests, property-test generators, new-document
 * templates. Every block gets a fresh id.
 */
import type { Mark, Node } from 'prosemirror-model';
import { COVER_FIELDS, schema, type BlockChange, type CoverFieldName, type HeadingNumbering, type ListStyle, type SectionKind } from '../schema/index.js';
import { newId } from './ids.js';

/** Inline content: plain text, or runs with marks and footnotes. */
export type InlineSpec = string | InlineRun[];
export type InlineRun =
  | string
  | { text: string; marks?: Array<'em' | 'strong' | 'superscript' | 'subscript'>; change?: TrackedRunChange | TrackedRunChange[] }
  | { footnote: string | InlineRun[]; change?: BlockChange };

/** A tracked insertion or deletion on a run of text (the `insertion`/`deletion` marks). */
export type TrackedRunChange = BlockChange;

export interface ItemSpec {
  text: InlineSpec;
  /** Continuations and sub-lists, in order. */
  children?: Array<{ continuation: InlineSpec; indent?: number } | ListSpec>;
}

export interface ListSpec {
  style: ListStyle;
  items: Array<ItemSpec | string>;
}

export interface SectionSpec {
  kind: SectionKind;
  keyword: string;
  style?: ListStyle;
  items: Array<ItemSpec | string>;
}

export interface AnnexSpec {
  heading: string;
  title?: string;
  blocks?: BlockSpec[];
}

export interface ResolutionSpec {
  number: string;
  adoption?: string;
  title: string;
  call: string;
  sections: SectionSpec[];
  annexes?: AnnexSpec[];
}

export type BlockSpec =
  | { paragraph: InlineSpec; indent?: number }
  | { heading: InlineSpec; numbering?: HeadingNumbering }
  | { numbered: InlineSpec }
  | { list: ListSpec }
  | { resolution: ResolutionSpec }
  | { annex: AnnexSpec };

export interface DocSpec {
  language?: string;
  cover?: Partial<Record<CoverFieldName, string>>;
  blocks: BlockSpec[];
}

const ids = () => ({ id: newId() });

export function inline(spec: InlineSpec): Node[] {
  const runs = typeof spec === 'string' ? [spec] : spec;
  const out: Node[] = [];
  for (const run of runs) {
    if (typeof run === 'string') {
      if (run) out.push(schema.text(run));
    } else if ('footnote' in run) {
      // Footnote content is text only: nested footnotes are dropped to their text.
      const content = inline(run.footnote).filter((node) => node.isText);
      out.push(schema.nodes.footnote!.create({ ...ids(), change: run.change ?? null }, content));
    } else if (run.text) {
      const marks: Mark[] = (run.marks ?? []).map((name) => schema.marks[name]!.create());
      // Text inserted by one author and deleted by another carries both marks.
      for (const { kind, id, author, date } of run.change === undefined ? [] : [run.change].flat()) {
        marks.push(schema.marks[kind]!.create({ id, author, date }));
      }
      out.push(schema.text(run.text, marks));
    }
  }
  return out;
}

function textBlock(type: string, spec: InlineSpec, attrs: Record<string, unknown> = {}): Node {
  return schema.nodes[type]!.create({ ...ids(), ...attrs }, inline(spec));
}

export function item(spec: ItemSpec | string): Node {
  const s: ItemSpec = typeof spec === 'string' ? { text: spec } : spec;
  const children = [textBlock('item_text', s.text)];
  for (const child of s.children ?? []) {
    if ('continuation' in child) children.push(textBlock('continuation', child.continuation, { indent: child.indent ?? 1 }));
    else children.push(itemList(child));
  }
  return schema.nodes.item!.create(ids(), children);
}

function itemList(spec: ListSpec): Node {
  return schema.nodes.item_list!.create({ ...ids(), style: spec.style }, spec.items.map(item));
}

function section(spec: SectionSpec): Node {
  const style = spec.style ?? (spec.kind === 'preamble' ? 'alpha' : 'decimal');
  return schema.nodes.section!.create({ ...ids(), kind: spec.kind }, [
    textBlock('section_keyword', spec.keyword),
    itemList({ style, items: spec.items }),
  ]);
}

function annex(spec: AnnexSpec): Node {
  const children = [textBlock('annex_heading', spec.heading)];
  if (spec.title !== undefined) children.push(textBlock('annex_title', spec.title));
  for (const block of spec.blocks ?? []) children.push(buildBlock(block));
  return schema.nodes.annex!.create(ids(), children);
}

function resolution(spec: ResolutionSpec): Node {
  const children = [textBlock('number_line', spec.number)];
  if (spec.adoption !== undefined) children.push(textBlock('adoption_line', spec.adoption));
  children.push(textBlock('resolution_title', spec.title), textBlock('call', spec.call));
  for (const s of spec.sections) children.push(section(s));
  for (const a of spec.annexes ?? []) children.push(annex(a));
  return schema.nodes.resolution!.create(ids(), children);
}

function buildBlock(spec: BlockSpec): Node {
  if ('paragraph' in spec) return textBlock('paragraph', spec.paragraph, { indent: spec.indent ?? 0 });
  if ('heading' in spec) return textBlock('heading', spec.heading, { numbering: spec.numbering ?? 'decimal' });
  if ('numbered' in spec) return textBlock('numbered_paragraph', spec.numbered);
  if ('list' in spec) return itemList(spec.list);
  if ('resolution' in spec) return resolution(spec.resolution);
  return annex(spec.annex);
}

function cover(fields: Partial<Record<CoverFieldName, string>>): Node {
  // Fields always stand in reading order, whatever order the caller wrote them in.
  const children = COVER_FIELDS.filter((name) => fields[name] !== undefined).map((name) =>
    textBlock('cover_field', fields[name]!, { name }),
  );
  return schema.nodes.cover!.create(ids(), children);
}

export function buildDoc(spec: DocSpec): Node {
  const children: Node[] = [];
  if (spec.cover) children.push(cover(spec.cover));
  for (const block of spec.blocks) children.push(buildBlock(block));
  const doc = schema.nodes.doc!.create({ language: spec.language ?? 'fr' }, children);
  doc.check();
  return doc;
}

/** A document holding one resolution with these sections, the frame lines left short: for tests and new documents. */
export function resolutionDoc(
  sections: SectionSpec[],
  options: Partial<Omit<ResolutionSpec, 'sections'>> & { language?: string } = {},
): Node {
  const { language, ...frame } = options;
  return buildDoc({
    ...(language ? { language } : {}),
    blocks: [{ resolution: { number: 'RÉSOLUTION 1', title: 'T', call: 'Le Conseil,', ...frame, sections } }],
  });
}
