/**
 * Language versions of one text, block by block (align.ts): the translators' alignment, which
 * carry-over (shared/carry-over) and the side-by-side view build on.
 */
export {
  alignVersions,
  documentInView,
  type Alignment,
  type AlignView,
  type BlockPair,
  type Disagreement,
  type DisagreementKind,
} from './align.js';
export { invariantsOf, translationScore, unsharedTokens, type Invariants } from './invariants.js';
export { alignSequences, type PairScore } from './sequence.js';
