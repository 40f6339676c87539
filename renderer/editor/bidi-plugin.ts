/**
 * Latin runs inside a right-to-left document, each a left-to-right embedding (`.pl-ltr`,
 * CSS `unicode-bidi: embed`): `القرار 1332 (C11، آخر تعديل C24)` keeps `C11` and `C24` in place
 * and the brackets and comma of the Arabic line around them, and a French sentence still to
 * translate reads left to right inside its right-to-left paragraph. The runs are those the Word
 * export writes without `w:rtl` (shared/languages `scriptSegments`), so page and Word agree.
 *
 * Typing is the hot path: only the textblocks a transaction touched are scanned again; the other
 * decorations are mapped. A document in a left-to-right language has none.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { languageTable, scriptSegmentsOfPieces } from '../../shared/languages/index.js';

export const bidiKey = new PluginKey<DecorationSet>('plenary-bidi');

function rightToLeft(doc: Node): boolean {
  try {
    return languageTable(doc.attrs.language as string).direction === 'rtl';
  } catch {
    return false;
  }
}

/**
 * The Latin runs of one textblock at `pos`, as inline decorations. The runs are found on the whole
 * line (its text nodes joined, anything else one neutral character), so a bracket in a text node of
 * its own still joins the run it closes.
 */
function blockDecorations(block: Node, pos: number): Decoration[] {
  const pieces: string[] = [];
  block.forEach((child) => pieces.push(child.isText ? (child.text ?? '') : '\uFFFC'.repeat(child.nodeSize)));
  const segmentsOfPieces = scriptSegmentsOfPieces(pieces, true);
  const out: Decoration[] = [];
  block.forEach((child, offset, index) => {
    if (!child.isText) return;
    let at = pos + 1 + offset;
    for (const segment of segmentsOfPieces[index]!) {
      if (!segment.rightToLeft) out.push(Decoration.inline(at, at + segment.text.length, { class: 'pl-ltr', dir: 'ltr' }));
      at += segment.text.length;
    }
  });
  return out;
}

function drawAll(doc: Node): DecorationSet {
  if (!rightToLeft(doc)) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(...blockDecorations(node, pos));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The textblocks of the new document that a transaction's steps touched. */
function touchedBlocks(tr: Transaction): Array<{ node: Node; pos: number }> {
  const ranges: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, index) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = tr.mapping.slice(index + 1);
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  const seen = new Set<number>();
  const out: Array<{ node: Node; pos: number }> = [];
  for (const [from, to] of ranges) {
    tr.doc.nodesBetween(Math.max(0, from - 1), Math.min(tr.doc.content.size, to + 1), (node, pos) => {
      if (!node.isTextblock) return true;
      if (!seen.has(pos)) {
        seen.add(pos);
        out.push({ node, pos });
      }
      return false;
    });
  }
  return out;
}

export function bidiPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: bidiKey,
    state: {
      init: (_config, state) => drawAll(state.doc),
      apply(tr, old, before, after) {
        const wasRtl = rightToLeft(before.doc);
        const isRtl = rightToLeft(after.doc);
        if (wasRtl !== isRtl) return drawAll(after.doc);
        if (!isRtl || !tr.docChanged) return old;
        let set = old.map(tr.mapping, tr.doc);
        for (const { node, pos } of touchedBlocks(tr)) {
          set = set.remove(set.find(pos, pos + node.nodeSize)).add(tr.doc, blockDecorations(node, pos));
        }
        return set;
      },
    },
    props: {
      decorations: (state) => bidiKey.getState(state),
    },
  });
}
