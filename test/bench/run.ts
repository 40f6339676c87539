/**
 * `npm run bench`: runs every benchmark in this folder (files named *.bench.ts, or a subset given
 * on the command line) and prints each result as our figure beside the peer's, measured in the
 * same run, with the ratio and whether the target is met. Exits 1 when a target is missed.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchMeasure, BenchResult } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));

function format(m: BenchMeasure): string {
  return `${m.label}: median ${m.median.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms (n=${m.samples})`;
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    const bench = (await import(pathToFileURL(join(here, file)).href)) as Bench;
    process.stdout.write(`\n▶ ${file}\n`);
    const outcome = await bench.run();
    for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
      results.push(result);
      console.log(`  ${result.name}`);
      console.log(`  ours  ${format(result.ours)}`);
      console.log(`  peer  ${format(result.peer)}`);
      console.log(`  ratio ${result.ratio.toFixed(2)}×   target: ${result.target}   ${result.met ? 'MET' : 'MISSED'}`);
      for (const note of result.notes ?? []) console.log(`  note  ${note}`);
    }
  }
  const missed = results.filter((r) => !r.met);
  console.log(`\n${results.length - missed.length} of ${results.length} benchmark targets met`);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
