/**
 * Every generated hostile input (test/support/hostile-inputs.ts, issue 16) read as the app reads
 * files: in the worker, within its time and memory limits (20 s, 1 GB). Each is either opened or
 * refused with one line of a kind the user is shown (never an internal error, a crash of the caller
 * or a document larger than the file's own content); the CLI gives exit 0 or 1 and one line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileAccessError, FileFormatError } from '../../shared/file/index.js';
import { READ_LIMITS, readDocumentFileIsolated } from '../../node/file/index.js';
import { ImportError } from '../../shared/import/index.js';
import { hostileInputs } from '../support/hostile-inputs.js';

const folder = mkdtempSync(join(tmpdir(), 'plenary-hostile-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const inputs = hostileInputs();
const outcomes = new Map<string, { opened: boolean; message: string; footnotes: number; warnings: string[] }>();

function countFootnotes(doc: { descendants(f: (node: { type: { name: string } }) => boolean | void): void }): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type.name === 'footnote') count += 1;
  });
  return count;
}

describe('hostile inputs, read in the worker', () => {
  it('has at least 30 of them', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(30);
    expect(READ_LIMITS).toEqual({ timeMs: 20_000, memoryMb: 1024 });
  });

  it.each(inputs.map((input) => [input.name, input] as const))(
    '%s: opened, or refused in one line',
    async (name, input) => {
      const path = join(folder, name);
      writeFileSync(path, input.bytes);
      try {
        const read = await readDocumentFileIsolated(path);
        outcomes.set(name, { opened: true, message: '', footnotes: countFootnotes(read.doc), warnings: read.warnings });
        for (const warning of read.warnings) expect(warning).not.toContain('\n');
      } catch (error) {
        const refusal = error instanceof ImportError || error instanceof FileFormatError || error instanceof FileAccessError;
        expect(refusal, `${name}: ${String(error)}`).toBe(true);
        const message = (error as Error).message;
        expect(message).not.toContain('\n');
        expect(message.length).toBeLessThanOrEqual(240);
        outcomes.set(name, { opened: false, message, footnotes: 0, warnings: [] });
      }
    },
    60_000,
  );

  it('places each footnote once, however often it is referenced, and says so', () => {
    const chain = outcomes.get('footnote-chain-depth-40.docx')!;
    expect(chain.opened).toBe(true);
    expect(chain.footnotes).toBe(1);
    expect(chain.warnings.join(' ')).toMatch(/inside footnotes were left out/);
    const repeated = outcomes.get('footnote-referenced-1000-times.docx')!;
    expect(repeated.footnotes).toBe(1);
    expect(repeated.warnings.join(' ')).toMatch(/999 repeated reference/);
    expect(outcomes.get('footnote-50000-distinct.docx')!.footnotes).toBe(50_000);
    expect(outcomes.get('footnote-reference-to-missing-id.docx')!.warnings.join(' ')).toMatch(
      /3 footnote reference\(s\) point at no footnote .*id 77, x, -5/,
    );
  });

  it('refuses nesting deeper than the readers walk, rather than overflowing the stack', () => {
    for (const name of [
      'nested-hyperlinks-200k.docx',
      'nested-tables-200k.docx',
      'nested-insertions-200k.docx',
      'nested-content-controls-100k.docx',
    ]) {
      expect(outcomes.get(name)?.message).toMatch(/nests elements more than 256 deep/);
    }
    expect(outcomes.get('doc-nested-100k.plenary')?.message).toMatch(/nested more than 200 levels/);
  });

  it('reads the texts built against the regular expressions', () => {
    for (const name of [
      'bracket-then-80000-spaces.txt',
      'footnote-bodies-without-end.txt',
      'bookmarks-without-end.txt',
      'brackets-then-a-colon.txt',
      'labels-only.txt',
    ]) {
      expect(outcomes.get(name)?.opened, name).toBe(true);
    }
    // Repeated labels are siblings (a staircase would be capped at 12 levels): said, not nested.
    expect(outcomes.get('labels-only.txt')!.warnings.join(' ')).toMatch(/label a\) repeats/);
    expect(outcomes.get('attribute-name-of-80000-spaces.plenary')!.message).toMatch(/^unknown attribute " +…$/);
  });
});

describe('the CLI on hostile inputs', () => {
  function plenary(...args: string[]) {
    return spawnSync(process.execPath, ['bin/plenary.mjs', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PLENARY_DEBUG: '' },
    });
  }

  it.each([
    ['footnote-chain-depth-40.docx', 0],
    ['nested-hyperlinks-200k.docx', 1],
    ['json-nested-100k.plenary', 1],
  ] as const)(
    '%s: exit %i, at most one line on stderr',
    (name, status) => {
      const input = inputs.find((candidate) => candidate.name === name)!;
      const path = join(folder, `cli-${name}`);
      writeFileSync(path, input.bytes);
      const run = plenary('import', path, '-o', join(folder, `${name}.plenary`));
      expect(run.status).toBe(status);
      if (status === 1) expect(run.stderr).toMatch(/^plenary import: [^\n]+\n$/);
      expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    },
    60_000,
  );
});
