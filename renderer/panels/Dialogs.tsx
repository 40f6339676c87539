/**
 * Modal dialogs of the page: the recovery offer at start, the in-page file picker of the browser
 * host (the user picks a file in the folder the host shows; the page never invents a path), and
 * the messages banner.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RecoverySnapshot } from '../../shared/ipc/index.js';
import type { PickRequest } from '../host-api.js';
import type { Message } from '../controller/messages.js';

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
  compare: 'Choose the other version to compare with',
  save: 'Save as',
  export: 'Export to Word',
};

export function FilePicker(props: { request: PickRequest; onDone(name: string | null): void }) {
  const { request } = props;
  const [name, setName] = useState(request.suggestedName ?? '');
  const input = useRef<HTMLInputElement>(null);
  // Save and export may name a new file; open and revise pick one that exists.
  const typing = request.purpose === 'save' || request.purpose === 'export';
  useEffect(() => input.current?.focus(), []);
  const exists = request.listing.entries.some((entry) => entry.name === name);
  return (
    <NameForm className="picker" title={PURPOSE_TITLE[request.purpose]} name={name} onDone={props.onDone}>
      <p className="muted picker-folder" title={request.listing.folder}>
        In {request.listing.folder}
      </p>
      <ul className="picker-list" aria-label="Files">
        {request.listing.entries.length === 0 ? <li className="muted">No files here yet.</li> : null}
        {request.listing.entries.map((entry) => (
          <li key={entry.name}>
            <button
              type="button"
              className={entry.name === name ? 'selected' : ''}
              onClick={() => (typing ? setName(entry.name) : props.onDone(entry.name))}
            >
              {entry.name}
            </button>
          </li>
        ))}
      </ul>
      {typing ? (
        <label className="picker-name">
          File name <input ref={input} value={name} onChange={(event) => setName(event.target.value)} aria-label="File name" />
        </label>
      ) : null}
      {typing && exists ? <p className="warning-text">{name} exists: it will be replaced (the old version is kept as .bak).</p> : null}
      <div className="modal-actions">
        <button type="button" onClick={() => props.onDone(null)}>
          Cancel
        </button>
        {typing ? (
          <button type="submit" className="primary" disabled={!name.trim()}>
            {request.purpose === 'save' ? 'Save' : 'Export'}
          </button>
        ) : null}
      </div>
    </NameForm>
  );
}

export function Messages(props: { messages: readonly Message[]; onDismiss(id: number): void }) {
  if (props.messages.length === 0) return null;
  return (
    <div className="messages" role="alert">
      {props.messages.map((message) => (
        <div key={message.id} className={`message message-${message.kind}`}>
          <span>{message.text}</span>
          {message.action ? (
            <button type="button" className="message-action" onClick={message.action.run}>
              {message.action.label}
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss" onClick={() => props.onDismiss(message.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
