/**
 * The tracking switch as editor state: whether suggestion mode is on and who the author is.
 *
 * ProseMirror cannot turn a transaction into another one from inside a plugin (appendTransaction
 * can only add steps after the untracked ones), so the editor routes every transaction through
 * `trackIfEnabled` before applying it — typically in its `dispatchTransaction`. Undo/redo and
 * transactions already tracked or marked `untracked` (accept/reject, id fixes, loading) pass as they are.
 *
 * Scope. A document's `trackingScope` attribute says what tracking covers (shared/schema/schema.ts):
 * - `document` (the default): every edit, as Word's Track Changes does;
 * - `resolutions`: a Council contribution made by File → New revision… (shared/model/contribution.ts).
 *   Its cover, introduction and proposal are the delegate's own new text, while the resolution in the
 *   annex is the text in force, where every edit is a proposed revision. So with tracking on, only a
 *   transaction that touches a `resolution` node is tracked. A transaction that touches a resolution
 *   anywhere is tracked WHOLE (a selection from the introduction into the resolution, deleted or
 *   replaced): nothing in a resolution may change without a mark, and a mark too many in the
 *   delegate's own text is harmless, while splitting one edit into tracked and untracked halves is not.
 * In a proposals document to a conference (shared/proposals) the same scope covers the MOD proposals'
 * resolutions only: an ADD's new resolution is new text, without marks.
 * The scope is the document's (saved with it), not the switch's: reopening a contribution behaves the
 * same, and the toggle still switches tracking on and off as everywhere else.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from 'prosemirror-transform';
import type { TrackingScope } from '../schema/index.js';
import { finalPastedSlice } from './final-content.js';
import { TRACKED_META, type TrackingAuthor } from './marking.js';
import { trackTransaction } from './track.js';

export interface TrackingState {
  enabled: boolean;
  author: TrackingAuthor;
}

export interface TrackingOptions {
  author: TrackingAuthor;
  /** Overrides the document's own `trackChanges` switch at start (tests); by default the document says. */
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
    props: {
      // Copied tracked text pastes as it reads once accepted (see finalPastedSlice): a paste in
      // suggestion mode is one insertion of that text, and a copied tracked join stays joined.
      transformPasted: (slice, view) => (trackingKey.getState(view.state)?.enabled ? finalPastedSlice(slice) : slice),
    },
    state: {
      init: (_config, state) => remember({ enabled: options.enabled ?? trackChangesOf(state.doc), author: options.author }),
      apply(tr, value) {
        const meta = tr.getMeta(trackingKey) as TrackingMeta | undefined;
        // The document's switch changed by another way than setTrackingEnabled (a document replaced whole).
        const fromDoc = trackChangesOf(tr.doc) !== trackChangesOf(tr.before) ? trackChangesOf(tr.doc) : undefined;
        if (!meta && fromDoc === undefined) return value;
        return remember({ enabled: meta?.enabled ?? fromDoc ?? value.enabled, author: meta?.author ?? value.author });
      },
    },
  });
}

export function trackingState(state: EditorState): TrackingState | undefined {
  return trackingKey.getState(state);
}

/** The document's own tracking switch (the doc's `trackChanges` attribute, saved with it). */
export function trackChangesOf(doc: Node): boolean {
  return doc.attrs.trackChanges === true;
}

/**
 * A transaction that switches tracking on or off (Ctrl+Shift+E, the toolbar toggle). The switch is
 * written into the document (saved in `.plenary`, exported as Word's `w:trackRevisions`); like
 * Word's, it is not an edit: never tracked, and not undone by Undo.
 */
export function setTrackingEnabled(state: EditorState, enabled: boolean): Transaction {
  const tr = state.tr.setMeta(trackingKey, { enabled } satisfies TrackingMeta);
  if (trackChangesOf(state.doc) === enabled) return tr;
  return tr.setDocAttribute('trackChanges', enabled).setMeta(UNTRACKED_META, true).setMeta('addToHistory', false);
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
  if (!inTrackingScope(tr)) return tr;
  return trackTransaction(tr, state, tracking.author, clocks.get(tracking));
}

/** The document's tracking scope; an unknown value counts as the whole document (never under-track). */
export function trackingScopeOf(doc: Node): TrackingScope {
  return doc.attrs.trackingScope === 'resolutions' ? 'resolutions' : 'document';
}

/** A transaction that sets the document's tracking scope; itself never tracked. */
export function setTrackingScope(state: EditorState, scope: TrackingScope): Transaction {
  return state.tr.setDocAttribute('trackingScope', scope).setMeta(UNTRACKED_META, true);
}

/**
 * Whether tracking covers `tr` under the scope of the document it starts from: always for scope
 * `document`; for scope `resolutions`, when any of its steps touches a resolution (see the header).
 */
export function inTrackingScope(tr: Transaction): boolean {
  if (trackingScopeOf(tr.before) === 'document') return true;
  return tr.steps.some((step, index) => stepTouchesResolution(step, tr.docs[index]!));
}

/**
 * A resolution whose edits are proposed revisions: any resolution, except the body of a conference
 * proposal that is not a modification (an ADD's new resolution is the author's own new text, shown
 * without marks; SUP and NOC bodies only name a text).
 */
function isTrackedResolution(node: Node, proposal: Node | null): boolean {
  if (node.type.name !== 'resolution') return false;
  const symbol = proposal?.attrs.symbol as string | undefined;
  return symbol === undefined || symbol === 'MOD' || symbol === '(MOD)';
}

function insideResolution(doc: Node, pos: number): boolean {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const parent = depth > 1 ? $pos.node(depth - 1) : null;
    if (isTrackedResolution($pos.node(depth), parent?.type.name === 'proposal' ? parent : null)) return true;
  }
  return false;
}

/**
 * Whether [from, to] of `doc` reaches into a resolution: an end inside one, or a whole resolution
 * inside the range. A position right before or after a resolution is outside it: inserting a
 * paragraph between the annex heading and the resolution is the delegate's own text.
 */
export function rangeTouchesResolution(doc: Node, from: number, to: number): boolean {
  if (insideResolution(doc, from) || insideResolution(doc, to)) return true;
  let found = false;
  if (to > from) {
    doc.nodesBetween(from, to, (node, _pos, parent) => {
      if (found || node.isTextblock) return false;
      if (isTrackedResolution(node, parent?.type.name === 'proposal' ? parent : null)) found = true;
      return !found;
    });
  }
  return found;
}

function stepTouchesResolution(step: Step, doc: Node): boolean {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    return rangeTouchesResolution(doc, step.from, step.to);
  }
  if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
    if (step.pos >= doc.content.size) return false;
    const $pos = doc.resolve(step.pos);
    const proposal = $pos.parent.type.name === 'proposal' ? $pos.parent : null;
    return insideResolution(doc, step.pos) || isTrackedResolution(doc.nodeAt(step.pos)!, proposal);
  }
  // The document's own attributes (language, this scope) belong to no resolution.
  if (step instanceof DocAttrStep) return false;
  // A step type this code does not know: track it rather than let it slip through.
  return true;
}
