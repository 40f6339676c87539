/**
 * IME compositions (and dead keys, which Chrome composes too) over a selection, in suggestion mode.
 *
 * An untracked composition replaces the selection with its text, then rewrites that text as the
 * user types on. Tracked, the first update keeps the selected text (marked deleted) and inserts the
 * composed text after it: the browser's composition range no longer covers what it composed, and
 * the next updates grow beside the first character instead of replacing it ("b文書" for "文書").
 * So when a composition starts over a selection with tracking on, the selection is deleted first —
 * tracked, as Backspace would — and the composition grows at the collapsed cursor, before the
 * struck-through text, where the tracker makes it one insertion. (After the struck-through text the
 * same fragmenting happens: the browser composes at the edge of the deletion's element.)
 */
import { Plugin } from 'prosemirror-state';
import { trackingState } from '../../shared/tracking/index.js';

export function compositionGuard(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        compositionstart(view) {
          const { state } = view;
          if (!trackingState(state)?.enabled || state.selection.empty || view.composing) return false;
          view.dispatch(state.tr.deleteSelection().scrollIntoView());
          // ProseMirror's own composition handling runs next, on the collapsed cursor.
          return false;
        },
      },
    },
  });
}
