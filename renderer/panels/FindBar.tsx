/**
 * Find and replace over prosemirror-search: the query lives in the editor state (its matches are
 * highlighted in the page); the bar only edits it and runs the search commands.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { centerOn } from '../editor/center-on.js';
import { searchQuery } from './find-query.js';
import { SearchQuery, findNext, findPrev, getMatchHighlights, replaceAll, replaceNext, setSearchState } from 'prosemirror-search';

export function FindBar(props: { view: EditorView; withReplace: boolean; onClose(): void }) {
  const { view } = props;
  const [search, setSearch] = useState('');
  const [replace, setReplace] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [props.withReplace]);

  useEffect(() => {
    const query = searchQuery(search, replace, caseSensitive);
    view.dispatch(setSearchState(view.state.tr, query));
    setCount(search ? getMatchHighlights(view.state).find().length : 0);
  }, [view, search, replace, caseSensitive]);

  // Closing the bar clears the highlights.
  useEffect(() => () => view.dispatch(setSearchState(view.state.tr, new SearchQuery({ search: '' }))), [view]);

  const run = (command: typeof findNext) => () => {
    const before = view.state.selection;
    command(view.state, view.dispatch);
    // The focus stays here, so ProseMirror would not scroll to the match: bring it into view.
    if (!view.state.selection.eq(before)) centerOn(view, view.state.selection.from);
    setCount(search ? getMatchHighlights(view.state).find().length : 0);
  };

  return (
    <div
      className="find-bar"
      role="search"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        } else if (event.key === 'Enter' && event.target === input.current) {
          event.preventDefault();
          run(event.shiftKey ? findPrev : findNext)();
        }
      }}
    >
      <input ref={input} aria-label="Find" placeholder="Find" value={search} onChange={(e) => setSearch(e.target.value)} />
      {/* Tab goes from Find to Replace with, as in Word's dialog; the buttons come after. */}
      {props.withReplace ? (
        <input aria-label="Replace with" placeholder="Replace with" value={replace} onChange={(e) => setReplace(e.target.value)} />
      ) : null}
      <span className="find-count">{search ? `${count} found` : ''}</span>
      <button type="button" onClick={run(findPrev)} disabled={!count} title="Previous (Shift+Enter)">
        ↑
      </button>
      <button type="button" onClick={run(findNext)} disabled={!count} title="Next (Enter)">
        ↓
      </button>
      <label className="find-case">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match case
      </label>
      {props.withReplace ? (
        <>
          <button type="button" onClick={run(replaceNext)} disabled={!count}>
            Replace
          </button>
          <button type="button" onClick={run(replaceAll)} disabled={!count}>
            Replace all
          </button>
        </>
      ) : null}
      <button type="button" className="find-close" onClick={props.onClose} aria-label="Close find">
        ×
      </button>
    </div>
  );
}
