/**
 * What the controller needs of the editor on screen. The window gives it the ProseMirror
 * EditorView (`viewSurface`); the controller's unit tests give it a headless stand-in holding an
 * EditorState, with the same Plenary dispatch (tracking, undo steps), so they need no DOM.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { centerOn } from '../editor/center-on.js';

export interface EditorSurface {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  /** Shows another state (a loaded document, a preview, the markup again), editable or read-only. */
  show(state: EditorState, editable: boolean): void;
  focus(): void;
  /** Scrolls so that `pos` stands in the middle of the window (the focus may be in a panel). */
  center(pos: number): void;
  /** Scrolls the block that starts at `pos` to the middle of the window (its start, if taller than the window). */
  revealBlock(pos: number): void;
}

export function viewSurface(view: EditorView): EditorSurface {
  return {
    get state() {
      return view.state;
    },
    dispatch: (tr) => view.dispatch(tr),
    show: (state, editable) => view.setProps({ state, editable: () => editable }),
    focus: () => view.focus(),
    center: (pos) => centerOn(view, pos),
    revealBlock: (pos) => {
      const dom = view.nodeDOM(pos);
      if (!(dom instanceof HTMLElement)) return;
      // A block taller than the window (a proposal holding a whole resolution) shows from its start,
      // where the caret goes: centred, its middle would show, pages away from the caret.
      const tall = dom.getBoundingClientRect().height > window.innerHeight;
      dom.scrollIntoView({ block: tall ? 'start' : 'center' });
    },
  };
}
