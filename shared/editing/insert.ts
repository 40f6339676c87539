/**
 * Commands behind menu entries and shortcuts: insert a section, a footnote, an annex, an item;
 * delete an item; change a list's style. Every new block gets a fresh id.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { languageTable } from '../languages/index.js';
import { newId } from '../model/index.js';
import type { ListStyle, SectionKind } from '../schema/index.js';
import { defaultListStyle } from './list-style.js';
import { emptyItem, finish, itemAt, types, type Command } from './context.js';

/** Depth of the nearest ancestor of `$pos` of the given type name, or -1. */
function ancestorDepth($pos: ResolvedPos, name: string): number {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === name) return depth;
  return -1;
}

/**
 * A new section with `keyword` (chosen by the UI from the language table) and one empty item,
 * the cursor in that item. It goes after the current section; from the resolution's header
 * lines, before the first section; from an annex of the resolution, after the last section.
 */
export function insertSection(kind: SectionKind, keyword: string): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const resolutionDepth = ancestorDepth($from, 'resolution');
    if (resolutionDepth < 0) return false;
    const resolution = $from.node(resolutionDepth);
    const sectionDepth = ancestorDepth($from, 'section');
    let at: number;
    if (sectionDepth > 0) {
      at = $from.after(sectionDepth);
    } else {
      // After the call (the header lines come before every section), or, from an annex, after
      // the last section (annexes come after every section).
      const inAnnex = resolution.child($from.index(resolutionDepth)).type === types.annex;
      const lastSection = lastIndexOf(resolution, 'section');
      const afterIndex = inAnnex && lastSection >= 0 ? lastSection : lastIndexOf(resolution, 'call');
      at = $from.start(resolutionDepth);
      for (let i = 0; i <= afterIndex; i++) at += resolution.child(i).nodeSize;
    }
    if (dispatch) {
      const keywordText = keyword.trim();
      const section = types.section.create({ id: newId(), kind }, [
        types.sectionKeyword.create({ id: newId() }, keywordText ? state.schema.text(keywordText) : null),
        types.itemList.create({ id: newId(), style: defaultListStyle(kind) }, emptyItem(newId)),
      ]);
      const tr = state.tr.insert(at, section);
      // section > keyword(…) > item_list > item > item_text: the cursor in the empty item text.
      const itemTextStart = at + 1 + section.firstChild!.nodeSize + 3;
      tr.setSelection(TextSelection.create(tr.doc, itemTextStart));
      finish(tr, dispatch);
    }
    return true;
  };
}

/** Index of the last child of `parent` of type `name`, or -1. */
function lastIndexOf(parent: Node, name: string): number {
  let found = -1;
  parent.forEach((node, _offset, i) => {
    if (node.type.name === name) found = i;
  });
  return found;
}

/** A footnote at the cursor (replacing the selection), holding `text`; the cursor after it. */
export function insertFootnote(text = ''): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.inlineContent || !$from.parent.type.contentMatch.matchType(types.footnote)) return false;
    if (dispatch) {
      const footnote = types.footnote.create({ id: newId() }, text ? state.schema.text(text) : null);
      const tr = state.tr.replaceSelectionWith(footnote, true);
      finish(tr, dispatch);
    }
    return true;
  };
}

/**
 * An annex at the end of the current resolution (or of the document, outside a resolution):
 * its heading in the document's language (`ANNEXE`), an empty title with the cursor in it.
 */
export const insertAnnex: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const resolutionDepth = ancestorDepth($from, 'resolution');
  const at = resolutionDepth > 0 ? $from.end(resolutionDepth) : state.doc.content.size;
  if (dispatch) {
    const table = languageTable(state.doc.attrs.language as string);
    const heading = table.annexWords[0] ?? 'ANNEX';
    const annex = types.annex.create({ id: newId() }, [
      types.annexHeading.create({ id: newId() }, state.schema.text(heading)),
      types.annexTitle.create({ id: newId() }),
    ]);
    const tr = state.tr.insert(at, annex);
    tr.setSelection(TextSelection.create(tr.doc, at + 1 + annex.firstChild!.nodeSize + 1));
    finish(tr, dispatch);
  }
  return true;
};

/** A new empty item right after the current one (at the same level), the cursor in it. */
export const insertItemAfter: Command = (state, dispatch) => {
  const context = itemAt(state.selection.$from);
  if (!context) return false;
  if (dispatch) {
    const at = context.pos + context.item.nodeSize;
    const tr = state.tr.insert(at, emptyItem(newId));
    tr.setSelection(TextSelection.create(tr.doc, at + 2));
    finish(tr, dispatch);
  }
  return true;
};

/**
 * Deletes the current item with its children. The last item of a sub-list takes the sub-list
 * with it; the last item of a section's list cannot go (a section has at least one item).
 */
export const deleteItem: Command = (state, dispatch) => {
  const context = itemAt(state.selection.$from);
  if (!context) return false;
  const alone = context.list.childCount === 1;
  if (alone && context.holder === 'section') return false;
  const from = alone ? context.listPos : context.pos;
  const to = alone ? context.listPos + context.list.nodeSize : context.pos + context.item.nodeSize;
  const tr = state.tr.delete(from, to);
  if (!tr.docChanged || !isValid(tr.doc)) return false;
  if (dispatch) {
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(from, tr.doc.content.size)), -1));
    finish(tr, dispatch);
  }
  return true;
};

function isValid(doc: Node): boolean {
  try {
    doc.check();
    return true;
  } catch {
    return false;
  }
}

/** Sets the style of the list around the cursor (the innermost one). */
export function setListStyle(style: ListStyle): Command {
  return (state, dispatch) => {
    const context = itemAt(state.selection.$from);
    if (!context) return false;
    if (context.list.attrs.style === style) return true;
    if (dispatch) finish(state.tr.setNodeAttribute(context.listPos, 'style', style), dispatch);
    return true;
  };
}
