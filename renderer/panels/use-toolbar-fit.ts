/**
 * Keeps the toolbar on one row: measures its width and each slot's (ResizeObserver: read after the
 * browser's own layout, never forcing one while the user types) and says how many slots show
 * (toolbar-fit.ts); the rest go into the More menu. A slot's width is remembered once measured, so
 * the slots in the menu count with the width they had on the row. Until every slot has been measured
 * (the first paint, or where there is no ResizeObserver) all of them show.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { visibleCount, type RowSlot } from './toolbar-fit.js';

/** A divider's key starts with this; every other key is an entry's. */
export const DIVIDER_KEY = '|';

/** The More button's width before it was ever shown (about "More ▾" in the toolbar's font). */
const MORE_WIDTH_GUESS = 72;

export function useToolbarFit(keys: readonly string[]): {
  row: RefObject<HTMLDivElement | null>;
  more: RefObject<HTMLButtonElement | null>;
  shown: number;
} {
  const row = useRef<HTMLDivElement | null>(null);
  const more = useRef<HTMLButtonElement | null>(null);
  const widths = useRef(new Map<string, number>());
  const available = useRef(0);
  const moreWidth = useRef(MORE_WIDTH_GUESS);
  const keysNow = useRef(keys);
  keysNow.current = keys;
  const [shown, setShown] = useState(keys.length);
  const observer = useRef<ResizeObserver | null>(null);

  const fit = () => {
    const list = keysNow.current;
    if (available.current <= 0 || list.some((key) => !widths.current.has(key))) return setShown(list.length);
    const slots: RowSlot[] = list.map((key) => ({
      kind: key.startsWith(DIVIDER_KEY) ? 'divider' : 'entry',
      width: widths.current.get(key)!,
    }));
    const gap = row.current ? parseFloat(getComputedStyle(row.current).columnGap) || 0 : 0;
    setShown(visibleCount(slots, available.current, moreWidth.current, gap));
  };
  const fitNow = useRef(fit);
  fitNow.current = fit;

  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined' || !row.current?.parentElement) return;
    const bar = row.current.parentElement;
    const watcher = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        const width = entry.borderBoxSize[0]?.inlineSize ?? target.offsetWidth;
        if (target === bar) available.current = entry.contentBoxSize[0]?.inlineSize ?? bar.clientWidth;
        else if (target === more.current) {
          if (width > 0) moreWidth.current = width;
        } else if (width > 0 && target.dataset.fitKey) widths.current.set(target.dataset.fitKey, width);
      }
      fitNow.current();
    });
    watcher.observe(bar);
    observer.current = watcher;
    return () => {
      watcher.disconnect();
      observer.current = null;
    };
  }, []);

  // Slots come and go (the row shows fewer, or more, of them): each new one is measured once shown.
  useLayoutEffect(() => {
    const watcher = observer.current;
    if (!watcher || !row.current) return;
    for (const slot of row.current.querySelectorAll<HTMLElement>('[data-fit-key]')) watcher.observe(slot);
    if (more.current) watcher.observe(more.current);
  });

  // A slot whose width is not known yet (a new drop-down) shows all again, to be measured.
  useLayoutEffect(() => fitNow.current(), [keys.join('\n')]);

  return { row, more, shown: Math.min(shown, keys.length) };
}
