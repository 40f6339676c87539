/**
 * The cover's fixed text on screen, as the Word export sets it (shared/cover): `Point de l'ordre du
 * jour:` and `Original:` before their fields, `Document` and the language letter around a number,
 * the summary box's bold headings (and its rule before `Références`), in the document's language.
 * Node decorations put it in data attributes that CSS draws (`::before`/`::after`, page.css): it is
 * never part of the document, so it is not typed over, copied, searched or tracked. The box's
 * fields are marked too, so the page can frame them as Word does.
 * Rebuilt only when the cover or the document's language changed: typing in the body costs nothing.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { COVER_BOX_FIELDS, coverFieldFurniture } from '../../shared/cover/index.js';
import { isLanguageCode, languageTable } from '../../shared/languages/index.js';

const key = new PluginKey<DecorationSet>('plenaryCoverFurniture');

function isBoxField(field: Node): boolean {
  return (COVER_BOX_FIELDS as readonly string[]).includes(String(field.attrs.name));
}

/** The attributes of each cover field's decoration (for tests: what the page draws beside it). */
export function coverFieldAttributes(doc: Node): Array<Record<string, string>> {
  const cover = doc.firstChild;
  if (cover?.type.name !== 'cover') return [];
  const code = doc.attrs.language as unknown;
  const table = languageTable(isLanguageCode(code) ? code : 'en');
  const box: number[] = [];
  cover.forEach((field, _offset, index) => {
    if (isBoxField(field)) box.push(index);
  });
  const out: Array<Record<string, string>> = [];
  cover.forEach((field, _offset, index) => {
    const { before, after, heading, ruleAbove } = coverFieldFurniture(field, table);
    const attrs: Record<string, string> = {};
    if (before) attrs['data-pl-before'] = before;
    if (after) attrs['data-pl-after'] = after;
    if (heading) attrs['data-pl-heading'] = heading;
    if (ruleAbove) attrs['data-pl-rule'] = '';
    if (box.includes(index)) {
      const edges = [index === box[0] ? 'pl-cover-box-first' : '', index === box.at(-1) ? 'pl-cover-box-last' : ''];
      attrs.class = ['pl-cover-box', ...edges].filter(Boolean).join(' ');
    }
    out.push(attrs);
  });
  return out;
}

function decorations(doc: Node): DecorationSet {
  const cover = doc.firstChild;
  if (cover?.type.name !== 'cover') return DecorationSet.empty;
  const attributes = coverFieldAttributes(doc);
  const found: Decoration[] = [];
  cover.forEach((field, offset, index) => {
    const attrs = attributes[index]!;
    if (Object.keys(attrs).length > 0) found.push(Decoration.node(1 + offset, 1 + offset + field.nodeSize, attrs));
  });
  return DecorationSet.create(doc, found);
}

/** Whether the cover or the language changed (ProseMirror keeps an untouched node's identity). */
function coverChanged(before: EditorState, after: EditorState): boolean {
  return before.doc.firstChild !== after.doc.firstChild || before.doc.attrs.language !== after.doc.attrs.language;
}

export function coverFurniturePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => decorations(state.doc),
      apply: (tr, old, before, after) => (coverChanged(before, after) ? decorations(after.doc) : old.map(tr.mapping, tr.doc)),
    },
    props: { decorations: (state) => key.getState(state) },
  });
}
