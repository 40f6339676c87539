/**
 * The stores in the user-data folder: the recent list (pruning, order, limit, corrupt file),
 * settings (defaults for whatever is corrupt), and recovery snapshots across launches — a killed
 * session's snapshot is offered at the next start, a running one's is not, a damaged one is reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/file/index.js';
import { readDocumentFile } from '../../node/file/index.js';
import { openHostStores } from '../../node/services/index.js';
import { RecentFiles } from '../../node/services/recent.js';
import { RecoveryStore } from '../../node/services/recovery.js';
import { SettingsStore } from '../../node/services/settings.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plenary-stores-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, 'x');
  return file;
}

describe('recent files', () => {
  it('lists newest first, moves a reopened file to the top, and keeps at most the limit', async () => {
    const recent = new RecentFiles(path.join(dir, 'recent.json'), 3);
    const [a, b, c, d] = await Promise.all(['a.plenary', 'b.plenary', 'c.plenary', 'd.plenary'].map(touch));
    for (const file of [a, b, c]) await recent.add(file!);
    await recent.add(a!);
    expect(await recent.list()).toEqual([a, c, b]);
    await recent.add(d!);
    expect(await recent.list()).toEqual([d, a, c]);
  });

  it('prunes files that no longer exist and rewrites the list', async () => {
    const listFile = path.join(dir, 'recent.json');
    const recent = new RecentFiles(listFile);
    const kept = await touch('kept.plenary');
    const gone = await touch('gone.plenary');
    await recent.add(kept);
    await recent.add(gone);
    await rm(gone);
    expect(await recent.list()).toEqual([kept]);
    expect(JSON.parse(await readFile(listFile, 'utf8'))).toEqual({ version: 1, paths: [kept] });
  });

  it('keeps every file when several are added at the same moment', async () => {
    const recent = new RecentFiles(path.join(dir, 'recent.json'));
    const files = await Promise.all(['1', '2', '3', '4', '5'].map((n) => touch(`${n}.plenary`)));
    await Promise.all(files.map((file) => recent.add(file)));
    expect((await recent.list()).sort()).toEqual([...files].sort());
  });

  it('treats a corrupt list as empty and replaces it on the next add', async () => {
    const listFile = path.join(dir, 'recent.json');
    await writeFile(listFile, '{"version":1,"paths":[');
    const recent = new RecentFiles(listFile);
    expect(await recent.list()).toEqual([]);
    const file = await touch('new.plenary');
    await recent.add(file);
    expect(await recent.list()).toEqual([file]);
  });
});

describe('settings', () => {
  const defaults = { authorName: 'Default Author', language: 'en' as const };

  it('gives the defaults when the file is missing or not JSON', async () => {
    const file = path.join(dir, 'settings.json');
    expect(await new SettingsStore(file, defaults).get()).toEqual(defaults);
    await writeFile(file, '\u0000\u0000garbage{');
    expect(await new SettingsStore(file, defaults).get()).toEqual(defaults);
  });

  it('keeps the valid fields of a half-corrupt file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ authorName: 'Délégué de la France', language: 'klingon' }));
    expect(await new SettingsStore(file, defaults).get()).toEqual({ authorName: 'Délégué de la France', language: 'en' });
  });

  it('applies simultaneous updates one after the other', async () => {
    const store = new SettingsStore(path.join(dir, 'settings.json'), defaults);
    await Promise.all([store.set({ authorName: 'A' }), store.set({ language: 'zh' })]);
    expect(await store.get()).toEqual({ authorName: 'A', language: 'zh' });
  });

  it('merges an update, writes it, and reads it back in a new store', async () => {
    const file = path.join(dir, 'settings.json');
    const store = new SettingsStore(file, defaults);
    expect(await store.set({ language: 'fr' })).toEqual({ authorName: 'Default Author', language: 'fr' });
    expect(await store.set({ authorName: 'ITU Editor' })).toEqual({ authorName: 'ITU Editor', language: 'fr' });
    expect(await new SettingsStore(file, defaults).get()).toEqual({ authorName: 'ITU Editor', language: 'fr' });
  });
});

describe('recovery', () => {
  let content: string;

  beforeEach(async () => {
    const { doc } = await readDocumentFile(path.resolve('test/fixtures/council-res-1332-c24.txt'));
    content = serializeDocument(doc);
  });

  /** The pid of a process that has ended: what a killed session leaves in its lock. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  }

  it("offers a killed session's snapshot at the next start, not a running session's", async () => {
    const recoveryDir = path.join(dir, 'recovery');
    const killed = await RecoveryStore.open(recoveryDir, { pid: deadPid() });
    await killed.write('session-killed', 'res-1332.plenary', content);
    // The killed launch never calls close(): its lock stays behind, naming a dead process.
    const running = await RecoveryStore.open(recoveryDir);
    await running.write('session-running', null, content);

    const next = await RecoveryStore.open(recoveryDir);
    const offered = await next.list();
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ sessionId: 'session-killed', name: 'res-1332.plenary', content });
    expect(offered[0]?.damaged).toBeUndefined();
    // A launch never offers its own sessions, nor those of a launch still running (same pid here).
    expect(await killed.list()).toEqual([]);
    // The dead launch's lock was cleared by the next start; the snapshot stays until restored or discarded.
    expect(await readdir(path.join(recoveryDir, 'launches'))).not.toContain(`${killed.launchId}.json`);
    await next.clear('session-killed');
    expect(await next.list()).toEqual([]);
  });

  it('keeps a snapshot of a session that is still running in another process out of the list', async () => {
    const recoveryDir = path.join(dir, 'recovery');
    const other = await RecoveryStore.open(recoveryDir, { pid: process.ppid });
    await other.write('session-other', null, content);
    expect(await (await RecoveryStore.open(recoveryDir)).list()).toEqual([]);
    await other.close();
    // After a clean exit whatever is left (the user closed without deciding) is offered.
    expect((await (await RecoveryStore.open(recoveryDir)).list()).map((s) => s.sessionId)).toEqual(['session-other']);
  });

  it('reports a damaged snapshot with the reason and still offers the others', async () => {
    const userData = path.join(dir, 'userData');
    const first = await openHostStores(userData, { pid: deadPid() });
    await first.recovery.write('good', 'res.plenary', content);
    await first.recovery.write('bad-document', null, '{"format":"plenary","version":1}');
    await writeFile(path.join(userData, 'recovery', 'truncated.json'), '{"format":"plenary-recovery","vers');

    const next = await openHostStores(userData);
    const listed = await next.recovery.list();
    const bySession = new Map(listed.map((entry) => [entry.sessionId, entry]));
    expect([...bySession.keys()].sort()).toEqual(['bad-document', 'good', 'truncated']);
    expect(bySession.get('good')).toMatchObject({ content, name: 'res.plenary' });
    expect(bySession.get('good')?.damaged).toBeUndefined();
    expect(bySession.get('truncated')).toMatchObject({ content: '', damaged: expect.stringMatching(/truncated is not valid JSON/) });
    expect(bySession.get('bad-document')).toMatchObject({ content: '', damaged: expect.stringMatching(/cannot be opened/) });
    for (const entry of listed) expect(entry.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('writes snapshots atomically, leaving no temporary files, and refuses a session id that is a path', async () => {
    const recoveryDir = path.join(dir, 'recovery');
    const store = await RecoveryStore.open(recoveryDir);
    for (let i = 0; i < 5; i++) await store.write('s1', null, content);
    expect((await readdir(recoveryDir)).sort()).toEqual(['launches', 's1.json']);
    await expect(store.write('../../outside', null, content)).rejects.toThrow(/invalid recovery session id/);
  });
});
