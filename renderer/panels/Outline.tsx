/**
 * The outline: resolutions, sections and items with their labels; click to jump; the entry around
 * the cursor is highlighted and kept in view.
 *
 * Only the rows in view are in the DOM (@tanstack/react-virtual): a resolution has a thousand
 * items, and a thousand rows, even unchanged and contained, cost every frame of typing in the page
 * a few milliseconds of painting and layerizing (measured with a Chromium trace). Rows are memoised
 * by content, so a keystroke in one item re-renders at most one row.
 */
import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OutlineEntry } from '../outline.js';

/** A row's height before it is measured (one line of the panel's text with its padding). */
const ESTIMATED_ROW_PX = 24;
/** Rows rendered beyond each edge of the view, so that scrolling shows no gap. */
const OVERSCAN = 12;

interface RowProps {
  entry: OutlineEntry;
  current: boolean;
  index: number;
  start: number;
  measure(element: HTMLLIElement | null): void;
  onJump(entry: OutlineEntry): void;
}

const Row = memo(function Row(props: RowProps) {
  const { entry, current } = props;
  const style: CSSProperties = {
    transform: `translateY(${props.start}px)`,
    paddingLeft: `${0.5 + Math.max(0, entry.depth - 1) * 0.9}rem`,
  };
  return (
    <li
      ref={props.measure}
      className={`outline-row outline-${entry.kind}${current ? ' outline-current' : ''}`}
      style={style}
      aria-current={current ? 'location' : undefined}
      data-id={entry.id}
      data-index={props.index}
    >
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => props.onJump(entry)}>
        {entry.label ? <span className="outline-label">{entry.label}</span> : null}
        <span className="outline-text">{entry.text || '…'}</span>
      </button>
    </li>
  );
});

export function Outline(props: { entries: OutlineEntry[]; currentId: string | null; onJump(entry: OutlineEntry): void }) {
  const { entries, currentId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    getItemKey: (index) => entries[index]?.id || `row-${index}`,
  });

  // Follow the cursor, not the typing: the rows are looked up when the current entry changes only,
  // so a reader who scrolled the outline elsewhere is not pulled back on every keystroke.
  const latest = useRef(entries);
  latest.current = entries;
  useEffect(() => {
    if (!currentId) return;
    const index = latest.current.findIndex((entry) => entry.id === currentId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [currentId, virtualizer]);

  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      <div ref={scroller} className="outline-scroller">
        <ol style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index]!;
            return (
              <Row
                key={row.key}
                entry={entry}
                current={entry.id === currentId}
                index={row.index}
                start={row.start}
                measure={virtualizer.measureElement}
                onJump={props.onJump}
              />
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
