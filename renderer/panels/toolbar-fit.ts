/**
 * Which of the toolbar's entries fit on its one row (pure: the widths are measured by
 * use-toolbar-fit.ts). The row is a sequence of entries with a divider between groups; what does not
 * fit at the end goes into the More menu, in order, as Word and the code editors do: a prefix of the
 * row always shows, so a button never jumps to another place when the window narrows a little.
 */

/** One thing on the row, as wide as measured (its border box, without the gap after it). */
export interface RowSlot {
  kind: 'entry' | 'divider';
  width: number;
}

/**
 * How many slots of the row show: all when they fit in `available`; otherwise as many as fit with
 * the More button after them (`moreWidth`, one gap before it), a divider never left last.
 */
export function visibleCount(slots: readonly RowSlot[], available: number, moreWidth: number, gap: number): number {
  const total = slots.reduce((sum, slot, index) => sum + slot.width + (index > 0 ? gap : 0), 0);
  if (total <= available) return slots.length;
  let used = 0;
  let count = 0;
  for (const [index, slot] of slots.entries()) {
    const width = slot.width + (index > 0 ? gap : 0);
    if (used + width + gap + moreWidth > available) break;
    used += width;
    count = index + 1;
  }
  while (count > 0 && slots[count - 1]!.kind === 'divider') count--;
  return count;
}
