/**
 * WordprocessingML → a flat list of source paragraphs: each with its style name, its runs (text,
 * tabs, footnote anchors) and the revisions on them. What does not belong in the text — bookmarks,
 * proofing marks, comment ranges, field instructions — is left out here; what the user must know
 * about (comments, formatting-only revisions) is counted for the import report.
 */
import { SaxesParser } from 'saxes';
import { ImportError } from '../errors.js';

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
}

export interface OoxmlReport {
  comments: number;
  formattingRevisions: number;
  /** Tables are flattened into paragraphs, cell by cell. */
  tables: number;
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
function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attrOf(node: XmlNode, name: string): string | null {
  return node[':@']?.[name] ?? null;
}

function findChild(node: XmlNode, tag: string): XmlNode | undefined {
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

/** Walks paragraphs of a body (document, footnote, table cell) in order. */
class ParagraphReader {
  readonly report: OoxmlReport = { comments: 0, formattingRevisions: 0, tables: 0 };
  private pendingPageBreak = false;

  constructor(private readonly styleNames: Map<string, string>) {}

  readBlocks(nodes: XmlNode[], out: SourceParagraph[] = []): SourceParagraph[] {
    for (const node of nodes) {
      switch (tagOf(node)) {
        case 'w:p':
          out.push(this.readParagraph(node));
          break;
        case 'w:tbl':
          this.report.tables += 1;
          this.readBlocks(collectCells(node), out);
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
          break;
      }
    }
    return out;
  }

  private readParagraph(p: XmlNode): SourceParagraph {
    const pPr = findChild(p, 'w:pPr');
    const styleEl = pPr && findChild(pPr, 'w:pStyle');
    const styleId = styleEl ? attrOf(styleEl, 'w:val') : null;
    const markRPr = pPr && findChild(pPr, 'w:rPr');
    let markRevision: Revision | null = null;
    if (markRPr) {
      const ins = findChild(markRPr, 'w:ins') ?? findChild(markRPr, 'w:moveTo');
      const del = findChild(markRPr, 'w:del') ?? findChild(markRPr, 'w:moveFrom');
      if (del) markRevision = { ...revisionOf(del, 'deletion'), ...(ins ? { insertedBy: revisionOf(ins, 'insertion') } : {}) };
      else if (ins) markRevision = revisionOf(ins, 'insertion');
    }
    if (pPr && findChild(pPr, 'w:pPrChange')) this.report.formattingRevisions += 1;
    const bidiEl = pPr && findChild(pPr, 'w:bidi');
    const pageBreakBefore = this.pendingPageBreak || Boolean(pPr && findChild(pPr, 'w:pageBreakBefore'));
    this.pendingPageBreak = Boolean(pPr && findChild(pPr, 'w:sectPr'));
    const indentEl = pPr && findChild(pPr, 'w:ind');
    const indentTwips = Number(indentEl ? (attrOf(indentEl, 'w:start') ?? attrOf(indentEl, 'w:left') ?? 0) : 0) || 0;
    const runs: SourceRun[] = [];
    this.readInline(childrenOf(p), null, runs, { inField: false, fieldResult: false });
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

  /**
   * Runs inside a paragraph. `field` tracks complex fields (w:fldChar): the instruction between
   * begin and separate is dropped, the result between separate and end is kept as text.
   */
  private readInline(nodes: XmlNode[], revision: Revision | null, out: SourceRun[], field: { inField: boolean; fieldResult: boolean }): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      switch (tag) {
        case 'w:r':
          this.readRun(node, revision, out, field);
          break;
        case 'w:ins':
        case 'w:moveTo':
          this.readInline(childrenOf(node), revisionOf(node, 'insertion'), out, field);
          break;
        case 'w:del':
        case 'w:moveFrom': {
          const deletion = revisionOf(node, 'deletion');
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
        default:
          // bookmarks, proofErr, commentRangeEnd, permStart…: not text.
          break;
      }
    }
  }

  private readRun(run: XmlNode, revision: Revision | null, out: SourceRun[], field: { inField: boolean; fieldResult: boolean }): void {
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
        } else if (type === 'separate') {
          field.fieldResult = true;
        } else if (type === 'end') {
          field.inField = false;
          field.fieldResult = false;
        }
        continue;
      }
      if (field.inField && !field.fieldResult) continue; // the field's instruction, not its result
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
          if (attrOf(child, 'w:type') === 'page') this.pendingPageBreak = true;
          else pushText(out, ' ', formats, revision);
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
        case 'w:commentReference':
          break;
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

function collectCells(table: XmlNode): XmlNode[] {
  const blocks: XmlNode[] = [];
  for (const row of childrenOf(table)) {
    if (tagOf(row) !== 'w:tr') continue;
    for (const cell of childrenOf(row)) {
      if (tagOf(cell) !== 'w:tc') continue;
      for (const block of childrenOf(cell)) if (tagOf(block) !== 'w:tcPr') blocks.push(block);
    }
  }
  return blocks;
}

export interface DocxContent {
  paragraphs: SourceParagraph[];
  /** Footnote id → its paragraphs. Separator footnotes are left out. */
  footnotes: Map<string, SourceParagraph[]>;
  report: OoxmlReport;
}

export function readDocxContent(documentXml: string, stylesXml: string | null, footnotesXml: string | null, commentsXml: string | null): DocxContent {
  const reader = new ParagraphReader(readStyleNames(stylesXml));
  const body = findDeep(parseXml('document.xml', documentXml), 'w:body');
  if (!body) throw new ImportError('the Word file is damaged: its document has no body');
  const paragraphs = reader.readBlocks(childrenOf(body));
  const footnotes = new Map<string, SourceParagraph[]>();
  if (footnotesXml) {
    const root = findDeep(parseXml('footnotes.xml', footnotesXml), 'w:footnotes');
    for (const note of root ? childrenOf(root) : []) {
      if (tagOf(note) !== 'w:footnote') continue;
      const type = attrOf(note, 'w:type');
      const id = attrOf(note, 'w:id');
      if (!id || (type && type !== 'normal')) continue;
      footnotes.set(id, reader.readBlocks(childrenOf(note)));
    }
  }
  if (commentsXml && reader.report.comments === 0) {
    const root = findDeep(parseXml('comments.xml', commentsXml), 'w:comments');
    reader.report.comments = root ? childrenOf(root).filter((n) => tagOf(n) === 'w:comment').length : 0;
  }
  return { paragraphs, footnotes, report: reader.report };
}
