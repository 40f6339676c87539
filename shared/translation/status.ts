/**
 * Where each block of a language version stands in its translation, stored in the block's
 * `translation` attribute (schema.ts) so that it travels with the document: saved, reopened,
 * carried through moves. The unit is what a translator translates at once: an item (its own text,
 * not its sub-items, which have their own status), or a line of the resolution outside items
 * (number line, title, call, section keyword, annex title), a cover field, a body paragraph.
 */
import type { Node } from 'prosemirror-model';
import { z } from 'zod';

export const TRANSLATION_STATUSES = ['to-translate', 'changed-in-source', 'translated', 'checked'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** How the status reads in the margin, the outline and the reports. */
export const STATUS_WORDS: Readonly<Record<TranslationStatus, string>> = {
  'to-translate': 'to translate',
  'changed-in-source': 'changed in source: translate the change',
  translated: 'translated',
  checked: 'checked',
};

export interface TranslationState {
  status: TranslationStatus;
  /** Id of the block of the source language version this one translates (null: not known). */
  sourceId: string | null;
  /**
   * The source's text when the status was set, its tracked changes marked `[+…+]` / `[-…-]`: the
   * text to translate, or the change to translate. A later source that reads otherwise makes a
   * translated block stale (stale.ts).
   */
  source: string;
  /**
   * The source's text the translation was made from, when the source has changed since (a stale
   * translation): the difference between it and `source` is the change to translate.
   */
  previous?: string;
}

/** The shape a `.plenary` file must give the attribute (shared/file/validate.ts). */
export const translationStateSchema = z.object({
  status: z.enum(TRANSLATION_STATUSES),
  sourceId: z.string().nullable(),
  source: z.string(),
  previous: z.string().optional(),
});

export function translationOf(node: Node): TranslationState | null {
  const parsed = translationStateSchema.safeParse(node.attrs.translation);
  return parsed.success ? parsed.data : null;
}

/** What is left to do: blocks to translate and blocks whose source changed. */
export function isOutstanding(state: TranslationState | null): boolean {
  return state?.status === 'to-translate' || state?.status === 'changed-in-source';
}

export interface TranslationCounts {
  'to-translate': number;
  'changed-in-source': number;
  translated: number;
  checked: number;
}

export function translationCounts(doc: Node): TranslationCounts {
  const counts: TranslationCounts = { 'to-translate': 0, 'changed-in-source': 0, translated: 0, checked: 0 };
  doc.descendants((node) => {
    const state = translationOf(node);
    if (state) counts[state.status]++;
    return !node.isTextblock;
  });
  return counts;
}

/** The blocks a status belongs to: items, and the textblocks that stand outside items. */
export function isTranslationUnit(node: Node, parent: Node | null): boolean {
  if (node.type.name === 'item') return true;
  return node.isTextblock && parent?.type.name !== 'item';
}
