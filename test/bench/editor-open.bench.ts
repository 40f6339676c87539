/**
 * Opening and holding a long document in the editor, in Chromium (issue 15), beside a bare
 * ProseMirror editor (basic schema) holding the same text, measured in the same run:
 * - open: a 1,100-item `.plenary`, from the request to the first frame that shows its text — the
 *   whole Plenary window (App: parse, numbering, labels, outline) against bare ProseMirror parsing
 *   the same file and showing its paragraphs. Target: median ≤ 1 s (the bare editor beside it).
 * - memory: the same document with 500 tracked changes, held open — JS heap after a full garbage
 *   collection, less the same editor's heap holding a one-item resolution (what the document costs,
 *   not the code). Target: ≤ 2× bare ProseMirror; the whole-page heaps are printed beside it.
 * The page side is editor-latency-page.ts (the same bundle as the latency benchmark).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Browser, Page } from 'playwright-core';
import { serializeDocument } from '../../shared/file/index.js';
import { buildDoc, newId } from '../../shared/model/index.js';
import { schema } from '../../shared/schema/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { launchChromium } from '../support/browser.js';
import { countItems, longResolution } from '../support/long-resolution.js';
import { bundlePage } from './editor-latency.bench.js';
import type { BenchEditor } from './editor-latency-page.js';
import { medianResult, summarise, type BenchResult } from './types.js';

const OPEN_SAMPLES = 7;
const MEMORY_SAMPLES = 3;
const TRACKED_CHANGES = 500;
const FIRST_WORDS = 'RÉSOLUTION 1332';

/**
 * The long resolution with `count` tracked changes by two authors: in every other item an inserted
 * phrase at its start, in the others a deleted word — as a delegate's proposal spread over the text.
 */
export function withTrackedChanges(doc: Node, count: number): Node {
  const targets: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'item_text' && node.content.size > 40) targets.push(pos + 1);
    return !node.isTextblock;
  });
  const step = Math.max(1, Math.floor(targets.length / count));
  let made = 0;
  // From the end, so that earlier positions stay valid.
  const chosen = targets
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .reverse();
  let current = doc;
  for (const [index, at] of chosen.entries()) {
    const stamp = { id: newId(), author: index % 2 ? 'Fédération de Russie' : 'Secrétariat', date: '2026-11-23T10:00:00Z' };
    const t = new Transform(current);
    if (index % 2 === 0) t.insert(at, schema.text('et de façon coordonnée ', [schema.marks.insertion!.create(stamp)]));
    else t.addMark(at + 4, at + 12, schema.marks.deletion!.create(stamp));
    current = t.doc;
    made += 1;
  }
  if (made !== count) throw new Error(`only ${made} places for ${count} tracked changes`);
  return current;
}

/** A resolution of one item: the editors' own furniture, with almost no document. */
function tinyResolution(): Node {
  return buildDoc({
    language: 'fr',
    blocks: [
      {
        resolution: {
          number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
          title: 'Titre',
          call: "Le Conseil de l'UIT,",
          sections: [{ kind: 'operative', keyword: 'décide', items: ['que l’UIT agisse;'] }],
        },
      },
    ],
  });
}

async function newPage(browser: Browser, bundle: { js: string; css: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent('<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body><div id="root"></div></body></html>');
  await page.addStyleTag({ path: bundle.css });
  await page.addScriptTag({ path: bundle.js });
  return page;
}

async function openTime(browser: Browser, bundle: { js: string; css: string }, kind: BenchEditor, content: string): Promise<number> {
  const page = await newPage(browser, bundle);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const ms = await page.evaluate(([k, c, w]) => window.benchOpen(k as BenchEditor, c!, w!), [kind, content, FIRST_WORDS]);
    if (errors.length) throw new Error(`the ${kind} editor failed: ${errors[0]}`);
    return ms;
  } finally {
    await page.close();
  }
}

/** JS heap in use after a full garbage collection, in MB. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function heldMemory(
  browser: Browser,
  bundle: { js: string; css: string },
  kind: BenchEditor | null,
  content: string,
): Promise<number> {
  const page = await newPage(browser, bundle);
  try {
    if (kind) await page.evaluate(([k, c, w]) => window.benchOpen(k as BenchEditor, c!, w!), [kind, content, FIRST_WORDS]);
    await page.waitForTimeout(500);
    return await heapAfterGc(page);
  } finally {
    await page.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const doc = longResolution();
  const content = serializeDocument(doc);
  const tracked = withTrackedChanges(doc, TRACKED_CHANGES);
  const trackedContent = serializeDocument(tracked);
  const changes = listChanges(tracked).length;
  const work = mkdtempSync(path.join(tmpdir(), 'plenary-bench-open-'));
  const browser = await launchChromium(['--disable-renderer-backgrounding', '--disable-background-timer-throttling']);
  try {
    const bundle = await bundlePage(work);
    // Warm-up: the browser's caches for the bundle, for both editors.
    await openTime(browser, bundle, 'ours', content);
    await openTime(browser, bundle, 'bare', content);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < OPEN_SAMPLES; i++) {
      ours.push(await openTime(browser, bundle, 'ours', content));
      bare.push(await openTime(browser, bundle, 'bare', content));
    }
    const open = summarise('Plenary window: request → first frame with the text', ours);
    const openBare = summarise('bare ProseMirror (basic schema): the same file', bare);

    // What holding the document costs each editor: its heap with the long document less its heap
    // with a one-item resolution (the code, React and the window's furniture are not the document).
    const small = serializeDocument(tinyResolution());
    const blank = await heldMemory(browser, bundle, null, small);
    // A heap after collection varies by some tens of KB from page to page: the median of a few pages.
    const held = async (kind: BenchEditor) => {
      const samples: Array<{ full: number; base: number; document: number }> = [];
      for (let i = 0; i < MEMORY_SAMPLES; i++) {
        const full = await heldMemory(browser, bundle, kind, trackedContent);
        const base = await heldMemory(browser, bundle, kind, small);
        samples.push({ full, base, document: full - base });
      }
      samples.sort((a, b) => a.document - b.document);
      return { ...samples[Math.floor(samples.length / 2)]!, all: samples.map((sample) => sample.document) };
    };
    const oursHeld = await held('ours');
    const bareHeld = await held('bare');
    const memory = (label: string, mb: number) => ({ label, median: mb, p95: mb, samples: MEMORY_SAMPLES });
    const memoryRatio = oursHeld.document / bareHeld.document;
    return [
      {
        ...medianResult(
          'Open a 1,100-item .plenary in the editor',
          open,
          openBare,
          Infinity,
          'median ≤ 1,000 ms (bare ProseMirror beside it)',
          [
            `${countItems(doc)} items, ${(content.length / 1024).toFixed(0)} KB of .plenary; fresh page per sample, ${OPEN_SAMPLES} samples each, interleaved`,
          ],
        ),
        met: open.median <= 1000,
      },
      {
        name: `Memory holding the 1,100-item document with ${changes} tracked changes`,
        ours: memory('Plenary window: JS heap after GC held by the document (MB, shown as "ms")', oursHeld.document),
        peer: memory('bare ProseMirror, same text (MB, shown as "ms")', bareHeld.document),
        ratio: memoryRatio,
        target: '≤ 2× bare ProseMirror (heap held by the document)',
        met: memoryRatio <= 2,
        notes: [
          `whole page heaps: Plenary ${oursHeld.full.toFixed(1)} MB (${oursHeld.base.toFixed(1)} MB with a one-item resolution), bare ${bareHeld.full.toFixed(1)} MB (${bareHeld.base.toFixed(1)} MB); blank page with the same bundle ${blank.toFixed(1)} MB`,
          `whole-page ratio ${(oursHeld.full / bareHeld.full).toFixed(2)}×`,
          `held by the document, ${MEMORY_SAMPLES} pages each (median shown): Plenary ${oursHeld.all.map((mb) => mb.toFixed(2)).join(', ')} MB; bare ${bareHeld.all.map((mb) => mb.toFixed(2)).join(', ')} MB`,
        ],
      },
    ];
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}
