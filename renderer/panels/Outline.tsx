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
import type { Node } from 'prosemirror-model';
import { entryPreview, type Outline as OutlineList, type OutlineKind } from '../outline.js';
import type { TranslationStatus } from '../../shared/translation/index.js';
import { directionOf } from '../../shared/languages/index.js';

/** One line of the panel's text with its padding. */
const LINE_PX = 22;
/** Space above the first row of a resolution, section or annex, which groups the rows below it. */
const SPACE_ABOVE_PX: Record<OutlineKind, number> = { title: 0, resolution: 4, section: 4, annex: 8, heading: 4, item: 0 };
const rowHeight = (kind: OutlineKind): number => LINE_PX + SPACE_ABOVE_PX[kind];
/** Rows rendered beyond each edge of the view, so that scrolling shows no gap. */
const OVERSCAN = 6;

/**
 * A row's props are the entry's parts, not an entry object: the outline makes no object per entry
 * (renderer/outline.ts), and a row whose node, label, depth and place are unchanged is not drawn again.
 */
interface RowProps {
  node: Node;
  id: string;
  kind: OutlineKind;
  label: string;
  depth: number;
  translation: TranslationStatus | undefined;
  current: boolean;
  start: number;
  onJump(id: string): void;
}

const Row = memo(function Row(props: RowProps) {
  const { kind, current, translation } = props;
  const style: CSSProperties = {
    transform: `translateY(${props.start}px)`,
    height: `${rowHeight(kind)}px`,
    paddingTop: `${SPACE_ABOVE_PX[kind]}px`,
    // Inline start: the right in an Arabic outline, as on its page.
    paddingInlineStart: `${0.5 + Math.max(0, props.depth - 1) * 0.9}rem`,
  };
  return (
    <li
      className={`outline-row outline-${kind}${current ? ' outline-current' : ''}${translation ? ` outline-tr-${translation}` : ''}`}
      data-translation={translation}
      style={style}
      aria-current={current ? 'location' : undefined}
      data-id={props.id}
    >
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => props.onJump(props.id)}>
        {props.label ? <span className="outline-label">{props.label}</span> : null}
        {/* Each entry's text in its own direction: a French item still to translate in an Arabic outline reads from its start. */}
        <span className="outline-text" dir="auto">
          {entryPreview(props.node, kind) || '…'}
        </span>
      </button>
    </li>
  );
});

export function Outline(props: { outline: OutlineList; currentId: string | null; language?: string; onJump(id: string): void }) {
  const { outline, currentId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: outline.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => rowHeight(outline.kind(index)),
    overscan: OVERSCAN,
    // The rows' heights are known: re-render with React's own scheduling, never synchronously.
    useFlushSync: false,
    getItemKey: (index) => (index < outline.length ? outline.id(index) : '') || `row-${index}`,
  });

  // Follow the cursor, not the typing: the rows are looked up when the current entry changes only,
  // so a reader who scrolled the outline elsewhere is not pulled back on every keystroke.
  const latest = useRef(outline);
  latest.current = outline;
  useEffect(() => {
    if (!currentId) return;
    const index = latest.current.indexOf(currentId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [currentId, virtualizer]);

  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      {outline.length === 0 ? <p className="outline-empty">No sections or headings in this document</p> : null}
      <div ref={scroller} className="outline-scroller">
        <ol style={{ height: virtualizer.getTotalSize() }} lang={props.language} dir={directionOf(props.language ?? '')}>
          {virtualizer.getVirtualItems().map((row) => {
            const id = outline.id(row.index);
            return (
              <Row
                key={row.key}
                node={outline.node(row.index)}
                id={id}
                kind={outline.kind(row.index)}
                label={outline.label(row.index)}
                depth={outline.depth(row.index)}
                translation={outline.translation(row.index)}
                current={id !== '' && id === currentId}
                start={row.start}
                onJump={props.onJump}
              />
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
