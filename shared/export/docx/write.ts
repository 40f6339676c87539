/**
 * Writes a document as it stands, its tracked changes as Word revisions, in Council layout: cover,
 * body, annexes, footnotes, the `- 2 -` header with the document number from page 2.
 */
import { Document, Packer } from 'docx';
import type { Node } from 'prosemirror-model';
import type { LanguageCode } from '../../languages/index.js';
import { bodyBlock, type BodyElement } from './blocks.js';
import { createContext } from './context.js';
import { UNREVISED } from './revisions.js';
import { coverBlocks, coverDocumentNumber } from './cover.js';
import { councilHeaders } from './header.js';
import { writeMovesInPackage } from './moves.js';
import { councilStyleTable, type CouncilStyleTable } from '../../council-style/index.js';
import { pageProperties, wordStyles } from './word-styles.js';

export interface WriteOptions {
  /** Word's Track Changes switch (w:trackRevisions); by default the document's own (`trackChanges`). */
  trackRevisions?: boolean;
}

export async function writeDocx(
  source: Node,
  table: CouncilStyleTable = councilStyleTable(),
  options: WriteOptions = {},
): Promise<Uint8Array> {
  const ctx = createContext(source, table);
  const body: BodyElement[] = [];
  source.forEach((child) => {
    for (const entry of child.type.name === 'cover' ? coverBlocks(ctx, child) : bodyBlock(ctx, child, UNREVISED)) body.push(entry);
  });
  const headers = councilHeaders(ctx, coverDocumentNumber(source, ctx.language.documentSuffix));
  const word = new Document({
    creator: 'Plenary',
    title: documentTitle(source),
    styles: wordStyles(table, ctx.language.code as LanguageCode),
    footnotes: ctx.footnotes.toDocx(),
    // Track Changes on in Word when it is on in the document (w:trackRevisions in settings.xml).
    features: { trackRevisions: options.trackRevisions ?? source.attrs.trackChanges === true },
    sections: [
      {
        properties: { page: pageProperties(table), titlePage: headers.first !== undefined },
        headers,
        children: body,
      },
    ],
  });
  const buffer = await Packer.toBuffer(word);
  const docx = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return writeMovesInPackage(docx, ctx.ids.moves, ctx.ids.count + 1);
}

/** The core property `title`: the cover's title, else the first resolution's number line. */
function documentTitle(doc: Node): string {
  let title = '';
  doc.descendants((node) => {
    if (title) return false;
    if ((node.type.name === 'cover_field' && node.attrs.name === 'title') || node.type.name === 'number_line') {
      title = node.textContent;
      return false;
    }
    return true;
  });
  return title;
}
