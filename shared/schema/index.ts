/**
 * The ProseMirror schema of a Plenary document (see schema.ts and docs/resolution-structure.md).
 */

// The module's API: what the rest of Plenary imports from shared/schema.
export {
  type BlockChange,
  COVER_FIELDS,
  type CoverFieldName,
  type HeadingNumbering,
  LIST_STYLES,
  type ListStyle,
  PROPOSAL_SYMBOLS,
  type ProposalSymbol,
  type ReferenceForm,
  schema,
  type SectionKind,
  type TrackingScope,
} from './schema.js';
