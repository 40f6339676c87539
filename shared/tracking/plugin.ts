/**
 * The tracking switch as editor state: whether suggestion mode is on and who the author is.
 *
 * ProseMirror cannot turn a transaction into another one from inside a plugin (appendTransaction
 * can only add steps after the untracked ones), so the editor routes every transaction through
 * `trackIfEnabled` before applying it — typically in its `dispatchTransaction`. Undo/redo and
 * transactions already tracked or marked `untracked` (accept/reject, id fixes, loading) pass as they are.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import { TRACKED_META, trackTransaction, type TrackingAuthor } from './track.js';

export interface TrackingState {
  enabled: boolean;
  author: TrackingAuthor;
}

export interface TrackingOptions {
  author: TrackingAuthor;
  enabled?: boolean;
  /** ISO date of a change; injectable for tests and reproducible documents. */
  now?: () => string;
}

/** Meta that changes the switch or the author: `tr.setMeta(trackingKey, { enabled: true })`. */
export type TrackingMeta = Partial<TrackingState>;

export const trackingKey = new PluginKey<TrackingState>('plenaryTracking');

/** Meta for a transaction that must never be tracked (review actions, loading a document). */
export const UNTRACKED_META = 'plenaryUntracked';

const clocks = new WeakMap<TrackingState, () => string>();

export function trackingPlugin(options: TrackingOptions): Plugin<TrackingState> {
  const now = options.now ?? (() => new Date().toISOString());
  const remember = (state: TrackingState) => {
    clocks.set(state, now);
    return state;
  };
  return new Plugin<TrackingState>({
    key: trackingKey,
    state: {
      init: () => remember({ enabled: options.enabled ?? false, author: options.author }),
      apply(tr, value) {
        const meta = tr.getMeta(trackingKey) as TrackingMeta | undefined;
        if (!meta) return value;
        return remember({ enabled: meta.enabled ?? value.enabled, author: meta.author ?? value.author });
      },
    },
  });
}

export function trackingState(state: EditorState): TrackingState | undefined {
  return trackingKey.getState(state);
}

/** A transaction that switches tracking on or off (Ctrl+Shift+E, the toolbar toggle). */
export function setTrackingEnabled(state: EditorState, enabled: boolean): Transaction {
  return state.tr.setMeta(trackingKey, { enabled } satisfies TrackingMeta);
}

export function toggleTracking(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const current = trackingState(state);
  if (!current) return false;
  dispatch?.(setTrackingEnabled(state, !current.enabled));
  return true;
}

/** `tr` itself, or its tracked version when tracking is on and the transaction is an edit to track. */
export function trackIfEnabled(state: EditorState, tr: Transaction): Transaction {
  const tracking = trackingState(state);
  if (!tracking?.enabled || !tr.docChanged) return tr;
  if (tr.getMeta(TRACKED_META) || tr.getMeta(UNTRACKED_META) || isHistoryTransaction(tr)) return tr;
  return trackTransaction(tr, state, tracking.author, clocks.get(tracking));
}

/** Wraps a view's dispatch so that every edit goes through tracking. */
export function withTracking(getState: () => EditorState, dispatch: (tr: Transaction) => void): (tr: Transaction) => void {
  return (tr) => dispatch(trackIfEnabled(getState(), tr));
}
