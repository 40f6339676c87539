/**
 * The text a translator translates at once — a unit's own text (statuses in
 * shared/translation/status.ts): an item's first paragraph and continuation paragraphs, without its
 * sub-items (which are units of their own), or a textblock's text. Written plainly, or with its
 * tracked changes marked `[+…+]` / `[-…-]` (the change to translate), references as they read.
 */
import type { Node } from 'prosemirror-model';
import { trackedReferenceText } from '../numbering/index.js';
import { blockChange } from '../tracking/index.js';

function ownTextblocks(unit: Node): Node[] {
  if (unit.isTextblock) return [unit];
  const blocks: Node[] = [];
  unit.forEach((child) => {
    if (child.isTextblock) blocks.push(child);
  });
  return blocks;
}

/** The tracked change an inline node belongs to: a text mark, or a footnote's own `change`. */
function changeOf(node: Node): 'insertion' | 'deletion' | null {
  if (node.marks.some((mark) => mark.type.name === 'deletion')) return 'deletion';
  if (node.marks.some((mark) => mark.type.name === 'insertion')) return 'insertion';
  return node.type.name === 'footnote' ? (blockChange(node)?.kind ?? null) : null;
}

function wrap(kind: 'insertion' | 'deletion' | null, text: string): string {
  if (!kind || text === '') return text;
  return kind === 'insertion' ? `[+${text}+]` : `[-${text}-]`;
}

function textblockText(block: Node, doc: Node, marked: boolean): string {
  let out = '';
  block.forEach((child) => {
    const kind = marked ? changeOf(child) : null;
    if (child.isText) out += wrap(kind, child.text ?? '');
    else if (child.type.name === 'cross_reference') {
      const reference = trackedReferenceText(child, doc);
      out += marked && reference.changed ? `[-${reference.original.text}-][+${reference.new.text}+]` : reference.new.text;
    } else if (child.type.name === 'footnote') out += wrap(kind, ` [${child.textContent}]`);
  });
  const whole = marked ? (blockChange(block)?.kind ?? null) : null;
  return wrap(whole, out);
}

/** The unit's own text; `marked` shows its tracked changes (in `doc`, the document holding it). */
export function ownText(unit: Node, doc: Node, marked = false): string {
  const text = ownTextblocks(unit)
    .map((block) => textblockText(block, doc, marked))
    .join('\n');
  const whole = marked && !unit.isTextblock ? (blockChange(unit)?.kind ?? null) : null;
  return wrap(whole, text);
}

/** What the unit's own text is made of, to tell whether a source changed it (ids of references included). */
export function ownSignature(unit: Node): string {
  return JSON.stringify(ownTextblocks(unit).map((block) => [block.type.name, block.content.toJSON()]));
}
