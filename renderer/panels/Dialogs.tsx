/**
 * Modal dialogs of the page: the recovery offer at start, the in-page file picker of the browser
 * host (the user picks a file in the folder the host shows; the page never invents a path), and
 * the messages banner.
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { RecoverySnapshot } from '../../shared/ipc/index.js';
import type { PickRequest } from '../host-api.js';
import type { Message } from '../controller/messages.js';
import { REVIEW_VIEW_BANNERS, type ReviewView } from '../editor/review-view.js';

/**
 * A modal dialog's keys, wherever the focus is (a click on the backdrop leaves it on the page):
 * Escape calls `onEscape`; Tab and Shift+Tab stay inside the dialog, wrapping from its last control
 * to its first and back, so the page behind is out of reach as behind a native dialog.
 */
export function useModalKeys(dialog: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The dialog owns these keys: no handler of the page behind sees them.
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        escape.current();
      } else if (event.key === 'Tab' && dialog.current) {
        const controls = [...dialog.current.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), select, textarea')];
        if (controls.length === 0) return;
        const at = controls.indexOf(document.activeElement as HTMLElement);
        const next = at === -1 ? 0 : (at + (event.shiftKey ? -1 : 1) + controls.length) % controls.length;
        event.preventDefault();
        event.stopPropagation();
        controls[next]!.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [dialog]);
}

/**
 * A modal form that asks for one name (a file's, the author's): Escape or `onDone(null)` cancels,
 * submitting gives the trimmed name, and an empty one is never submitted.
 */
export function NameForm(props: {
  className: string;
  title: ReactNode;
  name: string;
  onDone(name: string | null): void;
  children: ReactNode;
}) {
  const titleId = `${props.className}-title`;
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && props.onDone(null)}>
      <form
        className={`modal ${props.className}`}
        role="dialog"
        aria-labelledby={titleId}
        onSubmit={(event) => {
          event.preventDefault();
          if (props.name.trim()) props.onDone(props.name.trim());
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </form>
    </div>
  );
}

export function RecoveryDialog(props: {
  snapshots: RecoverySnapshot[];
  onRestore(snapshot: RecoverySnapshot): void;
  onDiscard(snapshot: RecoverySnapshot): void;
  onLater(): void;
}) {
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-labelledby="recovery-title">
        <h2 id="recovery-title">Restore unsaved work?</h2>
        <p>Plenary was closed without saving. These documents can be restored:</p>
        <ul className="recovery-list">
          {props.snapshots.map((snapshot) => (
            <li key={snapshot.sessionId}>
              <div>
                <strong>{snapshot.name ?? 'Untitled document'}</strong>{' '}
                <span className="muted">— last change {new Date(snapshot.savedAt).toLocaleString()}</span>
                {snapshot.damaged ? <div className="error-text">{snapshot.damaged}</div> : null}
              </div>
              <div className="modal-actions">
                {snapshot.damaged ? null : (
                  <button type="button" className="primary" onClick={() => props.onRestore(snapshot)}>
                    Restore
                  </button>
                )}
                <button type="button" onClick={() => props.onDiscard(snapshot)}>
                  Discard
                </button>
              </div>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={props.onLater}>
            Decide later
          </button>
        </div>
      </div>
    </div>
  );
}

const PURPOSE_TITLE: Record<PickRequest['purpose'], string> = {
  open: 'Open a document',
  revise: 'Choose the resolution to revise',
  library: 'Choose a text to add to the library',
  compare: 'Choose the other version to compare with',
  save: 'Save as',
  export: 'Export to Word',
};

/** `drafts` + `res.plenary` → `drafts/res.plenary`: the path the host resolves inside its folder. */
function inFolder(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/** Up and Down move from file to file in the picker's list, Home and End to either end. */
function moveInList(event: ReactKeyboardEvent, list: HTMLUListElement | null): void {
  if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const buttons = [...list.querySelectorAll('button')];
  if (buttons.length === 0) return;
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  buttons[next]!.focus();
}

export function FilePicker(props: { request: PickRequest; onDone(name: string | null): void }) {
  const { request } = props;
  const [listing, setListing] = useState(request.listing);
  const [name, setName] = useState(request.suggestedName ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Save and export may name a new file; open and revise pick one that exists (or type its name).
  const saving = request.purpose === 'save' || request.purpose === 'export';
  const list = useRef<HTMLUListElement>(null);
  // The dialog takes the focus: the name to type when saving, else the first file (Enter opens it;
  // Up/Down/Home/End move among the entries: moveInList).
  const focusStart = () => {
    const firstFile = saving ? null : list.current?.querySelector<HTMLButtonElement>('button.picker-file');
    if (firstFile) firstFile.focus();
    else input.current?.focus();
  };
  useEffect(focusStart, []);
  const files = listing.entries.filter((entry) => entry.kind !== 'folder');
  const folders = listing.entries.filter((entry) => entry.kind === 'folder');
  const exists = files.some((entry) => entry.name === name);
  const browse = (to: string) => {
    if (!request.browse) return;
    request.browse(to).then(
      (next) => {
        setListing(next);
        setProblem(null);
        input.current?.focus();
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  const up = listing.path.split('/').slice(0, -1).join('/');
  // A typed name may name a sub-folder too (`drafts/res.plenary`): it is relative to the folder shown.
  const done = (chosen: string | null) => props.onDone(chosen === null ? null : inFolder(listing.path, chosen));
  return (
    <NameForm className="picker" title={PURPOSE_TITLE[request.purpose]} name={name} onDone={done}>
      <p className="muted picker-folder" title={listing.folder}>
        In {listing.folder}
      </p>
      <ul className="picker-list" aria-label="Files" ref={list} onKeyDown={(event) => moveInList(event, list.current)}>
        {listing.path && request.browse ? (
          <li>
            <button type="button" className="picker-up" onClick={() => browse(up)}>
              ↑ Up to {up || 'the top folder'}
            </button>
          </li>
        ) : null}
        {folders.map((entry) => (
          <li key={`folder:${entry.name}`}>
            <button type="button" className="picker-folder-entry" onClick={() => browse(inFolder(listing.path, entry.name))}>
              {entry.name}/
            </button>
          </li>
        ))}
        {listing.entries.length === 0 ? <li className="muted">No files here yet.</li> : null}
        {files.map((entry) => (
          <li key={entry.name}>
            <button
              type="button"
              className={entry.name === name ? 'picker-file selected' : 'picker-file'}
              onClick={() => (saving ? setName(entry.name) : done(entry.name))}
            >
              {entry.name}
            </button>
          </li>
        ))}
      </ul>
      <label className="picker-name">
        File name <input ref={input} value={name} onChange={(event) => setName(event.target.value)} aria-label="File name" />
      </label>
      {problem ? <p className="warning-text">{problem}</p> : null}
      {saving && exists ? <p className="warning-text">{name} exists: it will be replaced (the old version is kept as .bak).</p> : null}
      <div className="modal-actions">
        <button type="button" onClick={() => props.onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!name.trim()}>
          {request.purpose === 'save' ? 'Save' : request.purpose === 'export' ? 'Export' : 'Open'}
        </button>
      </div>
    </NameForm>
  );
}

/**
 * The banner: an error is an alert (read out at once), information and progress a status. Every
 * message has its close button, a plain button in the tab order.
 */
export function Messages(props: { messages: readonly Message[]; onDismiss(id: number): void }) {
  if (props.messages.length === 0) return null;
  return (
    <div className="messages">
      {props.messages.map((message) => (
        <div key={message.id} className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <span>{message.text}</span>
          {message.action ? (
            <button type="button" className="message-action" onClick={message.action.run}>
              {message.action.label}
            </button>
          ) : null}
          <button type="button" className="message-close" aria-label="Dismiss" title="Dismiss" onClick={() => props.onDismiss(message.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** The banner over a read-only Final or Original preview, with the way back to editing. */
export function ReviewBanner(props: { view: ReviewView; onBack(): void }) {
  if (props.view === 'markup') return null;
  return (
    <div className={`review-banner review-banner-${props.view}`} role="status">
      <span>{REVIEW_VIEW_BANNERS[props.view]}</span>
      <button type="button" className="primary" onClick={props.onBack}>
        Back to editing (Esc)
      </button>
    </div>
  );
}
