/**
 * What the changes panel shows for each TrackedChange: what was done (in words), by whom, when (in
 * the reader's local time), where (section keyword and item label) and an excerpt. Pure, so the
 * wording and the author filter are tested without a page.
 */
import type { TrackedChange } from '../../shared/tracking/index.js';
import { sessionAuthorColours, type AuthorColours } from '../editor/author-colours.js';

export interface ChangeRow {
  /** Unique per row: one change id may carry both an insertion and a deletion (a replacement). */
  key: string;
  id: string;
  /** Every change the row stands for (one user action may be several changes): what Accept/Reject take. */
  ids: readonly string[];
  kind: TrackedChange['kind'];
  /** "Inserted", "Deleted item", "Paragraph split"… */
  what: string;
  author: string;
  /** Local, readable; empty when the change has no valid date. */
  when: string;
  /** ISO date as stored, for the tooltip and `<time dateTime>`. */
  date: string;
  /** "décide 4 c)", "Footnote 2 (décide 3)", "Cover: title", or "" outside sections. */
  where: string;
  excerpt: string;
  /** The author's colour (author-colours.ts), the same as their changes in the text. */
  colour: number;
}

/** Block types as a reader names them. */
const BLOCK_NAMES: Record<string, string> = {
  item: 'item',
  item_text: 'paragraph',
  item_list: 'list',
  continuation: 'paragraph',
  paragraph: 'paragraph',
  heading: 'heading',
  numbered_paragraph: 'numbered paragraph',
  section: 'section',
  section_keyword: 'keyword',
  annex: 'annex',
  annex_heading: 'annex heading',
  annex_title: 'annex title',
  footnote: 'footnote',
  resolution: 'resolution',
  resolution_title: 'title',
  call: 'call',
  cover_field: 'cover field',
};

export function describeChange(change: Pick<TrackedChange, 'kind' | 'scope' | 'blockType' | 'moved'>): string {
  if (change.moved) {
    const name = BLOCK_NAMES[change.blockType ?? ''] ?? 'block';
    // Word's wording: the two halves of a move are "Moved (from)" and "Moved (to)".
    return change.kind === 'insertion' ? `Moved ${name} (to)` : `Moved ${name} (from)`;
  }
  const verb = change.kind === 'insertion' ? 'Inserted' : 'Deleted';
  switch (change.scope) {
    case 'text':
      return change.blockType === 'footnote' ? `${verb} footnote` : verb;
    case 'paragraph-mark':
      // An inserted paragraph mark splits a paragraph (Enter); a deleted one joins two.
      return change.kind === 'insertion' ? 'Paragraph split' : 'Paragraphs joined';
    case 'block': {
      const type = change.blockType ?? '';
      return `${verb} ${BLOCK_NAMES[type] ?? type.replace(/_/g, ' ')}`.trim();
    }
  }
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The date in the reader's locale and time zone; '' for a missing or unreadable date. */
export function readableDate(iso: string, format: Intl.DateTimeFormat = DATE_FORMAT): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : format.format(new Date(time));
}

/** `placeAndDates` → `place and dates`. */
function fieldWords(name: string): string {
  return name.replace(/([A-Z])/g, ' $1').toLowerCase();
}

export function whereOf(change: Pick<TrackedChange, 'section' | 'label' | 'footnote' | 'coverField'>): string {
  if (change.coverField !== undefined) return `Cover: ${fieldWords(change.coverField)}`;
  const place = [change.section, change.label].filter((part) => part !== undefined && part !== '').join(' ');
  if (change.footnote !== undefined) return place ? `Footnote ${change.footnote} (${place})` : `Footnote ${change.footnote}`;
  return place;
}

export function changeRows(
  changes: readonly TrackedChange[],
  format: Intl.DateTimeFormat = DATE_FORMAT,
  colours: AuthorColours = sessionAuthorColours,
): ChangeRow[] {
  return changes.map((change) => ({
    key: `${change.id}:${change.kind}`,
    id: change.id,
    ids: change.ids ?? [change.id],
    kind: change.kind,
    what: describeChange(change),
    author: change.author,
    when: readableDate(change.date, format),
    date: change.date,
    where: whereOf(change),
    excerpt: change.excerpt,
    colour: colours.of(change.author),
  }));
}

/** The panel's author filter: null shows everyone's changes. */
export function filterByAuthor<T extends { author: string }>(rows: readonly T[], author: string | null): readonly T[] {
  return author === null ? rows : rows.filter((row) => row.author === author);
}

/** The authors, in order of their first change (the filter's options). */
export function authorsOf(changes: readonly Pick<TrackedChange, 'author'>[]): string[] {
  return [...new Set(changes.map((c) => c.author))];
}

/** "Accept all", or "Accept all by Marie" when the list is filtered. */
export function bulkLabel(decision: 'accept' | 'reject', author: string | null): string {
  const verb = decision === 'accept' ? 'Accept all' : 'Reject all';
  return author === null ? verb : `${verb} by ${author}`;
}
