/**
 * Tracked changes: suggestion mode (turning edits into tracked ones), tracked structure edits and
 * moves, review (accept, reject), and the list of changes the panel shows.
 */

// The module's API: what the rest of Plenary imports from shared/tracking.
export { blockChange, blockDeletion, type ChangeKind, hasTrackedChanges, markTypeOf, paragraphMark, replacedReference } from './attrs.js';
export { commonSubsequence } from './block-diff.js';
export {
  changeCards,
  type ChangeSelection,
  listChanges,
  nextChange,
  previousChange,
  reviewChanges,
  type TrackedChange,
} from './changes.js';
export { TrackContext } from './marking.js';
export { pendingMoves } from './moves.js';
export {
  inTrackingScope,
  setTrackingEnabled,
  setTrackingScope,
  toggleTracking,
  trackIfEnabled,
  trackingKey,
  type TrackingMeta,
  trackingPlugin,
  trackingScopeOf,
  trackingState,
  UNTRACKED_META,
} from './plugin.js';
export { acceptAll, type Decision, rejectAll, resolveWithMapping } from './review.js';
export { trackDifference } from './track-difference.js';
export { trackTransaction, uniqueIdsIn } from './track.js';
export { UntrackableEditError } from './untrackable.js';
