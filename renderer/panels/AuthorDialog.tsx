/**
 * Asks for the name written on tracked changes: once, when tracking is first switched on without a
 * name in the settings, and whenever the user asks (Edit → Author Name…, the author in the status
 * bar). An in-page dialog, not window.prompt: it looks like the rest of the app and works in the
 * browser host.
 */
import { useEffect, useRef, useState } from 'react';
import { NameForm } from './Dialogs.js';
import { isUnsetAuthor } from '../controller/author.js';

/** The longest name the settings accept (node/services/settings.ts, AUTHOR_NAME_MAX). */
const MAX_LENGTH = 200;

export function AuthorDialog(props: { initial: string; firstTime: boolean; onDone(name: string | null): void }) {
  const [name, setName] = useState(isUnsetAuthor(props.initial) ? '' : props.initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const trimmed = name.trim();
  return (
    <NameForm
      className="author-dialog"
      title={props.firstTime ? 'Who is making these changes?' : 'Author name'}
      name={name}
      onDone={props.onDone}
    >
      <p className="muted">
        Your name is written on every tracked change you make, so that the editors know whose proposal it is. It is kept in your settings.
      </p>
      <label className="picker-name">
        Name{' '}
        <input
          ref={input}
          value={name}
          maxLength={MAX_LENGTH}
          autoComplete="name"
          onChange={(event) => setName(event.target.value)}
          aria-label="Author name"
        />
      </label>
      <div className="modal-actions">
        <button type="button" onClick={() => props.onDone(null)}>
          {props.firstTime ? 'Later' : 'Cancel'}
        </button>
        <button type="submit" className="primary" disabled={!trimmed}>
          Save
        </button>
      </div>
    </NameForm>
  );
}
