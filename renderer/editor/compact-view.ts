/**
 * Trims the arrays of ProseMirror's view tree once a document is shown. Each node of the page has
 * a view description whose `children` array is grown one `splice` at a time while the page is
 * built, which leaves room for 17 entries where an item holds one or two (V8's growth step): on the
 * 1,100-item resolution those spare slots held about 0.2 MB (heap snapshot of editor-open.bench.ts).
 * A copy has exactly the room it needs. ProseMirror keeps no reference to these arrays between
 * updates (it reads `desc.children` afresh each time), so the copies simply take their place.
 *
 * `docView` and `children` are prosemirror-view internals (1.41), reached through a narrow type;
 * if they are not there, nothing is done.
 */
import type { EditorView } from 'prosemirror-view';

interface ViewTreeNode {
  children: ViewTreeNode[];
}

function trim(desc: ViewTreeNode): void {
  const children = desc.children;
  if (!Array.isArray(children) || children.length === 0) return;
  desc.children = children.slice();
  for (const child of desc.children) trim(child);
}

/** Trims the view tree of `view` (see above). */
export function compactViewTree(view: EditorView): void {
  const docView = (view as unknown as { docView?: ViewTreeNode }).docView;
  if (docView) trim(docView);
}

/** Trims it when the browser is idle, after the page has been painted. */
export function compactViewTreeWhenIdle(view: EditorView): void {
  const run = () => {
    if (!view.isDestroyed) compactViewTree(view);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 0);
}
