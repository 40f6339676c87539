/**
 * File → New revision of a resolution…: the resolution in force becomes a Council contribution that
 * proposes its revision, shaped like Council document C26/93 (docs/council-format.md, "Cover page"):
 *
 *   cover      session, place and dates, agenda item, document number, date, original language,
 *              source, title, purpose, action required, references — to fill in
 *   I  Introduction   (an empty paragraph to write in)
 *   II Proposal       (an empty paragraph to write in)
 *   ANNEX      the resolution in force, copied node for node, ids kept
 *
 * The resolution keeps its block ids: they name the items the delegate revises, so tracked changes,
 * cross-references and a later comparison with the text in force line up. Every other block is new
 * and gets a fresh id. The document's `trackingScope` is `resolutions`: with tracking on, edits in
 * the annex's resolution are proposed revisions (tracked), while the cover, introduction and proposal
 * are the delegate's own text (shared/tracking/plugin.ts).
 *
 * Words come from the language tables (`cover`, `body`, `annexWords`, `contribution`), in the
 * language of the source: a contribution is written in the language of the text it revises.
 *
 * A source that is already a contribution (it has a cover) is accepted: its resolution, taken from its
 * annex with any tracked changes it carries, starts a new contribution — a counter-proposal to
 * another administration's, or a fresh start from one's own. Its cover and body are left out, and a
 * warning says so; pending tracked changes stay, attributed to their authors, and a warning counts them.
 */
import type { Node } from 'prosemirror-model';
import { isLanguageCode, languageTable, type LanguageCode, type LanguageTable } from '../languages/index.js';
import { COVER_FIELDS, schema, type CoverFieldName, type TrackingScope } from '../schema/index.js';
import { listChanges } from '../tracking/index.js';
import { UserFacingError } from '../errors/index.js';
import { buildDoc } from '../model/index.js';
import { newId } from '../model/index.js';

/** A source that cannot become a contribution; the message is one line, for the user. */
export class ContributionError extends UserFacingError {
  override name = 'ContributionError';
}

/** Cover fields that a Council contribution does not have: a report's own, and a conference document's meeting line. */
const REPORT_ONLY_FIELDS = ['strategicLinks', 'financialImplications', 'meeting'] as const;
export type ContributionCoverField = Exclude<CoverFieldName, (typeof REPORT_ONLY_FIELDS)[number]>;

const isContributionField = (field: CoverFieldName): field is ContributionCoverField =>
  !(REPORT_ONLY_FIELDS as readonly CoverFieldName[]).includes(field);

/** The cover fields a contribution offers, in reading order (the schema's, less the report's own). */
export const CONTRIBUTION_COVER_FIELDS: readonly ContributionCoverField[] = COVER_FIELDS.filter(isContributionField);

export interface ContributionOptions {
  /** Values for cover fields, written as given; they win over the prefilled ones (`date: ''` leaves the date blank). */
  cover?: Partial<Record<ContributionCoverField, string>>;
  /** The day the cover's date is prefilled with; defaults to now. */
  today?: Date;
}

interface Contribution {
  doc: Node;
  language: LanguageCode;
  /** The resolution's number as read from its number line (`1332`), or null when it has none. */
  resolutionNumber: string | null;
  /** Things the user should know, one line each. */
  warnings: string[];
}

/** Outermost resolutions of a document, in order (a resolution inside a resolution's annex belongs to it). */
export function resolutionsIn(doc: Node): Node[] {
  const found: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'resolution') {
      found.push(node);
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/**
 * Whether top-level blocks make a Council contribution: a cover, and a resolution in the body or in
 * an annex (C26/93: cover, introduction, proposal, the resolution in the annex). Only the top level
 * and the annexes are looked at, so the status bar can ask on every refresh.
 */
export function isContribution(content: readonly Node[]): boolean {
  if (!content.some((node) => node.type.name === 'cover')) return false;
  const holdsResolution = (node: Node): boolean => {
    if (node.type.name === 'resolution') return true;
    let found = false;
    if (node.type.name === 'annex') node.forEach((child) => (found ||= child.type.name === 'resolution'));
    return found;
  };
  return content.some(holdsResolution);
}

/**
 * The tracking scope a document opened from Word or text should have: a contribution tracks edits
 * to its resolutions only, as when it was made with New revision…; anything else the whole document.
 */
export function trackingScopeFor(content: readonly Node[]): TrackingScope {
  return isContribution(content) ? 'resolutions' : 'document';
}

/** A textblock's text as it reads with its tracked changes accepted. */
export function acceptedText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText && !child.marks.some((mark) => mark.type.name === 'deletion')) text += child.text ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}

export function numberLineOf(resolution: Node): string {
  const first = resolution.firstChild;
  return first?.type.name === 'number_line' ? acceptedText(first) : '';
}

/**
 * The number in a number line: `RÉSOLUTION 1332 (C11, dernière mod. C24)` → `1332`,
 * `RESOLUTION 30 (Rev. Kigali, 2022)` → `30`. The first number after the table's number-line word, or
 * the first number of the line when the word is not there (a Chinese `第1332号决议`).
 */
export function resolutionNumberOf(numberLine: string, table: LanguageTable): string | null {
  const folded = numberLine.normalize('NFC');
  let rest = folded;
  for (const word of table.numberLineWords) {
    if (folded.toLocaleUpperCase().startsWith(word.toLocaleUpperCase())) {
      rest = folded.slice(word.length);
      break;
    }
  }
  return /\d+(?:[./]\d+)*/u.exec(rest)?.[0] ?? null;
}

/** Today's date as a cover writes it, in the document's language (`23 novembre 2026`). */
export function coverDate(day: Date, words: LanguageTable['contribution']): string {
  return new Intl.DateTimeFormat(words.dateLocale, { day: 'numeric', month: 'long', year: 'numeric' }).format(day);
}

function fill(template: string, number: string): string {
  return template.replaceAll('{number}', number);
}

/** The resolution a contribution or a proposal revises: exactly one in the source, or a one-line refusal. */
export function theResolution(source: Node): Node {
  const found = resolutionsIn(source);
  if (found.length === 0) {
    throw new ContributionError(
      'The document holds no resolution: open the resolution in force (a .plenary, .txt or .docx of the resolution) to revise it.',
    );
  }
  if (found.length > 1) {
    const names = found.map((resolution) => numberLineOf(resolution) || '(no number line)').join('; ');
    throw new ContributionError(
      `The document holds ${found.length} resolutions (${names}): a revision revises one; open a file holding only the resolution to revise.`,
    );
  }
  return found[0]!;
}

/** A new Council contribution proposing a revision of the one resolution in `source`. */
export function contributionFromResolution(source: Node, options: ContributionOptions = {}): Contribution {
  if (source.type !== schema.nodes.doc) throw new ContributionError('The source is not a Plenary document.');
  const language = source.attrs.language as unknown;
  if (!isLanguageCode(language)) {
    throw new ContributionError(`The document's language "${String(language)}" is not one of ar, zh, en, fr, ru, es.`);
  }
  const resolution = theResolution(source);
  const table = languageTable(language);
  const words = table.contribution;
  const warnings: string[] = [];

  const resolutionNumber = resolutionNumberOf(numberLineOf(resolution), table);
  if (resolutionNumber === null)
    warnings.push('The resolution has no number in its number line: complete the title and purpose on the cover.');
  const number = resolutionNumber ?? '…';

  if (source.firstChild?.type.name === 'cover') {
    warnings.push('The document was already a contribution: its resolution was taken from it; its cover and body were left out.');
  }

  const prefilled: Record<ContributionCoverField, string> = {
    session: '',
    placeAndDates: '',
    agendaItem: '',
    documentNumber: '',
    date: coverDate(options.today ?? new Date(), words),
    originalLanguage: words.originalLanguage,
    source: '',
    title: fill(words.title, number),
    purpose: fill(words.purpose, number),
    actionRequired: words.actionRequired,
    references: '',
    ...options.cover,
  };

  // The new parts, each with a fresh id; the resolution is added below as it is.
  const frame = buildDoc({
    language,
    cover: prefilled,
    blocks: [
      { heading: table.body.introduction, numbering: 'roman' },
      { paragraph: '' },
      { heading: table.body.proposal, numbering: 'roman' },
      { paragraph: '' },
    ],
  });
  const annexHeading = schema.nodes.annex_heading!.create({ id: newId() }, schema.text(table.annexWords[0] ?? 'ANNEX'));
  const annex = schema.nodes.annex!.create({ id: newId() }, [annexHeading, resolution]);
  const children: Node[] = [];
  frame.forEach((child) => children.push(child));
  children.push(annex);
  // Tracking on from the start: every edit to the resolution is a proposed revision.
  const doc = schema.nodes.doc!.create({ language, trackingScope: 'resolutions', trackChanges: true }, children);
  doc.check();
  // Everything but the resolution is new, so every tracked change in the document is one it carried.
  const pending = listChanges(doc).length;
  if (pending > 0)
    warnings.push(`The resolution carries ${pending} tracked change(s) already: they stay, with their authors, beside the new ones.`);
  return { doc, language, resolutionNumber, warnings };
}

/** Where the cursor goes in a new contribution: inside the first cover field (the session line). */
export function firstCoverFieldPosition(doc: Node): number | null {
  const cover = doc.firstChild;
  if (cover?.type.name !== 'cover' || !cover.firstChild) return null;
  // doc content starts at 0; the cover opens at 0, its first field at 1, the field's text at 2.
  return 2;
}
