/**
 * Scrolls the page so that a document position stands in the middle of the window. ProseMirror's
 * own scrollIntoView follows the DOM selection, so it does nothing while the focus is elsewhere
 * (the find bar, the changes panel): commands run from a panel scroll with this instead.
 */
import type { EditorView } from 'prosemirror-view';

export function centerOn(view: EditorView, pos: number): void {
  const { node } = view.domAtPos(pos);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center' });
}
