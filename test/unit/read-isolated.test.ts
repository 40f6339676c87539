/**
 * The worker's limits (node/file/read-isolated.ts): a read past its time or its heap is stopped
 * with a one-line refusal, and the next read gets a fresh worker and succeeds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { ImportError } from '../../shared/import/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'plenary-isolated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading in the worker', () => {
  it('stops a read past its time limit with one line, then reads the next file in a fresh worker', async () => {
    const big = path.join(dir, 'long.txt');
    writeFileSync(big, Array.from({ length: 60_000 }, (_, i) => `${(i % 26) + 1}\tconsidérant ${i}`).join('\n'));
    const refusal = await readDocumentFileIsolated(big, {}, { timeMs: 5, memoryMb: 1024 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportError);
    expect((refusal as Error).message).toBe('long.txt took longer than 0.005 s to read and was not opened');
    const fixture = path.resolve('test/fixtures/council-res-1332-c24.txt');
    const read = await readDocumentFileIsolated(fixture);
    expect(read.doc.textContent).toContain('RÉSOLUTION 1332');
  }, 60_000);

  it('stops a read past its memory limit with one line, then reads the next file in a fresh worker', async () => {
    // 200,000 items need a few hundred MB as a document; a 48 MB heap (given through the limits
    // option, instead of a 1 GB allocation) holds the reader and a real resolution, not them.
    const big = path.join(dir, 'many-items.txt');
    writeFileSync(big, Array.from({ length: 200_000 }, (_, i) => `${(i % 26) + 1}\tconsidérant ${i}`).join('\n'));
    const limits = { timeMs: 60_000, memoryMb: 48 };
    const refusal = await readDocumentFileIsolated(big, {}, limits).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportError);
    expect((refusal as Error).message).toBe('many-items.txt needs more than 48 MB of memory to read and was not opened');
    // The same limits again: were the stopped worker kept for them, this read would go to it and time out.
    const fixture = path.resolve('test/fixtures/council-res-1332-c24.txt');
    const read = await readDocumentFileIsolated(fixture, {}, limits);
    expect(read.doc.textContent).toContain('RÉSOLUTION 1332');
  }, 60_000);
});
