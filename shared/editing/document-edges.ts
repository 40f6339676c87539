/**
 * Ctrl+Home / Ctrl+End (Cmd+Up / Cmd+Down on a Mac), with Shift to extend the selection: the caret to
 * the start or the end of the document, done by the editor rather than the browser. The page does
 * not lay out sections far out of sight (content-visibility), and the browser's own move to the end
 * of the document stops at the last text it has laid out.
 */
import { Selection, TextSelection } from 'prosemirror-state';
import type { Command } from './context.js';

function toDocumentEdge(edge: 'start' | 'end', extend: boolean): Command {
  return (state, dispatch) => {
    const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
    if (dispatch) {
      const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target;
      dispatch(state.tr.setSelection(selection).scrollIntoView());
    }
    return true;
  };
}

/** The document-edge keys for the platform (`mac`: Cmd+Up/Down too, as macOS has them). */
export function documentEdgeKeymap(mac: boolean): Record<string, Command> {
  const keys: Record<string, Command> = {
    'Mod-Home': toDocumentEdge('start', false),
    'Mod-End': toDocumentEdge('end', false),
    'Shift-Mod-Home': toDocumentEdge('start', true),
    'Shift-Mod-End': toDocumentEdge('end', true),
  };
  if (mac) {
    keys['Mod-ArrowUp'] = toDocumentEdge('start', false);
    keys['Mod-ArrowDown'] = toDocumentEdge('end', false);
    keys['Shift-Mod-ArrowUp'] = toDocumentEdge('start', true);
    keys['Shift-Mod-ArrowDown'] = toDocumentEdge('end', true);
  }
  return keys;
}
