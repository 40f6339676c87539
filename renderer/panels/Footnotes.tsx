/** The footnotes at the foot of the page, numbered through the document; click one to edit it. */
import type { FootnoteEntry } from '../outline.js';

export function Footnotes(props: { notes: FootnoteEntry[]; onSelect(note: FootnoteEntry): void }) {
  if (props.notes.length === 0) return null;
  return (
    <aside className="footnotes" aria-label="Footnotes">
      <hr />
      <ol>
        {props.notes.map((note) => (
          <li key={note.id} value={note.number}>
            <button
              type="button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onSelect(note)}
              title="Edit this footnote"
            >
              <sup>{note.number}</sup> <bdi>{note.text || <em>(empty footnote)</em>}</bdi>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
