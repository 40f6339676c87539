/**
 * File → New revision in a browser against `plenary serve`: the renderer's HTTP client
 * (renderer/host-api.ts) and the real host (host/serve.ts) over 127.0.0.1. The in-page
 * picker is asked for a resolution to revise; the host reads the file in its folder and hands back
 * the document without granting or remembering it.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import { startHost, type RunningHost } from '../../host/serve.js';
import type { OpenOutcome, PlenaryApi } from '../../shared/ipc/index.js';
import { createHttpApi, type PickRequest } from '../../renderer/host-api.js';

const FIXTURE = path.resolve('test/fixtures/council-res-1332-c24.txt');

let dir: string;
let host: RunningHost;
let api: PlenaryApi;
let picks: PickRequest[];
/** What the user picks next in the page's picker (null = Cancel). */
let nextPick: string | null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plenary-serve-revise-'));
  const rendererDir = path.join(dir, 'renderer');
  const folder = path.join(dir, 'documents');
  // The host only needs an index.html to start; these tests talk to its API, not to the page.
  await Promise.all([mkdir(rendererDir), mkdir(folder)]);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Plenary</title>');
  await copyFile(FIXTURE, path.join(folder, 'res-1332.txt'));
  await writeFile(path.join(folder, 'notes.md'), 'not a resolution');
  await writeFile(path.join(folder, 'damaged.plenary'), '{"format":"plenary","version":1,"metadata":{');
  host = await startHost({ rendererDir, folder, userDataDir: path.join(dir, 'userData') });
  picks = [];
  nextPick = null;
  api = createHttpApi({
    token: host.token,
    base: host.origin,
    pick: async (request) => {
      picks.push(request);
      return nextPick;
    },
  });
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

async function rawCall(method: string, body: unknown): Promise<{ status: number; error?: string; result?: unknown }> {
  const response = await fetch(`${host.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'x-plenary-token': host.token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { error?: string; result?: unknown }) };
}

describe('choosing the resolution to revise in the browser host', () => {
  it('shows the picker for a resolution and reads the chosen file without granting or remembering it', async () => {
    nextPick = 'res-1332.txt';
    const outcome = (await api.chooseResolution()) as OpenOutcome;
    expect(picks.map((pick) => pick.purpose)).toEqual(['revise']);
    expect(picks[0]!.listing.entries.map((entry) => entry.name)).toEqual(['damaged.plenary', 'res-1332.txt']);
    expect(outcome).toMatchObject({ ok: true, document: { fileId: '', name: 'res-1332.txt', imported: true } });
    if (outcome.ok) expect(parseDocument(outcome.document.content).doc.textContent).toContain('RÉSOLUTION 1332');
    expect(await api.listRecent()).toEqual([]);
  });

  it('gives null when the picker is cancelled, and a one-line error for a damaged file', async () => {
    expect(await api.chooseResolution()).toBeNull();
    nextPick = 'damaged.plenary';
    expect(await api.chooseResolution()).toEqual({ ok: false, error: expect.stringMatching(/^Cannot open damaged\.plenary: [^\n]+$/) });
  });

  it('refuses a choice outside the folder or of another kind, and arguments it does not take', async () => {
    expect(await rawCall('chooseResolution', { args: [], choice: '../documents/res-1332.txt' })).toMatchObject({ status: 400, error: expect.stringMatching(/not a path/) });
    expect(await rawCall('chooseResolution', { args: [], choice: 'notes.md' })).toMatchObject({ status: 400, error: expect.stringMatching(/must end with/) });
    expect(await rawCall('chooseResolution', { args: [FIXTURE], choice: 'res-1332.txt' })).toMatchObject({ status: 400, error: expect.stringMatching(/invalid request to chooseResolution/) });
    // Without a choice the host's dialog answers "cancelled": nothing is read.
    expect(await rawCall('chooseResolution', { args: [] })).toMatchObject({ status: 200, result: null });
  });
});
