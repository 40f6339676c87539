/** The status bar: file and unsaved marker, language, tracking state, word count, recovery time. */
import { languageTable } from '../../shared/languages/index.js';

export interface StatusBarProps {
  name: string | null;
  dirty: boolean;
  language: string;
  tracking: boolean;
  wordCount: number;
  recoveredAt: string | null;
  onToggleTracking(): void;
}

export function StatusBar(props: StatusBarProps) {
  let languageName = props.language;
  try {
    languageName = languageTable(props.language).name;
  } catch {
    // An unknown code is shown as is.
  }
  return (
    <footer className="status-bar" role="status">
      <span className="status-file">
        {props.name ?? 'Untitled'}
        {props.dirty ? <span className="status-dirty" title="Unsaved changes"> ●</span> : null}
      </span>
      <span className="status-language" title="Document language">
        {languageName} ({props.language})
      </span>
      <button
        type="button"
        className={`status-tracking${props.tracking ? ' on' : ''}`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={props.onToggleTracking}
      >
        Track changes: {props.tracking ? 'on' : 'off'}
      </button>
      <span className="status-words">{props.wordCount.toLocaleString()} words</span>
      {props.recoveredAt ? (
        <span className="status-recovery" title="A recovery copy is kept until you save">
          recovery copy {new Date(props.recoveredAt).toLocaleTimeString()}
        </span>
      ) : null}
    </footer>
  );
}
