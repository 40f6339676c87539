/**
 * The bridge from the editor to the React panels. The EditorView is never re-rendered by React:
 * its dispatch calls `editorChanged`, which only schedules work. The derived snapshot (outline,
 * word count, footnotes, undo state) is rebuilt at most every THROTTLE_MS, after the keystroke has
 * been painted, so typing in a long resolution costs the panels nothing on the hot path.
 */
import { useSyncExternalStore } from 'react';
import type { EditorState } from 'prosemirror-state';
import { redoDepth, undoDepth } from 'prosemirror-history';
import { trackingState } from '../shared/tracking/plugin.js';
import { listChanges, type TrackedChange } from '../shared/tracking/changes.js';
import { labelsOf } from './editor/labels-plugin.js';
import {
  buildFootnotes,
  buildOutline,
  countWords,
  currentEntryId,
  type FootnoteEntry,
  type OutlineCache,
  type OutlineEntry,
  type WordCache,
} from './outline.js';

export interface EditorSnapshot {
  outline: OutlineEntry[];
  footnotes: FootnoteEntry[];
  /** Id of the outline entry around the cursor. */
  currentId: string | null;
  wordCount: number;
  language: string;
  tracking: boolean;
  /** The name written on tracked changes (the tracking plugin's author). */
  author: string;
  /**
   * The tracked changes, only while the changes panel is shown (null otherwise): listing them walks
   * the whole document and computes both numberings, which the keystroke path must never pay for.
   */
  changes: TrackedChange[] | null;
  /** `id:kind` of the listed change the cursor stands in (highlighted in the panel). */
  currentChange: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

const EMPTY: EditorSnapshot = {
  outline: [],
  footnotes: [],
  currentId: null,
  wordCount: 0,
  language: 'fr',
  tracking: false,
  author: '',
  changes: null,
  currentChange: null,
  canUndo: false,
  canRedo: false,
};

const THROTTLE_MS = 250;

/** Runs `task` when the page is idle (between keystrokes), at the latest after `timeout` ms. */
function whenIdle(task: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else setTimeout(task, 0);
}

export class EditorStore {
  private snapshot: EditorSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private pending: ReturnType<typeof setTimeout> | null = null;
  private latest: EditorState | null = null;
  private lastDoc: EditorState['doc'] | null = null;
  private readonly outlineCache: OutlineCache = new WeakMap();
  private readonly wordCache: WordCache = new WeakMap();
  private changesVisible = false;
  /** The document the listed changes were computed from. */
  private changesDoc: EditorState['doc'] | null = null;

  constructor(private readonly throttleMs = THROTTLE_MS) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EditorSnapshot => this.snapshot;

  /** Called on every transaction; cheap. */
  editorChanged(state: EditorState): void {
    this.latest = state;
    if (this.pending !== null) return;
    this.pending = setTimeout(() => {
      whenIdle(() => {
        this.pending = null;
        if (this.latest) this.refresh(this.latest);
      }, this.throttleMs * 4);
    }, this.throttleMs);
  }

  /** Shows or hides the changes panel; its list is computed now, then in each throttled refresh. */
  setChangesVisible(visible: boolean, state: EditorState | null = this.latest): void {
    if (visible === this.changesVisible) return;
    this.changesVisible = visible;
    this.changesDoc = null;
    if (state) this.refresh(state);
  }

  /** Rebuilds the snapshot now (a new document was loaded). */
  refresh(state: EditorState): void {
    this.latest = state;
    const labels = labelsOf(state);
    const docChanged = state.doc !== this.lastDoc;
    const outline = docChanged ? buildOutline(state.doc, labels, this.outlineCache) : this.snapshot.outline;
    const changes = this.changesOf(state.doc);
    const next: EditorSnapshot = {
      outline,
      footnotes: docChanged ? buildFootnotes(state.doc, labels) : this.snapshot.footnotes,
      currentId: currentEntryId(state),
      wordCount: docChanged ? countWords(state.doc, this.wordCache) : this.snapshot.wordCount,
      language: String(state.doc.attrs.language),
      tracking: trackingState(state)?.enabled ?? false,
      author: trackingState(state)?.author.name ?? '',
      changes,
      currentChange: currentChangeKey(changes, state.selection.head),
      canUndo: undoDepth(state) > 0,
      canRedo: redoDepth(state) > 0,
    };
    this.lastDoc = state.doc;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private changesOf(doc: EditorState['doc']): TrackedChange[] | null {
    if (!this.changesVisible) return null;
    if (doc === this.changesDoc && this.snapshot.changes) return this.snapshot.changes;
    this.changesDoc = doc;
    return listChanges(doc);
  }
}

/** The change around a position (the first that covers it), as `id:kind`. */
export function currentChangeKey(changes: readonly TrackedChange[] | null, pos: number): string | null {
  const change = changes?.find((c) => c.from <= pos && pos <= c.to);
  return change ? `${change.id}:${change.kind}` : null;
}

export function useEditorSnapshot(store: EditorStore): EditorSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
