/**
 * Labels from position, in the document's language: computed, kept incrementally as editor state,
 * in both numberings under tracked changes; live cross-references and their text.
 */

// The module's API: what the rest of Plenary imports from shared/numbering.
export { insertReference } from './commands.js';
export { fromRoman } from './format.js';
export { computeLabels, countsIn, type Labels, type NumberingView } from './labels.js';
export { findItem, visibleText } from './locate.js';
export { numberingKey, numberingPlugin, type NumberingState } from './plugin.js';
export {
  linkReferences,
  scanReferences,
  SharedWordsLinker,
  type AmbiguityReason,
  type ReferenceOutcome,
  type ScannedReference,
} from './reference-link.js';
export { ReferenceScopeRule, type ReferenceScope } from './reference-scope.js';
export { referenceText } from './reference-text.js';
export { keywordEntry, keywordText } from './section-word.js';
export { labelsOf, markedText, markedWords, trackedReferenceText, wordChange, type WordChange } from './tracked.js';
