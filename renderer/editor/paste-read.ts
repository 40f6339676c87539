/**
 * What the paste worker does with one request (./paste-worker.ts runs it in the worker): Word's
 * HTML into the importer's text conventions, then the items the importer finds, as JSON for the
 * editor. The same steps as the editor's synchronous paste path (shared/editing/paste.ts).
 */
import { readPastedItems } from '../../shared/editing/index.js';
import { messageOf } from '../../shared/errors/index.js';
import { clipboardHtmlToText, importText } from '../../shared/import/index.js';
import type { PasteReply, PasteRequest } from './paste-protocol.js';

export function readPaste(request: PasteRequest): PasteReply {
  try {
    // HTML with no text in it (an image, an empty fragment) pastes the plain text.
    const fromHtml = request.html === null ? '' : clipboardHtmlToText(request.html);
    const text = fromHtml.trim() ? fromHtml : request.text;
    const pasted = readPastedItems(text, request.context, importText);
    return { ok: true, text, pasted: pasted && { items: pasted.items.map((item) => item.toJSON() as unknown), style: pasted.style } };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}
