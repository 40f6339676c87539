/**
 * A Council contribution proposing the revision of a resolution (File → New revision…, `plenary
 * new-revision`), laid out as C26/93.
 */

// The module's API: what the rest of Plenary imports from shared/contribution.
export {
  acceptedText,
  ContributionError,
  contributionFromResolution,
  coverDate,
  firstCoverFieldPosition,
  isContribution,
  numberLineOf,
  resolutionNumberOf,
  resolutionsIn,
  theResolution,
  trackingScopeFor,
} from './contribution.js';
