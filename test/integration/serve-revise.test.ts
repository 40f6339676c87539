/**
 * File → New revision in a browser against `plenary serve`: the renderer's HTTP client
 * (renderer/host-api.ts) and the real host (host/serve.ts) over 127.0.0.1. The in-page
 * picker is asked for a resolution to revise; the host reads the file in its folder and hands back
 * the document without granting or remembering it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import type { OpenOutcome } from '../../shared/ipc/index.js';
import { fixturePath } from '../support/fixtures.js';
import { startServedApi, type ServedApi } from '../support/served-api.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');

let served: ServedApi;

beforeEach(async () => {
  served = await startServedApi('serve-revise', {
    'res-1332.txt': { copy: FIXTURE },
    'notes.md': { text: 'not a resolution' },
    'damaged.plenary': { text: '{"format":"plenary","version":1,"metadata":{' },
  });
});

afterEach(() => served.close());

describe('choosing the resolution to revise in the browser host', () => {
  it('shows the picker for a resolution and reads the chosen file without granting or remembering it', async () => {
    served.nextPick = 'res-1332.txt';
    const outcome = (await served.api.chooseResolution()) as OpenOutcome;
    expect(served.picks.map((pick) => pick.purpose)).toEqual(['revise']);
    expect(served.picks[0]!.listing.entries.map((entry) => entry.name)).toEqual(['damaged.plenary', 'res-1332.txt']);
    expect(outcome).toMatchObject({ ok: true, document: { fileId: '', name: 'res-1332.txt', imported: true } });
    if (outcome.ok) expect(parseDocument(outcome.document.content).doc.textContent).toContain('RÉSOLUTION 1332');
    expect(await served.api.listRecent()).toEqual([]);
  });

  it('gives null when the picker is cancelled, and a one-line error for a damaged file', async () => {
    expect(await served.api.chooseResolution()).toBeNull();
    served.nextPick = 'damaged.plenary';
    expect(await served.api.chooseResolution()).toEqual({
      ok: false,
      error: expect.stringMatching(/^Cannot open damaged\.plenary: [^\n]+$/),
    });
  });

  it('refuses a choice outside the folder or of another kind, and arguments it does not take', async () => {
    expect(await served.rawCall('chooseResolution', { args: [], choice: '../documents/res-1332.txt' })).toMatchObject({
      status: 400,
      error: expect.stringMatching(/not a path/),
    });
    expect(await served.rawCall('chooseResolution', { args: [], choice: 'notes.md' })).toMatchObject({
      status: 400,
      error: expect.stringMatching(/must end with/),
    });
    expect(await served.rawCall('chooseResolution', { args: [FIXTURE], choice: 'res-1332.txt' })).toMatchObject({
      status: 400,
      error: expect.stringMatching(/invalid request to chooseResolution/),
    });
    // Without a choice the host's dialog answers "cancelled": nothing is read.
    expect(await served.rawCall('chooseResolution', { args: [] })).toMatchObject({ status: 200, result: null });
  });
});
