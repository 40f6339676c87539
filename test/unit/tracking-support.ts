/**
 * Helpers for the tracking tests: a compact, attribute-aware picture of a tracked document, and
 * comparisons that ignore block ids where the same edit legitimately mints different ones.
 */
import type { Node } from 'prosemirror-model';
import { blockChange, blockDeletion, paragraphMark } from '../../shared/tracking/index.js';
import { trackMarkOf } from '../../shared/tracking/attrs.js';

const short = { insertion: '+', deletion: '-' } as const;

/** `item_text{pm-}("un [+deux+]")`: blocks with their tracked attrs, text with its tracked runs. */
export function picture(node: Node): string {
  if (node.isText) {
    const ins = trackMarkOf(node, 'insertion');
    const del = trackMarkOf(node, 'deletion');
    let text = node.text!;
    if (del) text = `[-${text}-]`;
    if (ins) text = `[+${text}+]`;
    return text;
  }
  const flags: string[] = [];
  const change = blockChange(node);
  if (change) flags.push(`change${short[change.kind]}`);
  if (blockDeletion(node)) flags.push('deletion');
  const mark = paragraphMark(node);
  if (mark) flags.push(`pm${short[mark.kind]}`);
  if (node.type.name === 'footnote' && node.marks.length) flags.push(node.marks.map((m) => short[m.type.name as 'insertion']).join(''));
  const head = `${node.type.name}${flags.length ? `{${flags.join(',')}}` : ''}`;
  if (node.isTextblock || node.type.name === 'footnote') {
    let inner = '';
    node.forEach((child) => (inner += child.isText ? picture(child) : `<${picture(child)}>`));
    return `${head}("${inner}")`;
  }
  const children: string[] = [];
  node.forEach((child) => children.push(picture(child)));
  return `${head}(${children.join(', ')})`;
}

/**
 * The document as JSON with every id blanked: equality that ignores freshly minted ids. `movedFrom`
 * (the id a tracked copy copies) goes too: a reference edit replayed without tracking may paste a
 * copy that records its source, which the tracked edit's review has settled.
 */
export function withoutIds(doc: Node): unknown {
  return JSON.parse(JSON.stringify(doc.toJSON(), (key, value: unknown) => (key === 'id' ? '·' : key === 'movedFrom' ? null : value)));
}

/** Item texts in document order. */
export function itemTexts(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'item_text') out.push(node.textContent);
    return true;
  });
  return out;
}

/** Position of the first occurrence of `text` inside one text node. */
export function textPos(doc: Node, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return true;
  });
  if (found < 0) throw new Error(`text not found: ${text}`);
  return found;
}

/**
 * Where two pictures differ: the common head and tail cut down to `context` characters, so a
 * failure on a whole resolution shows the few items that matter.
 */
export function pictureDiff(a: string, b: string, context = 160): string {
  if (a === b) return '(same)';
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const cut = (s: string) => {
    const from = Math.max(0, head - context);
    const to = Math.min(s.length, s.length - tail + context);
    return `${from > 0 ? '…' : ''}${s.slice(from, head)}⟦${s.slice(head, s.length - tail)}⟧${s.slice(s.length - tail, to)}${to < s.length ? '…' : ''}`;
  };
  return `${cut(a)}\n    vs\n${cut(b)}`;
}
