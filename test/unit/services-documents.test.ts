/**
 * The host services over a temporary folder, driven through `callHostApi` as a host's transport
 * would: open (import of the real Res 1332 text), save with `.bak`, refusal of invalid content and
 * of files the user did not choose, Save As, export to Word, malformed requests.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import type { OpenOutcome, SaveOutcome } from '../../shared/ipc/index.js';
import { InvalidRequestError, parseRequest } from '../../shared/ipc/index.js';
import { HOST_METHODS } from '../../shared/ipc/validate.js';
import { FILE_ID_PATTERN } from '../../shared/ipc/index.js';
import { DOCUMENT_SIZE_LIMIT } from '../../shared/file/index.js';
import {
  NotGrantedError,
  callHostApi,
  closeHostStores,
  createHostApi,
  openHostStores,
  type HostApi,
  type HostStores,
} from '../../node/services/index.js';
import { FileGrants } from '../../node/services/grants.js';
import { fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');

let dir: string;
let stores: HostStores;
let api: HostApi;
/** What the fake dialogs answer next (null = the user cancels). */
let nextOpen: string | null;
let nextSave: string | null;
let saveDialogCalls: Array<{ suggestedName: string; kind: string }>;
/** Why each open dialog was shown ('open' or 'revise'). */
let openPurposes: string[];
/** Paths the service tied to the window (onDocumentPath). */
let documentPaths: string[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plenary-services-'));
  stores = await openHostStores(path.join(dir, 'userData'));
  nextOpen = null;
  nextSave = null;
  saveDialogCalls = [];
  openPurposes = [];
  documentPaths = [];
  api = createHostApi({
    stores,
    onDocumentPath: (filePath) => documentPaths.push(filePath),
    dialogs: {
      chooseOpenPath: async (purpose) => {
        openPurposes.push(purpose);
        return nextOpen;
      },
      chooseSavePath: async (suggestedName, kind) => {
        saveDialogCalls.push({ suggestedName, kind });
        return nextSave;
      },
    },
  });
});

afterEach(async () => {
  await closeHostStores(stores);
  await rm(dir, { recursive: true, force: true });
});

function opened(outcome: unknown) {
  const result = outcome as OpenOutcome | null;
  if (!result?.ok) throw new Error(`expected an opened document, got ${JSON.stringify(result)}`);
  return result.document;
}

function saved(outcome: unknown) {
  const result = outcome as SaveOutcome | null;
  if (!result?.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

/** Opens the Res 1332 fixture (imported) and saves it as a .plenary in the temp folder. */
async function savedResolution(): Promise<{ fileId: string; file: string; content: string; revision: string }> {
  nextOpen = FIXTURE;
  const imported = opened(await callHostApi(api, 'openDialog', []));
  nextSave = path.join(dir, 'res-1332');
  const result = saved(await callHostApi(api, 'saveAs', [imported.content, 'res-1332']));
  return { fileId: result.fileId, file: path.join(dir, 'res-1332.plenary'), content: imported.content, revision: result.revision };
}

describe('open', () => {
  it('imports the Res 1332 text, grants an opaque id and records it as recent', async () => {
    nextOpen = FIXTURE;
    const document = opened(await callHostApi(api, 'openDialog', []));
    expect(document.fileId).toMatch(FILE_ID_PATTERN);
    expect(document.fileId).not.toContain('council');
    expect(document.name).toBe('council-res-1332-c24.txt');
    expect(document.imported).toBe(true);
    const { doc } = parseDocument(document.content);
    expect(doc.textContent).toContain('RÉSOLUTION 1332');
    const recent = (await callHostApi(api, 'listRecent', [])) as Array<{ name: string; folder: string }>;
    expect(recent.map((entry) => entry.name)).toEqual(['council-res-1332-c24.txt']);
    expect(recent[0]?.folder).toBe(path.dirname(FIXTURE));
  });

  it('returns null when the dialog is cancelled', async () => {
    expect(await callHostApi(api, 'openDialog', [])).toBeNull();
  });

  it('explains a damaged .plenary file in one line and changes nothing', async () => {
    const damaged = path.join(dir, 'damaged.plenary');
    const bytes = '{"format":"plenary","version":1,"metadata":{';
    await writeFile(damaged, bytes);
    nextOpen = damaged;
    const outcome = (await callHostApi(api, 'openDialog', [])) as OpenOutcome;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toMatch(/^Cannot open damaged\.plenary: /);
      expect(outcome.error).not.toContain('\n');
    }
    expect(await readFile(damaged, 'utf8')).toBe(bytes);
    expect(await readdir(dir)).toEqual(['damaged.plenary', 'userData']);
    expect(await callHostApi(api, 'listRecent', [])).toEqual([]);
  });

  it('opens the file the host was launched with', async () => {
    const { file } = await savedResolution();
    const launched = createHostApi({
      stores,
      dialogs: { chooseOpenPath: async () => null, chooseSavePath: async () => null },
      initialPath: file,
    });
    const document = opened(await callHostApi(launched, 'initialDocument', []));
    expect(document.imported).toBe(false);
    expect(document.name).toBe('res-1332.plenary');
  });
});

describe('save', () => {
  it('saves over a granted file atomically and keeps the previous version as .bak', async () => {
    const { fileId, file, content, revision } = await savedResolution();
    const first = await readFile(file, 'utf8');
    expect(parseDocument(first).doc.eq(parseDocument(content).doc)).toBe(true);

    const edited = parseDocument(content).doc;
    const changed = JSON.parse(content) as { doc: unknown };
    changed.doc = edited.toJSON();
    (changed as { doc: { attrs: { language: string } } }).doc.attrs.language = 'en';
    const result = saved(await callHostApi(api, 'save', [fileId, JSON.stringify(changed), revision]));
    expect(result.fileId).toBe(fileId);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(first);
    expect(parseDocument(await readFile(file, 'utf8')).doc.attrs.language).toBe('en');
    // No temporary file is left beside it.
    expect((await readdir(dir)).sort()).toEqual(['res-1332.plenary', 'res-1332.plenary.bak', 'userData']);
  });

  it('two writers from one revision: the first save wins, the 19 others are conflicts, not lost edits', async () => {
    const { fileId, file, content, revision } = await savedResolution();
    const versions = Array.from({ length: 20 }, (_, i) => {
      const changed = JSON.parse(content) as { doc: { attrs: { language: string } }; metadata: { title: string } };
      changed.metadata.title = `version ${i}`;
      return JSON.stringify(changed);
    });
    const outcomes = (await Promise.all(versions.map((version) => callHostApi(api, 'save', [fileId, version, revision])))) as SaveOutcome[];
    const won = outcomes.filter((outcome) => outcome.ok);
    expect(won).toHaveLength(1);
    const lost = outcomes.filter((outcome) => !outcome.ok);
    expect(lost).toHaveLength(19);
    for (const outcome of lost)
      expect(outcome).toEqual({
        ok: false,
        conflict: true,
        error: expect.stringMatching(/^res-1332\.plenary was changed on disk/),
        changedAt: (await stat(file)).mtime.toISOString(),
      });
    // The winner's revision saves again; the file holds what the winner wrote.
    const winner = won[0] as Extract<SaveOutcome, { ok: true }>;
    expect(winner.revision).not.toBe(revision);
    expect(saved(await callHostApi(api, 'save', [fileId, content, winner.revision])).ok).toBe(true);
    expect(await readFile(file, 'utf8')).toContain('"format"');
  });

  it('an external change is a conflict; the user may then overwrite it', async () => {
    const { fileId, file, content, revision } = await savedResolution();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(file, `${await readFile(file, 'utf8')}\n`);
    const outcome = (await callHostApi(api, 'save', [fileId, content, revision])) as SaveOutcome;
    // When it was changed, for the dialog that asks the user what to do.
    expect(outcome).toMatchObject({ ok: false, conflict: true, changedAt: (await stat(file)).mtime.toISOString() });
    expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true);
    expect(saved(await callHostApi(api, 'save', [fileId, content, '*'])).ok).toBe(true);
    expect((await readFile(`${file}.bak`, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('a file deleted since it was opened is a conflict too, without a time', async () => {
    const { fileId, file, content, revision } = await savedResolution();
    await rm(file);
    const outcome = (await callHostApi(api, 'save', [fileId, content, revision])) as SaveOutcome;
    expect(outcome).toEqual({ ok: false, conflict: true, error: expect.stringMatching(/^res-1332\.plenary was deleted or moved on disk/) });
  });

  it('one size limit: a document that opens can be saved and snapshotted, one past it does not open', async () => {
    // A text whose import is past the limit as .plenary JSON (the text file itself is within its own).
    const big = path.join(dir, 'big.txt');
    // About 1 KB of .plenary JSON per item: 35,000 items of 40 characters are 1.4 MB of text, 34 MB of JSON.
    const item = (i: number) => `${(i % 9999) + 1}\tque le Secrétaire général présente`;
    await writeFile(big, ['RÉSOLUTION 1', 'décide', ...Array.from({ length: 35_000 }, (_, i) => item(i))].join('\n'));
    nextOpen = big;
    const outcome = (await callHostApi(api, 'openDialog', [])) as OpenOutcome;
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringMatching(/^Cannot open big\.txt: the document is \d+\.\d MB as a \.plenary file; the limit is 32\.0 MB$/),
    });
    // Within the limit: opened, and its content passes the save and snapshot requests' limit.
    const { content } = await savedResolution();
    expect(() => parseRequest('writeRecovery', ['s1', null, content])).not.toThrow();
    expect(DOCUMENT_SIZE_LIMIT).toBe(32 * 1024 * 1024);
  }, 60_000);

  it('refuses invalid content without touching the file', async () => {
    const { fileId, file, revision } = await savedResolution();
    const before = await readFile(file, 'utf8');
    const invalid = [
      '',
      '{"format":"plenary","version":1',
      JSON.stringify({ format: 'plenary', version: 1, metadata: {}, doc: { type: 'doc', content: [{ type: 'no_such_node' }] } }),
      '\u0000\u0001binary',
    ];
    for (const content of invalid) {
      const outcome = (await callHostApi(api, 'save', [fileId, content, revision])) as SaveOutcome;
      expect(outcome.ok, content).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatch(/^Not saved: the document is invalid \(.+\)\.$/);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['res-1332.plenary', 'userData']);
  });

  it('refuses a fileId that was never granted, and a path in its place', async () => {
    const { content } = await savedResolution();
    await expect(callHostApi(api, 'save', ['f_AAAAAAAAAAAAAAAAAAAAAA', content, '*'])).rejects.toThrow(NotGrantedError);
    await expect(callHostApi(api, 'save', ['f_AAAAAAAAAAAAAAAAAAAAAA', content, '*'])).rejects.toThrow('this file was not opened by you');
    await expect(callHostApi(api, 'save', [path.join(dir, 'evil.plenary'), content, '*'])).rejects.toThrow(InvalidRequestError);
    await expect(callHostApi(api, 'openRecent', ['/etc/passwd'])).rejects.toThrow(/invalid request to openRecent/);
    expect((await readdir(dir)).sort()).toEqual(['res-1332.plenary', 'userData']);
  });

  it('will not save over an imported text: Save As is required', async () => {
    nextOpen = FIXTURE;
    const document = opened(await callHostApi(api, 'openDialog', []));
    const before = await readFile(FIXTURE, 'utf8');
    const outcome = (await callHostApi(api, 'save', [document.fileId, document.content, document.revision])) as SaveOutcome;
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/use Save As/) });
    expect(await readFile(FIXTURE, 'utf8')).toBe(before);
  });

  it('Save As adds .plenary, asks with a .plenary name, and cancelling writes nothing', async () => {
    nextOpen = FIXTURE;
    const document = opened(await callHostApi(api, 'openDialog', []));
    expect(await callHostApi(api, 'saveAs', [document.content, 'Res 1332.txt'])).toBeNull();
    expect(saveDialogCalls).toEqual([{ suggestedName: 'Res 1332.plenary', kind: 'plenary' }]);
    expect((await readdir(dir)).sort()).toEqual(['userData']);
  });

  it('Save As refuses invalid content before asking for a name', async () => {
    nextSave = path.join(dir, 'x.plenary');
    const outcome = (await callHostApi(api, 'saveAs', ['{"nope":1}', 'x'])) as SaveOutcome;
    expect(outcome.ok).toBe(false);
    expect(saveDialogCalls).toEqual([]);
  });
});

describe('export to Word', () => {
  it('writes a .docx of the resolution in the chosen mode', async () => {
    const { content } = await savedResolution();
    nextSave = path.join(dir, 'res-1332-final');
    const outcome = await callHostApi(api, 'exportDocx', [content, 'final', 'res-1332']);
    expect(outcome).toEqual({ ok: true, name: 'res-1332-final.docx' });
    expect(saveDialogCalls.at(-1)).toEqual({ suggestedName: 'res-1332.docx', kind: 'docx' });
    const bytes = await readFile(path.join(dir, 'res-1332-final.docx'));
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('rejects an unknown mode as a malformed request', async () => {
    const { content } = await savedResolution();
    await expect(callHostApi(api, 'exportDocx', [content, 'pdf', 'x'])).rejects.toThrow(/invalid request to exportDocx \(argument 1\)/);
  });
});

describe('a file dropped on the window', () => {
  it('opens a dropped Word file as an imported document with no file to save over', async () => {
    const { content } = await savedResolution();
    nextSave = path.join(dir, 'dropped');
    await callHostApi(api, 'exportDocx', [content, 'markup', 'dropped']);
    const data = (await readFile(path.join(dir, 'dropped.docx'))).toString('base64');
    const document = opened(await callHostApi(api, 'openDropped', ['dropped.docx', data]));
    expect(document).toMatchObject({ fileId: '', name: 'dropped.docx', imported: true });
    expect(parseDocument(document.content).doc.textContent).toContain('RÉSOLUTION 1332');
    // Nothing was granted or remembered: the page never learns where the file lives.
    expect(await callHostApi(api, 'listRecent', [])).not.toContainEqual(expect.objectContaining({ name: 'dropped.docx' }));
  });

  it('explains a broken dropped file in one line, and refuses data that is not base64', async () => {
    const outcome = (await callHostApi(api, 'openDropped', [
      'old.doc',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString('base64'),
    ])) as OpenOutcome;
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^Cannot open old\.doc: this is an old binary Word file/) });
    await expect(callHostApi(api, 'openDropped', ['x.docx', 'not base64!'])).rejects.toThrow(
      /invalid request to openDropped \(argument 1\)/,
    );
  });
});

/** The document's tree with each block id (and every reference to it) replaced by its rank in the document. */
function withoutIds(content: string): unknown {
  const { doc } = parseDocument(content);
  const ids: string[] = [];
  doc.descendants((node) => {
    if (typeof node.attrs['id'] === 'string') ids.push(node.attrs['id']);
  });
  let json = JSON.stringify(doc.toJSON());
  ids.forEach((id, rank) => (json = json.replaceAll(`"${id}"`, `"#${rank}"`)));
  return JSON.parse(json);
}

describe.each([
  { method: 'chooseResolution', purpose: 'revise', what: 'the resolution to revise (File → New revision)' },
  { method: 'chooseVersion', purpose: 'compare', what: 'the version to compare with (Review → Compare)' },
] as const)('$what', ({ method, purpose }) => {
  it('reads the Res 1332 text like Open does, but grants, remembers and ties nothing', async () => {
    nextOpen = FIXTURE;
    const document = opened(await callHostApi(api, method, []));
    expect(openPurposes).toEqual([purpose]);
    expect(document).toMatchObject({ fileId: '', name: 'council-res-1332-c24.txt', imported: true });
    expect(documentPaths).toEqual([]);
    expect(await callHostApi(api, 'listRecent', [])).toEqual([]);
    // No id was handed out, so nothing can be saved over the resolution in force.
    await expect(callHostApi(api, 'save', ['', document.content, ''])).rejects.toThrow(/not a file id/);

    // The same import as Open (block ids are fresh on every import, so they are left out).
    const viaOpen = opened(await callHostApi(api, 'openDialog', []));
    expect(withoutIds(document.content)).toEqual(withoutIds(viaOpen.content));
    expect(document.warnings).toEqual(viaOpen.warnings);
  });

  it('reads a .plenary resolution read-only too: imported, so Save asks for a new name', async () => {
    const { file, content } = await savedResolution();
    const before = await readFile(file, 'utf8');
    documentPaths = [];
    nextOpen = file;
    const document = opened(await callHostApi(api, method, []));
    expect(document).toMatchObject({ fileId: '', name: 'res-1332.plenary', imported: true });
    expect(withoutIds(document.content)).toEqual(withoutIds(content));
    expect(documentPaths).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('returns null when the dialog is cancelled', async () => {
    expect(await callHostApi(api, method, [])).toBeNull();
    expect(openPurposes).toEqual([purpose]);
  });

  it('explains a damaged file in one line and remembers nothing', async () => {
    const damaged = path.join(dir, 'damaged.plenary');
    await writeFile(damaged, '{"format":"plenary","version":1,"metadata":{');
    nextOpen = damaged;
    const outcome = (await callHostApi(api, method, [])) as OpenOutcome;
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^Cannot open damaged\.plenary: [^\n]+$/) });
    expect(await callHostApi(api, 'listRecent', [])).toEqual([]);
  });

  it('takes no arguments: a path or a file id sent with the request is refused', async () => {
    nextOpen = FIXTURE;
    await expect(callHostApi(api, method, [FIXTURE])).rejects.toThrow(new RegExp(`invalid request to ${method}`));
    await expect(callHostApi(api, method, ['f_AAAAAAAAAAAAAAAAAAAAAA'])).rejects.toThrow(InvalidRequestError);
    expect(openPurposes).toEqual([]);
    expect(parseRequest(method, [])).toEqual([]);
  });
});

describe('file grants', () => {
  it('grants one stable id per path and refuses every id it did not hand out', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.stringMatching(/^[A-Za-z0-9 ._-]{1,20}$/).filter((name) => name !== '.' && name !== '..'),
          { minLength: 1, maxLength: 8 },
        ),
        fc.string(),
        (names, probe) => {
          const grants = new FileGrants();
          const ids = names.map((name) => grants.grant(path.join(dir, 'folder', name)));
          const again = names.map((name) => grants.grant(path.join(dir, 'folder', name)));
          expect(again).toEqual(ids);
          for (const id of ids) expect(id).toMatch(FILE_ID_PATTERN);
          for (const [index, id] of ids.entries()) expect(grants.pathOf(id)).toBe(path.join(dir, 'folder', names[index]!));
          expect(new Set(ids).size).toBe(names.length);
          if (!ids.includes(probe)) expect(() => grants.pathOf(probe)).toThrow(NotGrantedError);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('request validation', () => {
  it('rejects unknown methods, wrong arity, wrong types, oversized content and unknown settings', () => {
    expect(() => parseRequest('deleteEverything', [])).toThrow(InvalidRequestError);
    expect(() => parseRequest('__proto__', [])).toThrow(/unknown method/);
    expect(() => parseRequest('save', ['f_AAAAAAAAAAAAAAAAAAAAAA'])).toThrow(InvalidRequestError);
    expect(() => parseRequest('save', ['f_AAAAAAAAAAAAAAAAAAAAAA', 42, ''])).toThrow(InvalidRequestError);
    expect(() => parseRequest('save', ['f_AAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(32 * 1024 * 1024 + 1), ''])).toThrow(/too large/);
    expect(() => parseRequest('saveAs', ['{}', '../../etc/passwd'])).toThrow(/a file name, not a path/);
    expect(() => parseRequest('writeRecovery', ['../escape', null, '{}'])).toThrow(/not a session id/);
    expect(() => parseRequest('setSettings', [{ language: 'de' }])).toThrow(InvalidRequestError);
    expect(() => parseRequest('setSettings', [{ theme: 'dark' }])).toThrow(InvalidRequestError);
    expect(() => parseRequest('listRecent', 'not-a-tuple')).toThrow(InvalidRequestError);
    expect(parseRequest('setSettings', [{ authorName: '  Ada  ' }])).toEqual([{ authorName: 'Ada' }]);
    expect(parseRequest('setDirty', [true, 'res.plenary'])).toEqual([true, 'res.plenary']);
  });

  it('answers any input with parsed arguments or an InvalidRequestError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...HOST_METHODS), fc.string()), fc.anything(), (method, args) => {
        try {
          parseRequest(method, args);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRequestError);
          expect((error as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 500 },
    );
  });
});
