/**
 * Word import speed: a ~1,000-item resolution with 500 tracked changes and footnotes (the export
 * benchmark's document, exported with revision marks) read back into a Plenary document, beside
 * mammoth.js converting the same file to HTML in the same run.
 * Target (issue 8): no slower than mammoth, on the median.
 */
import mammoth from 'mammoth';
import { exportDocx } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { largeTrackedResolution } from './export.bench.js';
import { measurePair, medianResult, summarise, type BenchResult } from './types.js';

const SAMPLES = 7;

export async function run(): Promise<BenchResult> {
  const bytes = await exportDocx(largeTrackedResolution(), { mode: 'markup' });
  const buffer = Buffer.from(bytes);
  const { ours, peer } = await measurePair(
    SAMPLES,
    () => importDocx(bytes),
    () => mammoth.convertToHtml({ buffer }),
  );
  return medianResult(
    'Word import of a 1,000-item resolution with 500 tracked changes',
    summarise('importDocx (structure, revisions, footnotes)', ours),
    summarise('mammoth.convertToHtml (same file)', peer),
    1,
    'median ≤ 1.0× mammoth',
    [`${(bytes.length / 1024).toFixed(0)} KB .docx`],
  );
}
