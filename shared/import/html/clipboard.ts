/**
 * The HTML that Word or LibreOffice puts on the clipboard, turned into the plain-text conventions
 * the text importer reads (one paragraph per line, label + TAB, `[footnoteRef:N]` anchors and
 * `[N: text]` footnote texts), so that a paste becomes structure through the same importer as a
 * file. No DOM: htmlparser2 tokenises, this walks the tokens.
 */
import { Parser } from 'htmlparser2';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'td',
  'th',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
]);
const SKIPPED_TAGS = new Set(['style', 'script', 'head', 'title', 'xml', 'o:p', 'meta', 'noscript']);

interface FootnoteState {
  /** Footnote numbers in anchor order, by the id the HTML uses (`ftn1`, `sdfootnote1`). */
  numbers: Map<string, number>;
  texts: Map<number, string>;
}

/** Word: `<a href="#_ftn1" style="mso-footnote-id:ftn1">`; LibreOffice: `<a class="sdfootnoteanc" href="#sdfootnote1sym">`. */
function footnoteAnchorId(attrs: Record<string, string>): string | null {
  const style = attrs.style ?? '';
  const word = /mso-footnote-id:\s*([\w-]+)/.exec(style);
  if (word) return word[1]!;
  if ((attrs.class ?? '').toLowerCase() === 'sdfootnoteanc') {
    const href = (attrs.href ?? '').replace(/^#/, '');
    return href.replace(/sym$/, '') || null;
  }
  return null;
}

/** Word: `<div style="mso-element:footnote" id="ftn1">`; LibreOffice: `<div id="sdfootnote1">`. */
function footnoteBodyId(tag: string, attrs: Record<string, string>): string | null {
  if (tag !== 'div') return null;
  const id = attrs.id ?? '';
  if (/mso-element:\s*footnote\b/.test(attrs.style ?? '') && id) return id;
  if (/^sdfootnote\d+$/.test(id)) return id;
  return null;
}

export function clipboardHtmlToText(html: string): string {
  const fragment = extractFragment(html);
  const lines: string[] = [];
  const footnotes: FootnoteState = { numbers: new Map(), texts: new Map() };
  let line = '';
  let skipDepth = 0;
  // Inside a footnote anchor: its visible text is the number Word renders; the marker replaces it.
  let anchorDepth = 0;
  let tagStack: string[] = [];
  let footnoteBody: { id: string; depth: number; text: string } | null = null;
  let footnoteSymbolDepth = 0;

  const flush = () => {
    const text = line
      .replace(/[ \u00a0]+\t/g, '\t')
      .replace(/\t[ \u00a0]+/g, '\t')
      .replace(/[ \u00a0]{2,}/g, ' ')
      .trimEnd();
    if (text.trim()) lines.push(text.replace(/^[ \u00a0]+/, ''));
    line = '';
  };
  const write = (text: string) => {
    if (footnoteBody) footnoteBody.text += text;
    else line += text;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        tagStack.push(name);
        if (SKIPPED_TAGS.has(name)) skipDepth += 1;
        if (skipDepth) return;
        const bodyId = footnoteBodyId(name, attrs);
        if (bodyId) {
          flush();
          footnoteBody = { id: bodyId, depth: tagStack.length, text: '' };
          return;
        }
        if (footnoteBody && name === 'a' && /sdfootnotesym|_ftnref/i.test(`${attrs.class ?? ''} ${attrs.href ?? ''}`)) {
          footnoteSymbolDepth = tagStack.length;
          return;
        }
        const anchor = name === 'a' ? footnoteAnchorId(attrs) : null;
        if (anchor && !footnoteBody) {
          const number = footnotes.numbers.get(anchor) ?? footnotes.numbers.size + 1;
          footnotes.numbers.set(anchor, number);
          line += `[footnoteRef:${number}]`;
          anchorDepth = tagStack.length;
          return;
        }
        if (/mso-tab-count/.test(attrs.style ?? '')) {
          write('\t');
          skipDepth += 1; // the spaces inside stand for the tab
          tagStack[tagStack.length - 1] = `${name}#tab`;
          return;
        }
        if (name === 'br') {
          if (footnoteBody) footnoteBody.text += ' ';
          else flush();
        } else if (BLOCK_TAGS.has(name) && !footnoteBody) flush();
      },
      ontext(text) {
        if (skipDepth || anchorDepth || footnoteSymbolDepth) return;
        write(decodeSpaces(text));
      },
      onclosetag(name) {
        const top = tagStack.pop();
        if (top === `${name}#tab`) skipDepth -= 1;
        if (SKIPPED_TAGS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (anchorDepth && tagStack.length < anchorDepth) anchorDepth = 0;
        if (footnoteSymbolDepth && tagStack.length < footnoteSymbolDepth) footnoteSymbolDepth = 0;
        if (footnoteBody && tagStack.length < footnoteBody.depth) {
          const number = footnotes.numbers.get(footnoteBody.id.replace(/^_/, '')) ?? footnotes.numbers.get(footnoteBody.id);
          const text = footnoteBody.text
            .replace(/\s+/g, ' ')
            .replace(/^\[?\d+\]?\s*/, '')
            .trim();
          if (number !== undefined) footnotes.texts.set(number, text);
          footnoteBody = null;
          return;
        }
        if (BLOCK_TAGS.has(name) && !footnoteBody && !skipDepth) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(fragment);
  parser.end();
  flush();
  tagStack = [];

  // The text importer expects each footnote's text on the line of its anchor.
  return lines.map((l) => l + footnoteTextsOf(l, footnotes.texts)).join('\n');
}

function footnoteTextsOf(line: string, texts: Map<number, string>): string {
  const numbers = [...line.matchAll(/\[footnoteRef:(\d+)\]/g)].map((m) => Number(m[1]));
  return numbers
    .filter((n) => texts.has(n))
    .map((n) => ` [${n}: ${texts.get(n)}]`)
    .join('');
}

function decodeSpaces(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

/** Word wraps the copied part in `<!--StartFragment-->…<!--EndFragment-->`; the footnotes follow it. */
function extractFragment(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  if (start < 0 || end < start) return html;
  // Keep what follows the fragment too: Word puts the footnote texts after EndFragment.
  return html.slice(start + '<!--StartFragment-->'.length, end) + html.slice(end);
}
