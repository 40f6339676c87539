/**
 * Building a proposals document to a conference (ITU's proposal guidelines): a cover in the
 * conference's format, then proposals, each with its symbol, body and Reasons.
 *
 * - MOD / (MOD): the body is the resolution in force, ids kept (so a comparison with the text in force
 *   lines up), to be edited with tracking on. When the conference is known, the number line's
 *   revision mark is proposed at once as a tracked change: `(Rev. Kigali, 2022)` → `(Rev. Baku, 2025)`.
 * - ADD / ADD*: a new resolution from the structure's template — `DRAFT NEW RESOLUTION [SEN-1]`, the
 *   title, the conference's call, one preamble and one operative section to write in.
 * - SUP / SUP* / NOC: the number line and title of the text, as paragraphs; nothing else.
 * Identifiers are computed (./identifiers.ts); the bracketed id of a draft new resolution is kept in
 * step with the order of the ADD proposals by `renumberDraftResolutionsIn`.
 */
import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { isLanguageCode, languageTable, type LanguageCode, type LanguageTable } from '../languages/index.js';
import { buildDoc, newId } from '../model/index.js';
import { acceptedText, coverDate, numberLineOf, theResolution } from '../contribution/index.js';
import { schema, type ProposalSymbol } from '../schema/index.js';
import { trackTransaction, UNTRACKED_META } from '../tracking/index.js';
import { conferencePlaceAndDates, inLanguage, type Conference } from './conferences.js';
import { isAddition, isModification, proposalsOf } from './identifiers.js';
import { UserFacingError } from '../errors/index.js';

/** A proposal that cannot be built; the message is one line, for the user. */
export class ProposalError extends UserFacingError {
  override name = 'ProposalError';
}

export interface ProposalsDocumentOptions {
  language: LanguageCode;
  /** The identifiers' prefix: `SEN`, `RUS`, `AFCP`. */
  source: string;
  /** The source line of the cover: `Senegal (Republic of)`; the prefix when not given. */
  sourceName?: string;
  conference?: Conference | null;
  /** The number part of `Document 56-E`. */
  documentNumber?: string;
  /** The meeting the document goes to (`COMMITTEE 5`); the plenary meeting by default. */
  meeting?: string;
  /** The cover's date as written; today's, in the document's language, by default. */
  date?: string;
  today?: Date;
}

const SOURCE_PREFIX = /^[A-Z][A-Z0-9]{1,9}$/;

/** `56` → `56-E`; `Addendum 1 to Document 56-E`, which has its letter, as given. */
function withLanguageLetter(documentNumber: string, table: LanguageTable): string {
  return /-[A-Z]$/.test(documentNumber) ? documentNumber : `${documentNumber}-${table.documentSuffix}`;
}

/** A new proposals document: the conference's cover and an empty introduction, no proposal yet. */
export function newProposalsDocument(options: ProposalsDocumentOptions): Node {
  const source = options.source.trim().toUpperCase();
  if (!SOURCE_PREFIX.test(source)) {
    throw new ProposalError(
      `"${options.source}" is not a source prefix: use the country or group code, 2 to 10 letters or digits (SEN, RUS, AFCP).`,
    );
  }
  const table = languageTable(options.language);
  const conference = options.conference ?? null;
  const frame = buildDoc({
    language: options.language,
    cover: {
      session: conference ? inLanguage(conference.name, options.language) : '',
      placeAndDates: conference ? conferencePlaceAndDates(conference, options.language, table.contribution.dateLocale) : '',
      meeting: options.meeting ?? table.proposals.plenaryMeeting,
      // Written without the word `Document`, which the cover's writers put before it (as for C26/93-F).
      documentNumber: withLanguageLetter(options.documentNumber ?? '1', table),
      date: options.date ?? coverDate(options.today ?? new Date(), table.contribution),
      originalLanguage: table.contribution.originalLanguage,
      source: options.sourceName ?? source,
      title: table.proposals.documentTitle.toLocaleUpperCase(table.contribution.dateLocale),
    },
    // A document holds at least one block after its cover: the author's introduction, empty to write in.
    blocks: [{ paragraph: '' }],
  });
  // Made with tracking on, as a contribution is (saved with it): edits to a MOD are proposals.
  return schema.nodes.doc!.create(
    { language: options.language, trackingScope: 'resolutions', proposalSource: source, trackChanges: true },
    frame.content,
  );
}

export interface ProposalSpec {
  symbol: ProposalSymbol;
  /** The text in force a MOD, SUP or NOC acts on: a document holding exactly one resolution. */
  inForce?: Node;
  /** The title of an ADD's new resolution, or of a SUP/NOC whose text is not at hand. */
  title?: string;
  conference?: Conference | null;
  /** Author and date of the tracked number-line revision of a MOD. */
  author?: string;
  date?: string;
}

function languageOf(doc: Node): LanguageTable {
  const code = doc.attrs.language as unknown;
  if (!isLanguageCode(code)) throw new ProposalError(`The document's language "${String(code)}" is not one of ar, zh, en, fr, ru, es.`);
  return languageTable(code);
}

const textblock = (type: string, text: string): Node => schema.nodes[type]!.create({ id: newId() }, text ? schema.text(text) : undefined);

function reasons(): Node {
  return textblock('proposal_reasons', '');
}

/** The role's keyword phrase in a table (`considering`, `resolves`), or the role itself. */
function keywordFor(table: LanguageTable, role: string): string {
  return table.keywords.find((entry) => entry.role === role)?.phrase ?? role;
}

/** A new resolution from the structure's template, for an ADD. */
function newResolution(table: LanguageTable, numberLine: string, title: string, conference: Conference | null): Node {
  const call = conference ? inLanguage(conference.call, table.code) : '';
  const built = buildDoc({
    language: table.code,
    blocks: [
      {
        resolution: {
          number: numberLine,
          title,
          call,
          sections: [
            { kind: 'preamble', keyword: keywordFor(table, 'considering'), items: [''] },
            { kind: 'operative', keyword: keywordFor(table, 'resolves'), items: [''] },
          ],
        },
      },
    ],
  });
  return built.firstChild!;
}

/** The draft number line of the `rank`-th ADD of a source: `DRAFT NEW RESOLUTION [SEN-1]`. */
export function draftNumberLine(table: LanguageTable, source: string, rank: number): string {
  return `${table.proposals.draftNewResolution} [${source}-${rank}]`;
}

function titleOf(resolution: Node): string {
  let title = '';
  resolution.forEach((child) => {
    if (child.type.name === 'resolution_title') title = acceptedText(child);
  });
  return title;
}

/** A proposal node for `spec`, to be placed in `doc` (its language and source name the new parts). */
export function buildProposal(doc: Node, spec: ProposalSpec): Node {
  const table = languageOf(doc);
  const source = (doc.attrs.proposalSource as string | null) ?? '?';
  const inForce = spec.inForce ? theResolutionOrRefuse(spec.inForce) : null;
  const target = inForce ? numberLineOf(inForce) : null;

  if (isModification(spec.symbol)) {
    if (!inForce) throw new ProposalError(`A ${spec.symbol} proposal modifies a text in force: give the resolution to modify.`);
    const proposal = schema.nodes.proposal!.create({ id: newId(), symbol: spec.symbol, target }, [inForce, reasons()]);
    return spec.conference ? withRevisedNumberLine(proposal, spec.conference, table, spec.author ?? source, spec.date) : proposal;
  }
  if (isAddition(spec.symbol)) {
    const title = spec.title?.trim() || (inForce ? titleOf(inForce) : '');
    if (!title) throw new ProposalError(`An ${spec.symbol} proposal needs the title of the new resolution.`);
    const rank = proposalsOf(doc).filter((place) => isAddition(place.symbol)).length + 1;
    const resolution = newResolution(table, draftNumberLine(table, source, rank), title, spec.conference ?? null);
    return schema.nodes.proposal!.create({ id: newId(), symbol: spec.symbol, target: null }, [resolution, reasons()]);
  }
  // SUP, SUP*, NOC: the text is named, not reproduced.
  const lines = inForce ? [target ?? '', titleOf(inForce)] : [spec.title?.trim() ?? ''];
  if (!lines.some(Boolean)) throw new ProposalError(`A ${spec.symbol} proposal names a text: give the resolution or its title.`);
  const paragraphs = lines.filter(Boolean).map((line) => textblock('paragraph', line));
  return schema.nodes.proposal!.create({ id: newId(), symbol: spec.symbol, target: target ?? lines[0] ?? null }, [
    ...paragraphs,
    reasons(),
  ]);
}

function theResolutionOrRefuse(source: Node): Node {
  try {
    return theResolution(source);
  } catch (error) {
    throw new ProposalError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * `(Rev. Kigali, 2022)` / `(Rév. Kigali, 2022)` / `(Kigali, 2022)`: the last parenthesis of a number
 * line that ends with a year. Group 1 is what a new conference replaces (place and year).
 */
const REVISION_MARK = /\((?:R[eé]v\.\s*)?([^()]*?\d{4})\)\s*$/u;

/**
 * The MOD's number line with the new conference proposed as a tracked change (the place and year
 * deleted, the new ones inserted); unchanged when the line names no conference (a Council
 * resolution's `(C11, dernière mod. C24)`).
 */
function withRevisedNumberLine(proposal: Node, conference: Conference, table: LanguageTable, author: string, date?: string): Node {
  const doc = schema.nodes.doc!.create({ language: table.code }, [proposal]);
  let from = -1;
  let to = -1;
  doc.descendants((node, pos) => {
    if (from >= 0 || node.type.name !== 'number_line') return from < 0;
    const text = node.textContent;
    const match = REVISION_MARK.exec(text);
    if (match) {
      const start = match.index + match[0].indexOf(match[1]!);
      from = pos + 1 + start;
      to = from + match[1]!.length;
    }
    return false;
  });
  if (from < 0) return proposal;
  const replacement = `${inLanguage(conference.place, table.code)}, ${conference.year}`;
  const state = EditorState.create({ doc });
  const tracked = trackTransaction(
    state.tr.insertText(replacement, from, to),
    state,
    { name: author },
    () => date ?? new Date().toISOString(),
  );
  return tracked.doc.firstChild!;
}

/**
 * `proposal` with a fresh id for every block whose id `doc` already uses (a second proposal on the
 * same text in force): ids are unique in a document. Live references and move records inside the
 * proposal follow their targets' new ids.
 */
function withIdsFreeIn(doc: Node, proposal: Node): Node {
  const taken = new Set<string>();
  doc.descendants((node) => {
    if (typeof node.attrs.id === 'string') taken.add(node.attrs.id);
    return true;
  });
  const renamed = new Map<string, string>();
  proposal.descendants((node) => {
    const id = node.attrs.id;
    if (typeof id === 'string' && taken.has(id)) renamed.set(id, newId());
    return true;
  });
  if (renamed.size === 0) return proposal;
  const rename = (node: Node): Node => {
    const attrs = { ...node.attrs };
    for (const key of ['id', 'target', 'movedFrom']) {
      const value = attrs[key];
      if (typeof value === 'string' && renamed.has(value) && (key !== 'target' || node.type.name === 'cross_reference'))
        attrs[key] = renamed.get(value);
    }
    if (node.isText) return node;
    const children: Node[] = [];
    node.forEach((child) => children.push(rename(child)));
    return node.type.create(attrs, children, node.marks);
  };
  return rename(proposal);
}

/**
 * Adds `proposal` to the document of `tr` at rank `index` + 1 (default: at the end), untracked (a
 * proposal is the delegation's own structure; its MOD body carries the tracked changes), and keeps
 * the draft numbers in order. The editor's Add Proposal and the CLI's `propose` both come here.
 */
export function addProposalIn(tr: Transaction, given: Node, index?: number): Transaction {
  const proposal = withIdsFreeIn(tr.doc, given);
  const places = proposalsOf(tr.doc);
  const at = index === undefined || index >= places.length ? null : places[Math.max(0, index)]!;
  tr.insert(at ? at.pos : tr.doc.content.size, proposal).setMeta(UNTRACKED_META, true);
  return renumberDraftResolutionsIn(tr);
}

/** Moves the proposal of rank `from` (1-based) to rank `to` in the document of `tr`: identifiers and draft numbers follow. */
export function moveProposalIn(tr: Transaction, from: number, to: number): Transaction {
  const places = proposalsOf(tr.doc);
  const moving = places[from - 1];
  if (!moving) throw new ProposalError(`There is no proposal ${from}: the document has ${places.length}.`);
  if (to < 1 || to > places.length) throw new ProposalError(`A proposal can move to 1…${places.length}, not ${to}.`);
  tr.delete(moving.pos, moving.pos + moving.node.nodeSize);
  const rest = proposalsOf(tr.doc);
  tr.insert(to - 1 < rest.length ? rest[to - 1]!.pos : tr.doc.content.size, moving.node).setMeta(UNTRACKED_META, true);
  return renumberDraftResolutionsIn(tr);
}

/** `doc` with `proposal` added at `index` (default: at the end), draft numbers kept in order. */
export function insertProposal(doc: Node, proposal: Node, index?: number): Node {
  return addProposalIn(EditorState.create({ doc }).tr, proposal, index).doc;
}

/** `doc` with the proposal of rank `from` (1-based) moved to rank `to`: identifiers and draft numbers follow. */
export function moveProposal(doc: Node, from: number, to: number): Node {
  return moveProposalIn(EditorState.create({ doc }).tr, from, to).doc;
}

/**
 * Keeps each draft new resolution's bracketed id (`[SEN-2]`) equal to its ADD's rank among the ADD
 * proposals, after a proposal is added, removed or moved. Only number lines that read exactly as a
 * draft number line of this source are touched: a number the user wrote is left alone.
 */
export function renumberDraftResolutionsIn(tr: Transaction): Transaction {
  const table = languageOf(tr.doc);
  const source = (tr.doc.attrs.proposalSource as string | null) ?? '?';
  const pattern = new RegExp(`^${escapeRegExp(table.proposals.draftNewResolution)} \\[${escapeRegExp(source)}-\\d+\\]$`, 'u');
  let rank = 0;
  // Places are those of the document before this loop; each edit's shift is mapped away.
  const before = tr.steps.length;
  for (const place of proposalsOf(tr.doc)) {
    if (!isAddition(place.symbol)) continue;
    rank += 1;
    const resolution = place.node.firstChild;
    const numberLine = resolution?.type.name === 'resolution' ? resolution.firstChild : null;
    if (!numberLine || !pattern.test(numberLine.textContent)) continue;
    const wanted = draftNumberLine(table, source, rank);
    if (numberLine.textContent === wanted) continue;
    // The proposal opens at place.pos, the resolution at +1, the number line at +2, its text at +3.
    const from = tr.mapping.slice(before).map(place.pos + 3);
    tr.insertText(wanted, from, from + numberLine.content.size).setMeta(UNTRACKED_META, true);
  }
  return tr;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
