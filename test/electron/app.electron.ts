/**
 * The real desktop app, end to end, where an Electron binary exists (a developer's or user's
 * machine): `npm run test:electron` builds the app and drives it with playwright-core's Electron
 * support. It is not part of `npm test`, because the machines that run CI cannot download Electron's
 * binary; there, the shell is covered by the faked-electron unit tests and the renderer by the
 * Chromium end-to-end tests. Without a binary this suite fails with the reason, never passes empty.
 *
 * It checks what only the real shell can show: a document named on the command line opens in a
 * window titled with its name; the page is sandboxed (no Node in the renderer, only the typed
 * `window.plenary` API); typing marks the window unsaved; Save writes the file atomically.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/file/index.js';
import { ROOT, tempDir } from '../e2e/support.js';

function electronBinary(): string {
  const require = createRequire(import.meta.url);
  let binary: string;
  try {
    binary = require('electron') as string;
  } catch (error) {
    // Electron's package downloads its binary from GitHub on first use; say so in one line.
    const reason = (error as Error).message.replace(/\.+$/, '');
    throw new Error(`No Electron binary (downloaded from GitHub on first use, unreachable here?): ${reason}.`);
  }
  if (!existsSync(binary)) throw new Error(`No Electron binary at ${binary}: run \`npx install-electron\` where GitHub is reachable.`);
  return binary;
}

let app: ElectronApplication;
let window: Page;
let document: string;

beforeAll(async () => {
  const folder = tempDir('plenary-electron-');
  document = path.join(folder, 'res-1332.txt');
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'council-res-1332-c24.txt'), document);
  app = await electron.launch({
    executablePath: electronBinary(),
    args: [ROOT, document, `--user-data-dir=${path.join(folder, 'user-data')}`],
    cwd: ROOT,
  });
  window = await app.firstWindow();
  await window.waitForSelector('.app[data-ready="true"]');
});

afterAll(async () => {
  await app?.close();
});

describe('the desktop app (real Electron)', () => {
  it('opens the document given on the command line, labels computed', async () => {
    expect(await window.title()).toContain('res-1332.txt');
    const labels = await window.locator('.pl-item[data-label]').evaluateAll((items) => items.slice(0, 3).map((item) => item.getAttribute('data-label')));
    expect(labels).toEqual(['a)', 'b)', 'c)']);
  });

  it('runs the page sandboxed: no Node, only the typed API', async () => {
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as { plenary?: object }).plenary ?? {}).sort(),
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.api).toContain('save');
    expect(globals.api).toContain('chooseResolution');
  });

  it('marks the window unsaved on typing and saves to a .plenary the user names', async () => {
    await window.locator('.pl-item-text').first().click();
    await window.keyboard.press('End');
    await window.keyboard.type(' (modifié)');
    await expect.poll(() => app.browserWindow(window).then((handle) => handle.evaluate((win) => win.getTitle()))).toContain('•');
    const target = `${document.replace(/\.txt$/, '')}.plenary`;
    // The Save As dialog is the OS's: answer it from the main process.
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, target);
    // Synthetic key events reach the page, not the native menu's accelerators: click File → Save.
    await app.evaluate(({ Menu, BrowserWindow }) => {
      const file = Menu.getApplicationMenu()?.items.find((item) => item.label.replace('&', '') === 'File');
      const save = file?.submenu?.items.find((item) => item.label === 'Save');
      if (!save) throw new Error('no File → Save in the application menu');
      save.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
    });
    await expect.poll(() => existsSync(target)).toBe(true);
    const saved = parseDocument(readFileSync(target, 'utf8'));
    expect(saved.doc.textContent).toContain('(modifié)');
  });
});
