/**
 * The text of a cross-reference, rendered from the labels of the moment in the document's
 * language: `point 5 du décide`, `paragraph 5 of resolves`, `considérant g)`. Nothing of it is
 * stored, so it follows every renumbering. A reference whose target is gone (deleted, or not
 * counted in the view) is rendered with the table's `missing` mark (`point ?? du décide`) and
 * flagged `dangling`, never silently wrong.
 */
import type { Node } from 'prosemirror-model';
import { languageTable, type LanguageCode, type LanguageTable } from '../languages/index.js';
import type { ListStyle, ReferenceForm } from '../schema/index.js';
import { formatLabel } from './format.js';
import type { Labels, NumberingView } from './labels.js';
import { copiesOfItem, findItem, visibleText, type ItemPlace } from './locate.js';
import { phraseOfRole, sectionWord } from './section-word.js';

export interface ReferenceRendering {
  text: string;
  /** The target is missing from the document or has no label in this view. */
  dangling: boolean;
  /** Id of the item the text is read from, when found: the target, or its tracked copy after a move. */
  target: string | null;
}

export interface ReferenceAttrs {
  target: string | null;
  form: ReferenceForm;
  above: boolean;
  sectionRole: string | null;
}

export function referenceAttrs(node: Node): ReferenceAttrs {
  return {
    target: (node.attrs.target as string | null) ?? null,
    form: (node.attrs.form as ReferenceForm | undefined) ?? 'point-of-section',
    above: node.attrs.above === true,
    sectionRole: (node.attrs.sectionRole as string | null) ?? null,
  };
}

/** Fills `{label}`, `{section}` and `{reference}` in a template. */
export function fillTemplate(template: string, values: Partial<Record<'label' | 'section' | 'reference', string>>): string {
  return template.replace(/\{(label|section|reference)\}/g, (whole, key: 'label' | 'section' | 'reference') => values[key] ?? whole);
}

/**
 * The labels of the target from its section's item down (`3`, `a.` → `3 a.`), or null when one of
 * them has no label in this view. The single item of a section has an empty label; a reference
 * still needs a word for it, so it is given the label of the first position.
 */
function labelPath(place: ItemPlace, labels: Labels, table: LanguageTable): string | null {
  const parts: string[] = [];
  for (let i = 0; i < place.chain.length; i++) {
    const label = labels.items.get(place.chain[i]!.attrs.id as string);
    if (label === undefined) return null;
    parts.push(label === '' ? formatLabel(place.lists[i]!.attrs.style as ListStyle, 1, table) : label);
  }
  return parts.join(table.references.labelSeparator);
}

/**
 * Where the reference points in this view: the target item, or — when the target has no label
 * here because it was moved in suggestion mode (struck through where it was) — its tracked copy
 * where it went, following a copy that was moved again.
 */
function targetPlace(doc: Node, target: string, labels: Labels, table: LanguageTable): ItemPlace | undefined {
  const place = findItem(doc, target);
  const seen = new Set<string>();
  const follow = (id: string): ItemPlace | undefined => {
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const copy of copiesOfItem(doc, id)) {
      if (labelPath(copy, labels, table) !== null) return copy;
      const further = follow(copy.item.attrs.id as string);
      if (further) return further;
    }
    return undefined;
  };
  if (place && labelPath(place, labels, table) !== null) return place;
  return follow(target) ?? place;
}

function containerWord(place: ItemPlace, table: LanguageTable, view: NumberingView): string | null {
  if (place.section) return sectionWord(place.section, place.resolution, table, view);
  const heading = place.annex?.firstChild;
  return heading ? visibleText(heading, view).trim() : null;
}

/**
 * Renders a `cross_reference` node. `labels` are those of `doc` in `view` (computeLabels); the
 * language defaults to the document's.
 */
export function referenceText(
  node: Node,
  doc: Node,
  labels: Labels,
  language?: LanguageCode,
  view: NumberingView = 'new',
): ReferenceRendering {
  const table = languageTable(language ?? (doc.attrs.language as string));
  const attrs = referenceAttrs(node);
  const templates = table.references;
  const place = attrs.target ? targetPlace(doc, attrs.target, labels, table) : undefined;
  const label = place ? labelPath(place, labels, table) : null;
  const section = (place ? containerWord(place, table, view) : null) ?? phraseOfRole(attrs.sectionRole, table) ?? templates.missing;
  const dangling = label === null;
  const template = attrs.form === 'preamble-item' ? templates.preambleItem : templates.pointOfSection;
  let text = fillTemplate(template, { label: label ?? templates.missing, section });
  if (attrs.above) text = fillTemplate(templates.above, { reference: text });
  return { text, dangling, target: place ? (place.item.attrs.id as string) : null };
}
