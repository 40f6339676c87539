/**
 * WordprocessingML → a flat list of source paragraphs: each with its style name, its runs (text,
 * tabs, footnote anchors) and the revisions on them. What does not belong in the text — bookmarks,
 * proofing marks, comment ranges, field instructions — is left out here; what the user must know
 * about (comments, formatting-only revisions) is counted for the import report.
 */
import { SaxesParser } from 'saxes';
import { ImportError } from '../errors.js';
import { isDataTable, readSourceTable, type SourceTable } from './tables.js';
import { writeMath, type MathXml } from './math.js';

export interface Revision {
  kind: 'insertion' | 'deletion';
  id: string;
  author: string;
  date: string;
  /** A deletion of text (or a paragraph mark) that another revision had inserted: `w:del` inside `w:ins`. */
  insertedBy?: Revision;
}

export type RunFormat = 'em' | 'strong' | 'superscript' | 'subscript';

export type SourceRun =
  | { kind: 'text'; text: string; formats: RunFormat[]; revision: Revision | null }
  | { kind: 'tab'; revision: Revision | null }
  | { kind: 'footnote'; id: string; revision: Revision | null };

export interface SourceParagraph {
  styleId: string | null;
  /** The style's name as Word shows it (`enumlev1`, `Call`), from styles.xml. */
  styleName: string | null;
  runs: SourceRun[];
  /** The revision on the paragraph mark alone (a split or join in Word). */
  markRevision: Revision | null;
  /** A page or section break before this paragraph. */
  pageBreakBefore: boolean;
  bidi: boolean;
  /** Left (start) indentation in twips set on the paragraph itself, 0 when none. */
  indentTwips: number;
  /** Not a paragraph but a data table read whole (./tables.ts); its other fields are empty. */
  table?: SourceTable;
}

export interface OoxmlReport {
  comments: number;
  formattingRevisions: number;
  /** Layout tables (not data tables) flattened into paragraphs, cell by cell. */
  tables: number;
  /** Endnote anchors, read as footnotes: the model has one kind of note. */
  endnotes: number;
  /** Text boxes, read as paragraphs after the paragraph holding them. */
  textBoxes: number;
  /** Equations, read as their linear text. */
  equations: number;
  /** Pictures and embedded objects, left out. */
  pictures: number;
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Word nests a few levels per table, hyperlink or content control; real files stay far below this.
 * A hostile file nesting 200,000 runs would otherwise overflow the stack of every recursive reader.
 */
export const MAX_XML_DEPTH = 256;

/**
 * Parses an XML part into the light tree the readers walk: `{ [tag]: children, ':@': attributes }`,
 * text as `{ '#text': … }`. saxes is a strict, streaming parser: one pass, and malformed XML is an
 * error rather than something repaired behind the user's back. It never fetches or expands
 * external entities (and DTDs were refused before this point).
 */
function parseXml(name: string, xml: string): XmlNode[] {
  const root: XmlNode[] = [];
  const stack: XmlNode[][] = [root];
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (tag) => {
    // The readers walk this tree recursively: its depth is capped here, once, for all of them.
    if (stack.length > MAX_XML_DEPTH) {
      throw new ImportError(`the Word file cannot be read: ${name} nests elements more than ${MAX_XML_DEPTH} deep`);
    }
    const children: XmlNode[] = [];
    const node: XmlNode = { [tag.name]: children };
    const attributes = tag.attributes as Record<string, string>;
    if (Object.keys(attributes).length > 0) node[':@'] = attributes;
    stack[stack.length - 1]!.push(node);
    stack.push(children);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string) => {
    if (stack.length > 1) stack[stack.length - 1]!.push({ '#text': text });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new ImportError(`the Word file is damaged: ${name} is not well-formed XML (${detail})`);
  }
  return root;
}

/** The tag name of a node (its single key besides ':@'). */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | null {
  return node[':@']?.[name] ?? null;
}

export function findChild(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

function findDeep(nodes: XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findDeep(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? (child['#text'] as string) : ''))
    .join('');
}

function revisionOf(node: XmlNode, kind: Revision['kind']): Revision {
  return {
    kind,
    id: attrOf(node, 'w:id') ?? '',
    author: attrOf(node, 'w:author') ?? '',
    date: attrOf(node, 'w:date') ?? '',
  };
}

/** The values Word accepts for "off" in an on/off property (ST_OnOff); anything else, or none, is on. */
const OFF_VALUES = new Set(['false', '0', 'off']);

/**
 * Whether the document has Track Changes on: `<w:trackRevisions/>` in settings.xml (Review → Track
 * Changes in Word). A missing part or element means off.
 */
export function readTrackRevisions(settingsXml: string | null): boolean {
  if (!settingsXml) return false;
  const root = findDeep(parseXml('settings.xml', settingsXml), 'w:settings');
  const element = root ? findChild(root, 'w:trackRevisions') : undefined;
  if (!element) return false;
  const value = attrOf(element, 'w:val');
  return value === null || !OFF_VALUES.has(value.toLowerCase());
}

/** Style id → style name, from styles.xml. */
function readStyleNames(stylesXml: string | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!stylesXml) return names;
  const root = findDeep(parseXml('styles.xml', stylesXml), 'w:styles');
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== 'w:style') continue;
    const id = attrOf(style, 'w:styleId');
    const name = findChild(style, 'w:name');
    if (id) names.set(id, (name && attrOf(name, 'w:val')) ?? id);
  }
  return names;
}

function formatsOf(rPr: XmlNode | undefined): RunFormat[] {
  if (!rPr) return [];
  const formats: RunFormat[] = [];
  const on = (tag: string) => {
    const el = findChild(rPr, tag);
    if (!el) return false;
    const val = attrOf(el, 'w:val');
    return val === null || !['0', 'false', 'off'].includes(val);
  };
  if (on('w:i')) formats.push('em');
  if (on('w:b')) formats.push('strong');
  const vert = findChild(rPr, 'w:vertAlign');
  const align = vert ? attrOf(vert, 'w:val') : null;
  if (align === 'superscript') formats.push('superscript');
  if (align === 'subscript') formats.push('subscript');
  return formats;
}

/** A revision that is one side of a move: its range's name pairs the source with the destination. */
export interface MoveRevision {
  name: string;
  side: 'from' | 'to';
}

/** A complex field (w:fldChar begin … separate … end) being read, and the revision around its start. */
interface FieldState {
  inField: boolean;
  fieldResult: boolean;
  revision: Revision | null;
}

/** Walks paragraphs of a body (document, footnote, table cell) in order. */
class ParagraphReader {
  /**
   * Word revision id → the move it belongs to (the name of its w:moveFromRangeStart /
   * w:moveToRangeStart), for pairing the source and destination of a move (./moves.ts).
   */
  readonly moves = new Map<string, MoveRevision>();
  private readonly openMoves = { from: new Map<string, string>(), to: new Map<string, string>() };
  /** The moves the text of the paragraph being read belongs to. */
  private recentMoves: { from?: string; to?: string } = {};
  readonly report: OoxmlReport = { comments: 0, formattingRevisions: 0, tables: 0, endnotes: 0, textBoxes: 0, equations: 0, pictures: 0 };
  /** The paragraphs of the text boxes anchored in the paragraph being read. */
  private boxParagraphs: SourceParagraph[] = [];
  private pendingPageBreak = false;

  constructor(private readonly styleNames: Map<string, string>) {}

  readBlocks(nodes: XmlNode[], out: SourceParagraph[] = []): SourceParagraph[] {
    for (const node of nodes) {
      switch (tagOf(node)) {
        case 'w:p': {
          // Text boxes anchored in the paragraph follow it, in place (a nested reader keeps its own).
          const outer = this.boxParagraphs;
          this.boxParagraphs = [];
          out.push(this.readParagraph(node), ...this.boxParagraphs);
          this.boxParagraphs = outer;
          break;
        }
        case 'w:tbl':
          // Data tables are read whole (./tables.ts); layout tables (a cover) as their paragraphs.
          if (isDataTable(node, (id) => this.styleNames.get(id))) {
            const table = readSourceTable(node, (cell) => this.readBlocks(cell));
            out.push({
              styleId: null,
              styleName: null,
              runs: [],
              markRevision: null,
              pageBreakBefore: false,
              bidi: false,
              indentTwips: 0,
              table,
            });
            break;
          }
          this.report.tables += 1;
          for (const cell of tableCells(node)) out.push(...cellParagraphs(this.readBlocks(cell)));
          break;
        case 'w:sdt': {
          const content = findChild(node, 'w:sdtContent');
          if (content) this.readBlocks(childrenOf(content), out);
          break;
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          // Block-level wrappers: the paragraphs inside carry their own revision marks.
          this.readBlocks(childrenOf(node), out);
          break;
        case 'w:sectPr':
          break;
        default:
          // Move range marks stand between paragraphs too.
          if (MOVE_RANGES.has(tagOf(node))) this.moveRange(node);
          break;
      }
    }
    return out;
  }

  private readParagraph(p: XmlNode): SourceParagraph {
    const pPr = findChild(p, 'w:pPr');
    const styleEl = pPr && findChild(pPr, 'w:pStyle');
    const styleId = styleEl ? attrOf(styleEl, 'w:val') : null;
    if (pPr && findChild(pPr, 'w:pPrChange')) this.report.formattingRevisions += 1;
    const bidiEl = pPr && findChild(pPr, 'w:bidi');
    const pageBreakBefore = this.pendingPageBreak || Boolean(pPr && findChild(pPr, 'w:pageBreakBefore'));
    this.pendingPageBreak = Boolean(pPr && findChild(pPr, 'w:sectPr'));
    const indentEl = pPr && findChild(pPr, 'w:ind');
    const indentTwips = Number(indentEl ? (attrOf(indentEl, 'w:start') ?? attrOf(indentEl, 'w:left') ?? 0) : 0) || 0;
    const runs: SourceRun[] = [];
    this.recentMoves = {};
    this.readInline(childrenOf(p), null, runs, { inField: false, fieldResult: false, revision: null });
    // The mark ends the paragraph: read after its runs, it belongs to the move they belong to.
    const markRPr = pPr && findChild(pPr, 'w:rPr');
    let markRevision: Revision | null = null;
    if (markRPr) {
      const ins = findChild(markRPr, 'w:ins') ?? findChild(markRPr, 'w:moveTo');
      const del = findChild(markRPr, 'w:del') ?? findChild(markRPr, 'w:moveFrom');
      if (del) markRevision = { ...this.revision(del, 'deletion'), ...(ins ? { insertedBy: this.revision(ins, 'insertion') } : {}) };
      else if (ins) markRevision = this.revision(ins, 'insertion');
    }
    return {
      styleId,
      styleName: styleId ? (this.styleNames.get(styleId) ?? styleId) : null,
      runs,
      markRevision,
      pageBreakBefore,
      bidi: Boolean(bidiEl && attrOf(bidiEl, 'w:val') !== '0'),
      indentTwips,
    };
  }

  /** Opens or closes a named move range (its start holds the name; its end only the id). */
  private moveRange(node: XmlNode): void {
    const tag = tagOf(node);
    const ranges = tag.startsWith('w:moveFrom') ? this.openMoves.from : this.openMoves.to;
    const id = attrOf(node, 'w:id') ?? '';
    if (tag.endsWith('RangeStart')) ranges.set(id, attrOf(node, 'w:name') ?? id);
    else ranges.delete(id);
  }

  /** A revision; one of a move (w:moveFrom, w:moveTo) is recorded with the name of its open range. */
  private revision(node: XmlNode, kind: Revision['kind']): Revision {
    const revision = revisionOf(node, kind);
    const tag = tagOf(node);
    if (tag === 'w:moveFrom' || tag === 'w:moveTo') {
      const side = tag === 'w:moveFrom' ? 'from' : 'to';
      // The open range of this side, else (a paragraph mark after a range closed in its paragraph)
      // the move the paragraph's text belonged to.
      const name = [...this.openMoves[side].values()].at(-1) ?? this.recentMoves[side];
      if (name !== undefined && revision.id) {
        this.moves.set(revision.id, { name, side });
        this.recentMoves[side] = name;
      }
    }
    return revision;
  }

  /**
   * Runs inside a paragraph. `field` tracks complex fields (w:fldChar): the instruction between
   * begin and separate is dropped, the result between separate and end is kept as text.
   */
  private readInline(nodes: XmlNode[], revision: Revision | null, out: SourceRun[], field: FieldState): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      switch (tag) {
        case 'w:r':
          this.readRun(node, revision, out, field);
          break;
        case 'w:ins':
        case 'w:moveTo': {
          // Text inserted inside a deletion (a move source) is in neither view: accepting removes
          // the move source, rejecting removes the insertion.
          const insertion = this.revision(node, 'insertion');
          this.readInline(childrenOf(node), revision?.kind === 'deletion' ? { ...revision, insertedBy: insertion } : insertion, out, field);
          break;
        }
        case 'w:del':
        case 'w:moveFrom': {
          const deletion = this.revision(node, 'deletion');
          if (revision?.kind === 'insertion') deletion.insertedBy = revision;
          this.readInline(childrenOf(node), deletion, out, field);
          break;
        }
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          this.readInline(childrenOf(node), revision, out, field);
          break;
        case 'w:sdt': {
          const content = findChild(node, 'w:sdtContent');
          if (content) this.readInline(childrenOf(content), revision, out, field);
          break;
        }
        case 'w:commentRangeStart':
          this.report.comments += 1;
          break;

        case 'm:oMathPara':
        case 'm:oMath':
          this.report.equations += 1;
          writeMath(node, revision, MATH_XML, (text, r) => pushText(out, text, [], r));
          break;
        case 'mc:AlternateContent': {
          const choice = findChild(node, 'mc:Choice') ?? findChild(node, 'mc:Fallback');
          if (choice) this.readInline(childrenOf(choice), revision, out, field);
          break;
        }
        default:
          // bookmarks, proofErr, commentRangeEnd, permStart…: not text; move ranges name moves.
          if (MOVE_RANGES.has(tag)) this.moveRange(node);
          break;
      }
    }
  }

  private readRun(run: XmlNode, revision: Revision | null, out: SourceRun[], field: FieldState): void {
    const rPr = findChild(run, 'w:rPr');
    if (rPr && findChild(rPr, 'w:rPrChange')) this.report.formattingRevisions += 1;
    const formats = formatsOf(rPr);
    for (const child of childrenOf(run)) {
      const tag = tagOf(child);
      if (tag === 'w:fldChar') {
        const type = attrOf(child, 'w:fldCharType');
        if (type === 'begin') {
          field.inField = true;
          field.fieldResult = false;
          field.revision = revision;
        } else if (type === 'separate') {
          field.fieldResult = true;
        } else if (type === 'end') {
          field.inField = false;
          field.fieldResult = false;
          field.revision = null;
        }
        continue;
      }
      if (field.inField && !field.fieldResult) continue; // the field's instruction, not its result
      // A field's result follows the revision of the field: an inserted DATE field's result is
      // absent from the original view even where Word left it outside the w:ins.
      if (field.inField && revision === null && field.revision !== null) revision = field.revision;
      switch (tag) {
        case 'w:t':
        case 'w:delText':
          pushText(out, textOf(child), formats, revision);
          break;
        case 'w:tab':
        case 'w:ptab':
          out.push({ kind: 'tab', revision });
          break;
        case 'w:br':
        case 'w:cr':
          // A line, column or page break inside a paragraph still separates the words around it.
          if (attrOf(child, 'w:type') === 'page') this.pendingPageBreak = true;
          pushText(out, ' ', formats, revision);
          break;
        case 'w:noBreakHyphen':
          pushText(out, '\u2011', formats, revision);
          break;
        case 'w:sym': {
          const code = attrOf(child, 'w:char');
          if (code) pushText(out, String.fromCharCode(parseInt(code, 16) & 0xffff || 0x20), formats, revision);
          break;
        }
        case 'w:footnoteReference': {
          const id = attrOf(child, 'w:id');
          if (id) out.push({ kind: 'footnote', id, revision });
          break;
        }
        case 'w:endnoteReference': {
          const id = attrOf(child, 'w:id');
          if (id) {
            out.push({ kind: 'footnote', id: endnoteKey(id), revision });
            this.report.endnotes += 1;
          }
          break;
        }
        case 'w:commentReference':
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent': {
          const boxes = textBoxesIn(child);
          // A drawing without text is a picture (or an embedded object): left out, and said so.
          if (boxes.length === 0) this.report.pictures += 1;
          for (const box of boxes) {
            this.report.textBoxes += 1;
            this.boxParagraphs.push(...this.readBlocks(childrenOf(box)));
          }
          break;
        }
        default:
          break;
      }
    }
  }
}

function pushText(out: SourceRun[], text: string, formats: RunFormat[], revision: Revision | null): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.kind === 'text' && last.revision === revision && sameFormats(last.formats, formats)) {
    last.text += text;
    return;
  }
  out.push({ kind: 'text', text, formats, revision });
}

function sameFormats(a: RunFormat[], b: RunFormat[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}

/**
 * The text boxes (w:txbxContent) in a drawing, outermost only: a box inside a box is read with the
 * paragraphs of the outer one. Of the two forms Word writes for one shape (mc:Choice, mc:Fallback),
 * only one is read, or its text would come twice.
 */
function textBoxesIn(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  if (tag === 'w:txbxContent') return [node];
  if (tag === 'mc:AlternateContent') {
    for (const form of childrenOf(node)) {
      const boxes = textBoxesIn(form);
      if (boxes.length > 0) return boxes;
    }
    return [];
  }
  return childrenOf(node).flatMap(textBoxesIn);
}

const MOVE_RANGES = new Set(['w:moveFromRangeStart', 'w:moveToRangeStart', 'w:moveFromRangeEnd', 'w:moveToRangeEnd']);

const MATH_XML: MathXml = { tagOf, childrenOf, attrOf, revisionOf };

/** The content of each cell of a table, row by row (the cell properties left out). */
function tableCells(table: XmlNode): XmlNode[][] {
  const cells: XmlNode[][] = [];
  for (const row of childrenOf(table)) {
    if (tagOf(row) !== 'w:tr') continue;
    for (const cell of childrenOf(row)) {
      if (tagOf(cell) === 'w:tc') cells.push(childrenOf(cell).filter((n) => tagOf(n) !== 'w:tcPr'));
    }
  }
  return cells;
}

/**
 * A cell's paragraphs, read as paragraphs of the body. The last one ends at the cell's end mark,
 * which Word never joins to the next cell: a revision recorded on it (an inserted row's cell marks)
 * is dropped unless it covers the whole paragraph, so no view glues two cells' text together.
 */
function cellParagraphs(paragraphs: SourceParagraph[]): SourceParagraph[] {
  const last = paragraphs.at(-1);
  if (last?.markRevision) {
    const mark = last.markRevision;
    const whole =
      last.runs.some((run) => run.kind !== 'tab') &&
      last.runs.every(
        (run) => run.kind === 'tab' || (run.revision?.kind === mark.kind && Boolean(run.revision.insertedBy) === Boolean(mark.insertedBy)),
      );
    if (!whole) paragraphs[paragraphs.length - 1] = { ...last, markRevision: null };
  }
  return paragraphs;
}

export interface DocxContent {
  paragraphs: SourceParagraph[];
  /** Word revision id → the move it is a side of. */
  moves: Map<string, MoveRevision>;
  /** Footnote id → its paragraphs. Separator footnotes are left out. */
  footnotes: Map<string, SourceParagraph[]>;
  report: OoxmlReport;
}

/** Endnotes share the footnotes' map under their own keys: their ids are numbered apart. */
function endnoteKey(id: string): string {
  return `endnote:${id}`;
}

/** The notes of a footnotes or endnotes part, by id; separators and continuation notices left out. */
function readNotes(
  reader: ParagraphReader,
  name: string,
  xml: string | null,
  tag: 'w:footnote' | 'w:endnote',
  key: (id: string) => string,
  out: Map<string, SourceParagraph[]>,
): void {
  if (!xml) return;
  const root = findDeep(parseXml(name, xml), `${tag}s`);
  for (const note of root ? childrenOf(root) : []) {
    if (tagOf(note) !== tag) continue;
    const type = attrOf(note, 'w:type');
    const id = attrOf(note, 'w:id');
    if (!id || (type && type !== 'normal')) continue;
    out.set(key(id), reader.readBlocks(childrenOf(note)));
  }
}

export function readDocxContent(
  documentXml: string,
  stylesXml: string | null,
  footnotesXml: string | null,
  commentsXml: string | null,
  endnotesXml: string | null = null,
): DocxContent {
  const reader = new ParagraphReader(readStyleNames(stylesXml));
  const body = findDeep(parseXml('document.xml', documentXml), 'w:body');
  if (!body) throw new ImportError('the Word file is damaged: its document has no body');
  const paragraphs = reader.readBlocks(childrenOf(body));
  const footnotes = new Map<string, SourceParagraph[]>();
  readNotes(reader, 'footnotes.xml', footnotesXml, 'w:footnote', (id) => id, footnotes);
  readNotes(reader, 'endnotes.xml', endnotesXml, 'w:endnote', endnoteKey, footnotes);
  if (commentsXml && reader.report.comments === 0) {
    const root = findDeep(parseXml('comments.xml', commentsXml), 'w:comments');
    reader.report.comments = root ? childrenOf(root).filter((n) => tagOf(n) === 'w:comment').length : 0;
  }
  return { paragraphs, footnotes, moves: reader.moves, report: reader.report };
}
