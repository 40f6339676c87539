/**
 * File → Add to Library…: where the text comes from (a file, or the open document), then what was
 * read — number, body, version, language, as the library guessed them, to correct before adding —
 * and, when the library already holds that text, whether to replace it or keep both. Props in,
 * callbacks out: the controller does the work.
 */
import { useState } from 'react';
import type { LibraryDuplicateChoice, LibraryTextInfo } from '../../shared/ipc/index.js';
import type { LanguageCode } from '../../shared/languages/index.js';
import { BODIES, type Body } from '../../shared/proposals/index.js';
import { libraryTextLine, type LibraryAddState, type LibraryCandidate } from '../library-add.js';
import { LanguageField, Modal } from './Modal.js';

/** What the dialog asks of the window (the controller provides it). */
export interface LibraryAddActions {
  libraryFromFile(): Promise<void>;
  libraryFromDocument(): void;
  confirmLibraryAdd(info: LibraryTextInfo, duplicate?: LibraryDuplicateChoice): Promise<void>;
  closeLibraryAdd(): void;
}

export function LibraryAddDialog(props: { state: LibraryAddState; actions: LibraryAddActions }) {
  const { state, actions } = props;
  const cancel = () => actions.closeLibraryAdd();
  if (state.step === 'source') {
    return (
      <Modal className="library-add-dialog" title="Add to the library" onCancel={cancel} onSubmit={() => void actions.libraryFromFile()}>
        <p className="muted">A text in force (a resolution or decision) that proposals can then name and modify.</p>
        <div className="modal-actions">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" onClick={() => actions.libraryFromDocument()}>
            This document
          </button>
          <button type="submit" className="primary">
            From a file…
          </button>
        </div>
      </Modal>
    );
  }
  if (state.step === 'duplicate') {
    return (
      <Modal
        className="library-add-dialog library-duplicate"
        title="Already in the library"
        onCancel={cancel}
        onSubmit={() => void actions.confirmLibraryAdd(state.info, 'replace')}
      >
        <p>
          The library already holds {libraryTextLine(state.existing)}: {state.existing.title}.
        </p>
        <div className="modal-actions">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" onClick={() => void actions.confirmLibraryAdd(state.info, 'keep-both')}>
            Keep both
          </button>
          <button type="submit" className="primary">
            Replace
          </button>
        </div>
      </Modal>
    );
  }
  return <ConfirmText candidate={state.candidate} actions={actions} />;
}

/** What was read, editable: the library files the text under these. */
function ConfirmText(props: { candidate: LibraryCandidate; actions: LibraryAddActions }) {
  const { candidate, actions } = props;
  const [number, setNumber] = useState(candidate.guessed.number ?? '');
  const [body, setBody] = useState<Body | ''>(candidate.guessed.body ?? '');
  const [version, setVersion] = useState(candidate.guessed.version);
  const [language, setLanguage] = useState<LanguageCode>(candidate.guessed.language);
  const numberProblem =
    number.trim() !== '' && !/^\d{1,6}(?:[./]\d{1,6}){0,3}$/.test(number.trim()) ? 'A number such as 30 or 1332.' : null;
  const versionProblem = version.trim() === '' ? 'The version, such as Rev. Kigali, 2022.' : null;
  const submit = () => {
    if (numberProblem || versionProblem) return;
    void actions.confirmLibraryAdd({ number: number.trim() || null, body: body || null, version: version.trim(), language });
  };
  return (
    <Modal className="library-add-dialog" title="Add to the library" onCancel={() => actions.closeLibraryAdd()} onSubmit={submit}>
      <p className="library-candidate">
        <strong>{candidate.numberLine}</strong>
        <br />
        {candidate.title}
        <br />
        <span className="muted">from {candidate.name}</span>
      </p>
      <label className="form-row">
        Number <input value={number} maxLength={30} onChange={(event) => setNumber(event.target.value)} aria-label="Number" />
      </label>
      {numberProblem ? <p className="field-problem">{numberProblem}</p> : null}
      <label className="form-row">
        Body{' '}
        <select value={body} onChange={(event) => setBody(event.target.value as Body | '')} aria-label="Body">
          {BODIES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
          <option value="">(not known)</option>
        </select>
      </label>
      <label className="form-row">
        Version <input value={version} maxLength={200} onChange={(event) => setVersion(event.target.value)} aria-label="Version" />
      </label>
      {versionProblem ? <p className="field-problem">{versionProblem}</p> : null}
      <LanguageField value={language} onChange={setLanguage} />
      <div className="modal-actions">
        <button type="button" onClick={() => actions.closeLibraryAdd()}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={Boolean(numberProblem || versionProblem)}>
          Add to library
        </button>
      </div>
    </Modal>
  );
}
