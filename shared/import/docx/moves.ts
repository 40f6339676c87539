/**
 * Word's moves as Plenary's tracked moves. Word records a moved paragraph twice: struck through
 * where it was (`w:moveFrom`, inside a `w:moveFromRangeStart w:name="move…"` range) and inserted
 * where it went (`w:moveTo`, inside a `w:moveToRangeStart` of the same name). Read as a deletion and
 * an insertion, the two would be unrelated blocks; paired here, the destination records the
 * source's id in `movedFrom` (shared/tracking/moves.ts), so references follow the moved item and
 * accepting the move gives it its id back — the model of a move made in Plenary.
 *
 * Only whole moved blocks are paired: a block whose change is the revision of one side of a named
 * move. The n-th source block of a move pairs with its n-th destination block, of the same type.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { blockChange } from '../../tracking/index.js';
import type { MoveRevision } from './ooxml.js';

interface MovedBlock {
  pos: number;
  id: string;
  type: string;
}

export function pairMoves(doc: Node, moves: ReadonlyMap<string, MoveRevision>): Node {
  if (moves.size === 0) return doc;
  const sources = new Map<string, MovedBlock[]>();
  const destinations = new Map<string, MovedBlock[]>();
  doc.descendants((node, pos) => {
    const change = blockChange(node);
    const move = change ? moves.get(change.id) : undefined;
    const id = node.attrs.id as string | null | undefined;
    if (!change || !move || !id || !('movedFrom' in node.attrs)) return true;
    const side =
      move.side === 'from' && change.kind === 'deletion'
        ? sources
        : move.side === 'to' && change.kind === 'insertion'
          ? destinations
          : null;
    if (!side) return true;
    const blocks = side.get(move.name) ?? [];
    blocks.push({ pos, id, type: node.type.name });
    side.set(move.name, blocks);
    // The blocks inside a moved block moved with it.
    return false;
  });
  const tr = new Transform(doc);
  for (const [name, targets] of destinations) {
    const origins = sources.get(name) ?? [];
    targets.forEach((target, index) => {
      const origin = origins[index];
      if (!origin || origin.type !== target.type) return;
      tr.setNodeAttribute(target.pos, 'movedFrom', origin.id);
      // The copy's paragraphs record theirs too, as a move made in Plenary does (same shape only).
      const from = innerBlocks(doc.nodeAt(origin.pos)!, origin.pos);
      const to = innerBlocks(doc.nodeAt(target.pos)!, target.pos);
      if (from.length !== to.length || from.some((block, i) => block.type !== to[i]!.type)) return;
      to.forEach((block, i) => tr.setNodeAttribute(block.pos, 'movedFrom', from[i]!.id));
    });
  }
  return tr.doc;
}

/** The blocks with ids inside a block, in document order, with their positions in the document. */
function innerBlocks(node: Node, pos: number): MovedBlock[] {
  const blocks: MovedBlock[] = [];
  node.descendants((child, offset) => {
    const id = child.attrs.id as string | null | undefined;
    if (id && 'movedFrom' in child.attrs) blocks.push({ pos: pos + 1 + offset, id, type: child.type.name });
    return true;
  });
  return blocks;
}
