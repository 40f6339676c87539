/**
 * `npm start` on a machine where Electron's binary was never downloaded (these machines: npm's
 * allowScripts skipped its install script): one line says so, the browser host starts and its URL
 * is printed; no stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, ROOT } from '../support/browser.js';
// @ts-expect-error build/start.mjs is plain JavaScript
import { electronBinary } from '../../build/start.mjs';

describe('npm start without Electron’s binary', () => {
  it('says so in one line, then serves in the browser', async () => {
    expect((electronBinary as (env: NodeJS.ProcessEnv) => string | null)({})).toBeNull();
    await ensureRendererBuilt();
    const data = mkdtempSync(path.join(tmpdir(), 'plenary-start-'));
    const child = spawn(process.execPath, ['build/start.mjs', '--data-dir', data], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PLENARY_NO_BROWSER: '1', PLENARY_USER_DATA: data },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const lines: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const reader = createInterface({ input: child.stdout! });
        reader.on('line', (line) => {
          lines.push(line);
          if (lines.length === 2) resolve();
        });
        child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${stderr}`)));
      });
      expect(lines[0]).toBe(
        "Electron's binary is not installed here (its download was skipped or blocked): starting the browser host instead.",
      );
      expect(lines[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
      const page = await fetch(lines[1]!.replace(/#.*$/, ''));
      expect(page.status).toBe(200);
      expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(data, { recursive: true, force: true });
    }
  }, 180_000);
});
