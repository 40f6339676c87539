/**
 * The browser host's boundaries (issue 16, found 4 and 10): the token is a header set by the page,
 * never a cookie or a query parameter; the recent list (shared with the desktop app) offers only the
 * files of the served folder; a symbolic link inside the folder leads nowhere outside it; a
 * malformed `%` escape is the client's error (400), not the host's (500).
 */
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../host/serve.js';
import { openHostStores, closeHostStores } from '../../node/services/index.js';

const FIXTURE = path.resolve('test/fixtures/council-res-1332-c24.txt');

let dir: string;
let folder: string;
let outside: string;
let host: RunningHost;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plenary-host-security-'));
  const rendererDir = path.join(dir, 'renderer');
  folder = path.join(dir, 'documents');
  outside = path.join(dir, 'private');
  await Promise.all([mkdir(rendererDir), mkdir(folder), mkdir(outside)]);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Plenary</title>');
  await copyFile(FIXTURE, path.join(folder, 'inside.txt'));
  await copyFile(FIXTURE, path.join(outside, 'secret.txt'));
  await symlink(path.join(outside, 'secret.txt'), path.join(folder, 'link-out.txt'));
  await symlink(outside, path.join(folder, 'folder-out'));
  await mkdir(path.join(folder, 'drafts', '2026'), { recursive: true });
  await copyFile(FIXTURE, path.join(folder, 'drafts', '2026', 'deep.txt'));
  await mkdir(path.join(folder, '.hidden'));
  // The desktop app opened files inside and outside the folder: both are in the shared recent list.
  const userDataDir = path.join(dir, 'userData');
  const stores = await openHostStores(userDataDir);
  await stores.recent.add(path.join(outside, 'secret.txt'));
  await stores.recent.add(path.join(folder, 'inside.txt'));
  await closeHostStores(stores);
  // The data folder inside the served folder (serve run with --data-dir ./data): not a document folder.
  host = await startHost({ rendererDir, folder, userDataDir: path.join(folder, 'data') });
  const shared = await openHostStores(path.join(folder, 'data'));
  await shared.recent.add(path.join(outside, 'secret.txt'));
  await shared.recent.add(path.join(folder, 'inside.txt'));
  await closeHostStores(shared);
  void userDataDir;
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(method: string, body: unknown, headers: Record<string, string> = { 'x-plenary-token': host.token }) {
  const response = await fetch(`${host.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; result?: unknown; error?: string } };
}

async function picker(body: unknown) {
  const response = await fetch(`${host.origin}/api/picker`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-plenary-token': host.token },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      result?: { path: string; entries: Array<{ name: string; kind: string }> };
      error?: string;
    },
  };
}

describe('the in-page picker', () => {
  it('lists sub-folders, but not hidden ones, symbolic links or the data folder', async () => {
    const { body } = await picker({ purpose: 'open' });
    expect(body.result!.entries).toEqual([
      { name: 'drafts', kind: 'folder' },
      { name: 'inside.txt', kind: 'file' },
    ]);
  });

  it('goes into a sub-folder, and opens a file typed with its sub-folder', async () => {
    expect((await picker({ purpose: 'open', folder: 'drafts' })).body.result).toMatchObject({
      path: 'drafts',
      entries: [{ name: '2026', kind: 'folder' }],
    });
    expect((await picker({ purpose: 'open', folder: 'drafts/2026' })).body.result!.entries).toEqual([{ name: 'deep.txt', kind: 'file' }]);
    const opened = await call('openDialog', { args: [], choice: 'drafts/2026/deep.txt' });
    expect((opened.body.result as { ok: boolean; document: { name: string } }).document.name).toBe('deep.txt');
  });

  it('does not go out of its folder: not by .., not through a symbolic link', async () => {
    expect((await picker({ purpose: 'open', folder: '..' })).status).toBe(400);
    expect((await picker({ purpose: 'open', folder: 'drafts/../..' })).status).toBe(400);
    expect((await picker({ purpose: 'open', folder: 'folder-out' })).status).toBe(403);
    const through = await call('openDialog', { args: [], choice: 'folder-out/secret.txt' });
    expect(through.body.result).toEqual({ ok: false, error: 'secret.txt is outside the folder this host serves.' });
  });
});

describe('the browser host', () => {
  it('prints a URL whose token is in the fragment, which no request carries', () => {
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
  });

  it('takes the token only from the header: not from a cookie, not from the query', async () => {
    expect((await call('listRecent', { args: [] }, {})).status).toBe(401);
    expect((await call('listRecent', { args: [] }, { cookie: `plenary_token=${host.token}` })).status).toBe(401);
    const query = await fetch(`${host.origin}/api/call/listRecent?token=${host.token}`, { method: 'POST', body: '{"args":[]}' });
    expect(query.status).toBe(401);
    expect((await call('listRecent', { args: [] })).status).toBe(200);
  });

  it('serves its page without setting any cookie', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
  });

  it('answers a malformed % escape with 400', async () => {
    const response = await fetch(`${host.origin}/assets/%E0%A4%A.js`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/malformed % escape/);
  });

  it('lists only the recent files of its folder', async () => {
    const { body } = await call('listRecent', { args: [] });
    expect((body.result as Array<{ name: string }>).map((file) => file.name)).toEqual(['inside.txt']);
  });

  it('opens nothing outside its folder through a symbolic link, file or folder', async () => {
    const viaFile = await call('openDialog', { args: [], choice: 'link-out.txt' });
    expect(viaFile.body.result).toEqual({ ok: false, error: 'link-out.txt is outside the folder this host serves.' });
    const inside = await call('openDialog', { args: [], choice: 'inside.txt' });
    expect((inside.body.result as { ok: boolean }).ok).toBe(true);
  });
});
