/**
 * Reading an exported .docx back in tests: its parts (fflate), well-formedness (fast-xml-parser's
 * XMLValidator) and a small ordered view of paragraphs, runs and revisions for assertions.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export function docxParts(docx: Uint8Array): Record<string, string> {
  const files = unzipSync(docx);
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = strFromU8(bytes);
  return out;
}

/** The first well-formedness error of each malformed part (empty when every part is well formed). */
export function malformedParts(parts: Record<string, string>): string[] {
  const errors: string[] = [];
  for (const [name, xml] of Object.entries(parts)) {
    const result = XMLValidator.validate(xml);
    if (result !== true) errors.push(`${name}: ${result.err.msg} (line ${result.err.line})`);
  }
  return errors;
}

/** An element of fast-xml-parser's ordered output: `{ 'w:p': [...children], ':@': { '@_w:id': '1' } }`. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false });

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

export function nameOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  return attrs?.[`@_${name}`];
}

/** All elements named `name` under `nodes`, in document order. */
export function findAll(nodes: XmlNode[], name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (list: XmlNode[]) => {
    for (const node of list) {
      if (nameOf(node) === name) out.push(node);
      walk(childrenOf(node));
    }
  };
  walk(nodes);
  return out;
}

export function firstChild(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((child) => nameOf(child) === name);
}

/** Visible text of an element: w:t and w:delText, tabs as `\t`. */
export function textOf(node: XmlNode): string {
  const name = nameOf(node);
  if (name === '#text') return String(node['#text']);
  // Tab stops (w:pPr/w:tabs/w:tab) never reach here: w:pPr is skipped.
  if (name === 'w:tab') return '\t';
  if (name === 'w:pPr' || name === 'w:rPr' || name === 'w:instrText') return '';
  return childrenOf(node).map(textOf).join('');
}

export interface RunView {
  /** The revision around the run, if any (`ins+del`: a w:del inside a w:ins). */
  revision: 'ins' | 'del' | 'ins+del' | null;
  author?: string;
  deletedBy?: string;
  text: string;
  footnoteId?: string;
  /** A right-to-left run (`w:rPr/w:rtl`). */
  rtl: boolean;
  /** `w:rPr/w:rFonts/@w:hint`: which font slot characters shared by scripts take. */
  fontHint?: string;
}

export interface ParagraphView {
  style: string;
  text: string;
  /** The paragraph-mark revision (`w:pPr/w:rPr/w:ins|w:del`, or both), if any. */
  mark: 'ins' | 'del' | 'ins+del' | null;
  runs: RunView[];
  bidi: boolean;
}

export function paragraphsOf(xml: string): ParagraphView[] {
  return findAll(parseXml(xml), 'w:p').map((p) => {
    const pPr = firstChild(p, 'w:pPr');
    const style = pPr ? (attr(firstChild(pPr, 'w:pStyle') ?? {}, 'w:val') ?? 'Normal') : 'Normal';
    const markRpr = pPr ? firstChild(pPr, 'w:rPr') : undefined;
    const inserted = markRpr !== undefined && firstChild(markRpr, 'w:ins') !== undefined;
    const deleted = markRpr !== undefined && firstChild(markRpr, 'w:del') !== undefined;
    const mark = inserted && deleted ? 'ins+del' : inserted ? 'ins' : deleted ? 'del' : null;
    const runs: RunView[] = [];
    for (const child of childrenOf(p)) {
      const name = nameOf(child);
      if (name === 'w:r') runs.push(runView(child, null));
      if (name === 'w:ins' || name === 'w:del') {
        for (const inner of childrenOf(child)) {
          if (nameOf(inner) === 'w:r') runs.push(runView(inner, name === 'w:ins' ? 'ins' : 'del', attr(child, 'w:author')));
          // Inserted by one author, then deleted by another.
          if (name === 'w:ins' && nameOf(inner) === 'w:del') {
            for (const r of childrenOf(inner).filter((n) => nameOf(n) === 'w:r')) {
              runs.push({ ...runView(r, 'ins+del', attr(child, 'w:author')), deletedBy: attr(inner, 'w:author') });
            }
          }
        }
      }
    }
    return { style, text: runs.map((r) => r.text).join(''), mark, runs, bidi: pPr ? firstChild(pPr, 'w:bidi') !== undefined : false };
  });
}

function runView(r: XmlNode, revision: RunView['revision'], author?: string): RunView {
  const reference = firstChild(r, 'w:footnoteReference');
  const rPr = firstChild(r, 'w:rPr');
  const fonts = rPr ? firstChild(rPr, 'w:rFonts') : undefined;
  const hint = fonts ? attr(fonts, 'w:hint') : undefined;
  return {
    revision,
    rtl: rPr !== undefined && firstChild(rPr, 'w:rtl') !== undefined,
    ...(hint !== undefined ? { fontHint: hint } : {}),
    ...(author !== undefined ? { author } : {}),
    text: childrenOf(r).map(textOf).join(''),
    ...(reference ? { footnoteId: attr(reference, 'w:id') } : {}),
  };
}

/** Every w:ins / w:del of a part (runs and paragraph marks), with its attributes. */
export function revisionsOf(
  xml: string,
): Array<{ kind: 'ins' | 'del'; id: string | undefined; author: string | undefined; date: string | undefined }> {
  const tree = parseXml(xml);
  const out: Array<{ kind: 'ins' | 'del'; id: string | undefined; author: string | undefined; date: string | undefined }> = [];
  const walk = (list: XmlNode[]) => {
    for (const node of list) {
      const name = nameOf(node);
      if (name === 'w:ins' || name === 'w:del') {
        out.push({
          kind: name === 'w:ins' ? 'ins' : 'del',
          id: attr(node, 'w:id'),
          author: attr(node, 'w:author'),
          date: attr(node, 'w:date'),
        });
      }
      walk(childrenOf(node));
    }
  };
  walk(tree);
  return out;
}

export interface RevisionStretch {
  kind: 'ins' | 'del';
  author: string;
  /** The text of the stretch; '' for a paragraph-mark revision. */
  text: string;
  paragraphMark: boolean;
}

/**
 * The revisions of a part as Word's reviewing pane counts them: adjacent `w:ins`/`w:del` siblings
 * of the same kind, author and date are one revision (LibreOffice merges them when it saves; the
 * export writes one element per run), and each paragraph-mark revision counts on its own.
 */
export function revisionStretches(xml: string): RevisionStretch[] {
  const out: RevisionStretch[] = [];
  for (const p of findAll(parseXml(xml), 'w:p')) {
    const pPr = firstChild(p, 'w:pPr');
    const markRpr = pPr ? firstChild(pPr, 'w:rPr') : undefined;
    const mark = markRpr ? childrenOf(markRpr).find((n) => nameOf(n) === 'w:ins' || nameOf(n) === 'w:del') : undefined;
    let previousKey = '';
    for (const child of childrenOf(p)) {
      const name = nameOf(child);
      if (name === 'w:ins' || name === 'w:del') {
        const key = `${name}|${attr(child, 'w:author') ?? ''}|${attr(child, 'w:date') ?? ''}`;
        const text = childrenOf(child).map(textOf).join('');
        if (key === previousKey) out[out.length - 1]!.text += text;
        else out.push({ kind: name === 'w:ins' ? 'ins' : 'del', author: attr(child, 'w:author') ?? '', text, paragraphMark: false });
        previousKey = key;
      } else if (name === 'w:r' || name === 'w:hyperlink') {
        previousKey = '';
      }
    }
    if (mark)
      out.push({ kind: nameOf(mark) === 'w:ins' ? 'ins' : 'del', author: attr(mark, 'w:author') ?? '', text: '', paragraphMark: true });
  }
  return out;
}

const REVISIONS = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

/**
 * What a Word reader sees of a part, paragraph by paragraph: the style, the paragraph mark's
 * revision, and the text in stretches of one revision each (`=` for plain text, `w:del Author
 * date` for a deletion, `w:ins … > w:del …` for a deletion inside an insertion). Revision ids and
 * where runs are split are left out: they differ between two writings of the same revisions.
 */
export function revisionReading(xml: string): string[] {
  return findAll(parseXml(xml), 'w:p').map((p) => {
    const pPr = firstChild(p, 'w:pPr');
    const style = pPr ? (attr(firstChild(pPr, 'w:pStyle') ?? {}, 'w:val') ?? 'Normal') : 'Normal';
    const markRpr = pPr ? firstChild(pPr, 'w:rPr') : undefined;
    const mark = markRpr ? childrenOf(markRpr).find((n) => REVISIONS.has(nameOf(n))) : undefined;
    const stretches: Array<{ revision: string; text: string }> = [];
    const add = (revision: string, text: string) => {
      const last = stretches.at(-1);
      if (last?.revision === revision) last.text += text;
      else if (text) stretches.push({ revision, text });
    };
    const walk = (nodes: XmlNode[], revision: string) => {
      for (const node of nodes) {
        const name = nameOf(node);
        if (name === 'w:r') add(revision, textOf(node));
        else if (REVISIONS.has(name)) {
          const here = `${name} ${attr(node, 'w:author') ?? ''} ${attr(node, 'w:date') ?? ''}`;
          walk(childrenOf(node), revision === '=' ? here : `${revision} > ${here}`);
        } else if (name !== 'w:pPr') walk(childrenOf(node), revision);
      }
    };
    walk(childrenOf(p), '=');
    const markText = mark ? ` [mark ${nameOf(mark)} ${attr(mark, 'w:author') ?? ''}]` : '';
    return `${style}${markText}: ${stretches.map((s) => (s.revision === '=' ? s.text : `{${s.revision}: ${s.text}}`)).join('')}`;
  });
}
