/**
 * `plenary export <file> -o <out.docx> [--final|--original]`, run in process through the CLI's
 * `main` (the same path as the shell command): it writes the Word file, and refuses bad arguments
 * with one line and exit code 1.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/plenary.js';
import { serializeDocument } from '../../shared/file/index.js';
import { revised1332 } from '../support/docx-fixtures.js';
import { docxParts, revisionsOf } from '../support/docx-xml.js';
import { tempDir } from '../support/office.js';

let dir: string;

async function plenary(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: dir,
    env: {},
  });
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = tempDir('export-cli');
  writeFileSync(join(dir, 'res1332.plenary'), serializeDocument(revised1332()));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plenary export', () => {
  it('writes the Word file with the tracked changes as revisions', async () => {
    const result = await plenary('export', 'res1332.plenary', '-o', 'res1332.docx');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('wrote res1332.docx');
    const parts = docxParts(readFileSync(join(dir, 'res1332.docx')));
    const revisions = revisionsOf(parts['word/document.xml']!);
    expect(revisions.length).toBeGreaterThan(10);
    expect(existsSync(join(dir, 'res1332.docx.bak'))).toBe(false);
  });

  it('writes --final and --original without marks, and they differ', async () => {
    expect((await plenary('export', 'res1332.plenary', '-o', 'final.docx', '--final')).code).toBe(0);
    expect((await plenary('export', 'res1332.plenary', '--original', '-o', 'original.docx')).code).toBe(0);
    const final = docxParts(readFileSync(join(dir, 'final.docx')))['word/document.xml']!;
    const original = docxParts(readFileSync(join(dir, 'original.docx')))['word/document.xml']!;
    expect(revisionsOf(final)).toEqual([]);
    expect(revisionsOf(original)).toEqual([]);
    expect(final).toContain('C26');
    expect(original).toContain('C24');
    expect(final).not.toContain('C24)');
  });

  it.each([
    [['export', 'res1332.plenary'], /missing -o <out\.docx>/],
    [['export', 'res1332.plenary', '-o', 'out.pdf'], /must be a \.docx file/],
    [['export', 'res1332.plenary', '-o', 'x.docx', '--final', '--original'], /choose one of/],
    [['export', 'missing.plenary', '-o', 'x.docx'], /missing\.plenary/],
    [['export', 'res1332.plenary', '-o', 'no-such-folder/x.docx'], /cannot write/],
  ])('refuses %j with one line and exit code 1', async (argv, message) => {
    const result = await plenary(...argv);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
