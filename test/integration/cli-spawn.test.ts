/**
 * The `plenary` command as a user runs it: `node bin/plenary.mjs …` in a real process (the bundle
 * in dist/cli when built, else the TypeScript source through tsx), exit codes and streams included.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function plenary(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/plenary.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PLENARY_DEBUG: '' },
  });
  if (run.error) throw run.error;
  return run;
}

describe('node bin/plenary.mjs', () => {
  it('inspect prints the outline of Res 1332 C24, exit 0', () => {
    const run = plenary('inspect', 'test/fixtures/council-res-1332-c24.txt');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^RÉSOLUTION 1332 \(C11, dernière mod\. C24\)$/m);
    expect(run.stdout).toMatch(/operative «décide» \[resolves\]: 6 items/);
  });

  it('a user error: exit 1, one line on stderr, no stack trace', () => {
    const run = plenary('inspect', 'test/fixtures/no-such-file.txt');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^plenary inspect: cannot read .*no-such-file\.txt: no such file or folder\n$/);
    expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
