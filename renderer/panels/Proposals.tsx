/**
 * A proposals document to a conference in the editor: the Proposals panel (each proposal's symbol,
 * identifier and subject; click to go to it, arrows to re-order, Reasons still required flagged),
 * the New Proposals dialog (source prefix, conference, document number, language) and the Add
 * Proposal dialog (a symbol, then a text of the library of texts in force, or an ADD's title).
 * Dumb components: the controller does the work.
 */
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { LibraryText } from '../../shared/ipc/index.js';
import { isLanguageCode, type LanguageCode } from '../../shared/languages/index.js';
import { conferenceByCode, conferenceCodes, unverifiedConferenceWarning } from '../../shared/proposals/index.js';
import { PROPOSAL_SYMBOLS, type ProposalSymbol } from '../../shared/schema/index.js';
import type { ProposalEntry } from '../store.js';
import type { NewProposalsRequest } from '../proposals.js';
import type { LibraryAddState } from '../library-add.js';
import { LibraryAddDialog, type LibraryAddActions } from './LibraryAdd.js';
import { LanguageField, Modal } from './Modal.js';

export function ProposalsPanel(props: {
  entries: ProposalEntry[];
  currentId: string | null;
  onJump(id: string): void;
  onMove(id: string, by: -1 | 1): void;
  onAdd(): void;
  /** Inserts a live reference to the proposal at the cursor (`SEN/56/2`, renumbered with the proposals). */
  onReference(id: string): void;
}) {
  const { entries } = props;
  return (
    <section className="proposals-panel" aria-label="Proposals">
      <div className="proposals-head">
        <h2 className="panel-title">Proposals</h2>
        <button type="button" onClick={props.onAdd} title="Add a proposal after the one the cursor is in (Edit → Add Proposal…)">
          + Add…
        </button>
      </div>
      {entries.length === 0 ? <p className="muted proposals-empty">No proposal yet: add MOD, ADD, SUP or NOC proposals.</p> : null}
      <ol>
        {entries.map((entry, index) => (
          <li key={entry.id} className={`proposal-row${entry.id === props.currentId ? ' proposal-current' : ''}`} data-id={entry.id}>
            <button
              type="button"
              className="proposal-jump"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onJump(entry.id)}
            >
              <span className="proposal-symbol">{entry.symbol}</span>
              <span className="proposal-identifier">{entry.identifier}</span>
              <span className="proposal-subject">{entry.subject || '…'}</span>
              {entry.reasonsMissing ? (
                <span className="proposal-warning" title="Reasons are required for this proposal">
                  Reasons!
                </span>
              ) : null}
            </button>
            <button
              type="button"
              aria-label={`Refer to ${entry.identifier} at the cursor`}
              title="Insert a reference to this proposal at the cursor: it follows when proposals are re-ordered"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onReference(entry.id)}
            >
              ↪
            </button>
            <button
              type="button"
              aria-label={`Move ${entry.identifier} up`}
              disabled={index === 0}
              onClick={() => props.onMove(entry.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${entry.identifier} down`}
              disabled={index === entries.length - 1}
              onClick={() => props.onMove(entry.id, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Says so when the chosen conference's entry, or its words in the chosen language, are not confirmed
 * by a source (shared/proposals/SOURCES.md).
 */
function UnverifiedConference(props: { code: string; language: LanguageCode }) {
  const conference = props.code ? conferenceByCode(props.code) : null;
  const warning = conference ? unverifiedConferenceWarning(conference, props.language) : null;
  return warning ? (
    <p className="muted unverified-conference" role="note">
      {warning}
    </p>
  ) : null;
}

export function NewProposalsDialog(props: { language: LanguageCode; onCreate(request: NewProposalsRequest): void; onCancel(): void }) {
  const [source, setSource] = useState('');
  const [conference, setConference] = useState(conferenceCodes()[0] ?? '');
  const [documentNumber, setDocumentNumber] = useState('1');
  const [language, setLanguage] = useState<LanguageCode>(props.language);
  return (
    <Modal
      className="new-proposals-dialog"
      title="New proposals to a conference"
      onCancel={props.onCancel}
      onSubmit={() => source.trim() && props.onCreate({ source: source.trim(), conference: conference || null, documentNumber, language })}
    >
      <label className="form-row">
        Source prefix{' '}
        <input
          value={source}
          maxLength={10}
          placeholder="SEN"
          onChange={(event) => setSource(event.target.value.toUpperCase())}
          aria-label="Source prefix"
        />
      </label>
      <p className="muted">The country or group code that opens every identifier: SEN/56/1.</p>
      <label className="form-row">
        Conference{' '}
        <select value={conference} onChange={(event) => setConference(event.target.value)} aria-label="Conference">
          {conferenceCodes().map((code) => (
            <option key={code} value={code}>
              {conferenceByCode(code)?.verified === false ? `${code} (unverified)` : code}
            </option>
          ))}
          <option value="">(another)</option>
        </select>
      </label>
      <UnverifiedConference code={conference} language={language} />
      <label className="form-row">
        Document number{' '}
        <input
          value={documentNumber}
          maxLength={20}
          onChange={(event) => setDocumentNumber(event.target.value)}
          aria-label="Document number"
        />
      </label>
      <LanguageField value={language} onChange={setLanguage} />
      <div className="modal-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!source.trim()}>
          Create
        </button>
      </div>
    </Modal>
  );
}

const SYMBOL_HELP: Record<ProposalSymbol, string> = {
  MOD: 'modify a text in force (tracked changes)',
  '(MOD)': 'editorial modification of a text in force',
  ADD: 'a new resolution (new text, no marks)',
  'ADD*': 'a consequential new text',
  SUP: 'suppress a text in force',
  'SUP*': 'a consequential suppression',
  NOC: 'no change (stated for clarity)',
};

export function AddProposalDialog(props: {
  onSearch(query: string): Promise<LibraryText[]>;
  onAdd(request: { symbol: ProposalSymbol; textId?: string; title?: string }): void;
  onCancel(): void;
}) {
  const [symbol, setSymbol] = useState<ProposalSymbol>('MOD');
  const [query, setQuery] = useState('');
  const [title, setTitle] = useState('');
  const [hits, setHits] = useState<LibraryText[]>([]);
  const [chosen, setChosen] = useState(0);
  const newText = symbol === 'ADD' || symbol === 'ADD*';
  const { onSearch } = props;

  useEffect(() => {
    if (newText) return;
    let stale = false;
    void onSearch(query).then((found) => {
      if (stale) return;
      setHits(found);
      setChosen(0);
    });
    return () => {
      stale = true;
    };
  }, [query, newText, onSearch]);

  const picked = hits[chosen];
  const submit = () => {
    if (newText) {
      if (title.trim()) props.onAdd({ symbol, title: title.trim() });
    } else if (picked) {
      props.onAdd({ symbol, textId: picked.id });
    } else if (symbol !== 'MOD' && symbol !== '(MOD)' && query.trim()) {
      // A SUP or NOC of a text the library does not hold: named as typed.
      props.onAdd({ symbol, title: query.trim() });
    }
  };
  const onListKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setChosen((index) => Math.min(hits.length - 1, index + 1));
    else if (event.key === 'ArrowUp') setChosen((index) => Math.max(0, index - 1));
    else return;
    event.preventDefault();
  };

  return (
    <Modal className="add-proposal-dialog" title="Add a proposal" onCancel={props.onCancel} onSubmit={submit}>
      <label className="form-row">
        Proposal{' '}
        <select value={symbol} onChange={(event) => setSymbol(event.target.value as ProposalSymbol)} aria-label="Symbol">
          {PROPOSAL_SYMBOLS.map((value) => (
            <option key={value} value={value}>
              {value} — {SYMBOL_HELP[value]}
            </option>
          ))}
        </select>
      </label>
      {newText ? (
        <label className="form-row">
          Title <input value={title} onChange={(event) => setTitle(event.target.value)} aria-label="Title of the new resolution" />
        </label>
      ) : (
        <>
          <label className="form-row">
            Text in force{' '}
            <input
              value={query}
              placeholder="30, Résolution 1332, words of the title…"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onListKey}
              aria-label="Search the library"
              aria-controls="library-results"
            />
          </label>
          <ul id="library-results" className="library-results" role="listbox" aria-label="Texts in force" onKeyDown={onListKey}>
            {hits.map((text, index) => (
              <li
                key={text.id}
                role="option"
                aria-selected={index === chosen}
                className={index === chosen ? 'library-chosen' : ''}
                onClick={() => setChosen(index)}
                onDoubleClick={() => props.onAdd({ symbol, textId: text.id })}
              >
                <span className="library-number">{text.numberLine}</span>
                <span className="library-meta">
                  {text.body ?? '?'} · {text.language}
                </span>
                <span className="library-title">{text.title}</span>
              </li>
            ))}
          </ul>
          {hits.length === 0 ? (
            <p className="muted">
              {symbol === 'MOD' || symbol === '(MOD)'
                ? 'No text in the library matches.'
                : 'Not in the library: the proposal will name the text as typed.'}
            </p>
          ) : null}
        </>
      )}
      <div className="modal-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Add {symbol}
        </button>
      </div>
    </Modal>
  );
}

/** What the proposal dialogs ask of the window (the controller provides it). */
export interface ProposalActions extends LibraryAddActions {
  createProposals(request: NewProposalsRequest): void;
  searchLibrary(query: string): Promise<LibraryText[]>;
  addProposal(request: { symbol: ProposalSymbol; textId?: string; title?: string }): Promise<void>;
  closeProposalDialog(): void;
}

/** The dialog of a proposals document that is open, if any. */
export function ProposalDialogs(props: {
  dialog: 'new' | 'add' | null;
  libraryAdd: LibraryAddState | null;
  language: string;
  actions: ProposalActions;
}) {
  const { actions } = props;
  const onSearch = useCallback((query: string) => actions.searchLibrary(query), [actions]);
  if (props.libraryAdd) return <LibraryAddDialog state={props.libraryAdd} actions={actions} />;
  if (props.dialog === 'new') {
    return (
      <NewProposalsDialog
        language={isLanguageCode(props.language) ? props.language : 'en'}
        onCreate={(request) => actions.createProposals(request)}
        onCancel={() => actions.closeProposalDialog()}
      />
    );
  }
  if (props.dialog === 'add') {
    return (
      <AddProposalDialog
        onSearch={onSearch}
        onAdd={(request) => void actions.addProposal(request)}
        onCancel={() => actions.closeProposalDialog()}
      />
    );
  }
  return null;
}
