/**
 * How far a side panel's edge may be dragged (renderer/panels/panel-width.ts): its floor, the share
 * of the window the stylesheet allows, and the room the page column always keeps.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SHARE, panelWidth, widestPanel } from '../../renderer/panels/panel-width.js';

/** A 1366-pixel window with the outline (246 px) open beside the changes panel being dragged. */
const laptop = { min: 200, workspace: 1366, other: 246, pageMin: 420 };

describe('the width a dragged panel gets', () => {
  it('follows the drag between its floor and its ceiling, in whole pixels', () => {
    expect(panelWidth(300.4, laptop)).toBe(300);
    expect(panelWidth(20, laptop)).toBe(200);
    expect(panelWidth(-500, laptop)).toBe(200);
    expect(widestPanel(laptop)).toBe(Math.round(1366 * MAX_SHARE));
    expect(panelWidth(2000, laptop)).toBe(widestPanel(laptop));
  });

  it('always leaves the page column its room beside the other panel', () => {
    const crowded = { min: 200, workspace: 1024, other: 350, pageMin: 420 };
    expect(widestPanel(crowded)).toBe(1024 - 350 - 420);
    for (const wanted of [0, 150, 253, 254, 255, 300, 5000]) {
      const width = panelWidth(wanted, crowded);
      expect(crowded.workspace - crowded.other - width).toBeGreaterThanOrEqual(crowded.pageMin);
    }
  });

  it('keeps its floor even when the window has no room left (the page column then narrows instead)', () => {
    const tiny = { min: 200, workspace: 700, other: 300, pageMin: 420 };
    expect(widestPanel(tiny)).toBe(200);
    expect(panelWidth(600, tiny)).toBe(200);
  });
});
