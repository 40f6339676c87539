/**
 * The outline: resolutions, sections and items with their labels; click to jump; the entry around
 * the cursor is highlighted and kept in view. Rows are memoised by content, so a keystroke in one
 * item re-renders one row.
 */
import { memo, useEffect, useRef } from 'react';
import type { OutlineEntry } from '../outline.js';

const Row = memo(function Row(props: { entry: OutlineEntry; current: boolean; onJump(entry: OutlineEntry): void }) {
  const { entry, current } = props;
  return (
    <li
      className={`outline-row outline-${entry.kind}${current ? ' outline-current' : ''}`}
      style={{ paddingLeft: `${0.5 + Math.max(0, entry.depth - 1) * 0.9}rem` }}
      aria-current={current ? 'location' : undefined}
      data-id={entry.id}
    >
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => props.onJump(entry)}>
        {entry.label ? <span className="outline-label">{entry.label}</span> : null}
        <span className="outline-text">{entry.text || '…'}</span>
      </button>
    </li>
  );
});

export function Outline(props: { entries: OutlineEntry[]; currentId: string | null; onJump(entry: OutlineEntry): void }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!props.currentId || !list.current) return;
    const row = list.current.querySelector(`[data-id="${CSS.escape(props.currentId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [props.currentId]);
  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      <ol ref={list}>
        {props.entries.map((entry, index) => (
          <Row key={entry.id || `${entry.kind}-${index}`} entry={entry} current={entry.id === props.currentId} onJump={props.onJump} />
        ))}
      </ol>
    </nav>
  );
}
