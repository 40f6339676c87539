/**
 * Asked when a save finds the file on disk changed since it was opened or last saved here (by
 * another program, another window, another tab of the browser host): overwrite it, save this
 * version under another name, reload the file (dropping the edits here), or cancel. Nothing is lost
 * unasked: Escape and Cancel leave both versions as they are, and the safe choice, Save As…, has
 * the focus.
 *
 * And the question asked before a command replaces a document with unsaved changes (New, Open, a
 * dropped file, New revision, Compare…, a restored snapshot) — in the page rather than
 * window.confirm, which a browser may suppress: the command would then do nothing without a word.
 * Cancel has the focus and Escape cancels. FileDialogs shows them, with the browser host's picker:
 * the dialogs a file command waits on.
 */
import { useEffect, useRef } from 'react';
import type { ConflictChoice, SaveConflict } from '../session.js';
import type { PickRequest } from '../host-api.js';
import { FilePicker, useModalKeys } from './Dialogs.js';

function when(changedAt: string): string {
  return new Date(changedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function ConflictDialog(props: { conflict: SaveConflict; onChoose(choice: ConflictChoice): void }) {
  const { conflict, onChoose } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const saveAs = useRef<HTMLButtonElement>(null);
  useEffect(() => saveAs.current?.focus(), []);
  useModalKeys(dialog, () => onChoose('cancel'));
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="modal conflict-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        aria-describedby="conflict-what"
      >
        <h2 id="conflict-title">{conflict.name} was changed on disk</h2>
        <p id="conflict-what">
          {conflict.changedAt
            ? `Another program or window changed the file at ${when(conflict.changedAt)}, after you opened or last saved it here.`
            : 'Another program or window deleted or moved the file after you opened or last saved it here.'}{' '}
          Your changes are not saved yet.
        </p>
        <dl className="conflict-choices">
          <dt>Overwrite</dt>
          <dd>saves your version over the file; the version on disk is kept beside it as .bak.</dd>
          <dt>Save As…</dt>
          <dd>keeps both: your version goes to a file of another name.</dd>
          <dt>Reload from Disk</dt>
          <dd>opens the version on disk here; your changes since the last save are dropped.</dd>
        </dl>
        <div className="modal-actions">
          <button type="button" onClick={() => onChoose('cancel')}>
            Cancel
          </button>
          <button type="button" onClick={() => onChoose('reload')}>
            Reload from Disk
          </button>
          <button type="button" onClick={() => onChoose('overwrite')}>
            Overwrite
          </button>
          <button ref={saveAs} type="button" className="primary" onClick={() => onChoose('save-as')}>
            Save As…
          </button>
        </div>
      </div>
    </div>
  );
}

export function DiscardDialog(props: { question: string; onAnswer(discard: boolean): void }) {
  const { question, onAnswer } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  useModalKeys(dialog, () => onAnswer(false));
  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal discard-dialog" role="alertdialog" aria-modal="true" aria-labelledby="discard-title">
        <h2 id="discard-title">{question}</h2>
        <p>Your changes since the last save will be lost.</p>
        <div className="modal-actions">
          <button ref={cancel} type="button" onClick={() => onAnswer(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => onAnswer(true)}>
            Discard
          </button>
        </div>
      </div>
    </div>
  );
}

/** What the file commands' dialogs report to: the controller. */
export interface FileDialogActions {
  picked(name: string | null): void;
  discardAnswered(discard: boolean): void;
  conflictChosen(choice: ConflictChoice): void;
}

/** The dialogs a file command may open while it waits: the picker, the discard question, the save conflict. */
export function FileDialogs(props: {
  pick: PickRequest | null;
  discard: string | null;
  conflict: SaveConflict | null;
  actions: FileDialogActions;
}) {
  const { actions } = props;
  return (
    <>
      {props.pick ? <FilePicker request={props.pick} onDone={(name) => actions.picked(name)} /> : null}
      {props.discard ? <DiscardDialog question={props.discard} onAnswer={(discard) => actions.discardAnswered(discard)} /> : null}
      {props.conflict ? <ConflictDialog conflict={props.conflict} onChoose={(choice) => actions.conflictChosen(choice)} /> : null}
    </>
  );
}
