/**
 * The status bar: file and unsaved marker, language, tracking state, the author written on changes
 * (click to change it), the review view, word count, recovery time.
 */
import type { ReactNode } from 'react';
import { languageTable } from '../../shared/languages/index.js';
import type { TrackingScope } from '../../shared/schema/index.js';
import { REVIEW_VIEW_NAMES, type ReviewView } from '../editor/review-view.js';
import { isUnsetAuthor } from '../controller/author.js';

export interface StatusBarProps {
  name: string | null;
  dirty: boolean;
  language: string;
  tracking: boolean;
  trackingScope: TrackingScope;
  /** A Council contribution: what tracking covers can be switched (resolution only / whole document). */
  contribution: boolean;
  wordCount: number;
  /** Beside a source language version: units still to translate or changed in source. */
  leftToTranslate?: number | null;
  onNextToTranslate?(): void;
  recoveredAt: string | null;
  author: string;
  reviewView: ReviewView;
  onToggleTracking(): void;
  onToggleScope(): void;
  onAuthor(): void;
  onMarkup(): void;
}

/** A status-bar button that acts without taking the focus (the caret stays in the document). */
function StatusButton(props: { className: string; title: string | undefined; onClick(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={props.className}
      title={props.title}
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
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
        {props.dirty ? (
          <span className="status-dirty" title="Unsaved changes">
            {' '}
            ●
          </span>
        ) : null}
      </span>
      <span className="status-language" title="Document language">
        {languageName} ({props.language})
      </span>
      <StatusButton
        className={`status-tracking${props.tracking ? ' on' : ''}`}
        title={props.trackingScope === 'resolutions' ? 'In this contribution only edits to the resolution are tracked' : undefined}
        onClick={props.onToggleTracking}
      >
        Track changes: {props.tracking ? 'on' : 'off'}
        {/* A contribution shows its scope in a button of its own, beside this one. */}
        {props.tracking && props.trackingScope === 'resolutions' && !props.contribution ? ' (resolution only)' : ''}
      </StatusButton>
      {props.contribution ? (
        <StatusButton
          className="status-scope"
          title="What tracked changes cover in this contribution: click to switch"
          onClick={props.onToggleScope}
        >
          Tracks: {props.trackingScope === 'resolutions' ? 'resolution only' : 'whole document'}
        </StatusButton>
      ) : null}
      <StatusButton className="status-author" title="The name written on your tracked changes: click to change it" onClick={props.onAuthor}>
        Author: {isUnsetAuthor(props.author) ? 'not set' : props.author}
      </StatusButton>
      {props.reviewView === 'markup' ? (
        <span className="status-view">View: {REVIEW_VIEW_NAMES.markup}</span>
      ) : (
        <button type="button" className="status-view preview" title="Back to the editable Markup view (Esc)" onClick={props.onMarkup}>
          View: {REVIEW_VIEW_NAMES[props.reviewView]} (read-only)
        </button>
      )}
      {props.leftToTranslate !== undefined && props.leftToTranslate !== null ? (
        <StatusButton
          className="status-translate"
          title="Go to the next item to translate (Alt+Shift+T)"
          onClick={() => props.onNextToTranslate?.()}
        >
          {props.leftToTranslate === 0 ? 'All translated' : `${props.leftToTranslate} left to translate`}
        </StatusButton>
      ) : null}
      <span className="status-words">{props.wordCount.toLocaleString()} words</span>
      {props.recoveredAt ? (
        <span className="status-recovery" title="A recovery copy is kept until you save">
          recovery copy {new Date(props.recoveredAt).toLocaleTimeString()}
        </span>
      ) : null}
    </footer>
  );
}
