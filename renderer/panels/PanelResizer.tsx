/**
 * The edge between a side panel and the page, as desktop editors' splitters: drag it with the
 * mouse, or focus it (Tab) and move it with Left/Right (Shift: by larger steps), Home/End for the
 * narrowest/widest; Enter or a double-click gives the panel back its default share of the window.
 * It sets the panel's width variable on the workspace (app.css), within the limits of panel-width.ts.
 */
import { useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { panelWidth, widestPanel, type PanelLimits } from './panel-width.js';

const PANELS = {
  outline: { variable: '--outline-width', selector: '.side-column', other: '.changes', min: 160, label: 'Resize the outline' },
  changes: { variable: '--changes-width', selector: '.changes', other: '.side-column', min: 200, label: 'Resize the changes panel' },
} as const;

/** What the page column keeps at least, whatever the panels. */
const PAGE_MIN = 420;
const STEP = 16;

export function PanelResizer(props: { panel: keyof typeof PANELS }) {
  const spec = PANELS[props.panel];
  const handle = useRef<HTMLDivElement>(null);
  // The width set and the widest allowed, once the user moved the edge (for assistive technology;
  // measured in the handlers only: a render never reads the layout).
  const [value, setValue] = useState<{ now: number; max: number } | null>(null);
  // The outline is on the left (its edge moves right to widen it), the changes panel on the right.
  const widening = props.panel === 'outline' ? 1 : -1;

  const parts = () => {
    const workspace = handle.current?.closest<HTMLElement>('.workspace') ?? null;
    const panel = workspace?.querySelector<HTMLElement>(spec.selector) ?? null;
    const other = workspace?.querySelector<HTMLElement>(spec.other) ?? null;
    return { workspace, panel, other };
  };
  const limits = (): PanelLimits | null => {
    const { workspace, other } = parts();
    if (!workspace) return null;
    return { min: spec.min, workspace: workspace.clientWidth, other: other?.getBoundingClientRect().width ?? 0, pageMin: PAGE_MIN };
  };
  const apply = (wanted: number | null) => {
    const { workspace } = parts();
    const within = limits();
    if (!workspace || !within) return;
    if (wanted === null) {
      workspace.style.removeProperty(spec.variable);
      setValue(null);
      return;
    }
    const next = panelWidth(wanted, within);
    workspace.style.setProperty(spec.variable, `${next}px`);
    setValue({ now: next, max: widestPanel(within) });
  };
  const current = () => parts().panel?.getBoundingClientRect().width ?? spec.min;

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const start = current();
    const move = (moved: PointerEvent) => apply(start + widening * (moved.clientX - startX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const step = event.shiftKey ? STEP * 4 : STEP;
    const within = limits();
    const moves: Record<string, () => void> = {
      ArrowRight: () => apply(current() + widening * step),
      ArrowLeft: () => apply(current() - widening * step),
      Home: () => apply(spec.min),
      End: () => apply(within ? widestPanel(within) : current()),
      Enter: () => apply(null),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <div
      ref={handle}
      className={`panel-resizer panel-resizer-${props.panel}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={spec.label}
      aria-valuemin={spec.min}
      aria-valuemax={value?.max}
      aria-valuenow={value?.now}
      title={`${spec.label} (drag, or arrow keys; double-click for the default width)`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onDoubleClick={() => apply(null)}
      onKeyDown={onKeyDown}
    />
  );
}
