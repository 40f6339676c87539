/**
 * Renumbered references, as Word has them: a reference whose target moved shows its old label
 * deleted and its new label inserted, the words both share left as they are (`point
 * [-5-][+6+] du décide`, as the exporter writes it and a Word user revises a label by hand), or,
 * in files written before that, its whole old text deleted and its whole new text inserted
 * (`[-rappelant c) ci-dessus-][+rappelant d) ci-dessus+]`) — a revision that Plenary does not store
 * but computes from the two numberings. Such a pair is collapsed into one untracked live reference
 * when the phrase it stands in, read with the deleted words as text both views share, links to an
 * item in the original numbering (the view those words belong to) and that reference reads exactly
 * as the phrase with the inserted words in the new numbering.
 *
 * A label-only pair that is not a renumbering is one reference made to name another item (a
 * comparison's result, a delegate's edit in Word): when the phrase with the deleted words names an
 * item in the original numbering and the phrase with the inserted words one in the new numbering,
 * it becomes a deleted live reference and an inserted one by the same author, which the writers
 * show again as one phrase whose label changed. Any other deletion + insertion pair is a real
 * proposal and stays as it is.
 */
import { Fragment, type Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { countsIn, findItem, referenceText, labelsOf, SharedWordsLinker } from '../../numbering/index.js';
import { schema } from '../../schema/index.js';

/**
 * Trials are cheap (one textblock scanned each) but a huge document with thousands of edits is
 * capped. Any short deletion + insertion pair is tried: a move can change the label and the
 * section both (`point 1 du décide` → `point b) du considérant`).
 */
const MAX_TRIALS = 300;
const MAX_REFERENCE_LENGTH = 160;

interface Pair {
  /** The textblock holding the pair, its position, and the pair's index and offset in it. */
  textblock: Node;
  pos: number;
  index: number;
  offset: number;
  deleted: Node;
  inserted: Node;
}

function only(node: Node, mark: 'insertion' | 'deletion'): boolean {
  const tracked = node.marks.filter((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
  return tracked.length === 1 && tracked[0]!.type.name === mark;
}

function candidatePairs(doc: Node): Pair[] {
  const pairs: Pair[] = [];
  doc.descendants((textblock, pos) => {
    if (!textblock.isTextblock) return true;
    let offset = 0;
    for (let index = 0; index + 1 < textblock.childCount; index++) {
      const deleted = textblock.child(index);
      const inserted = textblock.child(index + 1);
      if (
        deleted.isText &&
        inserted.isText &&
        only(deleted, 'deletion') &&
        only(inserted, 'insertion') &&
        deleted.text!.length <= MAX_REFERENCE_LENGTH &&
        inserted.text!.length <= MAX_REFERENCE_LENGTH
      ) {
        pairs.push({ textblock, pos, index, offset, deleted, inserted });
      }
      offset += deleted.nodeSize;
    }
    return false;
  });
  return pairs;
}

/** The textblock with the pair replaced by one of its texts as words both views share. */
function withPlainWords(pair: Pair, side: 'deleted' | 'inserted'): Node {
  const children: Node[] = [];
  const words = pair[side];
  pair.textblock.forEach((child, _offset, index) => {
    if (index === pair.index)
      children.push(
        schema.text(
          words.text!,
          words.marks.filter((m) => m.type.name !== 'deletion' && m.type.name !== 'insertion'),
        ),
      );
    else if (index !== pair.index + 1) children.push(child);
  });
  return pair.textblock.copy(Fragment.from(children));
}

function isItemMovedAway(item: Node | undefined): item is Node {
  return item !== undefined && countsIn(item, 'original') && !countsIn(item, 'new');
}

/** Words compared as a reader sees them: any run of spaces (a no-break space of a template too) is one space. */
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.replace(/[\s\u00a0]+/gu, ' ');
  return words(a) === words(b);
}

/**
 * The phrase a pair revises, read both ways: with its deleted words as text both views share (in
 * the original numbering) and with its inserted words (in the new numbering). Offsets are those of
 * the real textblock: [from, to) covers the shared words around the pair and the pair itself.
 */
interface PairReading {
  from: number;
  to: number;
  /** The reference the phrase with the deleted words makes in the original numbering. */
  before: Node;
  originalWords: string;
  newWords: string;
  /** The reference the phrase with the inserted words makes in the new numbering, when it makes one over the same words. */
  after: Node | null;
  /** Only the label (or the words that changed) is revised: the phrase has shared words around the pair. */
  labelOnly: boolean;
}

function readPair(linker: SharedWordsLinker, pair: Pair): PairReading | null {
  const { offset, pos, textblock } = pair;
  const deletedSize = pair.deleted.nodeSize;
  const insertedSize = pair.inserted.nodeSize;
  const old = linker.referenceAround(withPlainWords(pair, 'deleted'), pos, offset, offset + deletedSize);
  if (!old) return null;
  // The shared words around the pair, in the real textblock (the inserted words follow the deleted ones).
  const leading = textblock.textBetween(old.from, offset);
  const trailing = textblock.textBetween(offset + deletedSize + insertedSize, old.to + insertedSize);
  const renewed = linker.referenceAround(withPlainWords(pair, 'inserted'), pos, offset, offset + insertedSize, 'new');
  const sameSpan = renewed !== null && renewed.from === old.from && renewed.to === old.to - deletedSize + insertedSize;
  return {
    from: old.from,
    to: old.to + insertedSize,
    before: old.node,
    originalWords: `${leading}${pair.deleted.text!}${trailing}`,
    newWords: `${leading}${pair.inserted.text!}${trailing}`,
    after: sameSpan ? renewed.node : null,
    labelOnly: old.from < offset || old.to > offset + deletedSize,
  };
}

/**
 * Word has no item identity: Plenary writes a tracked move as the item deleted where it was and
 * inserted where it goes, and a reference to it as its old words deleted and its new words
 * inserted. When the deleted words name an item deleted here and the inserted words name an
 * inserted item saying the same, that item is the moved copy: it gets its `movedFrom` back, so
 * that the reference reads from it in the new numbering (README, "Moves keep identity").
 */
function recoverMoves(doc: Node, pairs: readonly Pair[]): Node {
  const linker = new SharedWordsLinker(doc);
  const tr = new Transform(doc);
  const copied = new Set<string>();
  for (const pair of pairs) {
    const reading = readPair(linker, pair);
    const from = reading?.before;
    const to = reading?.after;
    if (!from || !to) continue;
    const source = findItem(doc, from.attrs.target as string)?.item;
    const place = findItem(doc, to.attrs.target as string);
    const copy = place?.item;
    if (!isItemMovedAway(source) || !copy || countsIn(copy, 'original') || copy.attrs.movedFrom || copied.has(copy.attrs.id as string))
      continue;
    if (finalWords(copy) !== finalWords(source)) continue;
    copied.add(copy.attrs.id as string);
    tr.setNodeMarkup(itemPos(doc, copy), undefined, { ...copy.attrs, movedFrom: source.attrs.id as string });
  }
  return tr.doc;
}

/** An item's words once its own changes are accepted, for telling a moved copy from its source. */
function finalWords(item: Node): string {
  let text = '';
  item.descendants((node) => {
    if (node.isText && !node.marks.some((m) => m.type.name === 'deletion')) text += node.text;
    return true;
  });
  return text.replace(/\s+/g, ' ').trim();
}

function itemPos(doc: Node, item: Node): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node === item) found = pos;
    return true;
  });
  return found;
}

/**
 * Runs before the references are linked (./index.ts): a renumbered reference's inserted text,
 * linked first in the new numbering, would otherwise stand beside its deleted twin.
 */
export function collapseRenumberedReferences(parsed: Node): Node {
  const doc = recoverMoves(parsed, candidatePairs(parsed).slice(0, MAX_TRIALS));
  const linker = new SharedWordsLinker(doc);
  const original = labelsOf(doc, 'original');
  const renewed = labelsOf(doc, 'new');
  const tr = new Transform(doc);
  // From the end, so that the positions of the pairs still to replace stay valid.
  for (const pair of candidatePairs(doc).reverse().slice(0, MAX_TRIALS)) {
    // The deleted words, read as the author's text before the proposal, must name an item…
    const reading = readPair(linker, pair);
    if (!reading) continue;
    const { before, after } = reading;
    const start = pair.pos + 1;
    // …and the new numbering must word that item exactly as the inserted words do: a renumbering.
    if (
      sameWords(referenceText(before, doc, renewed, undefined, 'new').text, reading.newWords) &&
      sameWords(referenceText(before, doc, original, undefined, 'original').text, reading.originalWords)
    ) {
      tr.replaceWith(start + reading.from, start + reading.to, before);
      continue;
    }
    // A label revised to name another item: the reference deleted and the other inserted, by the
    // same author (tracking/attrs.ts `replacedReference`, which the writers show as one phrase).
    const deletion = pair.deleted.marks.find((m) => m.type.name === 'deletion')!;
    const insertion = pair.inserted.marks.find((m) => m.type.name === 'insertion')!;
    if (!reading.labelOnly || !after || deletion.attrs.author !== insertion.attrs.author) continue;
    tr.replaceWith(start + reading.from, start + reading.to, [
      before.mark(deletion.addToSet(before.marks)),
      after.mark(insertion.addToSet(after.marks)),
    ]);
  }
  return tr.doc;
}
