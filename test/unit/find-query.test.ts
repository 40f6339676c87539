/** Issue 15, item 9: Find matches across a no-break space ("des TIC"), and replaces literally. */
import { EditorState, TextSelection } from 'prosemirror-state';
import { findNext, getMatchHighlights, replaceAll, search, setSearchState } from 'prosemirror-search';
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/model/index.js';
import { searchQuery } from '../../renderer/panels/find-query.js';

function stateWith(text: string, query: ReturnType<typeof searchQuery>): EditorState {
  const doc = buildDoc({ language: 'fr', blocks: [{ paragraph: text }] });
  const state = EditorState.create({ doc, plugins: [search()] });
  return state.apply(setSearchState(state.tr.setSelection(TextSelection.create(doc, 1)), query));
}

const matches = (state: EditorState) =>
  getMatchHighlights(state)
    .find()
    .map((d) => state.doc.textBetween(d.from, d.to));

describe('Find', () => {
  it('a space typed in Find matches a no-break, narrow no-break or figure space in the text', () => {
    const state = stateWith('le rôle des\u00a0TIC et des TIC\u202fet des\u2007TIC; destic', searchQuery('des TIC', '', false));
    expect(matches(state)).toEqual(['des\u00a0TIC', 'des TIC', 'des\u2007TIC']);
    let next = state;
    expect(findNext(state, (tr) => (next = state.apply(tr)))).toBe(true);
    expect(next.doc.textBetween(next.selection.from, next.selection.to)).toBe('des\u00a0TIC');
  });

  it('regular-expression characters and $ are taken as typed', () => {
    const state = stateWith('coût (1.5 $) et coût (105 $)', searchQuery('(1.5 $)', '($2)', false));
    expect(matches(state)).toEqual(['(1.5 $)']);
    let replaced = state;
    replaceAll(state, (tr) => (replaced = state.apply(tr)));
    expect(replaced.doc.textContent).toBe('coût ($2) et coût (105 $)');
  });

  it('matches case as asked', () => {
    expect(matches(stateWith('SMSI smsi', searchQuery('smsi', '', true)))).toEqual(['smsi']);
    expect(matches(stateWith('SMSI smsi', searchQuery('smsi', '', false)))).toEqual(['SMSI', 'smsi']);
  });
});
