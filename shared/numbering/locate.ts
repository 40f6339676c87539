/**
 * Where an item stands in the structure: the items and lists above it up to its section (or
 * annex), and its resolution. Cross-references need this to word a reference (`point 3 a. du
 * décide`) and style checks to say where a finding is. Built once per document and cached, since
 * documents are immutable.
 */
import type { Node } from 'prosemirror-model';
import type { NumberingView } from './labels.js';

export interface ItemPlace {
  item: Node;
  /** Position just before the item. */
  pos: number;
  /** The items from the outermost one (a section's item) down to this one, this one last. */
  chain: Node[];
  /** The list holding each item of `chain`, in the same order. */
  lists: Node[];
  section: Node | null;
  annex: Node | null;
  resolution: Node | null;
}

interface Ancestors {
  chain: Node[];
  lists: Node[];
  section: Node | null;
  annex: Node | null;
  resolution: Node | null;
}

interface Places {
  byId: Map<string, ItemPlace>;
  /** Tracked copies of an item (a move in suggestion mode), by the id of the item they copy. */
  copiesOf: Map<string, ItemPlace[]>;
}

const cache = new WeakMap<Node, Places>();

function placesOf(doc: Node): Places {
  let places = cache.get(doc);
  if (!places) {
    places = { byId: new Map(), copiesOf: new Map() };
    collect(doc, -1, { chain: [], lists: [], section: null, annex: null, resolution: null }, places);
    cache.set(doc, places);
  }
  return places;
}

/** Every item of the document that has an id, by id. */
function itemPlaces(doc: Node): Map<string, ItemPlace> {
  return placesOf(doc).byId;
}

export function findItem(doc: Node, id: string): ItemPlace | undefined {
  return itemPlaces(doc).get(id);
}

/** The tracked copies of item `id` (shared/tracking/moves.ts), in document order. */
export function copiesOfItem(doc: Node, id: string): readonly ItemPlace[] {
  return placesOf(doc).copiesOf.get(id) ?? [];
}

function collect(node: Node, pos: number, above: Ancestors, into: Places): void {
  // Positions: `pos` is before `node` (-1 for the doc, whose content starts at 0).
  const contentStart = pos + 1;
  node.forEach((child, offset) => {
    const childPos = contentStart + offset;
    switch (child.type.name) {
      case 'item': {
        const list = node;
        const place: ItemPlace = {
          item: child,
          pos: childPos,
          chain: [...above.chain, child],
          lists: [...above.lists, list],
          section: above.section,
          annex: above.annex,
          resolution: above.resolution,
        };
        const id = child.attrs.id as string | null;
        if (id && !into.byId.has(id)) into.byId.set(id, place);
        const movedFrom = child.attrs.movedFrom as string | null;
        if (movedFrom) into.copiesOf.set(movedFrom, [...(into.copiesOf.get(movedFrom) ?? []), place]);
        collect(child, childPos, { ...above, chain: place.chain, lists: place.lists }, into);
        return;
      }
      case 'section':
        collect(child, childPos, { ...above, section: child }, into);
        return;
      case 'annex':
        collect(child, childPos, { ...above, annex: child, section: null }, into);
        return;
      case 'resolution':
        collect(child, childPos, { chain: [], lists: [], section: null, annex: null, resolution: child }, into);
        return;
      default:
        if (!child.isTextblock && !child.isLeaf) collect(child, childPos, above, into);
    }
  });
}

/**
 * The text of a textblock as a reader sees it in a numbering view: text deleted (new view) or
 * inserted (original view) by a tracked change is left out, and so are footnotes, whose text is
 * not part of the sentence.
 */
export function visibleText(textblock: Node, view: NumberingView = 'new'): string {
  const hidden = view === 'new' ? 'deletion' : 'insertion';
  let text = '';
  textblock.forEach((child) => {
    if (child.isText && !child.marks.some((mark) => mark.type.name === hidden)) text += child.text;
  });
  return text;
}
