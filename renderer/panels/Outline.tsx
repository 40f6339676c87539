/**
 * The outline: the title, resolutions, sections, items and headings with their labels; click to
 * jump; the entry around the cursor is highlighted and kept in view. A document with none of them
 * says so rather than showing an empty panel.
 *
 * Only the rows in view are in the DOM (@tanstack/react-virtual): a resolution has a thousand
 * items, and a thousand rows, even unchanged and contained, cost every frame of typing in the page
 * a few milliseconds of painting and layerizing (measured with a Chromium trace). Rows have fixed
 * heights, set here: measuring them (ResizeObserver, a synchronous re-render per measurement) cost
 * tens of milliseconds per panel refresh. Rows are memoised by content, so a keystroke in one item
 * re-renders at most one row.
 */
import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OutlineEntry, OutlineKind } from '../outline.js';
import { directionOf } from '../../shared/languages/index.js';

/** One line of the panel's text with its padding. */
const LINE_PX = 22;
/** Space above the first row of a resolution, section or annex, which groups the rows below it. */
const SPACE_ABOVE_PX: Record<OutlineKind, number> = { title: 0, resolution: 4, section: 4, annex: 8, heading: 4, item: 0 };
const rowHeight = (entry: OutlineEntry): number => LINE_PX + SPACE_ABOVE_PX[entry.kind];
/** Rows rendered beyond each edge of the view, so that scrolling shows no gap. */
const OVERSCAN = 12;

interface RowProps {
  entry: OutlineEntry;
  current: boolean;
  start: number;
  onJump(entry: OutlineEntry): void;
}

const Row = memo(function Row(props: RowProps) {
  const { entry, current } = props;
  const style: CSSProperties = {
    transform: `translateY(${props.start}px)`,
    height: `${rowHeight(entry)}px`,
    paddingTop: `${SPACE_ABOVE_PX[entry.kind]}px`,
    // Inline start: the right in an Arabic outline, as on its page.
    paddingInlineStart: `${0.5 + Math.max(0, entry.depth - 1) * 0.9}rem`,
  };
  return (
    <li
      className={`outline-row outline-${entry.kind}${current ? ' outline-current' : ''}${entry.translation ? ` outline-tr-${entry.translation}` : ''}`}
      data-translation={entry.translation}
      style={style}
      aria-current={current ? 'location' : undefined}
      data-id={entry.id}
    >
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => props.onJump(entry)}>
        {entry.label ? <span className="outline-label">{entry.label}</span> : null}
        {/* Each entry's text in its own direction: a French item still to translate in an Arabic outline reads from its start. */}
        <span className="outline-text" dir="auto">
          {entry.text || '…'}
        </span>
      </button>
    </li>
  );
});

export function Outline(props: {
  entries: OutlineEntry[];
  currentId: string | null;
  language?: string;
  onJump(entry: OutlineEntry): void;
}) {
  const { entries, currentId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => rowHeight(entries[index]!),
    overscan: OVERSCAN,
    // The rows' heights are known: re-render with React's own scheduling, never synchronously.
    useFlushSync: false,
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
      {entries.length === 0 ? <p className="outline-empty">No sections or headings in this document</p> : null}
      <div ref={scroller} className="outline-scroller">
        <ol style={{ height: virtualizer.getTotalSize() }} lang={props.language} dir={directionOf(props.language ?? '')}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index]!;
            return <Row key={row.key} entry={entry} current={entry.id === currentId} start={row.start} onJump={props.onJump} />;
          })}
        </ol>
      </div>
    </nav>
  );
}
