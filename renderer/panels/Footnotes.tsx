/**
 * The footnotes at the foot of the page, numbered through the document; click one to edit it.
 *
 * Rows are memoised by their note and share one click handler for the panel's life: a refresh of
 * the panels after a keystroke draws again only the note that changed, and React keeps no second
 * copy of the others (a resolution has dozens of notes).
 */
import { memo, useCallback, useRef } from 'react';
import type { FootnoteEntry } from '../outline.js';

const Note = memo(function Note(props: { note: FootnoteEntry; onSelect(note: FootnoteEntry): void }) {
  const { note } = props;
  return (
    <li value={note.number}>
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => props.onSelect(note)} title="Edit this footnote">
        <sup>{note.number}</sup> <bdi>{note.text || <em>(empty footnote)</em>}</bdi>
      </button>
    </li>
  );
}, sameNote);

function sameNote(a: { note: FootnoteEntry }, b: { note: FootnoteEntry }): boolean {
  return a.note.id === b.note.id && a.note.number === b.note.number && a.note.text === b.note.text;
}

export function Footnotes(props: { notes: FootnoteEntry[]; onSelect(note: FootnoteEntry): void }) {
  const latest = useRef(props.onSelect);
  latest.current = props.onSelect;
  const select = useCallback((note: FootnoteEntry) => latest.current(note), []);
  if (props.notes.length === 0) return null;
  return (
    <aside className="footnotes" aria-label="Footnotes">
      <hr />
      <ol>
        {props.notes.map((note) => (
          <Note key={note.id} note={note} onSelect={select} />
        ))}
      </ol>
    </aside>
  );
}
