/** The modal dialog frame of the proposals' and the library's dialogs. */
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

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
