/**
 * Pairs two sequences in order (the blocks of a section in two language versions) so that the sum
 * of the pairs' scores is highest, each pair's score counting only above `threshold`: the global
 * alignment of Needleman and Wunsch with free gaps. An item missing on one side leaves a gap there
 * and the items after it pair with their counterparts, not with their neighbours.
 *
 * Two versions of a list mostly have the same length and pair one to one: that is checked first
 * (linear). Long lists are aligned within a band around the diagonal (the difference of the lengths
 * plus BAND): a translation inserts or drops a few items, it does not move many far.
 */

/** Score of pairing element i of the first sequence with element j of the second; -Infinity: never. */
export type PairScore = (i: number, j: number) => number;

/** Below this, a pair is not worth making (a gap on each side costs nothing). */
export const PAIR_THRESHOLD = 0.3;
/** One to one pairing is kept when every diagonal pair scores at least this. */
const DIAGONAL_CONFIDENCE = 0.5;
const BAND = 24;
/** Above this many cells the alignment is banded. */
const FULL_LIMIT = 250_000;

export function alignSequences(n: number, m: number, score: PairScore, threshold = PAIR_THRESHOLD): Array<[number, number]> {
  if (n === 0 || m === 0) return [];
  if (n === m) {
    const diagonal: Array<[number, number]> = [];
    for (let i = 0; i < n && score(i, i) >= DIAGONAL_CONFIDENCE; i++) diagonal.push([i, i]);
    if (diagonal.length === n) return diagonal;
  }
  const band = n * m <= FULL_LIMIT ? Math.max(n, m) : Math.abs(n - m) + BAND;
  const inBand = (i: number, j: number) => Math.abs(i * (m / n) - j) <= band;
  // best[i][j]: best total for the suffixes from i and j; kept as one flat array.
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 1 pair, 2 skip i, 3 skip j
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      const at = i * width + j;
      if (i === n || j === m) {
        move[at] = i === n ? 3 : 2;
        continue;
      }
      if (!inBand(i, j)) {
        // Outside the band: skip towards it (never pairs).
        move[at] = i * (m / n) > j ? 3 : 2;
        best[at] = move[at] === 3 ? best[at + 1]! : best[at + width]!;
        continue;
      }
      let value = best[at + width]!;
      let choice = 2;
      if (best[at + 1]! > value) {
        value = best[at + 1]!;
        choice = 3;
      }
      const s = score(i, j);
      if (s >= threshold) {
        const paired = best[at + width + 1]! + (s - threshold);
        if (paired >= value) {
          value = paired;
          choice = 1;
        }
      }
      best[at] = value;
      move[at] = choice;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    const choice = move[i * width + j];
    if (choice === 1) pairs.push([i++, j++]);
    else if (choice === 2) i++;
    else j++;
  }
  return pairs;
}
