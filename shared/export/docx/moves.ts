/**
 * Tracked moves written as Word moves. The `docx` library writes insertions and deletions only;
 * the revisions of a pending move (./context.ts `moves`, ./revisions.ts `RevisionIds.moves`) are
 * turned here, in the written document part, into what Word writes for a move:
 *
 *   <w:moveFromRangeStart w:id=… w:name="move1" …/> <w:moveFrom …><w:r><w:t>…</w:t></w:r></w:moveFrom> … <w:moveFromRangeEnd w:id=…/>
 *   <w:moveToRangeStart   w:id=… w:name="move1" …/> <w:moveTo   …><w:r><w:t>…</w:t></w:r></w:moveTo>   … <w:moveToRangeEnd   w:id=…/>
 *
 * and `w:moveFrom`/`w:moveTo` in the paragraph marks. Word pairs the two sides by the range name
 * and shows them as a move (green, double struck); accepting or rejecting one side does the other.
 * Moved-away text is `w:t`, not `w:delText`, inside `w:moveFrom` (as Word writes it).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { MoveSide } from './revisions.js';

const DOCUMENT_PART = 'word/document.xml';

/** The package with the move revisions of its main part written as moves. */
export function writeMovesInPackage(docx: Uint8Array, moves: ReadonlyMap<number, MoveSide>, firstFreeId: number): Uint8Array {
  if (moves.size === 0) return docx;
  const files = unzipSync(docx);
  const part = files[DOCUMENT_PART];
  if (!part) return docx;
  files[DOCUMENT_PART] = strToU8(writeMoves(strFromU8(part), moves, firstFreeId));
  return zipSync(files);
}

interface Open {
  /** The element's new name (`w:moveFrom`), or null when it stays as it was. */
  renamed: string | null;
  /** Its move range (`From:move1`), when renamed. */
  range: Range | null;
}

interface Range {
  side: 'From' | 'To';
  name: string;
  attributes: string;
  /** Index in the output of the start of the paragraph holding the first moved element, and of the end of the one holding the last. */
  first: number;
  last: number;
}

const TAG = /<(\/?)w:(ins|del|delText|p)\b([^>]*?)(\/?)>/g;

export function writeMoves(xml: string, moves: ReadonlyMap<number, MoveSide>, firstFreeId: number): string {
  const out: string[] = [];
  const stack: Open[] = [];
  const ranges = new Map<string, Range>();
  let movedFromDepth = 0;
  let at = 0;
  // Like Word, a range starts before the paragraph holding the first moved element and ends after
  // the paragraph holding the last: it then covers the paragraph marks too.
  let paragraphStart = -1;
  const endingHere = new Set<Range>();
  for (const match of xml.matchAll(TAG)) {
    out.push(xml.slice(at, match.index));
    at = match.index + match[0].length;
    const [whole, closing, tag, attributes, selfClosing] = match as unknown as [string, string, string, string, string];
    if (tag === 'p') {
      out.push(whole);
      if (selfClosing) continue;
      if (!closing) paragraphStart = out.length - 1;
      else {
        for (const range of endingHere) range.last = out.length - 1;
        endingHere.clear();
      }
      continue;
    }
    if (tag === 'delText') {
      // Inside a move source the text is w:t.
      out.push(movedFromDepth > 0 ? whole.replace('w:delText', 'w:t') : whole);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open?.renamed) {
        out.push(`</${open.renamed}>`);
        if (open.renamed === 'w:moveFrom') movedFromDepth -= 1;
        if (open.range) endingHere.add(open.range);
      } else out.push(whole);
      continue;
    }
    const id = Number(/\bw:id="(\d+)"/.exec(attributes)?.[1]);
    const move = moves.get(id);
    const expected = tag === 'ins' ? 'insertion' : 'deletion';
    const renamed = move && move.kind === expected ? (tag === 'ins' ? 'w:moveTo' : 'w:moveFrom') : null;
    out.push(renamed ? `<${renamed}${attributes}${selfClosing}>` : whole);
    if (selfClosing) continue;
    if (!renamed || !move) {
      stack.push({ renamed: null, range: null });
      continue;
    }
    if (renamed === 'w:moveFrom') movedFromDepth += 1;
    const side = renamed === 'w:moveFrom' ? 'From' : 'To';
    const key = `${side}:${move.name}`;
    const range = ranges.get(key) ?? { side, name: move.name, attributes: authorAndDate(attributes), first: paragraphStart, last: -1 };
    ranges.set(key, range);
    stack.push({ renamed, range });
  }
  out.push(xml.slice(at));

  let nextId = firstFreeId;
  const before = new Map<number, string>();
  const after = new Map<number, string>();
  for (const range of ranges.values()) {
    if (range.first < 0 || range.last < 0) continue;
    const id = nextId++;
    before.set(
      range.first,
      (before.get(range.first) ?? '') + `<w:move${range.side}RangeStart w:id="${id}" w:name="${range.name}"${range.attributes}/>`,
    );
    after.set(range.last, `<w:move${range.side}RangeEnd w:id="${id}"/>` + (after.get(range.last) ?? ''));
  }
  return out.map((chunk, index) => (before.get(index) ?? '') + chunk + (after.get(index) ?? '')).join('');
}

function authorAndDate(attributes: string): string {
  const author = /\sw:author="[^"]*"/.exec(attributes)?.[0] ?? '';
  const date = /\sw:date="[^"]*"/.exec(attributes)?.[0] ?? '';
  return `${author}${date}`;
}
