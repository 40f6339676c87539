/**
 * Compare speed (issue 15): two versions of a 1,100-item resolution, about 10 % of the items
 * changed (words replaced in most, a few items inserted or deleted). Ours: compareDocuments on the
 * two documents as read from their texts. Peer: the `diff` package's diffWords on the same two texts
 * as flat strings, in the same run. Target: median ≤ 0.5× diffWords. `git diff --no-index
 * --word-diff` on the two text files is printed beside it as the native reference (whole process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { compareDocuments } from '../../shared/compare/index.js';
import { writeText } from '../../shared/export/index.js';
import { importText } from '../../shared/import/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { longResolution } from '../support/long-resolution.js';
import { measurePair, medianResult, summarise, type BenchResult } from './types.js';

const SAMPLES = 7;

/** The newer version: in every tenth item a few words replaced; every fiftieth item deleted, and one inserted after every seventieth. */
export function revisedText(text: string): { text: string; changedItems: number } {
  let item = 0;
  let changed = 0;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const labelled = /^[^\t]+\t/.test(line);
    if (!labelled) {
      out.push(line);
      continue;
    }
    item += 1;
    if (item % 50 === 0) {
      changed += 1;
      continue;
    }
    if (item % 10 === 0) {
      changed += 1;
      out.push(
        line
          .replace('doit poursuivre ses travaux', 'devrait intensifier ses activités')
          .replace('en coordination avec', 'en étroite collaboration avec'),
      );
    } else {
      out.push(line);
    }
    if (item % 70 === 0) {
      changed += 1;
      out.push(
        `${line.split('\t')[0]}\tque l'UIT doit rendre compte chaque année des progrès accomplis au titre du point nouveau ${item};`,
      );
    }
  }
  return { text: out.join('\n'), changedItems: changed };
}

function gitWordDiff(dir: string): number {
  const start = performance.now();
  const result = spawnSync('git', ['diff', '--no-index', '--word-diff', 'old.txt', 'new.txt'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = performance.now() - start;
  if (result.status !== 1) throw new Error(`git diff --no-index failed: ${result.stderr}`);
  return elapsed;
}

export async function run(): Promise<BenchResult> {
  const oldText = writeText(longResolution());
  const { text: newText, changedItems } = revisedText(oldText);
  const oldDoc = importText(oldText).doc;
  const newDoc = importText(newText).doc;
  const changes = listChanges(compareDocuments(oldDoc, newDoc, { date: '2026-11-23T00:00:00Z' })).length;
  const times = await measurePair(
    SAMPLES,
    () => compareDocuments(oldDoc, newDoc, { date: '2026-11-23T00:00:00Z' }),
    () => diffWords(oldText, newText),
  );
  const dir = mkdtempSync(join(tmpdir(), 'plenary-compare-bench-'));
  const git: number[] = [];
  try {
    writeFileSync(join(dir, 'old.txt'), oldText);
    writeFileSync(join(dir, 'new.txt'), newText);
    for (let i = 0; i < SAMPLES; i++) git.push(gitWordDiff(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ours = summarise('compareDocuments (tracked changes, word by word)', times.ours);
  const peer = summarise('diff.diffWords on the two texts as flat strings', times.peer);
  const native = summarise('git diff --no-index --word-diff (whole process)', git);
  return medianResult('Compare two 1,100-item versions (~10 % of items changed)', ours, peer, 0.5, 'median ≤ 0.5× diffWords', [
    `${changedItems} items changed of ${oldText.split('\n').filter((l) => /^[^\t]+\t/.test(l)).length}; ${changes} tracked changes in the result`,
    `native reference: ${native.label}: median ${native.median.toFixed(1)} ms, p95 ${native.p95.toFixed(1)} ms`,
  ]);
}
