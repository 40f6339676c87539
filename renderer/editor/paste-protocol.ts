/**
 * The messages between the editor and its paste worker (./paste-worker.ts): plain, cloneable data.
 * The worker reads the clipboard's text or Word's HTML into items; the editor, which holds the
 * document, builds the slice from them where the paste lands.
 */
import type { PasteContext } from '../../shared/editing/index.js';
import type { ListStyle } from '../../shared/schema/index.js';

export interface PasteRequest {
  /** The clipboard's plain text. */
  text: string;
  /** HTML from outside the editor (Word, LibreOffice, a web page), or null. */
  html: string | null;
  context: PasteContext;
}

export type PasteReply =
  | {
      ok: true;
      /** The text pasted: the plain text, or the HTML's text in the importer's conventions. */
      text: string;
      /** The items the importer found (ProseMirror JSON), or null: the text is pasted as paragraphs. */
      pasted: { items: unknown[]; style: ListStyle } | null;
    }
  | { ok: false; error: string };
