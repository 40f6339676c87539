/**
 * `PlenaryApi` over HTTP against a real `plenary serve` host on 127.0.0.1, without a browser: the
 * renderer's HTTP client (renderer/host-api.ts) talking to host/serve.ts, the in-page picker
 * answered by the test. For the integration tests of the browser host's dialogs.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHost, type RunningHost } from '../../host/serve.js';
import type { PlenaryApi } from '../../shared/ipc/index.js';
import { createHttpApi, type PickRequest } from '../../renderer/host-api.js';

export interface ServedApi {
  /** The temporary folder holding the served folder (`documents`) and the user data (`userData`). */
  dir: string;
  host: RunningHost;
  api: PlenaryApi;
  /** Every picker the page was asked to show, in order. */
  picks: PickRequest[];
  /** What the user picks in the next picker (null: Cancel). */
  nextPick: string | null;
  /** A raw `/api/call/<method>` request, as a hostile page could send it. */
  rawCall(method: string, body: unknown): Promise<{ status: number; error?: string; result?: unknown }>;
  close(): Promise<void>;
}

/** A host serving a `documents` folder holding `files` (a fixture path to copy, or a text). */
export async function startServedApi(name: string, files: Record<string, { copy: string } | { text: string }>): Promise<ServedApi> {
  const dir = await mkdtemp(path.join(tmpdir(), `plenary-${name}-`));
  const rendererDir = path.join(dir, 'renderer');
  const folder = path.join(dir, 'documents');
  // The host only needs an index.html to start; these tests talk to its API, not to the page.
  await Promise.all([mkdir(rendererDir), mkdir(folder)]);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Plenary</title>');
  for (const [file, source] of Object.entries(files)) {
    const target = path.join(folder, file);
    await ('copy' in source ? copyFile(source.copy, target) : writeFile(target, source.text));
  }
  const host = await startHost({ rendererDir, folder, userDataDir: path.join(dir, 'userData') });
  const served: ServedApi = {
    dir,
    host,
    picks: [],
    nextPick: null,
    api: createHttpApi({
      token: host.token,
      base: host.origin,
      pick: async (request) => {
        served.picks.push(request);
        return served.nextPick;
      },
    }),
    async rawCall(method, body) {
      const response = await fetch(`${host.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { 'x-plenary-token': host.token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, ...((await response.json()) as { error?: string; result?: unknown }) };
    },
    async close() {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return served;
}
