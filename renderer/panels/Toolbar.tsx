/**
 * The toolbar: file commands, undo/redo, structure inserts (item, section with a keyword from the
 * language table, footnote, annex), review (tracking, the changes panel, next/previous change,
 * accept/reject, the Markup/Final/Original views) and find. Buttons only send commands; the App runs them.
 */
import { useMemo, type ReactNode } from 'react';
import { LANGUAGE_CODES, languageTable, type LanguageCode } from '../../shared/languages/index.js';
import type { SectionKind } from '../../shared/schema/index.js';
import { REVIEW_VIEWS, REVIEW_VIEW_NAMES, type ReviewView } from '../editor/review-view.js';

export type ToolbarCommand =
  | 'new-resolution'
  | 'new-revision'
  | 'open'
  | 'save'
  | 'save-as'
  | 'export-docx'
  | 'export-docx-final'
  | 'export-docx-original'
  | 'undo'
  | 'redo'
  | 'insert-item'
  | 'insert-footnote'
  | 'insert-annex'
  | 'demote'
  | 'promote'
  | 'move-up'
  | 'move-down'
  | 'toggle-tracking'
  | 'toggle-changes'
  | 'compare'
  | 'previous-change'
  | 'next-change'
  | 'accept-change'
  | 'reject-change'
  | 'view-markup'
  | 'view-final'
  | 'view-original'
  | 'find'
  | 'toggle-outline'
  | 'check';

export interface ToolbarProps {
  language: string;
  canUndo: boolean;
  canRedo: boolean;
  tracking: boolean;
  /** Whether the changes panel is shown. */
  changesVisible: boolean;
  /** Markup, Final or Original: Final and Original are read-only previews. */
  reviewView: ReviewView;
  onCommand(command: ToolbarCommand): void;
  onInsertSection(kind: SectionKind, keyword: string): void;
  /** Items a reference can point at: id, computed label, section keyword and the first words. */
  referenceTargets: ReadonlyArray<{ id: string; label: string; section: string; text: string }>;
  onInsertReference(targetId: string): void;
  /** Relabels the document in another language's alphabet and reference wording. */
  onLanguage(language: LanguageCode): void;
}

function Button(props: { label: string; title: string; onClick(): void; disabled?: boolean; pressed?: boolean; name?: string }) {
  return (
    <button
      type="button"
      className="tb-button"
      title={props.title}
      aria-label={props.title}
      aria-pressed={props.pressed}
      data-command={props.name}
      disabled={props.disabled}
      // Keep the focus (and the selection) in the document.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

/**
 * A drop-down that runs an action and shows its placeholder again: pick an entry, the action runs
 * with the entry's value (export mode, section keyword, reference target).
 */
function ActionSelect(props: { label: string; placeholder: string; onPick(value: string): void; children: ReactNode }) {
  return (
    <select
      className="tb-select"
      aria-label={props.label}
      value=""
      onChange={(event) => {
        if (event.target.value) props.onPick(event.target.value);
      }}
    >
      <option value="" disabled>
        {props.placeholder}
      </option>
      {props.children}
    </select>
  );
}

export function Toolbar(props: ToolbarProps) {
  const { onCommand } = props;
  const keywords = useMemo(() => languageTable(props.language).keywords, [props.language]);
  const command = (name: ToolbarCommand) => () => onCommand(name);
  return (
    <div className="toolbar" role="toolbar" aria-label="Commands">
      <div className="tb-group">
        <Button name="new-resolution" label="New" title="New resolution" onClick={command('new-resolution')} />
        <Button name="new-revision" label="Revise…" title="New revision of a resolution: a Council contribution proposing changes to it (Ctrl+Shift+N)" onClick={command('new-revision')} />
        <Button name="open" label="Open…" title="Open (Ctrl+O)" onClick={command('open')} />
        <Button name="save" label="Save" title="Save (Ctrl+S)" onClick={command('save')} />
        <Button name="save-as" label="Save as…" title="Save as (Ctrl+Shift+S)" onClick={command('save-as')} />
        <ActionSelect label="Export to Word" placeholder="Word…" onPick={(value) => onCommand(value as ToolbarCommand)}>
          <option value="export-docx">with revision marks</option>
          <option value="export-docx-final">changes accepted (final)</option>
          <option value="export-docx-original">changes rejected (original)</option>
        </ActionSelect>
      </div>
      <div className="tb-group">
        <Button name="undo" label="↶" title="Undo (Ctrl+Z)" onClick={command('undo')} disabled={!props.canUndo} />
        <Button name="redo" label="↷" title="Redo (Ctrl+Y)" onClick={command('redo')} disabled={!props.canRedo} />
      </div>
      <div className="tb-group">
        <Button name="insert-item" label="+ Item" title="New item after this one (Enter at the end of an item)" onClick={command('insert-item')} />
        <Button name="promote" label="⇤" title="Promote (Shift+Tab)" onClick={command('promote')} />
        <Button name="demote" label="⇥" title="Demote to a sub-item (Tab)" onClick={command('demote')} />
        <Button name="move-up" label="↑" title="Move item up (Alt+Up)" onClick={command('move-up')} />
        <Button name="move-down" label="↓" title="Move item down (Alt+Down)" onClick={command('move-down')} />
        <ActionSelect
          label="Insert a section"
          placeholder="+ Section…"
          onPick={(value) => {
            const entry = keywords[Number(value)];
            if (entry) props.onInsertSection(entry.kind, entry.phrase);
          }}
        >
          <optgroup label="Preamble">
            {keywords.map((k, i) => (k.kind === 'preamble' ? <option key={k.phrase} value={i}>{k.phrase}</option> : null))}
          </optgroup>
          <optgroup label="Operative">
            {keywords.map((k, i) => (k.kind === 'operative' ? <option key={k.phrase} value={i}>{k.phrase}</option> : null))}
          </optgroup>
        </ActionSelect>
        <ActionSelect label="Insert a reference to an item" placeholder="+ Reference…" onPick={props.onInsertReference}>
          {props.referenceTargets.map((target) => (
            <option key={target.id} value={target.id}>
              {`${target.section} ${target.label} — ${target.text}`}
            </option>
          ))}
        </ActionSelect>
        <Button name="insert-footnote" label="+ Note" title="Insert a footnote (Ctrl+Alt+F)" onClick={command('insert-footnote')} />
        <Button name="insert-annex" label="+ Annex" title="Insert an annex" onClick={command('insert-annex')} />
      </div>
      <div className="tb-group" role="group" aria-label="Review">
        <Button
          name="toggle-tracking"
          label={props.tracking ? 'Tracking on' : 'Tracking off'}
          title="Track changes (Ctrl+Shift+E)"
          pressed={props.tracking}
          onClick={command('toggle-tracking')}
        />
        <Button name="toggle-changes" label="Changes" title="Show or hide the changes panel (Ctrl+Shift+R)" pressed={props.changesVisible} onClick={command('toggle-changes')} />
        <Button name="compare" label="Compare…" title="Compare with another version: the differences become tracked changes" onClick={command('compare')} />
        <Button name="previous-change" label="◂" title="Previous change (Alt+Page Up)" onClick={command('previous-change')} />
        <Button name="next-change" label="▸" title="Next change (Alt+Page Down)" onClick={command('next-change')} />
        <Button
          name="accept-change"
          label="✓"
          title="Accept the change at the cursor, or the changes in the selection (Alt+Shift+A)"
          onClick={command('accept-change')}
        />
        <Button
          name="reject-change"
          label="✗"
          title="Reject the change at the cursor, or the changes in the selection (Alt+Shift+R)"
          onClick={command('reject-change')}
        />
        <select
          className="tb-select"
          aria-label="Review view"
          title="Markup: the changes shown and editable. Final: as if all accepted. Original: as if all rejected."
          value={props.reviewView}
          onChange={(event) => onCommand(`view-${event.target.value as ReviewView}`)}
        >
          {REVIEW_VIEWS.map((view) => (
            <option key={view} value={view}>
              {REVIEW_VIEW_NAMES[view]}
            </option>
          ))}
        </select>
      </div>
      <div className="tb-group">
        <select
          className="tb-select"
          aria-label="Document language"
          value={props.language}
          onChange={(event) => props.onLanguage(event.target.value as LanguageCode)}
        >
          {LANGUAGE_CODES.map((code) => (
            <option key={code} value={code}>
              {languageTable(code).name}
            </option>
          ))}
        </select>
        <Button name="find" label="Find…" title="Find and replace (Ctrl+F)" onClick={command('find')} />
        <Button name="toggle-outline" label="Outline" title="Show or hide the outline" onClick={command('toggle-outline')} />
        <Button name="check" label="Check" title="Style checks: punctuation, empty items, dangling references, keywords" onClick={command('check')} />
      </div>
    </div>
  );
}
