/**
 * The section holding the selection is marked so that the page never leaves it to
 * content-visibility (renderer/editor/active-section.ts): one section for a caret, every section a
 * selection spans, and typing keeps the very same marking (nothing for the view to redraw).
 */
import { readFileSync } from 'node:fs';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { activeSectionKey, activeSectionPlugin } from '../../renderer/editor/active-section.js';
import { importText } from '../../shared/import/index.js';
import { keywordText } from '../../shared/numbering/index.js';
import { itemPos } from '../support/resolution-places.js';

const RES_1332 = importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8'), { language: 'fr' }).doc;

function marked(state: EditorState): string[] {
  const decorations = activeSectionKey.getState(state)!.decorations.find();
  return decorations.map((d) => keywordText(state.doc.nodeAt(d.from)!));
}

function at(pos: number, head = pos): EditorState {
  return EditorState.create({ doc: RES_1332, plugins: [activeSectionPlugin()], selection: TextSelection.create(RES_1332, pos, head) });
}

describe('the active section', () => {
  it('is the section of the caret, and none on the title', () => {
    expect(marked(at(itemPos(RES_1332, 'décide', 2) + 2))).toEqual(['décide']);
    expect(marked(at(3))).toEqual([]);
  });

  it('is every section a selection spans', () => {
    const state = at(itemPos(RES_1332, 'reconnaissant', 1) + 2, itemPos(RES_1332, 'décide', 0) + 2);
    expect(marked(state)).toEqual(['reconnaissant', 'notant', 'décide']);
  });

  it('stays the same set while typing in it, and moves with the caret to another section', () => {
    const start = at(itemPos(RES_1332, 'notant', 0) + 2);
    const before = activeSectionKey.getState(start)!;
    const typed = start.apply(start.tr.insertText('abc'));
    expect(activeSectionKey.getState(typed)!.starts).toEqual(before.starts);
    expect(marked(typed)).toEqual(['notant']);
    const moved = typed.apply(typed.tr.setSelection(TextSelection.create(typed.doc, itemPos(typed.doc, 'considérant', 0) + 2)));
    expect(marked(moved)).toEqual(['considérant']);
  });
});
