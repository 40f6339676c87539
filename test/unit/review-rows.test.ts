/** The rows of the changes panel: wording, dates, places and the author filter. */
import { describe, expect, it } from 'vitest';
import { listChanges, type TrackedChange } from '../../shared/tracking/index.js';
import { authorsOf, bulkLabel, changeRows, describeChange, filterByAuthor, readableDate, whereOf } from '../../renderer/panels/change-rows.js';
import { asAuthor, at, deleteText, trackedSession, typeAt } from './review-support.js';

const UTC = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

describe('change rows', () => {
  it('say what, who, when and where for each change of a tracked session on Res 1332', () => {
    let state = trackedSession('Marie');
    state = deleteText(state, 'principal ');
    state = asAuthor(state, 'Jean');
    state = typeAt(state, at(state.doc, 'de mettre à jour régulièrement'), 'Nouveau: ');
    const changes = listChanges(state.doc);
    const rows = changeRows(changes, UTC);
    expect(rows.map((r) => [r.what, r.author, r.where, r.excerpt])).toEqual([
      ['Deleted', 'Marie', 'décide 1', 'principal '],
      ['Inserted', 'Jean', 'charge le Secrétaire général 1', 'Nouveau: '],
    ]);
    expect(rows[0]!.when).toBe(UTC.format(new Date(changes[0]!.date)));
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(authorsOf(changes)).toEqual(['Marie', 'Jean']);
    expect(filterByAuthor(rows, 'Jean').map((r) => r.excerpt)).toEqual(['Nouveau: ']);
    expect(filterByAuthor(rows, null)).toHaveLength(2);
  });

  it('name block and paragraph-mark changes in words', () => {
    const change = (c: Partial<TrackedChange>) => ({ kind: 'insertion', scope: 'text', ...c }) as TrackedChange;
    expect(describeChange(change({ scope: 'block', blockType: 'item' }))).toBe('Inserted item');
    expect(describeChange(change({ kind: 'deletion', scope: 'block', blockType: 'section' }))).toBe('Deleted section');
    expect(describeChange(change({ kind: 'deletion', scope: 'block', blockType: 'numbered_paragraph' }))).toBe('Deleted numbered paragraph');
    expect(describeChange(change({ scope: 'block', blockType: 'unknown_thing' }))).toBe('Inserted unknown thing');
    expect(describeChange(change({ scope: 'paragraph-mark' }))).toBe('Paragraph split');
    expect(describeChange(change({ kind: 'deletion', scope: 'paragraph-mark' }))).toBe('Paragraphs joined');
    expect(describeChange(change({ blockType: 'footnote' }))).toBe('Inserted footnote');
    expect(describeChange(change({ scope: 'block', blockType: 'item', moved: true }))).toBe('Moved item (to)');
    expect(describeChange(change({ kind: 'deletion', scope: 'block', blockType: 'item', moved: true }))).toBe('Moved item (from)');
  });

  it('show a readable local date, nothing for a missing or broken one', () => {
    expect(readableDate('2026-03-04T09:05:00Z', UTC)).toBe('4 Mar 2026, 09:05');
    expect(readableDate('', UTC)).toBe('');
    expect(readableDate('not a date', UTC)).toBe('');
  });

  it('place a change by section keyword and label, and word the bulk buttons after the filter', () => {
    expect(whereOf({ section: 'décide', label: '3' })).toBe('décide 3');
    expect(whereOf({ section: 'notant' })).toBe('notant');
    expect(whereOf({})).toBe('');
    expect(bulkLabel('accept', null)).toBe('Accept all');
    expect(bulkLabel('reject', 'Marie')).toBe('Reject all by Marie');
  });
});
