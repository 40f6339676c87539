/**
 * Which list style a new list gets. Labels are computed from position, but the style of a list
 * (a) 1 i) a. –) is stored, so a command that creates a list must choose one.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import type { ListStyle, SectionKind } from '../schema/index.js';
import { types } from './context.js';

/** Preamble items are a) b) c); operative items 1 2 3 (resolution-structure.md). */
export function defaultListStyle(kind: SectionKind): ListStyle {
  return kind === 'preamble' ? 'alpha' : 'decimal';
}

/**
 * The usual style of a sub-list under a list of `parentStyle`, when the document shows no
 * convention of its own: i) ii) under a) and 1 (considérant g), charge le Groupe 1 of Res 1332),
 * dashes under i) and a. (considérant g) v)), dashes under dashes.
 */
const SUB_LIST_STYLE: Record<ListStyle, ListStyle> = {
  alpha: 'roman',
  decimal: 'roman',
  roman: 'dash',
  'alpha-dot': 'dash',
  dash: 'dash',
};

/** The style of the first sub-list found directly under a list of `parentStyle` inside `scope`. */
function conventionIn(scope: Node, parentStyle: ListStyle): ListStyle | null {
  let found: ListStyle | null = null;
  scope.descendants((node) => {
    if (found) return false;
    if (node.type === types.itemList && node.attrs.style === parentStyle) {
      node.forEach((item) =>
        item.forEach((child) => {
          if (!found && child.type === types.itemList) found = child.attrs.style as ListStyle;
        }),
      );
    }
    return true;
  });
  return found;
}

/**
 * The natural style of a new sub-list under the list at depth `listDepth` of `$pos`: the style
 * the same section already uses at that place (décide 3 of Res 1332 has a. b.), else the one the
 * document uses, else the usual one for the depth.
 */
export function naturalSubListStyle($pos: ResolvedPos, listDepth: number): ListStyle {
  const parentStyle = $pos.node(listDepth).attrs.style as ListStyle;
  for (let depth = listDepth - 1; depth >= 0; depth--) {
    if ($pos.node(depth).type === types.section) {
      const inSection = conventionIn($pos.node(depth), parentStyle);
      if (inSection) return inSection;
      break;
    }
  }
  return conventionIn($pos.doc, parentStyle) ?? SUB_LIST_STYLE[parentStyle];
}
