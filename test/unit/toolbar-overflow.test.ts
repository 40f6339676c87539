// @vitest-environment happy-dom
/**
 * The toolbar's one row: which entries fit (toolbar-fit.ts, with the widths Chromium measured of the
 * real toolbar at 13 px), and the More menu that holds the rest, driven by the keyboard as a user
 * does (ToolbarOverflow.tsx). The e2e test (test/e2e/layout.test.ts) checks the same in Chromium.
 */
import { act, createElement, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { visibleCount, type RowSlot } from '../../renderer/panels/toolbar-fit.js';
import { ToolbarOverflow } from '../../renderer/panels/ToolbarOverflow.js';

const entry = (width: number): RowSlot => ({ kind: 'entry', width });
const divider: RowSlot = { kind: 'divider', width: 10 };
/** New, Open, Save | Undo, Redo | + Item: widths as measured in Chromium. */
const row: RowSlot[] = [entry(36), entry(55), entry(40), divider, entry(27), entry(27), divider, entry(47)];
const GAP = 2;
const MORE = 50;
const total = row.reduce((sum, slot) => sum + slot.width, 0) + GAP * (row.length - 1);

describe('which toolbar entries fit on the row', () => {
  it('shows every slot, and no More button, when all fit exactly', () => {
    expect(visibleCount(row, total, MORE, GAP)).toBe(row.length);
    expect(visibleCount(row, 5000, MORE, GAP)).toBe(row.length);
  });

  it('keeps room for More as soon as one pixel is missing, and never ends the row on a divider', () => {
    // One pixel short: + Item goes, and the divider before it (there is no room for it beside More).
    expect(visibleCount(row, total - 1, MORE, GAP)).toBe(6);
    // Room for a divider but not for the entry after it: the divider does not stay last.
    expect(visibleCount([entry(100), divider, entry(100)], 135, 20, 0)).toBe(1);
    // New, Open, Save (131 + 2 gaps) and More after a gap: 185 fits; one pixel less leaves Save out.
    expect(visibleCount(row, 135 + GAP + MORE, MORE, GAP)).toBe(3);
    expect(visibleCount(row, 135 + GAP + MORE - 1, MORE, GAP)).toBe(2);
  });

  it('shows nothing but More when not even the first entry fits', () => {
    expect(visibleCount(row, MORE + 10, MORE, GAP)).toBe(0);
    expect(visibleCount([], 0, MORE, GAP)).toBe(0);
  });

  it('is a prefix that never shrinks as the room grows (a button never jumps back and forth)', () => {
    let before = 0;
    for (let available = 0; available <= total + 5; available++) {
      const count = visibleCount(row, available, MORE, GAP);
      expect(count).toBeGreaterThanOrEqual(before);
      before = count;
    }
    expect(before).toBe(row.length);
  });
});

describe('the More menu', () => {
  let container: HTMLDivElement;
  let root: Root;
  const ran = vi.fn<(name: string) => void>();
  const more = createRef<HTMLButtonElement>();

  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });
  beforeEach(async () => {
    ran.mockClear();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const item = (name: string, group: string, disabled = false) => ({
      key: name,
      group,
      render: () => createElement('button', { type: 'button', role: 'menuitem', disabled, onClick: () => ran(name) }, name),
    });
    await act(async () =>
      root.render(
        createElement(ToolbarOverflow, {
          button: more,
          items: [item('Compare', 'review'), item('Accept', 'review', true), item('Find', 'tools'), item('Check', 'tools')],
        }),
      ),
    );
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  const key = async (name: string) => {
    const target = document.activeElement as HTMLElement;
    await act(async () => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    });
  };
  const menu = () => container.querySelector('[role="menu"]');
  const focused = () => document.activeElement?.textContent;

  it('opens on Down with the focus on its first entry; Up and Down move (over a disabled entry, round the ends); Escape gives the focus back', async () => {
    more.current!.focus();
    await key('ArrowDown');
    expect(more.current!.getAttribute('aria-expanded')).toBe('true');
    expect(focused()).toBe('Compare');
    await key('ArrowDown');
    expect(focused()).toBe('Find');
    await key('ArrowDown');
    expect(focused()).toBe('Check');
    await key('ArrowDown');
    expect(focused()).toBe('Compare');
    await key('ArrowUp');
    expect(focused()).toBe('Check');
    await key('Home');
    expect(focused()).toBe('Compare');
    await key('End');
    expect(focused()).toBe('Check');
    // Another group is set apart.
    expect(menu()!.querySelectorAll('[role="separator"]')).toHaveLength(1);
    await key('Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(more.current);
    expect(ran).not.toHaveBeenCalled();
  });

  it('runs the chosen entry and closes, the focus back on More', async () => {
    await act(async () => more.current!.click());
    expect(focused()).toBe('Compare');
    await key('ArrowDown');
    await act(async () => (document.activeElement as HTMLElement).click());
    expect(ran).toHaveBeenCalledExactlyOnceWith('Find');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(more.current);
  });

  it('closes on a click elsewhere, running nothing', async () => {
    await act(async () => more.current!.click());
    expect(menu()).not.toBeNull();
    await act(async () => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    expect(menu()).toBeNull();
    expect(ran).not.toHaveBeenCalled();
  });
});
