/**
 * The ProseMirror schema of a Plenary document: an optional Council cover, body blocks, resolutions
 * and annexes. It knows the structure of an ITU resolution (see docs/resolution-structure.md).
 *
 * Design rules that every other module relies on:
 * - Labels (a), 1, i), a., –, 2.1, I) are never stored: they are computed from position
 *   (shared/numbering). The schema stores only the list style.
 * - Every block carries a stable `id`, persisted and never reused (shared/model/ids.ts). Tracked
 *   changes, cross-references and aligned language versions hang on it.
 * - Every block carries `change`: null, or the tracked insertion/deletion of the whole block, its
 *   content and paragraph marks included (the text inside needs no marks of its own for it), so
 *   that structure edits can be tracked like text edits.
 * - Lists follow the shape the official prosemirror-schema-list commands expect
 *   (item_list > item > textblock, nested item_list), so split/sink/lift work on items.
 */
import { Schema, type AttributeSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { compactAttrs } from './compact-attrs.js';

/** Attributes shared by every block that can be tracked and referenced. */
const blockAttrs: Record<string, AttributeSpec> = {
  id: { default: null, validate: 'string|null' },
  change: { default: null },
  /**
   * Added for tracked changes (shared/tracking): null, or a later tracked deletion (kind 'deletion')
   * of a block whose `change` is another author's pending insertion. `change` holds one change only,
   * and turning that insertion into a deletion would make "reject" keep a block that was never in
   * the original; so the deletion is recorded beside it. Accepting the deletion or rejecting the
   * insertion removes the block.
   */
  deletion: { default: null },
  /**
   * Added for tracked moves: the id of the block this one is a tracked copy of (a move, promotion or
   * demotion in suggestion mode, a cut pasted elsewhere). While the original stands struck through,
   * the copy needs an id of its own; cross-references to the original follow it in the new text,
   * and once the original is gone for good the copy takes its id back (shared/tracking/moves.ts).
   */
  movedFrom: { default: null, validate: 'string|null' },
  /**
   * Added for language versions: null, or where this block stands in its translation
   * (shared/translation/status.ts) — to translate, changed in source, translated, checked — with
   * the source's text it was measured against. Not a tracked change: marking an item translated
   * is a translator's note, not a proposal.
   */
  translation: { default: null },
};

/**
 * Every textblock also carries `paragraphMark`: null, or the tracked insertion/deletion of its
 * paragraph mark alone, as Word has it. An inserted mark is a split (rejecting it joins this block
 * with the next); a deleted mark is a join (accepting it merges the next block into this one).
 */
const textBlockAttrs: Record<string, AttributeSpec> = { ...blockAttrs, paragraphMark: { default: null } };

function textBlock(extra: Partial<NodeSpec> = {}, attrs: Record<string, AttributeSpec> = {}): NodeSpec {
  return { content: 'inline*', attrs: { ...textBlockAttrs, ...attrs }, defining: true, ...extra };
}

export const LIST_STYLES = ['alpha', 'decimal', 'roman', 'alpha-dot', 'dash'] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

export const SECTION_KINDS = ['preamble', 'operative'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/**
 * How a cross-reference names its target: `point-of-section` (`point 5 du décide`, `paragraph 5 of
 * resolves`) or `preamble-item` (`considérant g)`). The wording of each is in the language tables.
 */
export const REFERENCE_FORMS = ['point-of-section', 'preamble-item'] as const;
export type ReferenceForm = (typeof REFERENCE_FORMS)[number];

export const HEADING_NUMBERINGS = ['roman', 'decimal', 'none'] as const;
export type HeadingNumbering = (typeof HEADING_NUMBERINGS)[number];

/**
 * Fields of a document cover, in reading order (docs/council-format.md, "Cover page"). `meeting` is
 * the line of a conference document that names where it goes (`PLENARY MEETING`, `COMMITTEE 5`),
 * in the place a Council document gives its agenda item.
 */
export const COVER_FIELDS = [
  'session',
  'placeAndDates',
  'meeting',
  'agendaItem',
  'documentNumber',
  'date',
  'originalLanguage',
  'source',
  'title',
  'purpose',
  'actionRequired',
  'strategicLinks',
  'financialImplications',
  'references',
] as const;
export type CoverFieldName = (typeof COVER_FIELDS)[number];

/**
 * The symbol of a proposal to a conference (ITU's proposal guidelines): MOD a modification shown as
 * tracked changes, `(MOD)` an editorial one, ADD new text, SUP a suppression, NOC no change; the
 * starred forms where the guidelines use them (ADD*, SUP*: consequential additions and suppressions).
 */
export const PROPOSAL_SYMBOLS = ['MOD', '(MOD)', 'ADD', 'ADD*', 'SUP', 'SUP*', 'NOC'] as const;
export type ProposalSymbol = (typeof PROPOSAL_SYMBOLS)[number];

/** See the doc's `trackingScope` attribute. */
export const TRACKING_SCOPES = ['document', 'resolutions'] as const;
export type TrackingScope = (typeof TRACKING_SCOPES)[number];

const oneOf =
  (allowed: readonly string[], what: string) =>
  (value: unknown): void => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new RangeError(`invalid ${what}: ${JSON.stringify(value)}`);
    }
  };

function cellWidths(value: unknown): void {
  if (value === null) return;
  if (!Array.isArray(value) || !value.every((w) => typeof w === 'number' && w >= 0)) {
    throw new RangeError(`invalid column widths: ${JSON.stringify(value)}`);
  }
}

const nodes: Record<string, NodeSpec> = {
  doc: {
    content: 'cover? block+',
    attrs: {
      language: { default: 'fr', validate: 'string' },
      /**
       * What tracked changes cover when tracking is on (shared/tracking/plugin.ts): the whole
       * document, or only the resolutions in it — a Council contribution (File → New revision…),
       * where the cover and body are the delegate's own text and edits to the resolution in the
       * annex are the proposed revision. Saved with the document so it behaves the same when reopened.
       */
      trackingScope: { default: 'document', validate: oneOf(TRACKING_SCOPES, 'tracking scope') },
      /**
       * A proposals document's source prefix (`SEN`, `RUS`, `AFCP`): with the cover's document
       * number it makes every proposal's identifier (`SEN/56/1`, shared/proposals). Null elsewhere.
       */
      proposalSource: { default: null, validate: 'string|null' },
      /**
       * Whether suggestion mode is on (shared/tracking/plugin.ts). Part of the document, as Word's
       * `w:trackRevisions` is: a contribution saved with tracking on reopens with tracking on, so the
       * next day's edits are tracked too.
       */
      trackChanges: { default: false, validate: 'boolean' },
    },
  },
  text: { group: 'inline' },

  // --- Council document cover -------------------------------------------------------------
  cover: { content: 'cover_field+', attrs: { ...blockAttrs } },
  cover_field: textBlock({}, { name: { default: 'title', validate: oneOf(COVER_FIELDS, 'cover field') } }),

  // --- Body blocks of a Council document ----------------------------------------------------
  paragraph: textBlock(
    { group: 'block annex_block' },
    // Leading tabs of a body paragraph (signature lines, indented notes), kept for fidelity.
    { indent: { default: 0, validate: 'number' } },
  ),
  heading: textBlock(
    { group: 'block annex_block' },
    { numbering: { default: 'decimal', validate: oneOf(HEADING_NUMBERINGS, 'heading numbering') } },
  ),
  /** `2.1\t…`: numbered under the nearest numbered heading. */
  numbered_paragraph: textBlock({ group: 'block annex_block' }),

  // --- Resolution ---------------------------------------------------------------------------
  resolution: {
    group: 'block annex_block',
    content: 'number_line adoption_line? resolution_title call section* annex*',
    attrs: { ...blockAttrs },
    defining: true,
  },
  number_line: textBlock(),
  adoption_line: textBlock(),
  resolution_title: textBlock(),
  call: textBlock(),
  section: {
    content: 'section_keyword item_list',
    attrs: { ...blockAttrs, kind: { default: 'preamble', validate: oneOf(SECTION_KINDS, 'section kind') } },
    defining: true,
  },
  /** The keyword phrase exactly as written, addressee included: `charge le Secrétaire général`. */
  section_keyword: textBlock(),
  item_list: {
    group: 'block annex_block',
    content: 'item+',
    attrs: { ...blockAttrs, style: { default: 'alpha', validate: oneOf(LIST_STYLES, 'list style') } },
  },
  item: {
    content: 'item_text (continuation | item_list)*',
    attrs: { ...blockAttrs },
    defining: true,
  },
  /** The labelled first paragraph of an item. */
  item_text: textBlock(),
  /** An unlabelled paragraph inside an item; `indent` is the depth it was written at (1 or 2). */
  continuation: textBlock({}, { indent: { default: 1, validate: 'number' } }),

  // --- Annex (of a resolution, or of a Council document) -------------------------------------
  annex: {
    group: 'block',
    content: 'annex_heading annex_title? annex_block*',
    attrs: { ...blockAttrs },
    defining: true,
  },
  /** `ANNEXE`, `ANNEXE DE LA RÉSOLUTION 1332`. */
  annex_heading: textBlock(),
  annex_title: textBlock(),

  // --- Tables (budgets, timetables, lists of Member States) ----------------------------------
  /**
   * A table where body or annex content goes. The node roles (`tableRole`) are those the official
   * prosemirror-tables commands expect (cell selection, Tab between cells, add/delete row/column).
   * A row carries `change` like any block: tracked row insertion and deletion are Word's
   * `w:trPr/w:ins` and `w:trPr/w:del`. Cells hold paragraphs, whose text is tracked as usual.
   */
  table: {
    group: 'block annex_block',
    content: 'table_row+',
    attrs: { ...blockAttrs },
    tableRole: 'table',
    isolating: true,
  },
  table_row: {
    content: 'table_cell+',
    attrs: {
      ...blockAttrs,
      /** A heading row, repeated at the top of each page in Word (`w:tblHeader`). */
      header: { default: false, validate: 'boolean' },
    },
    tableRole: 'row',
  },
  table_cell: {
    content: 'paragraph+',
    attrs: {
      id: { default: null, validate: 'string|null' },
      colspan: { default: 1, validate: 'number' },
      rowspan: { default: 1, validate: 'number' },
      /** Column widths in pixels as prosemirror-tables keeps them (null: not set by the user). */
      colwidth: { default: null, validate: cellWidths },
    },
    tableRole: 'cell',
    isolating: true,
  },

  // --- Proposals to a conference (shared/proposals) ----------------------------------------
  /**
   * One proposal of a proposals document: its symbol, the text it acts on and its body, then its
   * Reasons. The identifier (`SEN/56/1`) is never stored: it is computed from the proposal's position
   * and the document's source prefix, so re-ordering renumbers it. A MOD body is the resolution in
   * force, edited with tracking on; an ADD body a new resolution; a SUP or NOC body names the text
   * (its number line and title as paragraphs).
   */
  proposal: {
    group: 'block',
    content: '(resolution | paragraph)* proposal_reasons',
    attrs: {
      ...blockAttrs,
      symbol: { default: 'MOD', validate: oneOf(PROPOSAL_SYMBOLS, 'proposal symbol') },
      /** The number line of the text acted on as it reads in force (`RESOLUTION 30 (Rev. Kigali, 2022)`), or null for new text. */
      target: { default: null, validate: 'string|null' },
    },
    defining: true,
  },
  /** The text after `Reasons:` (the word itself is drawn from the language tables). */
  proposal_reasons: textBlock(),
  /**
   * A live reference to another proposal of the document (`see SEN/56/2`): only the target's id is
   * stored; the identifier is rendered from the proposals' order, so it follows every move.
   */
  proposal_reference: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { target: { default: null, validate: 'string|null' } },
  },

  // --- Inline ---------------------------------------------------------------------------------
  /** A footnote at its anchor; its number is computed (through the document). */
  footnote: {
    group: 'inline',
    inline: true,
    atom: true,
    content: 'text*',
    attrs: { ...blockAttrs },
  },
  /**
   * A live reference to an item (`point 5 du décide`, `considérant g)`): only the target's id and
   * the phrasing are stored; the text is rendered from the labels of the moment, in the document's
   * language (shared/numbering/reference-text.ts), so it follows every renumbering.
   */
  cross_reference: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: {
      id: { default: null, validate: 'string|null' },
      /** Id of the item referred to. */
      target: { default: null, validate: 'string|null' },
      form: { default: 'point-of-section', validate: oneOf(REFERENCE_FORMS, 'reference form') },
      /** The source said the target comes earlier (`ci-dessus`, `above`). */
      above: { default: false, validate: 'boolean' },
      /**
       * Language-neutral role of the target's section when the reference was made (`resolves`):
       * only used to word a reference whose target has been deleted (`point ?? du décide`).
       */
      sectionRole: { default: null, validate: 'string|null' },
    },
  },
};

/** Who made a tracked change, and when. */
const changeAttrs: Record<string, AttributeSpec> = {
  id: { validate: 'string' },
  author: { default: '', validate: 'string' },
  date: { default: '', validate: 'string' },
};

const marks: Record<string, MarkSpec> = {
  em: {},
  strong: {},
  superscript: { excludes: 'subscript' },
  subscript: { excludes: 'superscript' },
  insertion: { attrs: changeAttrs, inclusive: false },
  deletion: { attrs: changeAttrs, inclusive: false },
};

// Attributes kept compactly: every block has some, and a long resolution has thousands of blocks.
export const schema = compactAttrs(new Schema({ nodes, marks }));

export type NodeName = keyof typeof nodes;

/** The `change` attribute of a block: the whole block, paragraph mark included, was inserted or deleted. */
export interface BlockChange {
  kind: 'insertion' | 'deletion';
  id: string;
  author: string;
  date: string;
}
