/**
 * File → Add to Library…: a text in force (a chosen .txt/.docx/.plenary, or the open document)
 * described as the library would describe it (shared/library's describeTextInForce), for the user to
 * check and correct before the host stores it (node/services/library.ts, as `plenary library add`).
 */
import type { Node } from 'prosemirror-model';
import { messageOf } from '../shared/errors/index.js';
import { parseDocument, serializeDocument } from '../shared/file/index.js';
import type { DocumentJson, LibraryText, LibraryTextInfo } from '../shared/ipc/index.js';
import { describeTextInForce } from '../shared/library/index.js';

/** A text about to be added: what was read, and how the library describes it. */
export interface LibraryCandidate {
  /** The file name, or the open document's. */
  name: string;
  content: DocumentJson;
  /** Number, body, version and language as guessed from the text: the dialog's starting values. */
  guessed: LibraryTextInfo;
  title: string;
  numberLine: string;
}

/** The Add to Library dialog: choosing where the text comes from, checking what was read, or a text already there. */
export type LibraryAddState =
  | { step: 'source' }
  | { step: 'confirm'; candidate: LibraryCandidate }
  | { step: 'duplicate'; candidate: LibraryCandidate; info: LibraryTextInfo; existing: LibraryText };

export type Described = { ok: true; candidate: LibraryCandidate } | { ok: false; error: string };

function describe(name: string, doc: Node, content: DocumentJson): Described {
  const described = describeTextInForce(doc);
  if (!described) {
    return { ok: false, error: `${name} holds no resolution: the library keeps texts in force (resolutions, decisions).` };
  }
  const { title, numberLine, ...guessed } = described;
  return { ok: true, candidate: { name, content, guessed, title, numberLine } };
}

/** A chosen file, as the host read it (`.plenary` JSON). */
export function candidateFromContent(name: string, content: DocumentJson): Described {
  try {
    return describe(name, parseDocument(content).doc, content);
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** The document open in the editor, as it reads now (its tracked changes kept, as a file would keep them). */
export function candidateFromDocument(name: string, doc: Node): Described {
  return describe(name, doc, serializeDocument(doc));
}

/** `RESOLUTION 30 (Rev. Kigali, 2022), WTDC, English`: a text of the library in one line, for messages. */
export function libraryTextLine(text: Pick<LibraryText, 'numberLine' | 'body' | 'language'>): string {
  return `${text.numberLine}${text.body ? `, ${text.body}` : ''} (${text.language})`;
}
