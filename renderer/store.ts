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

  /** Rebuilds the snapshot now (a new document was loaded). */
  refresh(state: EditorState): void {
    const labels = labelsOf(state);
    const docChanged = state.doc !== this.lastDoc;
    const outline = docChanged ? buildOutline(state.doc, labels, this.outlineCache) : this.snapshot.outline;
    const next: EditorSnapshot = {
      outline,
      footnotes: docChanged ? buildFootnotes(state.doc, labels) : this.snapshot.footnotes,
      currentId: currentEntryId(state),
      wordCount: docChanged ? countWords(state.doc, this.wordCache) : this.snapshot.wordCount,
      language: String(state.doc.attrs.language),
      tracking: trackingState(state)?.enabled ?? false,
      canUndo: undoDepth(state) > 0,
      canRedo: redoDepth(state) > 0,
    };
    this.lastDoc = state.doc;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

export function useEditorSnapshot(store: EditorStore): EditorSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
