/**
 * Proposal identifiers (`SEN/56/1`): the document's source prefix, its number, and the proposal's
 * rank in document order. Never typed and never stored: moving a proposal renumbers every
 * identifier, as ITU's guidelines number proposals in the order of the document.
 */
import type { Node } from 'prosemirror-model';
import type { ProposalSymbol } from '../schema/index.js';

export interface ProposalPlace {
  node: Node;
  /** Position of the proposal node in the document. */
  pos: number;
  /** 1-based rank among the document's proposals. */
  rank: number;
  identifier: string;
  symbol: ProposalSymbol;
}

/** The number part of an identifier from the cover's document number: `Document 56-E` → `56`, `Document 93(Add.1)-E` → `93A1`. */
export function documentNumberPart(documentNumber: string): string | null {
  // `Addendum 1 to Document 93-E`: the document's own number follows the word Document.
  const main = /\bDoc(?:ument|\.)?\s+(\d+)/i.exec(documentNumber) ?? /(\d+)/.exec(documentNumber);
  if (!main) return null;
  const rest = documentNumber.slice(main.index + main[0].length);
  const addendum = /\bAdd(?:endum|\.)?\s*(\d+)/i.exec(documentNumber);
  const revision = /\bR[eé]v\.?\s*(\d+)/i.exec(rest);
  return `${main[1]}${addendum ? `A${addendum[1]}` : ''}${revision ? `R${revision[1]}` : ''}`;
}

/** A cover field's text, or '' when the document has no cover or no such field. */
export function coverFieldText(doc: Node, name: string): string {
  const cover = doc.firstChild;
  let text = '';
  if (cover?.type.name === 'cover') {
    cover.forEach((field) => {
      if (field.attrs.name === name) text = field.textContent;
    });
  }
  return text;
}

/** The prefix of every identifier of `doc`: `SEN/56`, with `?` for what the document does not say yet. */
export function identifierPrefix(doc: Node): string {
  const source = (doc.attrs.proposalSource as string | null) || '?';
  return `${source}/${documentNumberPart(coverFieldText(doc, 'documentNumber')) ?? '?'}`;
}

/** Every proposal of `doc` in document order, with its identifier. */
export function proposalsOf(doc: Node): ProposalPlace[] {
  const prefix = identifierPrefix(doc);
  const found: ProposalPlace[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'proposal') return;
    const rank = found.length + 1;
    found.push({ node, pos: offset, rank, identifier: `${prefix}/${rank}`, symbol: node.attrs.symbol as ProposalSymbol });
  });
  return found;
}

/** Block id → identifier, for the views that draw identifiers beside their proposals. */
export function proposalIdentifiers(doc: Node): Map<string, string> {
  return new Map(proposalsOf(doc).map((place) => [place.node.attrs.id as string, place.identifier]));
}

/**
 * The text of a live reference to a proposal: its identifier now (`SEN/56/2`), or the prefix and
 * `??` when the proposal it named is gone.
 */
export function proposalReferenceText(
  doc: Node,
  reference: Node,
  identifiers: ReadonlyMap<string, string> = proposalIdentifiers(doc),
): string {
  return identifiers.get(reference.attrs.target as string) ?? `${identifierPrefix(doc)}/??`;
}

/** Whether a proposal's body is the text in force edited with tracking on (MOD, `(MOD)`). */
export function isModification(symbol: ProposalSymbol): boolean {
  return symbol === 'MOD' || symbol === '(MOD)';
}

/** Whether a proposal's body is new text (ADD, ADD*). */
export function isAddition(symbol: ProposalSymbol): boolean {
  return symbol === 'ADD' || symbol === 'ADD*';
}

/** Whether a proposal only names its text (SUP, SUP*, NOC): Reasons are required. */
export function namesTextOnly(symbol: ProposalSymbol): boolean {
  return symbol === 'SUP' || symbol === 'SUP*' || symbol === 'NOC';
}
