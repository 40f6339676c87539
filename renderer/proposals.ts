/**
 * The proposals document in the editor (File → New Proposals to a Conference…, Add Proposal…): the
 * new document, a proposal added from the library where the cursor stands, moves between proposals.
 * The document work is shared/proposals'; this module only turns it into editor transactions and
 * one-line outcomes for the controller.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { messageOf } from '../shared/errors/index.js';
import { parseDocument } from '../shared/file/index.js';
import type { OpenedDocument } from '../shared/ipc/index.js';
import { isLanguageCode, languageTable, type LanguageCode } from '../shared/languages/index.js';
import {
  addProposalIn,
  buildProposal,
  conferenceByCode,
  conferenceOfSession,
  coverFieldText,
  moveProposalIn,
  newProposalsDocument,
  proposalsOf,
  type ProposalPlace,
} from '../shared/proposals/index.js';
import type { ProposalSymbol } from '../shared/schema/index.js';

export interface NewProposalsRequest {
  source: string;
  conference: string | null;
  documentNumber: string;
  language: LanguageCode;
}

export type Built<T> = { ok: true; value: T } | { ok: false; error: string };

function attempt<T>(build: () => T): Built<T> {
  try {
    return { ok: true, value: build() };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** A new proposals document from the New Proposals dialog. */
export function newProposals(request: NewProposalsRequest): Built<Node> {
  return attempt(() =>
    newProposalsDocument({
      language: request.language,
      source: request.source,
      conference: request.conference ? conferenceByCode(request.conference) : null,
      ...(request.documentNumber.trim() ? { documentNumber: request.documentNumber.trim() } : {}),
    }),
  );
}

/** Whether the document is a proposals document (it has a source prefix). */
export function isProposalsDocument(doc: Node): boolean {
  return typeof doc.attrs.proposalSource === 'string' && doc.attrs.proposalSource !== '';
}

/** The proposal the cursor stands in (its place), or null. */
export function proposalAtCursor(state: EditorState): ProposalPlace | null {
  const top = state.selection.$from.depth > 0 ? state.selection.$from.before(1) : -1;
  return proposalsOf(state.doc).find((place) => place.pos === top) ?? null;
}

export interface AddProposalRequest {
  symbol: ProposalSymbol;
  /** The text in force (MOD, SUP, NOC), read from the library. */
  text?: OpenedDocument;
  /** An ADD's title; a SUP's or NOC's name for a text not in the library. */
  title?: string;
  author: string;
}

/**
 * The transaction adding a proposal after the one the cursor stands in (at the end when it stands
 * in none), and the new proposal's id to go to.
 */
export function addProposal(
  state: EditorState,
  request: AddProposalRequest,
): Built<{ tr: Transaction; id: string; warning: string | null }> {
  return attempt(() => {
    const inForce = request.text ? parseDocument(request.text.content).doc : undefined;
    const proposal = buildProposal(state.doc, {
      symbol: request.symbol,
      ...(inForce ? { inForce } : {}),
      ...(request.title ? { title: request.title } : {}),
      conference: conferenceOfSession(coverFieldText(state.doc, 'session')),
      author: request.author,
    });
    const current = proposalAtCursor(state);
    const tr = addProposalIn(state.tr, proposal, current ? current.rank : undefined);
    // The proposal may have been given fresh ids (a second proposal on one text): find it by place.
    const added = proposalsOf(tr.doc)[current ? current.rank : proposalsOf(tr.doc).length - 1]!;
    return { tr, id: added.node.attrs.id as string, warning: inForce ? otherLanguage(inForce, state.doc, request.text!.name) : null };
  });
}

/**
 * A text in force in another language than the proposals document (the library holds only the
 * French Res 30, the delegation writes in English): the proposal would carry that language's text
 * under this language's Reasons. Said, not refused: the library may have no other version yet.
 */
function otherLanguage(inForce: Node, doc: Node, name: string): string | null {
  const [text, own] = [inForce.attrs.language as unknown, doc.attrs.language as unknown];
  if (!isLanguageCode(text) || !isLanguageCode(own) || text === own) return null;
  const names = languageTable('en').languageNames;
  return `${name} is in ${names[text]}, this document in ${names[own]}: the proposal holds the ${names[text]} text. Add the ${names[own]} version with File → Add to Library… and propose on it.`;
}

/** The transaction moving the proposal `id` one place up (-1) or down (+1); null at either end. */
export function moveProposal(state: EditorState, id: string, by: -1 | 1): Built<Transaction> {
  return attempt(() => {
    const rank = proposalsOf(state.doc).find((place) => place.node.attrs.id === id)?.rank;
    if (rank === undefined) throw new Error('That proposal is no longer in the document.');
    const count = proposalsOf(state.doc).length;
    return moveProposalIn(state.tr, rank, Math.min(count, Math.max(1, rank + by)));
  });
}
