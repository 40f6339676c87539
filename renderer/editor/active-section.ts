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
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name === 'section') {
      found.push({ pos, node });
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

function decorate(state: EditorState, sections: ReadonlyArray<{ pos: number; node: Node }>): ActiveSections {
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
      init: (_config, state) => decorate(state, sectionsTouched(state)),
      apply(tr, value, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return value;
        const sections = sectionsTouched(state);
        // Typing stays in the same section: keep the same set (mapped), so the view redraws nothing.
        const mapped = value.starts.map((pos) => tr.mapping.map(pos, 1));
        if (mapped.length === sections.length && mapped.every((pos, i) => pos === sections[i]!.pos)) {
          return tr.docChanged ? { starts: mapped, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        }
        return decorate(state, sections);
      },
    },
    props: {
      decorations: (state) => activeSectionKey.getState(state)?.decorations,
    },
  });
}
