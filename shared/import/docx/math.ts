/**
 * Office Math (OMML, `m:oMath`) → its linear text, the form Word's own "Linear" equation view
 * writes: `A=πr^2`, `(a+b)/(c)`, `√(x)`, `∑_(k=0)^n`. The model has no equations; keeping the
 * linear text keeps every symbol a delegate typed, and the importer says an equation was simplified.
 *
 * Revisions inside an equation (`w:ins`/`w:del` around or inside `m:r`) are kept on the text they
 * cover, so the accepted and rejected views are Word's.
 */
import type { Revision } from './ooxml.js';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** What the walker needs from the XML reader (passed in: this module does not parse). */
export interface MathXml {
  tagOf(node: XmlNode): string;
  childrenOf(node: XmlNode): XmlNode[];
  attrOf(node: XmlNode, name: string): string | null;
  revisionOf(node: XmlNode, kind: Revision['kind']): Revision;
}

export type MathSink = (text: string, revision: Revision | null) => void;

/** Writes the linear text of an `m:oMathPara` or `m:oMath` node to `push`. */
export function writeMath(node: XmlNode, revision: Revision | null, xml: MathXml, push: MathSink): void {
  new MathWriter(xml, push).node(node, revision);
}

class MathWriter {
  constructor(
    private readonly xml: MathXml,
    private readonly push: MathSink,
  ) {}

  node(node: XmlNode, revision: Revision | null): void {
    const { tagOf, childrenOf } = this.xml;
    const tag = tagOf(node);
    switch (tag) {
      case 'm:t':
      case 'w:t':
      case 'w:delText':
        this.push(textOf(node, this.xml), revision);
        return;
      case 'w:ins':
        return this.all(childrenOf(node), this.nested(node, 'insertion', revision));
      case 'w:del':
        return this.all(childrenOf(node), this.nested(node, 'deletion', revision));
      case 'm:f':
        return this.fraction(node, revision);
      case 'm:sSup':
        return this.scripts(node, revision, [['m:sup', '^']]);
      case 'm:sSub':
        return this.scripts(node, revision, [['m:sub', '_']]);
      case 'm:sSubSup':
        return this.scripts(node, revision, [
          ['m:sub', '_'],
          ['m:sup', '^'],
        ]);
      case 'm:sPre':
        this.script(this.part(node, 'm:sub'), '_', revision);
        this.script(this.part(node, 'm:sup'), '^', revision);
        return this.group(this.part(node, 'm:e'), revision);
      case 'm:rad': {
        const degree = this.part(node, 'm:deg');
        this.push(degree && this.hasText(degree) ? '√(' : '√', revision);
        if (degree && this.hasText(degree)) {
          this.all(childrenOf(degree), revision);
          this.push('&', revision);
          this.all(childrenOf(this.part(node, 'm:e') ?? {}), revision);
          this.push(')', revision);
        } else this.group(this.part(node, 'm:e'), revision);
        return;
      }
      case 'm:nary': {
        this.push(this.property(node, 'm:naryPr', 'm:chr') ?? '∫', revision);
        this.script(this.part(node, 'm:sub'), '_', revision);
        this.script(this.part(node, 'm:sup'), '^', revision);
        return this.group(this.part(node, 'm:e'), revision);
      }
      case 'm:d': {
        const elements = childrenOf(node).filter((child) => tagOf(child) === 'm:e');
        this.push(this.property(node, 'm:dPr', 'm:begChr') ?? '(', revision);
        elements.forEach((element, index) => {
          if (index > 0) this.push(this.property(node, 'm:dPr', 'm:sepChr') ?? '|', revision);
          this.all(childrenOf(element), revision);
        });
        this.push(this.property(node, 'm:dPr', 'm:endChr') ?? ')', revision);
        return;
      }
      case 'm:acc':
        this.all(childrenOf(this.part(node, 'm:e') ?? {}), revision);
        this.push(this.property(node, 'm:accPr', 'm:chr') ?? '\u0302', revision);
        return;
      case 'm:limLow':
        this.all(childrenOf(this.part(node, 'm:e') ?? {}), revision);
        return this.script(this.part(node, 'm:lim'), '_', revision);
      case 'm:limUpp':
        this.all(childrenOf(this.part(node, 'm:e') ?? {}), revision);
        return this.script(this.part(node, 'm:lim'), '^', revision);
      case 'm:func':
        this.all(childrenOf(this.part(node, 'm:fName') ?? {}), revision);
        this.push('\u2061', revision);
        return this.group(this.part(node, 'm:e'), revision);
      case 'm:m':
        return this.matrix(node, revision);
      case 'm:eqArr':
        childrenOf(node)
          .filter((child) => tagOf(child) === 'm:e')
          .forEach((element, index) => {
            if (index > 0) this.push(' ', revision);
            this.all(childrenOf(element), revision);
          });
        return;
      case 'm:oMathPara':
        // Equations of one m:oMathPara are separate lines in Word: a space between them here.
        childrenOf(node)
          .filter((child) => tagOf(child) === 'm:oMath')
          .forEach((equation, index) => {
            if (index > 0) this.push(' ', revision);
            this.node(equation, revision);
          });
        return;
      default:
        // Properties (m:*Pr, w:rPr) hold no text; every other element is read through.
        if (tag.endsWith('Pr') || tag === 'w:rPr') return;
        return this.all(childrenOf(node), revision);
    }
  }

  private all(nodes: XmlNode[], revision: Revision | null): void {
    for (const node of nodes) this.node(node, revision);
  }

  private nested(node: XmlNode, kind: Revision['kind'], outer: Revision | null): Revision {
    const revision = this.xml.revisionOf(node, kind);
    if (kind === 'deletion' && outer?.kind === 'insertion') return { ...revision, insertedBy: outer };
    if (kind === 'insertion' && outer?.kind === 'deletion') return { ...outer, insertedBy: revision };
    return revision;
  }

  private part(node: XmlNode, tag: string): XmlNode | undefined {
    return this.xml.childrenOf(node).find((child) => this.xml.tagOf(child) === tag);
  }

  private property(node: XmlNode, pr: string, tag: string): string | null {
    const props = this.part(node, pr);
    const el = props && this.part(props, tag);
    return el ? this.xml.attrOf(el, 'm:val') : null;
  }

  private hasText(node: XmlNode): boolean {
    let found = false;
    const probe = new MathWriter(this.xml, (text) => {
      if (text.trim() !== '') found = true;
    });
    probe.all(this.xml.childrenOf(node), null);
    return found;
  }

  /** A group in parentheses when it is longer than one character: `(a+b)`, but `r`. */
  private group(node: XmlNode | undefined, revision: Revision | null): void {
    if (!node) return;
    const parts: Array<[string, Revision | null]> = [];
    new MathWriter(this.xml, (text, r) => parts.push([text, r])).all(this.xml.childrenOf(node), revision);
    const length = parts.reduce((sum, [text]) => sum + [...text].length, 0);
    if (length > 1) this.push('(', revision);
    for (const [text, r] of parts) this.push(text, r);
    if (length > 1) this.push(')', revision);
  }

  private script(node: XmlNode | undefined, mark: string, revision: Revision | null): void {
    if (!node) return;
    this.push(mark, revision);
    this.group(node, revision);
  }

  private scripts(node: XmlNode, revision: Revision | null, scripts: Array<[string, string]>): void {
    this.all(this.xml.childrenOf(this.part(node, 'm:e') ?? {}), revision);
    for (const [tag, mark] of scripts) this.script(this.part(node, tag), mark, revision);
  }

  private fraction(node: XmlNode, revision: Revision | null): void {
    this.group(this.part(node, 'm:num'), revision);
    this.push('/', revision);
    this.group(this.part(node, 'm:den'), revision);
  }

  private matrix(node: XmlNode, revision: Revision | null): void {
    this.push('■(', revision);
    this.xml
      .childrenOf(node)
      .filter((row) => this.xml.tagOf(row) === 'm:mr')
      .forEach((row, r) => {
        if (r > 0) this.push('@', revision);
        this.xml
          .childrenOf(row)
          .filter((cell) => this.xml.tagOf(cell) === 'm:e')
          .forEach((cell, c) => {
            if (c > 0) this.push('&', revision);
            this.all(this.xml.childrenOf(cell), revision);
          });
      });
    this.push(')', revision);
  }
}

function textOf(node: XmlNode, xml: MathXml): string {
  return xml
    .childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? (child['#text'] as string) : ''))
    .join('');
}
