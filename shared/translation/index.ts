/**
 * Translation of language versions: each unit's status (status.ts) and the fixed lines in another
 * language from the tables (phrases.ts).
 */
export {
  isFixedLine,
  plainText,
  translateFixedLines,
  translateLine,
  untranslatedMessage,
  type LineTranslation,
  type PhraseReport,
} from './phrases.js';
export {
  STATUS_WORDS,
  TRANSLATION_STATUSES,
  isOutstanding,
  isTranslationUnit,
  translationCounts,
  translationOf,
  translationStateSchema,
  type TranslationCounts,
  type TranslationState,
  type TranslationStatus,
} from './status.js';
export {
  blocksById,
  goToNextOutstanding,
  nextOutstanding,
  refreshFromSource,
  setUnitStatus,
  sourceUnits,
  unitAt,
  unitsOf,
  type Unit,
} from './versions.js';
export { ownSignature, ownText } from './own-text.js';
export { punctuateIn } from './phrases.js';
