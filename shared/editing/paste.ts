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

/** What the text importer needs to know of the place a text is pasted at: plain data, so that a worker can read the text. */
export interface PasteContext {
  /** The document's language. */
  language: string;
  /**
   * In a section's list: the resolution's header lines and the section's keyword line, which the
   * pasted text is read after. Alone, `1\tun` reads as a numbered heading; after them it reads as an
   * operative item, as in the resolution itself.
   */
  sectionHeader: string | null;
}

/** The items a pasted text holds (structure the importer found), to join the list at the cursor. */
export interface PastedItems {
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

function sectionHeader($context: ResolvedPos): string | null {
  const listDepth = outerListDepth($context);
  if (listDepth < 3 || $context.node(listDepth - 1).type !== types.section) return null;
  const resolution = $context.node(listDepth - 2);
  const header: string[] = [];
  resolution.forEach((block) => {
    if (block.isTextblock) header.push(block.textContent);
  });
  return [...header, $context.node(listDepth - 1).firstChild!.textContent].join('\n');
}

export function pasteContext($context: ResolvedPos): PasteContext {
  return { language: $context.doc.attrs.language as string, sectionHeader: sectionHeader($context) };
}

function pastedLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}

/**
 * The items in a pasted text, read by the importer (in the section's context first), or null when
 * it has no labelled line or the importer finds no item in it: it is then pasted as plain text.
 * Needs no document: the renderer runs it in a worker for large pastes.
 */
export function readPastedItems(text: string, context: PasteContext, importer: TextImporter): PastedItems | null {
  if (!pastedLines(text).some((line) => LABELLED_LINE.test(line))) return null;
  const sources = context.sectionHeader === null ? [text] : [`${context.sectionHeader}\n${text}`, text];
  for (const source of sources) {
    try {
      const pasted = outermostItems(importer(source, { language: context.language }).doc);
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
 * The slice `text` pastes at `$context`, given the items read in it (readPastedItems). Pasted
 * inside an item, the items join the list there: the first one's text continues the paragraph at
 * the cursor and the rest of that paragraph follows the last pasted one, so pasting into an empty
 * item gives exactly the pasted items. Ids are made unique by uniqueIdsPlugin when the slice lands.
 */
export function pastedSlice(text: string, pasted: PastedItems | null, $context: ResolvedPos, schema: Schema): Slice {
  if (!pasted) return plainSlice(pastedLines(text), $context, schema);
  const context = itemAt($context);
  if (!context) return new Slice(Fragment.from(types.itemList.create({ style: pasted.style }, pasted.items)), 0, 0);
  return Slice.maxOpen(Fragment.from(types.itemList.create(context.list.attrs, pasted.items)));
}

/**
 * What the editor's `clipboardTextParser` returns for `text` pasted at `$context`:
 * `clipboardTextParser: (text, $context) => parsePastedText(text, $context, schema)`.
 */
export function parsePastedText(text: string, $context: ResolvedPos, schema: Schema, importer: TextImporter = importText): Slice {
  return pastedSlice(text, readPastedItems(text, pasteContext($context), importer), $context, schema);
}
