/**
 * Trims the arrays of ProseMirror's view tree after the page changed. Each node of the page has a
 * view description whose `children` array is grown one `splice` at a time while the page is built,
 * which leaves room for 17 entries where an item holds one or two (V8's growth step of an empty
 * array). On the 1,100-item resolution those spare slots held about 0.18 MB, the biggest single
 * share of what the page costs beyond bare ProseMirror (heap snapshot of editor-open.bench.ts).
 * A copy made by `slice` has exactly the room it needs. ProseMirror keeps no reference to these
 * arrays between updates (it reads `desc.children` afresh each time), so a copy simply takes the
 * place of the original.
 *
 * `docView` and `children` are prosemirror-view internals (1.41), reached through a narrow type
 * and checked: if they are not there, nothing is done (test/e2e/long-document.test.ts fails then,
 * so an upgrade that renames them is noticed). Trimming runs when the browser is idle after a
 * change of the document, never on the keystroke path.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

interface ViewTreeNode {
  children?: unknown;
}

/** Replaces each array of the tree below `desc` by an exact copy; returns how many were copied. */
function trim(desc: ViewTreeNode): number {
  const children = desc.children;
  if (!Array.isArray(children) || children.length === 0) return 0;
  const copy = children.slice() as ViewTreeNode[];
  desc.children = copy;
  let trimmed = 1;
  for (const child of copy) trimmed += trim(child);
  return trimmed;
}

/** Trims the view tree of `view` now (see above); returns how many arrays were copied, 0 if the tree was not found. */
export function compactViewTree(view: EditorView): number {
  if (view.isDestroyed) return 0;
  const docView = (view as unknown as { docView?: ViewTreeNode }).docView;
  return docView ? trim(docView) : 0;
}

/** Longest wait for an idle moment before trimming anyway, in ms. */
const IDLE_TIMEOUT_MS = 3000;
/**
 * Least time between two trims, in ms: typing changes one paragraph's arrays at a time, so a trim
 * per pause in the typing would walk the whole tree for a few slots each time.
 */
const MIN_INTERVAL_MS = 4000;

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(task, 0);
}

/**
 * The plugin that trims the page's view tree once after it is built and, afterwards, in an idle
 * moment after the document changed: one trim for any number of changes in between, at most one
 * every few seconds.
 */
export function viewTreeTrimming(): Plugin {
  return new Plugin({
    view(view) {
      let scheduled = false;
      let last = -Infinity;
      const trim = () => {
        scheduled = false;
        last = Date.now();
        const trimmed = compactViewTree(view);
        // What the last trim did, for the end-to-end test (ProseMirror leaves its root's other attributes alone).
        if (trimmed > 0) view.dom.setAttribute('data-trimmed-view-arrays', String(trimmed));
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        const wait = last + MIN_INTERVAL_MS - Date.now();
        if (wait > 0) setTimeout(() => whenIdle(trim), wait);
        else whenIdle(trim);
      };
      schedule();
      return {
        update(updated, previous) {
          if (updated.state.doc !== previous.doc) schedule();
        },
      };
    },
  });
}
