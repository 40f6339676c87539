/**
 * The Electron main process against a faked `electron` module: startup and window security
 * settings, single instance (a second launch focuses or opens), IPC validation and file grants,
 * the title's unsaved marker, and the Save / Don't Save / Cancel prompt on close and quit.
 */
import { link, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeDocument } from '../../shared/file/index.js';
import { readDocumentFile } from '../../node/file/index.js';
import type { AddToLibraryOutcome, LibraryText, OpenOutcome } from '../../shared/ipc/index.js';
import { HOST_METHODS } from '../../shared/ipc/validate.js';
import type { ElectronFake, FakeBrowserWindow } from '../support/electron-fake.js';
import { fixturePath } from '../support/fixtures.js';

vi.mock('electron', async () => (await import('../support/electron-fake.js')).createElectronFake());

const MENU_CHANNEL = 'plenary:menu-command';

let dir: string;
let documentFile: string;
let documentContent: string;

beforeAll(async () => {
  // Before any vi.resetModules: each launch below gets fresh modules, so only strings cross over.
  const { doc } = await readDocumentFile(fixturePath('council-res-1332-c24.txt'));
  documentContent = serializeDocument(doc);
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plenary-main-'));
  documentFile = path.join(dir, 'res-1332.plenary');
  await writeFile(documentFile, documentContent);
});

afterEach(async () => {
  // The main process may still be writing its recent list or settings into userData when a test
  // ends (those writes are not awaited by the window): a file made during the removal is retried.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

/** Starts electron/main.ts afresh with a new fake Electron, as a launch with `argv` would. */
async function launch(options: { argv?: string[]; lock?: boolean } = {}) {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as ElectronFake;
  fake.reset();
  fake.config.userData = path.join(dir, 'userData');
  fake.config.lock = options.lock ?? true;
  const savedArgv = process.argv;
  process.argv = options.argv ?? ['/opt/plenary/plenary'];
  try {
    const main = await import('../../electron/main.js');
    const windows = await main.started;
    await flush();
    return { fake, windows };
  } finally {
    process.argv = savedArgv;
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once the window is gone (Electron's 'closed'), however long what precedes it takes. */
function closed(win: FakeBrowserWindow): Promise<void> {
  return win.destroyed ? Promise.resolve() : new Promise((resolve) => win.once('closed', () => resolve()));
}

function liveWindows(fake: ElectronFake): FakeBrowserWindow[] {
  return fake.BrowserWindow.getAllWindows();
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('startup', () => {
  it('opens one secure window on the app scheme and registers a handler per API method', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    expect(win.url).toBe('app://plenary/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: path.join('/opt/plenary', 'dist', 'electron', 'preload.js'),
    });
    expect([...fake.handlers.keys()].sort()).toEqual(HOST_METHODS.map((method) => `plenary:${method}`).sort());
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(win.title).toBe('Untitled — Plenary');
  });

  it('opens the document named on the command line and grants it to that window only', async () => {
    const { fake } = await launch({ argv: ['/opt/plenary/plenary', '--inspect=0', documentFile] });
    const win = only(liveWindows(fake));
    const outcome = (await fake.invoke(win, 'plenary:initialDocument', [])) as OpenOutcome;
    expect(outcome.ok && outcome.document.name).toBe('res-1332.plenary');
    expect(win.title).toBe('res-1332.plenary — Plenary');
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith(documentFile);
  });

  it('quits at once when another instance holds the lock', async () => {
    const { fake, windows } = await launch({ lock: false });
    expect(windows).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(liveWindows(fake)).toHaveLength(0);
  });
});

describe('single instance', () => {
  it('focuses the window that already shows a file opened again, and opens a new file in a new window', async () => {
    const { fake } = await launch({ argv: ['/opt/plenary/plenary', documentFile] });
    const first = only(liveWindows(fake));
    const other = path.join(dir, 'other.plenary');
    await writeFile(other, documentContent);
    fake.app.emit('second-instance', {}, ['/opt/plenary/plenary', other], dir);
    expect(liveWindows(fake)).toHaveLength(2);
    expect(fake.BrowserWindow.getFocusedWindow()).not.toBe(first);

    const focusesBefore = first.focusCount;
    fake.app.emit('second-instance', {}, ['/opt/plenary/plenary', 'res-1332.plenary'], dir);
    expect(liveWindows(fake)).toHaveLength(2);
    expect(first.focusCount).toBe(focusesBefore + 1);
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(first);
  });

  it('focuses a window when a second launch names no file, and opens files from macOS open-file', async () => {
    const { fake } = await launch();
    const first = only(liveWindows(fake));
    fake.app.emit('second-instance', {}, ['/opt/plenary/plenary'], dir);
    expect(liveWindows(fake)).toHaveLength(1);
    expect(first.focusCount).toBeGreaterThan(0);
    const preventDefault = vi.fn();
    fake.app.emit('open-file', { preventDefault }, documentFile);
    expect(preventDefault).toHaveBeenCalled();
    expect(liveWindows(fake)).toHaveLength(2);
  });
});

describe('one window per document', () => {
  it('opens in place from an empty window, in a new window from one holding a document, and focuses a file already open', async () => {
    const { fake } = await launch();
    const empty = only(liveWindows(fake));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [documentFile] });
    const inPlace = (await fake.invoke(empty, 'plenary:openDialog', [])) as OpenOutcome;
    expect(inPlace.ok && inPlace.document.name).toBe('res-1332.plenary');
    expect(liveWindows(fake)).toHaveLength(1);
    expect(empty.title).toBe('res-1332.plenary — Plenary');

    const other = path.join(dir, 'other.plenary');
    await writeFile(other, documentContent);
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    expect(await fake.invoke(empty, 'plenary:openDialog', [])).toBeNull();
    expect(liveWindows(fake)).toHaveLength(2);
    const second = liveWindows(fake)[1]!;
    const initial = (await fake.invoke(second, 'plenary:initialDocument', [])) as OpenOutcome;
    expect(initial.ok && initial.document.name).toBe('other.plenary');

    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [documentFile] });
    expect(await fake.invoke(second, 'plenary:openDialog', [])).toBeNull();
    expect(liveWindows(fake)).toHaveLength(2);
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(empty);
  });
});

describe('one file, several paths', () => {
  it('a symbolic link or a hard link to an open file focuses its window: no second window, no second grant', async () => {
    const { fake, windows } = await launch({ argv: ['/opt/plenary/plenary', documentFile] });
    const holder = only(liveWindows(fake));
    const opened = (await fake.invoke(holder, 'plenary:initialDocument', [])) as OpenOutcome;
    if (!opened.ok) throw new Error(opened.error);
    const grants = windows!.stores.grants;
    expect(grants.size).toBe(1);
    const symbolic = path.join(dir, 'linked.plenary');
    const hard = path.join(dir, 'hard-linked.plenary');
    await symlink(documentFile, symbolic);
    await link(documentFile, hard);

    // From outside: a second launch, macOS open-file.
    fake.app.emit('second-instance', {}, ['/opt/plenary/plenary', 'linked.plenary'], dir);
    expect(only(liveWindows(fake))).toBe(holder);
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(holder);
    const focuses = holder.focusCount;
    fake.app.emit('open-file', { preventDefault: () => undefined }, hard);
    expect(only(liveWindows(fake))).toBe(holder);
    expect(holder.focusCount).toBe(focuses + 1);

    // From another window: File → Open of either link, and Save As onto the hard link.
    const other = windows!.openEmpty();
    await flush();
    const otherWin = liveWindows(fake).find((win) => win !== holder)!;
    expect(other.win).toBe(otherWin);
    for (const chosen of [symbolic, hard]) {
      fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
      expect(await fake.invoke(otherWin, 'plenary:openDialog', [])).toBeNull();
      expect(fake.BrowserWindow.getFocusedWindow()).toBe(holder);
      otherWin.focus();
    }
    const otherContent = documentContent.replace('1332', '1333');
    expect(otherContent).not.toBe(documentContent);
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: hard });
    expect(await fake.invoke(otherWin, 'plenary:saveAs', [otherContent, 'Untitled'])).toBeNull();
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(holder);
    expect(await readFile(documentFile, 'utf8')).toBe(documentContent);

    expect(liveWindows(fake)).toHaveLength(2);
    expect(other.filePath).toBeNull();
    expect(otherWin.title).toBe('Untitled — Plenary');
    expect(grants.size).toBe(1);
    expect(grants.idOf(symbolic)).toBe(opened.document.fileId);
    expect(grants.idOf(hard)).toBeUndefined();
  });
});

describe('the resolution to revise (File → New revision)', () => {
  it('reads the chosen resolution in the asking window: no grant, no recent entry, no retitle, no other window', async () => {
    const { fake } = await launch({ argv: ['/opt/plenary/plenary', documentFile] });
    const win = only(liveWindows(fake));
    const other = path.join(dir, 'res-1332-c24.txt');
    await writeFile(other, await readFile(fixturePath('council-res-1332-c24.txt')));
    fake.app.addRecentDocument.mockClear();
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    const outcome = (await fake.invoke(win, 'plenary:chooseResolution', [])) as OpenOutcome;
    expect(outcome).toMatchObject({ ok: true, document: { fileId: '', name: 'res-1332-c24.txt', imported: true } });
    expect(outcome.ok && outcome.document.content).toContain('RÉSOLUTION 1332');
    const [parent, options] = fake.dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(win);
    expect(options).toMatchObject({ title: 'Choose the resolution to revise', properties: ['openFile'] });
    expect(liveWindows(fake)).toHaveLength(1);
    expect(win.title).toBe('res-1332.plenary — Plenary');
    expect(fake.app.addRecentDocument).not.toHaveBeenCalled();
    expect(await fake.invoke(win, 'plenary:listRecent', [])).not.toContainEqual(expect.objectContaining({ name: 'res-1332-c24.txt' }));
  });

  it('reads a resolution open in another window without focusing it, and leaves an empty window untitled', async () => {
    const { fake } = await launch();
    const empty = only(liveWindows(fake));
    fake.app.emit('second-instance', {}, ['/opt/plenary/plenary', documentFile], dir);
    expect(liveWindows(fake)).toHaveLength(2);
    const holder = liveWindows(fake)[1]!;
    const focusesBefore = holder.focusCount;
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [documentFile] });
    const outcome = (await fake.invoke(empty, 'plenary:chooseResolution', [])) as OpenOutcome;
    expect(outcome).toMatchObject({ ok: true, document: { fileId: '', name: 'res-1332.plenary' } });
    expect(holder.focusCount).toBe(focusesBefore);
    expect(liveWindows(fake)).toHaveLength(2);
    expect(empty.title).toBe('Untitled — Plenary');
    // The file still belongs to its own window: Open from the other one focuses it, as before.
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [documentFile] });
    expect(await fake.invoke(empty, 'plenary:openDialog', [])).toBeNull();
    expect(holder.focusCount).toBe(focusesBefore + 1);
  });

  it('gives null when the dialog is cancelled and a one-line error for a damaged file', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    expect(await fake.invoke(win, 'plenary:chooseResolution', [])).toBeNull();
    const damaged = path.join(dir, 'damaged.plenary');
    await writeFile(damaged, '{"format":"plenary","version":1,"metadata":{');
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [damaged] });
    const outcome = (await fake.invoke(win, 'plenary:chooseResolution', [])) as OpenOutcome;
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^Cannot open damaged\.plenary: [^\n]+$/) });
    expect(win.title).toBe('Untitled — Plenary');
    await expect(fake.invoke(win, 'plenary:chooseResolution', [damaged])).rejects.toThrow(/invalid request to chooseResolution/);
  });
});

describe('the library of texts in force (File → Add to Library…)', () => {
  it('reads the chosen text without granting it, stores it with the confirmed description, and asks before a duplicate', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    const english = path.join(dir, 'res-1332-en.txt');
    await writeFile(english, await readFile(fixturePath('parallel/council-res-1332-c24-en.txt')));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [english] });
    const chosen = (await fake.invoke(win, 'plenary:chooseLibraryFile', [])) as OpenOutcome;
    expect(chosen).toMatchObject({ ok: true, document: { fileId: '', name: 'res-1332-en.txt', imported: true } });
    expect(fake.dialog.showOpenDialog.mock.calls.at(-1)![1]).toMatchObject({ title: 'Choose a text to add to the library' });
    expect(await fake.invoke(win, 'plenary:listRecent', [])).toEqual([]);
    const content = chosen.ok ? chosen.document.content : '';

    const info = { number: '1332', body: 'Council', version: 'C11, last amended C24', language: 'en' };
    const added = (await fake.invoke(win, 'plenary:addToLibrary', [content, info, 'ask'])) as AddToLibraryOutcome;
    expect(added).toMatchObject({ ok: true, replaced: false, text: { number: '1332', language: 'en', body: 'Council' } });
    // Found at once by the Add Proposal search, beside the French text the library was seeded with.
    const numbered1332 = async () =>
      ((await fake.invoke(win, 'plenary:searchLibrary', ['1332'])) as LibraryText[]).filter((text) => text.number === '1332');
    expect((await numbered1332()).map((text) => text.language).sort()).toEqual(['en', 'fr']);

    // The same text again: asked about, nothing stored; then kept beside, then replacing.
    const again = (await fake.invoke(win, 'plenary:addToLibrary', [content, info, 'ask'])) as AddToLibraryOutcome;
    expect(again).toEqual({ ok: false, duplicate: expect.objectContaining({ number: '1332', language: 'en' }) });
    expect(await fake.invoke(win, 'plenary:addToLibrary', [content, info, 'keep-both'])).toMatchObject({ ok: true, replaced: false });
    expect(await numbered1332()).toHaveLength(3);
    expect(await fake.invoke(win, 'plenary:addToLibrary', [content, info, 'replace'])).toMatchObject({ ok: true, replaced: true });
    expect(await numbered1332()).toHaveLength(3);
  });

  it('refuses a malformed description, and answers one line for a document with no resolution', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    const info = { number: '1332', body: 'Council', version: 'C11, last amended C24', language: 'en' };
    for (const bad of [
      { ...info, number: 'DROP TABLE' },
      { ...info, body: 'UN' },
      { ...info, language: 'xx' },
      { ...info, version: '' },
      { ...info, path: '/etc/passwd' },
    ]) {
      await expect(fake.invoke(win, 'plenary:addToLibrary', [documentContent, bad, 'ask'])).rejects.toThrow(
        /invalid request to addToLibrary/,
      );
    }
    await expect(fake.invoke(win, 'plenary:addToLibrary', [documentContent, info, 'always'])).rejects.toThrow(
      /invalid request to addToLibrary/,
    );
    expect(await fake.invoke(win, 'plenary:addToLibrary', ['{"not":"a document"}', info, 'ask'])).toEqual({
      ok: false,
      error: expect.stringMatching(/^[^\n]+$/),
    });
    const cover = serializeDocument((await readDocumentFile(fixturePath('council-c26-93-contribution-cover.txt'))).doc);
    expect(await fake.invoke(win, 'plenary:addToLibrary', [cover, info, 'ask'])).toEqual({
      ok: false,
      error: 'The document holds no resolution: the library keeps texts in force (resolutions, decisions).',
    });
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(await fake.invoke(win, 'plenary:chooseLibraryFile', [])).toBeNull();
  });
});

describe('IPC', () => {
  it('answers a valid request from our page', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    expect(await fake.invoke(win, 'plenary:setSettings', [{ authorName: 'Délégué' }])).toMatchObject({ authorName: 'Délégué' });
    expect(await fake.invoke(win, 'plenary:getSettings', [])).toMatchObject({ authorName: 'Délégué' });
  });

  it('exports to Word through the save dialog and shows the exported file in its folder on request', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    expect(await fake.invoke(win, 'plenary:revealExport', [])).toBe(false);
    const target = path.join(path.dirname(documentFile), 'exported.docx');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await fake.invoke(win, 'plenary:exportDocx', [documentContent, 'markup', 'exported'])).toEqual({
      ok: true,
      name: 'exported.docx',
    });
    expect(await fake.invoke(win, 'plenary:revealExport', [])).toBe(true);
    expect(fake.shell.showItemInFolder).toHaveBeenCalledWith(target);
  });

  it('Export adds .docx before asking about an overwrite, and keeps the replaced file as .bak', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    const existing = path.join(dir, 'Report.docx');
    await writeFile(existing, 'an earlier export');
    // The user typed "Report": the dialog had nothing to confirm; Plenary asks about Report.docx.
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'Report') });
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await fake.invoke(win, 'plenary:exportDocx', [documentContent, 'markup', 'Report'])).toBeNull();
    expect(fake.dialog.showMessageBox).toHaveBeenLastCalledWith(
      win,
      expect.objectContaining({ message: 'Report.docx already exists. Do you want to replace it?' }),
    );
    expect(await readFile(existing, 'utf8')).toBe('an earlier export');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'Report') });
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await fake.invoke(win, 'plenary:exportDocx', [documentContent, 'markup', 'Report'])).toEqual({ ok: true, name: 'Report.docx' });
    expect(await readFile(`${existing}.bak`, 'utf8')).toBe('an earlier export');
    expect((await readFile(existing)).subarray(0, 2).toString()).toBe('PK');
  });

  it('rejects malformed payloads with an error and keeps serving', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    await expect(fake.invoke(win, 'plenary:save', [])).rejects.toThrow(/invalid request to save/);
    await expect(fake.invoke(win, 'plenary:save', [{ fileId: 'x' }, 'content'])).rejects.toThrow(/invalid request to save/);
    await expect(fake.invoke(win, 'plenary:exportDocx', [documentContent, 'everything', 'x'])).rejects.toThrow(/invalid request/);
    await expect(fake.invoke(win, 'plenary:setDirty', ['yes', null])).rejects.toThrow(/invalid request to setDirty/);
    await expect(fake.invoke(win, 'plenary:writeRecovery', ['../../x', null, '{}'])).rejects.toThrow(/not a session id/);
    await expect(fake.invoke(win, 'plenary:setSettings', [{ language: 'xx' }])).rejects.toThrow(/invalid request/);
    expect(await fake.invoke(win, 'plenary:listRecovery', [])).toEqual([]);
  });

  it('refuses files the user did not open, and paths in place of file ids', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    const before = await readFile(documentFile, 'utf8');
    await expect(fake.invoke(win, 'plenary:save', ['f_AAAAAAAAAAAAAAAAAAAAAA', documentContent, '*'])).rejects.toThrow(
      'this file was not opened by you',
    );
    await expect(fake.invoke(win, 'plenary:save', [documentFile, documentContent, '*'])).rejects.toThrow(/not a file id/);
    await expect(fake.invoke(win, 'plenary:openRecent', ['f_BBBBBBBBBBBBBBBBBBBBBB'])).rejects.toThrow('this file was not opened by you');
    expect(await readFile(documentFile, 'utf8')).toBe(before);
  });

  it('refuses requests from a frame that is not our page', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    await expect(fake.invoke(win, 'plenary:getSettings', [], 'https://evil.example/')).rejects.toThrow(/does not come from Plenary's page/);
    await expect(fake.invoke(win, 'plenary:getSettings', [], 'file:///etc/passwd')).rejects.toThrow(/refused/);
  });
});

describe('unsaved changes', () => {
  async function dirtyDocumentWindow() {
    const launched = await launch({ argv: ['/opt/plenary/plenary', documentFile] });
    const win = only(liveWindows(launched.fake));
    const outcome = (await launched.fake.invoke(win, 'plenary:initialDocument', [])) as OpenOutcome;
    if (!outcome.ok) throw new Error(outcome.error);
    await launched.fake.invoke(win, 'plenary:setDirty', [true, 'res-1332.plenary']);
    return { ...launched, win, fileId: outcome.document.fileId };
  }

  it('marks the title while there are unsaved changes', async () => {
    const { fake, win } = await dirtyDocumentWindow();
    expect(win.title).toBe('res-1332.plenary • — Plenary');
    await fake.invoke(win, 'plenary:setDirty', [false, 'res-1332.plenary']);
    expect(win.title).toBe('res-1332.plenary — Plenary');
  });

  it('closes a clean window without asking', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    win.close();
    expect(win.destroyed).toBe(true);
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks before closing a dirty window; Cancel keeps it open', async () => {
    const { fake, win } = await dirtyDocumentWindow();
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    win.close();
    await flush();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [parent, options] = fake.dialog.showMessageBox.mock.calls[0]!;
    expect(parent).toBe(win);
    expect(options).toMatchObject({ buttons: ['Save', "Don't Save", 'Cancel'], defaultId: 0, cancelId: 2 });
    expect((options as { message: string }).message).toContain('res-1332.plenary');
    expect(win.destroyed).toBe(false);
  });

  it("Don't Save closes the window and discards its recovery snapshot", async () => {
    const { fake, win, windows } = await dirtyDocumentWindow();
    await fake.invoke(win, 'plenary:writeRecovery', ['session-1', 'res-1332.plenary', documentContent]);
    const recoveryDir = path.join(windows!.stores.userDataDir, 'recovery');
    expect(await readdir(recoveryDir)).toContain('session-1.json');
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win.close();
    // The snapshot is deleted before the window closes, so a quit right after cannot leave it behind.
    await closed(win);
    expect(await readdir(recoveryDir)).not.toContain('session-1.json');
    expect(await readFile(documentFile, 'utf8')).toBe(documentContent);
  });

  it("Don't Save while a snapshot is being written: the write lands first and is deleted, a later one is ignored", async () => {
    const { fake, win, windows } = await dirtyDocumentWindow();
    const recoveryDir = path.join(windows!.stores.userDataDir, 'recovery');
    const inFlight = fake.invoke(win, 'plenary:writeRecovery', ['session-1', 'res-1332.plenary', documentContent]);
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win.close();
    await closed(win);
    await inFlight;
    expect(await readdir(recoveryDir)).not.toContain('session-1.json');
    // The page's last timer firing after the close writes nothing.
    await windows!.stores.recovery.write('session-1', 'res-1332.plenary', documentContent);
    expect(await readdir(recoveryDir)).not.toContain('session-1.json');
  });

  it('a crashed renderer is reloaded and offered its snapshot at once; nothing is deleted', async () => {
    const { fake, win } = await dirtyDocumentWindow();
    await fake.invoke(win, 'plenary:writeRecovery', ['session-1', 'res-1332.plenary', documentContent]);
    const recoveryDir = path.join(fake.config.userData, 'recovery');
    // While the page lives, its own snapshot is not an orphan.
    expect(await fake.invoke(win, 'plenary:listRecovery', [])).toEqual([]);
    const loads = win.url;
    win.url = null;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await flush();
    // Reloaded, and the reloaded page is offered the snapshot during this same launch.
    expect(win.url).toBe(loads);
    expect(win.destroyed).toBe(false);
    const offered = (await fake.invoke(win, 'plenary:listRecovery', [])) as Array<{ sessionId: string; content: string }>;
    expect(offered.map((snapshot) => snapshot.sessionId)).toEqual(['session-1']);
    expect(offered[0]!.content).toBe(documentContent);
    // Closing the window now neither prompts a Save to the dead page nor deletes the snapshot.
    fake.dialog.showMessageBox.mockClear();
    win.close();
    await flush();
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
    expect(await readdir(recoveryDir)).toContain('session-1.json');
  });

  it('Save asks the renderer to save, then closes once the save succeeded', async () => {
    const { fake, win, fileId } = await dirtyDocumentWindow();
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win.close();
    await flush();
    expect(win.webContents.sent).toContainEqual({ channel: MENU_CHANNEL, args: ['save'] });
    expect(win.destroyed).toBe(false);
    // The renderer answers the command by saving, then says the command is over.
    expect(await fake.invoke(win, 'plenary:save', [fileId, documentContent, '*'])).toMatchObject({ ok: true });
    await fake.invoke(win, 'plenary:saveEnded', [true]);
    expect(win.destroyed).toBe(true);
    expect(await readFile(`${documentFile}.bak`, 'utf8')).toBe(documentContent);
  });

  it('Save keeps the window open when the save fails', async () => {
    const { fake, win, fileId } = await dirtyDocumentWindow();
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win.close();
    await flush();
    expect(await fake.invoke(win, 'plenary:save', [fileId, '{"broken":', '*'])).toMatchObject({ ok: false });
    await fake.invoke(win, 'plenary:saveEnded', [false]);
    expect(win.destroyed).toBe(false);
  });

  const changedOnDisk = () => documentContent.replace('1332', '1333');

  /** Closes with Save while the file changed on disk: the first save the renderer makes is refused. */
  async function saveIntoConflict() {
    const dirty = await dirtyDocumentWindow();
    const { fake, win, fileId } = dirty;
    await writeFile(documentFile, changedOnDisk());
    fake.app.emit('before-quit');
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win.close();
    await flush();
    const outcome = await fake.invoke(win, 'plenary:save', [fileId, documentContent, 'r-opened-before-the-change']);
    expect(outcome).toMatchObject({ ok: false, conflict: true });
    // The page now asks the user what to do: the window and the quit wait for the answer.
    expect(win.destroyed).toBe(false);
    expect(dirty.windows!.quitting).toBe(true);
    return dirty;
  }

  it('Save into a save conflict, then Overwrite: the window closes once the overwrite succeeded', async () => {
    const { fake, win, fileId } = await saveIntoConflict();
    expect(await fake.invoke(win, 'plenary:save', [fileId, documentContent, '*'])).toMatchObject({ ok: true });
    await fake.invoke(win, 'plenary:saveEnded', [true]);
    await closed(win);
    // The page's version replaced the one changed on disk, which is kept beside it.
    expect(await readFile(`${documentFile}.bak`, 'utf8')).toBe(changedOnDisk());
    expect(await readFile(documentFile, 'utf8')).not.toBe(changedOnDisk());
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('Save into a save conflict, then Cancel: the window stays open and the quit stops', async () => {
    const { fake, win, windows } = await saveIntoConflict();
    await fake.invoke(win, 'plenary:saveEnded', [false]);
    await flush();
    expect(win.destroyed).toBe(false);
    expect(windows!.quitting).toBe(false);
    // A later save of the user's own is only a save: it closes nothing.
    await fake.invoke(win, 'plenary:saveEnded', [true]);
    expect(win.destroyed).toBe(false);
  });

  it("on quit, Cancel stops the quit and Don't Save lets it continue", async () => {
    const { fake, win, windows } = await dirtyDocumentWindow();
    fake.app.emit('before-quit');
    expect(windows!.quitting).toBe(true);
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    win.close();
    await flush();
    expect(win.destroyed).toBe(false);
    expect(windows!.quitting).toBe(false);

    fake.app.quit.mockClear();
    fake.app.emit('before-quit');
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win.close();
    await closed(win);
    expect(fake.app.quit).toHaveBeenCalled();
  });
});

describe('menu', () => {
  function fileMenuItem(fake: ElectronFake, label: string) {
    const template = fake.menus.at(-1)!.template as Array<{
      label?: string;
      submenu?: Array<{ label?: string; click?: () => void; submenu?: unknown[] }>;
    }>;
    const file = template.find((menu) => menu.label === '&File')!;
    return file.submenu!.find((item) => item.label === label)!;
  }

  it('sends commands to the focused window, and New goes to a new window when this one holds a document', async () => {
    const { fake } = await launch({ argv: ['/opt/plenary/plenary', documentFile] });
    const win = only(liveWindows(fake));
    fileMenuItem(fake, 'Save').click!();
    await flush();
    expect(win.webContents.sent).toEqual([{ channel: MENU_CHANNEL, args: ['save'] }]);

    fileMenuItem(fake, 'New Resolution').click!();
    await flush();
    expect(liveWindows(fake)).toHaveLength(2);
    const created = liveWindows(fake)[1]!;
    expect(created.webContents.sent).toEqual([{ channel: MENU_CHANNEL, args: ['new-resolution'] }]);
  });

  it('lists recent files in Open Recent and opens one in its own window', async () => {
    const { fake } = await launch({ argv: ['/opt/plenary/plenary', documentFile] });
    const win = only(liveWindows(fake));
    await fake.invoke(win, 'plenary:initialDocument', []);
    await flush();
    // The menu is rebuilt once the recent list is written: wait for it rather than for a tick count.
    const recentItems = () => fileMenuItem(fake, 'Open Recent').submenu as Array<{ label: string; click: () => void }>;
    await expect.poll(() => recentItems().map((item) => item.label)).toEqual(['res-1332.plenary']);
    recentItems()[0]!.click();
    await flush();
    // Already open: focused, not opened twice.
    expect(liveWindows(fake)).toHaveLength(1);
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(win);
  });

  it('Close closes the focused window through the prompt', async () => {
    const { fake } = await launch();
    const win = only(liveWindows(fake));
    await fake.invoke(win, 'plenary:setDirty', [true, null]);
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    fileMenuItem(fake, 'Close').click!();
    await flush();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(win.destroyed).toBe(false);
  });
});
