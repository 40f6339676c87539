/**
 * Plain text pasted from Word becomes structure. Word copies a numbered paragraph as its label,
 * a tab and its text (`a)\tla Résolution…`), the convention of the fixture texts, so the text
 * importer (shared/import/text) reads it, and the items it finds are pasted as items of the list
 * at the cursor. Text without labels is pasted as paragraphs of the kind at the cursor.
 */
import { Fragment, Slice, type Node, type ResolvedPos, type Schema } from 'prosemirror-model';
import { ImportError } from '../import/index.js';
import type { ListStyle } from '../schema/index.js';
import { importText } from '../import/index.js';
import { itemAt, outerListDepth, types } from './context.js';

/** A line that opens with a label and a tab: `a)\t`, `12\t`, `iv)\t`, `a.\t`, `–\t`. */
const LABELLED_LINE = /^[^\s]{1,8}\t/u;

/** The text importer (shared/import/text's importText, or one the renderer lazy-loads): text in, document out. */
export type TextImporter = (text: string, options: { language?: string }) => { doc: Node };

interface PastedItems {
  items: Node[];
  /** The style of the first list they came from (used when they do not land in a list). */
  style: ListStyle;
}

/** The items of the outermost lists of `doc`, in order. */
function outermostItems(doc: Node): PastedItems {
  const pasted: PastedItems = { items: [], style: 'alpha' };
  doc.descendants((node) => {
    if (node.type !== types.itemList) return node.type !== types.item;
    if (pasted.items.length === 0) pasted.style = node.attrs.style as ListStyle;
    node.forEach((item) => pasted.items.push(item));
    return false;
  });
  return pasted;
}

/**
 * The text as the importer must see it to read it as items of the section at `$context`. Alone,
 * `1\tun` reads as a numbered heading; after the resolution's header lines and the section's
 * keyword line it reads as an operative item, as in the resolution itself.
 */
function inSectionContext(text: string, $context: ResolvedPos): string | null {
  const listDepth = outerListDepth($context);
  if (listDepth < 3 || $context.node(listDepth - 1).type !== types.section) return null;
  const resolution = $context.node(listDepth - 2);
  const header: string[] = [];
  resolution.forEach((block) => {
    if (block.isTextblock) header.push(block.textContent);
  });
  return [...header, $context.node(listDepth - 1).firstChild!.textContent, text].join('\n');
}

function importedItems(text: string, $context: ResolvedPos, importer: TextImporter): PastedItems | null {
  const language = $context.doc.attrs.language as string;
  for (const source of [inSectionContext(text, $context), text]) {
    if (source === null) continue;
    try {
      const pasted = outermostItems(importer(source, { language }).doc);
      if (pasted.items.length > 0) return pasted;
    } catch (error) {
      // Text the importer refuses is pasted as plain text.
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return null;
}

function plainSlice(lines: string[], $context: ResolvedPos, schema: Schema): Slice {
  if (lines.length === 1) return lines[0] ? new Slice(Fragment.from(schema.text(lines[0])), 0, 0) : Slice.empty;
  // Several lines: one paragraph each, the first and last joining the paragraph at the cursor.
  const blockType = itemAt($context) ? types.continuation : $context.parent.isTextblock ? $context.parent.type : types.paragraph;
  const blocks = lines.map((line) => blockType.create(null, line ? schema.text(line) : null));
  return new Slice(Fragment.from(blocks), 1, 1);
}

/**
 * What the editor's `clipboardTextParser` returns for `text` pasted at `$context`:
 * `clipboardTextParser: (text, $context) => parsePastedText(text, $context, schema)`.
 * Pasted inside an item, the items join the list there: the first one's text continues the
 * paragraph at the cursor and the rest of that paragraph follows the last pasted one, so
 * pasting into an empty item gives exactly the pasted items. Ids are made unique by
 * uniqueIdsPlugin when the slice lands.
 */
export function parsePastedText(text: string, $context: ResolvedPos, schema: Schema, importer: TextImporter = importText): Slice {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const pasted = lines.some((line) => LABELLED_LINE.test(line)) ? importedItems(text, $context, importer) : null;
  if (!pasted) return plainSlice(lines, $context, schema);
  const context = itemAt($context);
  if (!context) return new Slice(Fragment.from(types.itemList.create({ style: pasted.style }, pasted.items)), 0, 0);
  return Slice.maxOpen(Fragment.from(types.itemList.create(context.list.attrs, pasted.items)));
}
