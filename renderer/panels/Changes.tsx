/**
 * The changes panel (Word's Reviewing Pane): every tracked change with what was done, by whom,
 * when, where (section keyword and item label) and an excerpt; a filter by author; Accept / Reject
 * on each entry and for all the listed changes. Clicking an entry selects the change in the page.
 *
 * The list comes from the store's deferred snapshot, computed only while the panel is shown; the
 * actions name changes by id, so a list a moment older than the document still acts on the right ones.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { TrackedChange } from '../../shared/tracking/index.js';
import { authorsOf, bulkLabel, changeRows, filterByAuthor, type ChangeRow } from './change-rows.js';
import { PanelResizer } from './PanelResizer.js';

export interface ChangesProps {
  changes: readonly TrackedChange[];
  /** The row (`id:kind`) of the change at the cursor. */
  current: string | null;
  /** The author filter: null for everyone. */
  author: string | null;
  onAuthor(author: string | null): void;
  onSelect(row: ChangeRow): void;
  onReview(decision: 'accept' | 'reject', row: ChangeRow): void;
  onReviewAll(decision: 'accept' | 'reject', author: string | null): void;
  onClose(): void;
}

const Row = memo(function Row(props: {
  row: ChangeRow;
  current: boolean;
  onSelect: ChangesProps['onSelect'];
  onReview: ChangesProps['onReview'];
}) {
  const { row } = props;
  return (
    <li
      className={`change-row change-${row.kind} change-author-${row.colour}${props.current ? ' change-current' : ''}`}
      data-change-id={row.id}
      aria-current={props.current || undefined}
    >
      <button type="button" className="change-main" onClick={() => props.onSelect(row)} title="Select this change in the document">
        <span className="change-head">
          <span className="change-what">{row.what}</span>
          {row.where ? <bdi className="change-where">{row.where}</bdi> : null}
        </span>
        <span className="change-meta">
          <span className={`change-author pl-author-${row.colour}`}>{row.author || 'Unknown author'}</span>
          {row.when ? (
            <time className="change-date" dateTime={row.date} title={row.date}>
              {row.when}
            </time>
          ) : null}
        </span>
        {row.excerpt ? (
          <span className="change-excerpt" dir="auto">
            {row.excerpt}
          </span>
        ) : null}
      </button>
      <span className="change-actions">
        <button
          type="button"
          className="change-accept"
          aria-label={`Accept: ${row.what} ${row.where}`.trim()}
          title="Accept this change"
          onClick={() => props.onReview('accept', row)}
        >
          ✓ Accept
        </button>
        <button
          type="button"
          className="change-reject"
          aria-label={`Reject: ${row.what} ${row.where}`.trim()}
          title="Reject this change"
          onClick={() => props.onReview('reject', row)}
        >
          ✗ Reject
        </button>
      </span>
    </li>
  );
}, sameRow);

/**
 * The list is rebuilt from a fresh listChanges at each refresh: rows that read the same are left
 * alone, so a keystroke with the panel open re-renders the changed rows only.
 */
function sameRow(
  a: { row: ChangeRow; current: boolean; onSelect: unknown; onReview: unknown },
  b: { row: ChangeRow; current: boolean; onSelect: unknown; onReview: unknown },
): boolean {
  const x = a.row;
  const y = b.row;
  return (
    a.current === b.current &&
    a.onSelect === b.onSelect &&
    a.onReview === b.onReview &&
    x.key === y.key &&
    x.what === y.what &&
    x.author === y.author &&
    x.date === y.date &&
    x.where === y.where &&
    x.excerpt === y.excerpt &&
    x.colour === y.colour &&
    x.ids.join() === y.ids.join()
  );
}

export function Changes(props: ChangesProps) {
  const { changes, author, onSelect, onReview } = props;
  const rows = useMemo(() => changeRows(changes), [changes]);
  const authors = useMemo(() => authorsOf(changes), [changes]);
  // A filter on an author whose changes are all reviewed shows nothing: fall back to everyone.
  const filter = author !== null && authors.includes(author) ? author : null;
  const shown = useMemo(() => filterByAuthor(rows, filter), [rows, filter]);
  const list = useRef<HTMLOListElement>(null);
  // The panel follows the cursor from change to change, as Word's reviewing pane does.
  useEffect(() => {
    if (!props.current) return;
    list.current?.querySelector('.change-current')?.scrollIntoView({ block: 'nearest' });
  }, [props.current]);
  return (
    <aside className="changes" aria-label="Tracked changes">
      <PanelResizer panel="changes" />
      <header className="changes-header">
        <h2 className="panel-title">
          Changes <span className="changes-count">{shown.length === rows.length ? rows.length : `${shown.length} of ${rows.length}`}</span>
        </h2>
        <button type="button" className="changes-close" aria-label="Close the changes panel" onClick={props.onClose}>
          ×
        </button>
      </header>
      <div className="changes-tools">
        <label className="changes-filter">
          <span>By</span>
          <select
            aria-label="Show changes by"
            value={filter ?? ''}
            onChange={(event) => props.onAuthor(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">All authors</option>
            {authors.map((name) => (
              <option key={name} value={name}>
                {name || 'Unknown author'}
              </option>
            ))}
          </select>
        </label>
        <span className="changes-bulk">
          <button type="button" disabled={shown.length === 0} onClick={() => props.onReviewAll('accept', filter)}>
            {bulkLabel('accept', filter)}
          </button>
          <button type="button" disabled={shown.length === 0} onClick={() => props.onReviewAll('reject', filter)}>
            {bulkLabel('reject', filter)}
          </button>
        </span>
      </div>
      {rows.length === 0 ? <p className="changes-empty muted">No tracked changes in this document.</p> : null}
      <ol className="changes-list" ref={list}>
        {shown.map((row) => (
          <Row key={row.key} row={row} current={row.key === props.current} onSelect={onSelect} onReview={onReview} />
        ))}
      </ol>
    </aside>
  );
}
