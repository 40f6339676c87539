/**
 * How wide a side panel may be made by dragging its edge (pure: PanelResizer.tsx measures). It keeps
 * its floor, never takes more than MAX_SHARE of the workspace (the stylesheet caps it there too, for
 * a window narrowed afterwards: app.css), and always leaves the page column `pageMin` beside the
 * other panel — so no drag can push the page under a panel or make the window scroll sideways.
 */

/** The largest share of the window a side panel may take (`30vw` in app.css and changes.css). */
export const MAX_SHARE = 0.3;
export interface PanelLimits {
  /** The panel's narrowest width. */
  min: number;
  /** The workspace's width (the window's, less nothing: the panels and the page share it). */
  workspace: number;
  /** The other side panel's width (0 when it is closed). */
  other: number;
  /** What the page column keeps at least. */
  pageMin: number;
}

export function panelWidth(wanted: number, limits: PanelLimits): number {
  const max = Math.max(limits.min, Math.min(limits.workspace * MAX_SHARE, limits.workspace - limits.other - limits.pageMin));
  return Math.round(Math.min(max, Math.max(limits.min, wanted)));
}

/** The widest a panel may be, as `panelWidth` allows it (for the splitter's aria-valuemax). */
export function widestPanel(limits: PanelLimits): number {
  return panelWidth(Number.POSITIVE_INFINITY, limits);
}
