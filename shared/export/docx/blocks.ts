/**
 * Body blocks as Word paragraphs with the ITU style names: headings `I\tIntroduction`, numbered
 * paragraphs `2.1\t…`, resolutions (ResNo, Resref, Restitle, Normalaftertitle, Call, enumlev1–3)
 * and annexes (AnnexNo on a new page, Annextitle).
 *
 * Tracked structure: a block whose `change` is set has every run inside in the revision AND every
 * paragraph mark inside too, so that accepting a deleted item in Word leaves no empty item; a
 * textblock's `paragraphMark` alone (a tracked split or join) becomes a paragraph-mark revision.
 */
import { Tab, type IParagraphPropertiesChangeOptions, type Paragraph, type ParagraphChild, type Table } from 'docx';
import type { Node } from 'prosemirror-model';
import { leadingIndent, paragraph, runFormat, type ExportContext } from './context.js';
import { hasLabel, labelRuns, type LabelKind } from './label-runs.js';
import { inlineRuns, run, textContent } from './runs.js';
import {
  blockRevisionsOf,
  isRevised,
  paragraphMarkOptions,
  paragraphMarkRevisionsOf,
  within,
  wordRevision,
  type Revisions,
} from './revisions.js';
import { itemTextIndentTwips } from '../../council-style/index.js';
import { wordTable } from './table.js';
import { namesTextOnly, proposalIdentifiers } from '../../proposals/index.js';
import type { ProposalSymbol } from '../../schema/index.js';

export type BodyElement = Paragraph | Table;

interface TextParagraphOptions {
  style: string;
  /** The label to write first; `id` is the labelled block's (an item's, for its item_text). */
  label?: { kind: LabelKind; id?: string };
  /** Leading tabs written before the text (a body paragraph's `indent`). */
  leadingTabs?: number;
  /** Runs written before the text that the document does not store (`Reasons:` and its tab). */
  lead?: ParagraphChild[];
  pageBreakBefore?: boolean;
  indentTwips?: number;
}

/** One textblock as one paragraph, its paragraph mark in the block's revision when it has one. */
function textParagraph(ctx: ExportContext, node: Node, inherited: Revisions, options: TextParagraphOptions): Paragraph {
  const revision = within(inherited, blockRevisionsOf(node, ctx.moves));
  const children: ParagraphChild[] = [];
  if (options.label)
    for (const entry of labelRuns(ctx, options.label.kind, options.label.id ?? (node.attrs.id as string), revision)) children.push(entry);
  if (options.leadingTabs) children.push(run(ctx, textContent('\t'.repeat(options.leadingTabs)), runFormat(ctx), revision));
  if (options.lead) for (const entry of options.lead) children.push(entry);
  for (const entry of inlineRuns(ctx, node, revision)) children.push(entry);
  // The paragraph mark goes with the whole block's revisions; otherwise it may carry a split or join of its own.
  const markRevisions = isRevised(revision) ? revision : paragraphMarkRevisionsOf(node);
  const formerFormatting = formattingBeforeSplit(ctx);
  const split = !isRevised(revision) ? markRevisions.inserted : null;
  ctx.splitBefore = split
    ? { attribution: split, style: options.style, ...(options.indentTwips !== undefined ? { indentTwips: options.indentTwips } : {}) }
    : null;
  return paragraph(ctx, {
    style: options.style,
    children,
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(options.indentTwips !== undefined ? { indent: leadingIndent(ctx, options.indentTwips) } : {}),
    ...(isRevised(markRevisions) ? { run: paragraphMarkOptions(markRevisions, ctx.ids) } : {}),
    ...(formerFormatting ? { revision: formerFormatting } : {}),
  });
}

/** The `w:pPrChange` of the paragraph after a tracked split: the split paragraph's formatting. */
function formattingBeforeSplit(ctx: ExportContext): IParagraphPropertiesChangeOptions | null {
  const split = ctx.splitBefore;
  if (!split) return null;
  return {
    ...wordRevision(split.attribution, ctx.ids),
    style: split.style,
    ...(split.indentTwips !== undefined ? { indent: leadingIndent(ctx, split.indentTwips) } : {}),
    ...(ctx.rightToLeft ? { bidirectional: true } : {}),
  };
}

/** A block of the document body (or of an annex), with the revision of an enclosing block if any. */
export function bodyBlock(ctx: ExportContext, node: Node, inherited: Revisions): BodyElement[] {
  const revision = within(inherited, blockRevisionsOf(node, ctx.moves));
  switch (node.type.name) {
    case 'paragraph':
      return [textParagraph(ctx, node, revision, { style: 'Normal', leadingTabs: node.attrs.indent as number })];
    case 'heading':
      return [textParagraph(ctx, node, revision, { style: 'Heading1', label: { kind: 'headings' } })];
    case 'numbered_paragraph':
      return [textParagraph(ctx, node, revision, { style: 'Normal', label: { kind: 'numberedParagraphs' } })];
    case 'item_list':
      return itemList(ctx, node, revision, 1);
    case 'resolution':
      return resolution(ctx, node, revision);
    case 'annex':
      return annex(ctx, node, revision);
    case 'table':
      return [wordTable(ctx, node, inherited, (c, paragraph, cellRevision, style) => textParagraph(c, paragraph, cellRevision, { style }))];
    case 'proposal':
      return proposal(ctx, node, revision);
    default:
      throw new Error(`cannot export a ${node.type.name} as a body block`);
  }
}

const RESOLUTION_STYLES: Record<string, string> = {
  number_line: 'ResNo',
  adoption_line: 'Resref',
  resolution_title: 'Restitle',
  call: 'Normalaftertitle',
};

function resolution(ctx: ExportContext, node: Node, revision: Revisions): BodyElement[] {
  const out: BodyElement[] = [];
  node.forEach((child) => {
    const style = RESOLUTION_STYLES[child.type.name];
    if (style) out.push(textParagraph(ctx, child, revision, { style }));
    else if (child.type.name === 'section') for (const entry of section(ctx, child, revision)) out.push(entry);
    else if (child.type.name === 'annex') for (const entry of annex(ctx, child, revision)) out.push(entry);
  });
  return out;
}

function section(ctx: ExportContext, node: Node, inherited: Revisions): BodyElement[] {
  const revision = within(inherited, blockRevisionsOf(node, ctx.moves));
  const out: BodyElement[] = [];
  node.forEach((child) => {
    if (child.type.name === 'section_keyword') out.push(textParagraph(ctx, child, revision, { style: 'Call' }));
    else for (const entry of itemList(ctx, child, revision, 1)) out.push(entry);
  });
  return out;
}

function itemList(ctx: ExportContext, list: Node, inherited: Revisions, depth: number): BodyElement[] {
  const revision = within(inherited, blockRevisionsOf(list, ctx.moves));
  const out: BodyElement[] = [];
  list.forEach((item) => {
    for (const entry of itemParagraphs(ctx, item, revision, depth)) out.push(entry);
  });
  return out;
}

/**
 * An item: its labelled first paragraph with a hanging indent (enumlev1 for section items, one
 * level in per nesting), continuations indented to the item text (one level further per extra
 * indent), nested lists one level in. The single item of a section has no label: it is a plain
 * paragraph at the position its label would have had.
 */
function itemParagraphs(ctx: ExportContext, item: Node, inherited: Revisions, depth: number): BodyElement[] {
  const revision = within(inherited, blockRevisionsOf(item, ctx.moves));
  const id = item.attrs.id as string;
  const labelled = hasLabel(ctx, 'items', id, revision);
  // The depth whose text position this item's text has.
  const textDepth = labelled ? depth : depth - 1;
  const out: BodyElement[] = [];
  item.forEach((child) => {
    switch (child.type.name) {
      case 'item_text':
        out.push(
          labelled
            ? textParagraph(ctx, child, revision, { style: `enumlev${Math.min(depth, 3)}`, label: { kind: 'items', id } })
            : textParagraph(ctx, child, revision, { style: 'Normal', ...indentOption(ctx, textDepth) }),
        );
        break;
      case 'continuation': {
        const extra = Math.max(1, child.attrs.indent as number) - 1;
        out.push(textParagraph(ctx, child, revision, { style: 'Normal', ...indentOption(ctx, textDepth + extra) }));
        break;
      }
      case 'item_list':
        for (const entry of itemList(ctx, child, revision, depth + 1)) out.push(entry);
        break;
    }
  });
  return out;
}

function indentOption(ctx: ExportContext, depth: number): { indentTwips?: number } {
  return depth > 0 ? { indentTwips: itemTextIndentTwips(ctx.table, depth) } : {};
}

/**
 * A proposal to a conference: the identifier line with the symbol hanging in the left margin
 * (`MOD⇥SEN/56/1`, style Proposal), the body (a MOD's revisions as they are, an ADD unmarked), and
 * `Reasons:⇥…` (style Reasons). The identifier is computed from the proposal's place.
 */
function proposal(ctx: ExportContext, node: Node, inherited: Revisions): BodyElement[] {
  const revision = within(inherited, blockRevisionsOf(node));
  const identifier = proposalIdentifiers(ctx.doc).get(node.attrs.id as string) ?? '';
  const format = runFormat(ctx);
  const out: BodyElement[] = [
    paragraph(ctx, {
      style: 'Proposal',
      children: [run(ctx, [node.attrs.symbol as string, new Tab(), identifier], { ...format, bold: true }, revision)],
    }),
  ];
  // A SUP or NOC names its text as a resolution is headed: number line, then title.
  const namingStyles = namesTextOnly(node.attrs.symbol as ProposalSymbol) ? ['ResNo', 'Restitle'] : [];
  node.forEach((child, _offset, index) => {
    const namingStyle = child.type.name === 'paragraph' ? namingStyles[index] : undefined;
    if (namingStyle) {
      out.push(textParagraph(ctx, child, revision, { style: namingStyle }));
    } else if (child.type.name === 'proposal_reasons') {
      const lead = [run(ctx, [ctx.language.proposals.reasons, new Tab()], { ...format, bold: true }, revision)];
      out.push(textParagraph(ctx, child, revision, { style: 'Reasons', lead }));
    } else {
      out.push(...bodyBlock(ctx, child, revision));
    }
  });
  return out;
}

function annex(ctx: ExportContext, node: Node, inherited: Revisions): BodyElement[] {
  const revision = within(inherited, blockRevisionsOf(node, ctx.moves));
  const out: BodyElement[] = [];
  node.forEach((child) => {
    if (child.type.name === 'annex_heading') {
      // Annexes start on a new page (docs/council-format.md, "Cover page" 7).
      out.push(textParagraph(ctx, child, revision, { style: 'AnnexNo', pageBreakBefore: true }));
    } else if (child.type.name === 'annex_title') {
      out.push(textParagraph(ctx, child, revision, { style: 'Annextitle' }));
    } else {
      for (const entry of bodyBlock(ctx, child, revision)) out.push(entry);
    }
  });
  return out;
}
