/**
 * The bridge from the editor to the React panels. The EditorView is never re-rendered by React:
 * its dispatch calls `editorChanged`, which only schedules work. The derived snapshot (outline,
 * word count, footnotes, undo state) is rebuilt when the editing pauses (QUIET_MS without a change)
 * and at least every MAX_WAIT_MS during continuous typing, in an idle moment after the keystroke
 * was painted. A rebuild re-renders the panels (several milliseconds on a 1,000-item resolution):
 * done on every pause of a fast typist rather than four times a second, it rarely lands in the way
 * of a keystroke (the latency benchmark's p95 is where that shows).
 */
import { useSyncExternalStore } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { redoDepth, undoDepth } from 'prosemirror-history';
import { trackingScopeOf, trackingState } from '../shared/tracking/index.js';
import { isContribution } from '../shared/contribution/index.js';
import type { TrackingScope } from '../shared/schema/index.js';
import { changeCards, type TrackedChange } from '../shared/tracking/index.js';
import { namesTextOnly, proposalsOf } from '../shared/proposals/index.js';
import { labelsOf } from './editor/labels-plugin.js';
import { buildFootnotes, countWords, currentEntryId, Outline, type FootnoteEntry, type WordCache } from './outline.js';

/** The document's top-level blocks. */
function topLevel(doc: Node): Node[] {
  const blocks: Node[] = [];
  doc.forEach((block) => blocks.push(block));
  return blocks;
}

export interface EditorSnapshot {
  outline: Outline;
  footnotes: FootnoteEntry[];
  /** Id of the outline entry around the cursor. */
  currentId: string | null;
  wordCount: number;
  language: string;
  tracking: boolean;
  /** What tracking covers: the whole document, or only its resolutions (a contribution). */
  trackingScope: TrackingScope;
  /** A Council contribution (a cover and a resolution): its tracking scope can be chosen. */
  contribution: boolean;
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
  /** A proposals document's proposals, in order (null for any other document): the Proposals panel. */
  proposals: ProposalEntry[] | null;
  /** Id of the proposal the cursor stands in. */
  currentProposal: string | null;
}

/** A proposal as the Proposals panel lists it. */
export interface ProposalEntry {
  id: string;
  symbol: string;
  identifier: string;
  /** What it acts on: the number line of the text, or an ADD's title. */
  subject: string;
  /** Reasons are required (SUP, NOC) and still empty. */
  reasonsMissing: boolean;
}

/** The proposals of a proposals document, from its top level only (cheap enough for every refresh). */
function proposalEntries(doc: Node): ProposalEntry[] | null {
  if (typeof doc.attrs.proposalSource !== 'string') return null;
  return proposalsOf(doc).map(({ node, identifier, symbol }) => {
    const body = node.firstChild;
    const subject =
      (node.attrs.target as string | null) ??
      (body?.type.name === 'resolution' ? (body.childCount > 1 ? body.child(1).textContent : '') : (body?.textContent ?? ''));
    const reasons = node.lastChild?.type.name === 'proposal_reasons' ? node.lastChild.textContent.trim() : '';
    return { id: node.attrs.id as string, symbol, identifier, subject, reasonsMissing: namesTextOnly(symbol) && reasons === '' };
  });
}

const EMPTY: EditorSnapshot = {
  outline: Outline.empty,
  footnotes: [],
  currentId: null,
  wordCount: 0,
  language: 'fr',
  tracking: false,
  trackingScope: 'document',
  contribution: false,
  author: '',
  changes: null,
  currentChange: null,
  canUndo: false,
  canRedo: false,
  proposals: null,
  currentProposal: null,
};

/** The toggles' state: read from plugin states and one attribute, cheap enough for every transaction. */
type Indicators = Pick<EditorSnapshot, 'language' | 'tracking' | 'trackingScope' | 'author' | 'canUndo' | 'canRedo'>;

function indicatorsOf(state: EditorState): Indicators {
  const tracking = trackingState(state);
  return {
    // The language drop-down and the status bar follow a language switch at once, as the tracking switch does.
    language: String(state.doc.attrs.language),
    tracking: tracking?.enabled ?? false,
    trackingScope: trackingScopeOf(state.doc),
    author: tracking?.author.name ?? '',
    canUndo: undoDepth(state) > 0,
    canRedo: redoDepth(state) > 0,
  };
}

const QUIET_MS = 300;
const MAX_WAIT_MS = 2000;

/** Runs `task` when the page is idle (between keystrokes), at the latest after `timeout` ms. */
function whenIdle(task: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else setTimeout(task, 0);
}

export class EditorStore {
  private snapshot: EditorSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the first change not yet shown in the panels was made (ms), or null. */
  private waitingSince: number | null = null;
  /** A rebuild is requested for the next idle moment. */
  private idleRequested = false;
  private latest: EditorState | null = null;
  private lastDoc: EditorState['doc'] | null = null;
  private readonly wordCache: WordCache = new WeakMap();
  private changesVisible = false;
  /** The document the listed changes were computed from. */
  private changesDoc: EditorState['doc'] | null = null;

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EditorSnapshot => this.snapshot;

  /**
   * Called on every transaction; cheap: it only (re)arms a timer, and shows at once the state of
   * the toggles the user just pressed (tracking, its scope, the author, undo and redo), which cost
   * nothing to read: a status that lags behind its own key reads as a key that did not work.
   */
  editorChanged(state: EditorState): void {
    this.latest = state;
    this.showIndicators(state);
    if (this.idleRequested) return;
    const now = Date.now();
    this.waitingSince ??= now;
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.min(this.quietMs, Math.max(0, this.waitingSince + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.idleRequested = true;
      whenIdle(() => {
        this.idleRequested = false;
        this.waitingSince = null;
        if (this.latest) this.refresh(this.latest);
      }, this.quietMs * 4);
    }, wait);
  }

  private showIndicators(state: EditorState): void {
    const indicators = indicatorsOf(state);
    const shown = this.snapshot;
    if ((Object.keys(indicators) as (keyof Indicators)[]).every((key) => shown[key] === indicators[key])) return;
    this.snapshot = { ...shown, ...indicators };
    for (const listener of this.listeners) listener();
  }

  /** Shows or hides the changes panel; its list is computed now, then in each deferred refresh. */
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
    const outline = docChanged ? Outline.build(state.doc, labels) : this.snapshot.outline;
    const changes = this.changesOf(state.doc);
    const next: EditorSnapshot = {
      outline,
      footnotes: docChanged ? buildFootnotes(state.doc, labels) : this.snapshot.footnotes,
      currentId: currentEntryId(state),
      wordCount: docChanged ? countWords(state.doc, this.wordCache) : this.snapshot.wordCount,
      ...indicatorsOf(state),
      contribution: docChanged ? isContribution(topLevel(state.doc)) : this.snapshot.contribution,
      changes,
      currentChange: currentChangeKey(changes, state.selection.head),
      proposals: docChanged ? proposalEntries(state.doc) : this.snapshot.proposals,
      currentProposal:
        state.selection.$from.depth > 0 && state.selection.$from.node(1).type.name === 'proposal'
          ? (state.selection.$from.node(1).attrs.id as string)
          : null,
    };
    this.lastDoc = state.doc;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private changesOf(doc: EditorState['doc']): TrackedChange[] | null {
    if (!this.changesVisible) return null;
    if (doc === this.changesDoc && this.snapshot.changes) return this.snapshot.changes;
    this.changesDoc = doc;
    // One card per user action (a new item is one "Inserted item", not a split and a text).
    return changeCards(doc);
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
