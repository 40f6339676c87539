/**
 * The cover block of a Council contribution (docs/council-format.md, "Cover page"): a borderless
 * table with the logo slot and the session top left, agenda item left, document number, date and
 * original language right (a conference document: its meeting line, `PLENARY MEETING`, where the
 * agenda item stands, and `Addendum 1 to Document 56-E` as the number); the source line; the title in capitals; the framed box with bold run-in
 * headings (Purpose / Action required by the Council / … / rule / References), in the language of
 * the document.
 */
import {
  BorderStyle,
  Bookmark,
  HeightRule,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type Paragraph,
  type ParagraphChild,
} from 'docx';
import type { Node } from 'prosemirror-model';
import type { CoverFieldName } from '../../schema/index.js';
import { paragraph, runFormat, type ExportContext } from './context.js';
import { inlineRuns, textRuns } from './runs.js';
import {
  blockRevisionsOf,
  isRevised,
  paragraphMarkOptions,
  paragraphMarkRevisionsOf,
  UNREVISED,
  within,
  type Revisions,
} from './revisions.js';
import { cmToTwips } from '../../council-style/index.js';
import { textWidthTwips } from '../../council-style/index.js';
import type { BodyElement } from './blocks.js';
import { acceptedFieldText, COVER_BOX_FIELDS, coverFieldFurniture } from '../../cover/index.js';
import { conferenceDocumentReference, conferenceOfSession } from '../../proposals/index.js';

/** Name of the bookmark that marks the empty logo slot, for an editor's template or macro to fill. */
const LOGO_SLOT_BOOKMARK = 'PlenaryLogoSlot';

type CoverFields = Map<CoverFieldName, Node>;

function fieldsOf(cover: Node): CoverFields {
  const fields: CoverFields = new Map();
  cover.forEach((field) => fields.set(field.attrs.name as CoverFieldName, field));
  return fields;
}

/** What the cover's writers share: the export, its fields, and the revision of the whole cover. */
interface Cover {
  ctx: ExportContext;
  fields: CoverFields;
  /** The tracked insertion/deletion of the whole cover, which covers every field in it. */
  revisions: Revisions;
}

const DOCUMENT_SUFFIX = /-[A-Z]$/;

/** The word an addendum's number opens with: Addendum, Addéndum, الإضافة, Дополнительный документ. */
const ADDENDUM_WORD = /^(?:add|الإضافة|дополнительн)/iu;

/**
 * `C26/93` → `C26/93-F`: the number always ends with the language letter. An addendum to a
 * conference document, `Addendum 1 to Document 56-E`, is `56(Add.1)-E`, as ITU's page headers write it.
 */
export function documentNumberText(raw: string, suffix: string): string {
  // `Addendum 1 to Document 56-E`, `الإضافة 3 للوثيقة 18-A` (Arabic writes "to the document" as one
  // word), `Дополнительный документ 1 к Документу 56-R`: the addendum's number, then the document's.
  const addendum = /^[\p{L}\s.]+?\s(\d+)\s+[\p{L}\s]+?\s(\d\S*?)(-[A-Z])?$/u.exec(raw.trim());
  if (addendum && ADDENDUM_WORD.test(raw.trim())) return `${addendum[2]}(Add.${addendum[1]})${addendum[3] ?? `-${suffix}`}`;
  const number = raw.replace(/^document\s+/i, '').trim();
  if (!number) return '';
  return DOCUMENT_SUFFIX.test(number) ? number : `${number}-${suffix}`;
}

/**
 * The document number of a document's cover, as the page header prints it: a Council document's
 * `C26/93-F` as written; a conference document's number after the conference's prefix, which its
 * session line names (`Plenipotentiary Conference (PP-26)` and `56` → `PP26/56-E`).
 */
export function coverDocumentNumber(doc: Node, suffix: string): string {
  let number = '';
  doc.forEach((child) => {
    if (child.type.name !== 'cover') return;
    const fields = fieldsOf(child);
    const field = fields.get('documentNumber');
    if (!field) return;
    number = documentNumberText(acceptedFieldText(field), suffix);
    const session = fields.get('session');
    const conference = session ? conferenceOfSession(acceptedFieldText(session)) : null;
    if (conference) number = conferenceDocumentReference(conference, number);
  });
  return number;
}

/**
 * One field as a paragraph: an optional fixed prefix (its heading, `Document `), the field's runs,
 * its paragraph mark in the field's revision. `suffix` completes a document number.
 */
function fieldParagraph({ ctx, revisions: coverRevisions }: Cover, node: Node, style: string, prefix = '', suffix = ''): Paragraph {
  const revisions = within(coverRevisions, blockRevisionsOf(node));
  const children: ParagraphChild[] = [];
  if (prefix) children.push(...textRuns(ctx, prefix, runFormat(ctx), UNREVISED));
  for (const entry of inlineRuns(ctx, node, revisions)) children.push(entry);
  if (suffix) children.push(...textRuns(ctx, suffix, runFormat(ctx), UNREVISED));
  const markRevisions = isRevised(revisions) ? revisions : paragraphMarkRevisionsOf(node);
  return paragraph(ctx, {
    style,
    children,
    ...(isRevised(markRevisions) ? { run: paragraphMarkOptions(markRevisions, ctx.ids) } : {}),
  });
}

/** A field on its line with the fixed text around it (shared/cover): `Original: `, `Document ` … `-F`. */
function furnishedField(c: Cover, name: CoverFieldName, style: string): Paragraph[] {
  const node = c.fields.get(name);
  if (!node) return [];
  const { before, after } = coverFieldFurniture(node, c.ctx.language);
  return [fieldParagraph(c, node, style, before, after)];
}

function empty(ctx: ExportContext, style = 'CoverTable'): Paragraph {
  return paragraph(ctx, { style });
}

function cell(children: Paragraph[], widthTwips: number): TableCell {
  return new TableCell({ children, width: { size: widthTwips, type: WidthType.DXA } });
}

function coverTable(c: Cover): Table {
  const { ctx, fields } = c;
  const width = textWidthTwips(ctx.table);
  // A conference's name (`Conférence de plénipotentiaires (PP-26)`) is longer than a Council
  // session's (`Conseil 2026`): its column takes three fifths, so the name keeps its code on one line.
  const left = Math.round(fields.has('meeting') ? (width * 2) / 5 : width / 2);
  const right = width - left;
  const logoSlot = paragraph(ctx, {
    style: 'CoverTable',
    children: [new Bookmark({ id: LOGO_SLOT_BOOKMARK, children: [] })],
  });
  const session = [
    ...(fields.has('session') ? [fieldParagraph(c, fields.get('session')!, 'Session')] : []),
    ...(fields.has('placeAndDates') ? [fieldParagraph(c, fields.get('placeAndDates')!, 'CoverTable')] : []),
  ];
  // `Document 56-E`; an unfilled number (New revision, before the delegate has one) stays empty.
  const numberParagraph = furnishedField(c, 'documentNumber', 'CoverTable');
  const date = fields.has('date') ? [fieldParagraph(c, fields.get('date')!, 'CoverTable')] : [];
  // A conference document names its meeting (PLENARY MEETING, COMMITTEE 5) where a Council one gives its agenda item.
  const meeting = fields.has('meeting') ? [fieldParagraph(c, fields.get('meeting')!, 'Meeting')] : [];
  const rows: Array<[Paragraph[], Paragraph[]]> = [
    [[logoSlot], session],
    [[...meeting, ...furnishedField(c, 'agendaItem', 'CoverTable')], numberParagraph],
    [[], date],
    [[], furnishedField(c, 'originalLanguage', 'CoverTable')],
  ];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    visuallyRightToLeft: ctx.rightToLeft,
    rows: rows
      .filter(([l, r], index) => index === 0 || l.length + r.length > 0)
      .map(
        ([l, r], index) =>
          new TableRow({
            children: [cell(l.length ? l : [empty(ctx)], left), cell(r.length ? r : [empty(ctx)], right)],
            // The logo slot keeps its height even while empty, so a template's logo fits without reflowing.
            ...(index === 0 ? { height: { value: cmToTwips(ctx.table.logoSlot.heightCm.value), rule: HeightRule.ATLEAST } } : {}),
          }),
      ),
  });
}

function summaryBox(c: Cover): Table | null {
  const { ctx, fields } = c;
  const content: Paragraph[] = [];
  for (const name of COVER_BOX_FIELDS) {
    const node = fields.get(name);
    if (!node) continue;
    const { heading, ruleAbove } = coverFieldFurniture(node, ctx.language);
    if (ruleAbove) {
      content.push(
        paragraph(ctx, { style: 'Normal', children: [new TextRun({ ...runFormat(ctx), text: ctx.table.coverBox.rule.value })] }),
      );
    }
    content.push(paragraph(ctx, { style: 'Headingb', children: [new TextRun({ ...runFormat(ctx), text: heading })] }));
    content.push(fieldParagraph(c, node, 'Normal'));
  }
  if (content.length === 0) return null;
  const border = { style: BorderStyle.SINGLE, size: Math.round(ctx.table.coverBox.borderPt.value * 8), color: '000000' };
  const width = textWidthTwips(ctx.table);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    visuallyRightToLeft: ctx.rightToLeft,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        children: [new TableCell({ children: [...content, empty(ctx, 'Normal')], width: { size: width, type: WidthType.DXA } })],
      }),
    ],
  });
}

/** The cover block, in reading order. */
export function coverBlocks(ctx: ExportContext, cover: Node): BodyElement[] {
  const fields = fieldsOf(cover);
  const c: Cover = { ctx, fields, revisions: blockRevisionsOf(cover) };
  const out: BodyElement[] = [coverTable(c)];
  const source = fields.get('source');
  if (source) out.push(fieldParagraph(c, source, 'Source'));
  const title = fields.get('title');
  if (title) out.push(fieldParagraph(c, title, 'Title1'));
  const box = summaryBox(c);
  if (box) out.push(box, empty(ctx, 'Normal'));
  return out;
}
