/** The modal dialog frame of the proposals' and the library's dialogs, and the fields they share. */
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { LANGUAGE_CODES, languageTable, type LanguageCode } from '../../shared/languages/index.js';

/** One of the six languages, by its name. */
export function LanguageField(props: { value: LanguageCode; onChange(language: LanguageCode): void }) {
  return (
    <label className="form-row">
      Language{' '}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value as LanguageCode)} aria-label="Language">
        {LANGUAGE_CODES.map((code) => (
          <option key={code} value={code}>
            {languageTable(code).name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The modal frame the proposals' and the library's dialogs share: focus on the first field (or button), Esc cancels. */
export function Modal(props: { className: string; title: string; onSubmit(): void; onCancel(): void; children: ReactNode }) {
  const form = useRef<HTMLFormElement>(null);
  // The first class names the dialog: an id holds no space.
  const titleId = `${props.className.split(' ')[0]}-title`;
  useEffect(
    () => (form.current?.querySelector<HTMLElement>('input, select') ?? form.current?.querySelector<HTMLElement>('button'))?.focus(),
    [],
  );
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}>
      <form
        ref={form}
        className={`modal ${props.className}`}
        role="dialog"
        aria-labelledby={titleId}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </form>
    </div>
  );
}
