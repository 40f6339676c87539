/**
 * A footnote in the page: its number in superscript at the anchor (from the labels decoration,
 * `data-label`), and, when the footnote is selected (click on the number, or arrow onto it), a
 * small editor under it where its text is edited. The inner editor's steps are replayed in the
 * outer document, so undo, tracking, recovery and saving see footnote edits like any other edit.
 * (The pattern is ProseMirror's footnote example.)
 */
import type { Node } from 'prosemirror-model';
import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state';
import { StepMap } from 'prosemirror-transform';
import { keymap } from 'prosemirror-keymap';
import { redo, undo } from 'prosemirror-history';
import { EditorView, type MarkViewConstructor, type NodeView } from 'prosemirror-view';

/** Margin between the footnote box and the edge of the window. */
const EDGE = 8;

/**
 * Where the box can be seen: the window, cut to the page's scrolling column (which clips what goes
 * past it: under the changes panel on the right, the status bar below).
 */
function visibleFrame(box: HTMLElement): { left: number; right: number; top: number; bottom: number } {
  const column = box.closest('.page-scroller')?.getBoundingClientRect();
  return {
    left: Math.max(column?.left ?? 0, 0),
    right: Math.min(column?.right ?? window.innerWidth, window.innerWidth),
    top: Math.max(column?.top ?? 0, 0),
    bottom: Math.min(column?.bottom ?? window.innerHeight, window.innerHeight),
  };
}

/**
 * The box opens under the anchor, toward the end of the line; an anchor near the right edge of the
 * page column (or low in it) would put it out of sight. Shift it left, or open it above, to keep it whole.
 */
function keepOnScreen(box: HTMLElement): void {
  const rect = box.getBoundingClientRect();
  const frame = visibleFrame(box);
  const right = frame.right - EDGE;
  if (rect.right > right) box.style.left = `${box.offsetLeft - Math.min(rect.right - right, rect.left - frame.left - EDGE)}px`;
  if (rect.bottom > frame.bottom - EDGE && rect.height < rect.top - frame.top) {
    box.style.top = 'auto';
    box.style.bottom = '1.6em';
  }
  box.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private node: Node;
  private innerView: EditorView | null = null;

  constructor(
    node: Node,
    private readonly outerView: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly marks: Record<string, MarkViewConstructor>,
  ) {
    this.node = node;
    this.dom = document.createElement('sup');
    this.dom.className = 'pl-footnote';
    this.dom.title = node.textContent;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    if (!this.innerView) this.open();
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
    if (this.innerView) this.close();
  }

  private open(): void {
    const popover = this.dom.appendChild(document.createElement('span'));
    popover.className = 'pl-footnote-editor';
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-label', 'Footnote text');
    const leave = (): boolean => {
      // Back to the main text, just after the anchor.
      const pos = this.getPos();
      if (pos === undefined) return false;
      const { state } = this.outerView;
      this.outerView.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos + this.node.nodeSize)));
      this.outerView.focus();
      return true;
    };
    this.innerView = new EditorView(popover, {
      state: EditorState.create({
        doc: this.node,
        plugins: [
          keymap({
            'Mod-z': () => undo(this.outerView.state, this.outerView.dispatch),
            'Mod-y': () => redo(this.outerView.state, this.outerView.dispatch),
            'Shift-Mod-z': () => redo(this.outerView.state, this.outerView.dispatch),
            Escape: leave,
            Enter: leave,
          }),
        ],
      }),
      markViews: this.marks,
      dispatchTransaction: (tr) => this.dispatchInner(tr),
      handleDOMEvents: {
        mousedown: () => {
          // Clicking into the popover while the outer editor has focus must not deselect the footnote.
          if (this.outerView.hasFocus()) this.innerView?.focus();
          return false;
        },
      },
    });
    // Arriving on the footnote from the keyboard goes straight into its text.
    requestAnimationFrame(() => {
      if (!this.innerView) return;
      keepOnScreen(popover);
      this.innerView.focus();
      const end = Selection.atEnd(this.innerView.state.doc);
      this.innerView.dispatch(this.innerView.state.tr.setSelection(end));
    });
  }

  private close(): void {
    this.innerView?.destroy();
    this.innerView = null;
    this.dom.textContent = '';
  }

  private dispatchInner(tr: Transaction): void {
    const inner = this.innerView;
    if (!inner) return;
    const { state, transactions } = inner.state.applyTransaction(tr);
    inner.updateState(state);
    if (tr.getMeta('fromOutside')) return;
    const pos = this.getPos();
    if (pos === undefined) return;
    const outerTr = this.outerView.state.tr;
    const offsetMap = StepMap.offset(pos + 1);
    for (const t of transactions) for (const step of t.steps) outerTr.step(step.map(offsetMap)!);
    if (outerTr.docChanged) this.outerView.dispatch(outerTr);
  }

  update(node: Node): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.dom.title = node.textContent;
    const inner = this.innerView;
    if (inner) {
      const state = inner.state;
      const start = node.content.findDiffStart(state.doc.content);
      if (start !== null && start !== undefined) {
        const ends = node.content.findDiffEnd(state.doc.content);
        if (ends) {
          let { a: endA, b: endB } = ends;
          const overlap = start - Math.min(endA, endB);
          if (overlap > 0) {
            endA += overlap;
            endB += overlap;
          }
          inner.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta('fromOutside', true));
        }
      }
    }
    return true;
  }

  destroy(): void {
    if (this.innerView) this.close();
  }

  stopEvent(event: Event): boolean {
    return !!this.innerView && event.target instanceof globalThis.Node && this.innerView.dom.contains(event.target);
  }

  ignoreMutation(): boolean {
    return true;
  }
}
