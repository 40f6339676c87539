/**
 * Marks the sections holding the selection (`pl-section-active`), so that the stylesheet keeps them
 * out of `content-visibility: auto`. Chromium does keep a section with the caret rendered, but it
 * decides so at the next frame: on a loaded machine, a keystroke can land in between, and the
 * browser then types into a section it treats as out of sight (the first character of a new item
 * ended up in a text node ProseMirror did not know, in the end-to-end tests). The section being
 * edited is simply always rendered.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

const ACTIVE = { class: 'pl-section-active' };

interface ActiveSections {
  /** Start positions of the sections the selection touches. */
  starts: readonly number[];
  decorations: DecorationSet;
}

export const activeSectionKey = new PluginKey<ActiveSections>('plenary-active-section');

function sectionsTouched(state: EditorState): Array<{ pos: number; node: Node }> {
  const { from, to } = state.selection;
  const found: Array<{ pos: number; node: Node }> = [];
  state.doc.nodesBetween(from, Math.max(to, from), (node, pos) => {
    if (node.type.name === 'section') {
      found.push({ pos, node });
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

function activeSections(state: EditorState): ActiveSections {
  const sections = sectionsTouched(state);
  return {
    starts: sections.map((s) => s.pos),
    decorations: DecorationSet.create(
      state.doc,
      sections.map((s) => Decoration.node(s.pos, s.pos + s.node.nodeSize, ACTIVE)),
    ),
  };
}

export function activeSectionPlugin(): Plugin<ActiveSections> {
  return new Plugin<ActiveSections>({
    key: activeSectionKey,
    state: {
      init: (_config, state) => activeSections(state),
      apply(tr, value, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return value;
        const next = activeSections(state);
        // Typing stays in the same section: keep the same set (mapped), so the view redraws nothing.
        const mapped = value.starts.map((pos) => tr.mapping.map(pos, 1));
        if (mapped.length === next.starts.length && mapped.every((pos, i) => pos === next.starts[i])) {
          return tr.docChanged ? { starts: next.starts, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        }
        return next;
      },
    },
    props: {
      decorations: (state) => activeSectionKey.getState(state)?.decorations,
    },
  });
}
