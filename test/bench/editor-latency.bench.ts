/**
 * Keystroke-to-paint latency of the editor, in Chromium: a delegate types into the middle of a
 * ~1,000-item resolution in the whole Plenary window (labels, outline, status bar, tracking,
 * recovery snapshots), with suggestion mode off and on, beside a bare ProseMirror editor (basic
 * schema) holding the same text — the three measured in the same run, in alternating rounds.
 * Targets: p95 ≤ 16 ms and within 1.3× of bare ProseMirror (issue 4); with tracking on, p95 ≤ 16 ms
 * and within 1.5× of tracking off (issue 5).
 *
 * Chromium runs without its frame-rate limit, so a frame is produced as soon as there is something
 * to paint: the figures measure the editors' work, not the wait for the display's next refresh.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { serializeDocument } from '../../shared/file/index.js';
import { launchChromium } from '../e2e/support.js';
import { countItems, longResolution } from '../support/long-resolution.js';
import { summarise, type BenchResult } from './types.js';
import type { BenchEditor } from './editor-latency-page.js';

const WARM_UP_KEYS = 20;
const ROUNDS = 6;
const KEYS_PER_ROUND = 60;
/** Between keystrokes: a fast typist (about 12 characters a second). */
const KEY_INTERVAL_MS = 80;
const TEXT = "et de renforcer la coopération entre les États Membres, les Membres de Secteur et l'UIT ";

const here = path.dirname(fileURLToPath(import.meta.url));

export async function bundlePage(outdir: string): Promise<{ js: string; css: string }> {
  await build({
    entryPoints: { page: path.join(here, 'editor-latency-page.ts') },
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: process.env.BENCH_NO_MINIFY !== '1',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return { js: path.join(outdir, 'page.js'), css: path.join(outdir, 'page.css') };
}

async function openEditor(browser: Browser, kind: BenchEditor, bundle: { js: string; css: string }, content: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent('<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body><div id="root"></div></body></html>');
  await page.addStyleTag({ path: bundle.css });
  await page.addScriptTag({ path: bundle.js });
  await page.evaluate(([k, c]) => window.benchMount(k as BenchEditor, c as string), [kind, content]);
  if (errors.length) throw new Error(`the ${kind} editor failed: ${errors[0]}`);
  return page;
}

async function typeKeys(page: Page, count: number, offset: number): Promise<void> {
  await page.bringToFront();
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(TEXT[(offset + i) % TEXT.length]!);
    await page.waitForTimeout(KEY_INTERVAL_MS);
  }
  // Let the last frames land.
  await page.waitForTimeout(100);
}

async function takeLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => window.benchLatencies.splice(0));
}

const EDITORS: readonly BenchEditor[] = ['ours', 'ours-tracking', 'bare'];

/** Round r types in the editors in a rotated order, so that none always types on a warmer machine. */
function roundOrder(round: number): BenchEditor[] {
  return EDITORS.map((_, i) => EDITORS[(i + round) % EDITORS.length]!);
}

export async function run(): Promise<BenchResult[]> {
  const doc = longResolution();
  const content = serializeDocument(doc);
  const work = mkdtempSync(path.join(tmpdir(), 'plenary-bench-'));
  // Unthrottled frames: the figures measure the editors' work, not the display's refresh.
  const browser = await launchChromium([
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
  ]);
  try {
    const bundle = await bundlePage(work);
    const pages = new Map<BenchEditor, Page>();
    for (const kind of EDITORS) pages.set(kind, await openEditor(browser, kind, bundle, content));
    for (const kind of EDITORS) await typeKeys(pages.get(kind)!, WARM_UP_KEYS, 0);
    for (const kind of EDITORS) await takeLatencies(pages.get(kind)!);
    const samples = new Map<BenchEditor, number[]>(EDITORS.map((kind) => [kind, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of roundOrder(round)) {
        const page = pages.get(kind)!;
        await typeKeys(page, KEYS_PER_ROUND, round * KEYS_PER_ROUND);
        samples.get(kind)!.push(...(await takeLatencies(page)));
      }
    }
    const off = summarise('Plenary window, typing mid-document', samples.get('ours')!);
    const on = summarise('Plenary window, typing mid-document, tracking on', samples.get('ours-tracking')!);
    const bare = summarise('bare ProseMirror (basic schema), same text', samples.get('bare')!);
    const shape = `${countItems(doc)} items, ${doc.content.size.toLocaleString('en')} positions; ${ROUNDS} rotating rounds of ${KEYS_PER_ROUND} keys per editor, ${KEY_INTERVAL_MS} ms apart, after ${WARM_UP_KEYS} warm-up keys`;
    const method = 'keydown → requestAnimationFrame → next task; Chromium without frame-rate limit (measures work, not vsync)';
    const againstBare = off.p95 / bare.p95;
    const trackingCost = on.p95 / off.p95;
    return [
      {
        name: 'editor keystroke-to-paint latency',
        ours: off,
        peer: bare,
        ratio: againstBare,
        target: 'p95 ≤ 16 ms and ≤ 1.3× bare ProseMirror (p95)',
        met: off.p95 <= 16 && againstBare <= 1.3,
        notes: [shape, method],
      },
      {
        name: 'editor keystroke-to-paint latency, tracking on',
        ours: on,
        peer: off,
        ratio: trackingCost,
        target: 'p95 ≤ 16 ms and ≤ 1.5× tracking off (p95)',
        met: on.p95 <= 16 && trackingCost <= 1.5,
        notes: ['the same document and rounds as the editor latency above'],
      },
    ];
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}
