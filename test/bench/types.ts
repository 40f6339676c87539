/**
 * What every benchmark returns. Speed targets are ratios against a peer measured in the same run on
 * the same machine (bare ProseMirror, pandoc, mammoth, a full recomputation…), never absolute
 * timings in unit tests.
 */
export interface BenchMeasure {
  /** e.g. 'numbering update (incremental)'. */
  label: string;
  /** Milliseconds. */
  median: number;
  p95: number;
  samples: number;
}

export interface BenchResult {
  name: string;
  ours: BenchMeasure;
  peer: BenchMeasure;
  /** ours / peer, on the figure the target is about (usually p95 or median). */
  ratio: number;
  /** The target in words, e.g. 'p95 ≤ 16 ms and ≤ 1.3× bare ProseMirror'. */
  target: string;
  met: boolean;
  notes?: string[];
}

export interface Bench {
  /** One result, or several when one run measures several targets (the editor with tracking off and on). */
  run(): Promise<BenchResult | BenchResult[]>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarise(label: string, samples: number[]): BenchMeasure {
  const sorted = [...samples].sort((a, b) => a - b);
  return { label, median: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length };
}

/**
 * Times `ours` and `peer` `samples` times each, interleaved so that machine load falls on both
 * alike, after one warm-up run of each (module loading and JIT are not what is measured).
 */
export async function measurePair(
  samples: number,
  ours: () => Promise<unknown> | unknown,
  peer: () => Promise<unknown> | unknown,
): Promise<{ ours: number[]; peer: number[] }> {
  await ours();
  await peer();
  const out = { ours: [] as number[], peer: [] as number[] };
  for (let i = 0; i < samples; i++) {
    for (const [action, into] of [
      [ours, out.ours],
      [peer, out.peer],
    ] as const) {
      const start = performance.now();
      await action();
      into.push(performance.now() - start);
    }
  }
  return out;
}

/**
 * The result of a benchmark whose target is a median ratio against its peer: met when
 * ours.median / peer.median ≤ `limit`. `target` says it in words ("median ≤ 1× pandoc").
 */
export function medianResult(
  name: string,
  ours: BenchMeasure,
  peer: BenchMeasure,
  limit: number,
  target: string,
  notes: string[] = [],
): BenchResult {
  const ratio = ours.median / peer.median;
  return { name, ours, peer, ratio, target, met: ratio <= limit, notes };
}
