/**
 * File → Add to Library… in a browser against `plenary serve`: the renderer's HTTP client
 * (renderer/host-api.ts) and the real host over 127.0.0.1. The in-page picker is asked for a text;
 * the host reads it without granting it, stores it in the library of its user data folder (the
 * service `plenary library add` uses), asks before a duplicate, and searches it at once.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryTextInfo, OpenOutcome } from '../../shared/ipc/index.js';
import { main } from '../../cli/plenary.js';
import { fixturePath } from '../support/fixtures.js';
import { startServedApi, type ServedApi } from '../support/served-api.js';

let served: ServedApi;

beforeEach(async () => {
  served = await startServedApi('serve-library', {
    'res-1332-en.txt': { copy: fixturePath('parallel/council-res-1332-c24-en.txt') },
    'cover-only.txt': { copy: fixturePath('council-c26-93-contribution-cover.txt') },
  });
});

afterEach(() => served.close());

const INFO: LibraryTextInfo = { number: '1332', body: 'Council', version: 'C11, last amended C24', language: 'en' };

describe('adding a text to the library from the browser host', () => {
  it('picks a file, stores it as confirmed, finds it at once, asks before a duplicate; the CLI sees the same library', async () => {
    served.nextPick = 'res-1332-en.txt';
    const chosen = (await served.api.chooseLibraryFile()) as OpenOutcome;
    expect(served.picks.map((pick) => pick.purpose)).toEqual(['library']);
    expect(chosen).toMatchObject({ ok: true, document: { fileId: '', name: 'res-1332-en.txt', imported: true } });
    expect(await served.api.listRecent()).toEqual([]);
    if (!chosen.ok) return;

    expect(await served.api.addToLibrary(chosen.document.content, INFO, 'ask')).toMatchObject({ ok: true, replaced: false, text: INFO });
    const hits = await served.api.searchLibrary('implementing the outcomes of WSIS');
    expect(hits[0]).toMatchObject({ number: '1332', language: 'en', numberLine: 'RESOLUTION 1332 (C11, last amended C24)' });

    expect(await served.api.addToLibrary(chosen.document.content, INFO, 'ask')).toEqual({
      ok: false,
      duplicate: expect.objectContaining({ number: '1332', language: 'en' }),
    });
    expect(await served.api.addToLibrary(chosen.document.content, INFO, 'keep-both')).toMatchObject({ ok: true, replaced: false });

    // One library for the editor and the CLI: plain .plenary files and an index in the user data folder.
    const files = await readdir(path.join(served.dir, 'userData', 'library'));
    expect(files.filter((name) => name.endsWith('.plenary'))).toHaveLength(4); // the two seeded texts and the two added
    let stdout = '';
    const code = await main(['library', 'list'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => undefined },
      cwd: served.dir,
      env: { PLENARY_USER_DATA: path.join(served.dir, 'userData') },
    });
    expect(code).toBe(0);
    expect(stdout.match(/\tCouncil\t1332\ten\t/g)).toHaveLength(2);
  });

  it('refuses what the library cannot take: a text with no resolution, a malformed description, a choice outside the folder', async () => {
    served.nextPick = 'cover-only.txt';
    const chosen = (await served.api.chooseLibraryFile()) as OpenOutcome;
    if (!chosen.ok) throw new Error(chosen.error);
    expect(await served.api.addToLibrary(chosen.document.content, INFO, 'ask')).toEqual({
      ok: false,
      error: 'The document holds no resolution: the library keeps texts in force (resolutions, decisions).',
    });
    expect(await served.rawCall('addToLibrary', { args: [chosen.document.content, { ...INFO, body: 'UN' }, 'ask'] })).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^invalid request to addToLibrary/),
    });
    expect(await served.rawCall('addToLibrary', { args: [chosen.document.content, INFO] })).toMatchObject({ status: 400 });
    expect(await served.rawCall('chooseLibraryFile', { args: [], choice: '../userData/library/index.json' })).toMatchObject({
      status: 400,
    });
  });
});
