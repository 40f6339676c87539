/**
 * A Council contribution proposing the revision of a resolution (File → New revision…, `plenary
 * new-revision`), laid out as C26/93.
 */

// The module's API: what the rest of Plenary imports from shared/contribution.
export { ContributionError, contributionFromResolution, firstCoverFieldPosition, isContribution, trackingScopeFor } from './contribution.js';
