/**
 * The documents File → New starts from. "New resolution": in the user's language, number line,
 * title, call, one preamble and one operative section with an empty item each; keywords and words
 * come from the language tables, so a translator's correction reaches the template too. "New
 * revision of a resolution…": a Council contribution around the resolution in force (below). And
 * "Compare With Another Version…": the differences between two versions as tracked changes.
 */
import { CarryOverError, carryOver } from '../shared/carry-over/index.js';
import { translationCounts } from '../shared/translation/index.js';
import { messageOf } from '../shared/errors/index.js';
import type { Node } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { parseDocument } from '../shared/file/index.js';
import type { OpenedDocument } from '../shared/ipc/index.js';
import { languageTable, type LanguageCode } from '../shared/languages/index.js';
import { buildDoc } from '../shared/model/index.js';
import { ContributionError, contributionFromResolution, firstCoverFieldPosition } from '../shared/contribution/index.js';
import { CompareError, compareDocuments } from '../shared/compare/index.js';
import { listChanges } from '../shared/tracking/index.js';
import { setTrackingEnabled } from '../shared/tracking/index.js';

export function newResolution(language: LanguageCode): Node {
  const table = languageTable(language);
  const preamble =
    table.keywords.find((k) => k.kind === 'preamble' && k.role === 'considering') ?? table.keywords.find((k) => k.kind === 'preamble');
  const operative =
    table.keywords.find((k) => k.kind === 'operative' && k.role === 'resolves') ?? table.keywords.find((k) => k.kind === 'operative');
  return buildDoc({
    language,
    blocks: [
      {
        resolution: {
          number: `${table.numberLineWords[0] ?? 'RESOLUTION'} `,
          title: '',
          call: '',
          sections: [
            { kind: 'preamble', keyword: preamble?.phrase ?? '', items: [''] },
            { kind: 'operative', keyword: operative?.phrase ?? '', items: [''] },
          ],
        },
      },
    ],
  });
}

export type NewRevision = { ok: true; doc: Node; warnings: string[] } | { ok: false; error: string };

/**
 * File → New revision of a resolution…: the opened file (the resolution in force, already turned
 * into `.plenary` JSON by the host) becomes a new, untitled Council contribution
 * (shared/model/contribution.ts). A source that cannot be revised is a one-line error.
 */
/** The document a host read for us, or the one-line reason it cannot be read. */
function readOpened(opened: OpenedDocument): { ok: true; doc: Node } | { ok: false; error: string } {
  try {
    return { ok: true, doc: parseDocument(opened.content).doc };
  } catch (error) {
    return { ok: false, error: `Cannot open ${opened.name}: ${messageOf(error)}` };
  }
}

export function newRevision(opened: OpenedDocument): NewRevision {
  const read = readOpened(opened);
  if (!read.ok) return read;
  const source = read.doc;
  try {
    const contribution = contributionFromResolution(source);
    return { ok: true, doc: contribution.doc, warnings: [...opened.warnings, ...contribution.warnings] };
  } catch (error) {
    if (error instanceof ContributionError) return { ok: false, error: `${opened.name}: ${error.message}` };
    throw error;
  }
}

export type Comparison = { ok: true; doc: Node; changes: number; warnings: string[] } | { ok: false; error: string };

/**
 * Review → Compare With Another Version…: the document on screen (the older version) with every
 * difference from the chosen one as a tracked change by `author` (shared/compare), a new untitled
 * document.
 */
export function compareWithVersion(current: Node, opened: OpenedDocument, author: string | undefined): Comparison {
  const read = readOpened(opened);
  if (!read.ok) return read;
  try {
    const doc = compareDocuments(current, read.doc, author === undefined ? {} : { author });
    return { ok: true, doc, changes: listChanges(doc).length, warnings: opened.warnings };
  } catch (error) {
    if (error instanceof CompareError) return { ok: false, error: `${opened.name}: ${error.message}` };
    throw error;
  }
}

/**
 * The transaction that makes a freshly loaded contribution ready to edit: tracking on (by the
 * document's scope it covers the resolution in the annex only) and the cursor in the first cover
 * field. It changes no content, so the new document stays unmodified until the user types.
 */
export function startRevising(state: EditorState): Transaction {
  const tr = setTrackingEnabled(state, true);
  const cursor = firstCoverFieldPosition(state.doc);
  // tr.doc: switching tracking on may have set the doc's trackChanges (a step; positions unchanged).
  return cursor === null ? tr : tr.setSelection(TextSelection.create(tr.doc, cursor)).scrollIntoView();
}

/** Whether `doc` is a translation under way (it holds statuses), not a text in force to carry changes into. */
export function isTranslationUnderWay(doc: Node): boolean {
  return Object.values(translationCounts(doc)).some((count) => count > 0);
}

export type LanguageVersion = { ok: true; source: Node; carried: Node | null; warnings: string[] } | { ok: false; error: string };

/**
 * View → Language Versions…: the chosen file is the source language version. A document on screen
 * that holds no translation statuses yet is the text in force: the source's changes are carried
 * into it (shared/carry-over), a new untitled document (`carried`); one that holds them already is
 * the translation under way, kept as it is (`carried` null: the caller measures it against the
 * source).
 */
export function languageVersion(current: Node, opened: OpenedDocument, author: string | undefined): LanguageVersion {
  const read = readOpened(opened);
  if (!read.ok) return read;
  if (isTranslationUnderWay(current)) return { ok: true, source: read.doc, carried: null, warnings: opened.warnings };
  try {
    const carried = carryOver(read.doc, current, author === undefined ? {} : { author }).doc;
    return { ok: true, source: read.doc, carried, warnings: opened.warnings };
  } catch (error) {
    if (error instanceof CarryOverError) return { ok: false, error: `${opened.name}: ${error.message}` };
    throw error;
  }
}
