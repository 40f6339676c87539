/**
 * Proposals to a conference (PP, WTDC, WTSA, WRC, Council working groups): the document kind that
 * holds MOD / ADD / SUP / NOC proposals with computed identifiers and their Reasons.
 */
export {
  BODIES,
  CHECKED_LANGUAGES,
  conferenceByCode,
  conferenceCodes,
  conferenceDocumentReference,
  conferenceOfSession,
  conferencePlaceAndDates,
  inLanguage,
  unverifiedConferenceWarning,
  unverifiedWords,
  type Body,
  type Conference,
  type ConferenceWord,
  type LanguageCheck,
} from './conferences.js';
export {
  coverFieldText,
  documentNumberPart,
  identifierPrefix,
  isAddition,
  isModification,
  namesTextOnly,
  proposalIdentifiers,
  proposalReferenceText,
  proposalsOf,
  type ProposalPlace,
} from './identifiers.js';
export {
  ProposalError,
  buildProposal,
  draftNumberLine,
  insertProposal,
  moveProposal,
  newProposalsDocument,
  renumberDraftResolutionsIn,
  addProposalIn,
  moveProposalIn,
  type ProposalSpec,
  type ProposalsDocumentOptions,
} from './build.js';
