/**
 * Packaging: the electron-builder configuration, read by electron-builder's own loader and checked
 * against its own schema (as `npm run dist` would), the targets, the `.plenary` association, the
 * icon, and the Electron bundles it ships (the sandboxed preload may require nothing but electron).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../build/build-electron.mjs';
import { HOST_METHOD_NAMES } from '../../electron/channels.js';
import { fixturePath } from '../support/fixtures.js';

const ROOT = path.resolve('.');
const CONFIG_PATH = 'build/electron-builder.yml';

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_PATH, null);
});

type TargetEntry = string | { target: string; arch?: string | string[] };

function targetNames(platformConfig: { target?: unknown } | null | undefined): string[] {
  const targets = (platformConfig?.target ?? []) as TargetEntry | TargetEntry[];
  return (Array.isArray(targets) ? targets : [targets]).map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

/** Width, height, colour type and the alpha of the top-left pixel of a non-interlaced 8-bit RGBA PNG. */
function readPng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colourType: number } | null = null;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colourType: body[9]! };
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const pixels = inflateSync(Buffer.concat(data));
  // Row 0 is a filter byte then RGBA; every PNG filter predicts the very first pixel from zeros,
  // so its stored bytes are its value whatever the filter.
  return { ...header, topLeftAlpha: pixels[4]! };
}

describe('electron-builder configuration', () => {
  it('flips the Electron fuses: no run-as-Node, no NODE_OPTIONS, no inspect, asar integrity checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('is what `npm run dist` passes to electron-builder', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string>; main: string };
    expect(pkg.scripts.dist).toContain(`--config ${CONFIG_PATH}`);
    expect(pkg.main).toBe('dist/electron/main.js');
  });

  it("passes electron-builder's own schema validation, which does reject a broken copy", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // A misspelt option is refused (the schema allows no unknown keys), so this check can fail.
    const misspelt = { ...config, fileAsociations: config.fileAssociations } as unknown as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/fileAsociations/);
  });

  it('names the product and builds NSIS, dmg, AppImage and deb', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Plenary');
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('associates .plenary files with the app as their editor', () => {
    const associations = [config.fileAssociations ?? []].flat();
    expect(associations).toContainEqual(expect.objectContaining({ ext: 'plenary', role: 'Editor', name: expect.any(String) }));
  });

  it('ships the bundles and the renderer, and main is among them', () => {
    const files = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
  });

  it('has a 512×512 RGBA icon with transparent corners for every platform', async () => {
    const icons = [config.win?.icon, config.mac?.icon, config.linux?.icon];
    expect(new Set(icons)).toEqual(new Set(['build/icon.png']));
    const png = readPng(await readFile('build/icon.png'));
    expect(png).toMatchObject({ width: 512, height: 512, bitDepth: 8, colourType: 6 });
    expect(png.topLeftAlpha).toBe(0);
    expect((await stat('build/icon.svg')).isFile()).toBe(true);
  });
});

describe('Electron bundles', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'plenary-bundle-'));
    await buildElectron(out);
  });

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('bundles main as ESM importing only electron and Node built-ins, and a preload that requires only electron', async () => {
    const preload = await readFile(path.join(out, 'preload.js'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("plenary"');

    const main = await readFile(path.join(out, 'main.js'), 'utf8');
    const imported = new Set([...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]!));
    const required = new Set([...main.matchAll(/__require\("([^"]+)"\)|require\("([^"]+)"\)/g)].map((match) => match[1] ?? match[2]!));
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const specifier of [...imported, ...required]) {
      expect(specifier === 'electron' || builtins.has(specifier), specifier).toBe(true);
    }
    expect(imported).toContain('electron');
  });

  it('the bundled main.js starts under Node with a stand-in electron, opens the launch file and validates IPC', async () => {
    // Runs the real artefact (not the sources): catches what only bundling can break, such as a
    // require() in ESM, a lost JSON import or the importer's dynamic import.
    const userData = path.join(out, 'userData');
    await writeFile(
      path.join(out, 'hooks.mjs'),
      `export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(path.join(out, 'electron-stub.mjs')).href)}, shortCircuit: true };
  return next(specifier, context);
}`,
    );
    await writeFile(
      path.join(out, 'register.mjs'),
      `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(path.join(out, 'hooks.mjs')).href)});`,
    );
    await writeFile(path.join(out, 'electron-stub.mjs'), ELECTRON_STUB.replace('USER_DATA', JSON.stringify(userData)));
    const fixture = fixturePath('council-res-1332-c24.txt');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', pathToFileURL(path.join(out, 'register.mjs')).href, path.join(out, 'main.js'), fixture],
      { timeout: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report).toMatchObject({
      url: 'app://plenary/index.html',
      // One IPC handler per request method of PlenaryApi.
      handlers: HOST_METHOD_NAMES.length,
      sandbox: true,
      contextIsolation: true,
      opened: { ok: true, name: 'council-res-1332-c24.txt', imported: true },
      malformed: expect.stringMatching(/invalid request to save/),
      notGranted: 'this file was not opened by you',
    });
  });
});

/** Just enough of Electron for main.js to start; it plays the renderer once the window loads. */
const ELECTRON_STUB = `import { EventEmitter } from 'node:events';
const handlers = new Map();
export const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  requestSingleInstanceLock: () => true,
  quit() {}, exit() {}, addRecentDocument() {},
  whenReady: () => Promise.resolve(),
  getPath: (name) => (name === 'userData' ? USER_DATA : '/tmp'),
  getAppPath: () => '/opt/plenary',
});
export const protocol = { registerSchemesAsPrivileged() {}, handle() {} };
export const session = { defaultSession: {
  webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
  setPermissionRequestHandler() {}, setPermissionCheckHandler() {},
} };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu() {} };
export const dialog = { showErrorBox: (title, text) => { console.error(title, text); process.exit(3); } };
export const shell = { showItemInFolder: () => undefined };
export const ipcMain = { handle: (channel, fn) => handlers.set(channel, fn) };
export class BrowserWindow extends EventEmitter {
  static getAllWindows() { return []; }
  static getFocusedWindow() { return null; }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = Object.assign(new EventEmitter(), { send() {}, setWindowOpenHandler() {} });
  }
  setTitle() {} isDestroyed() { return false; } show() {} focus() {} isMinimized() { return false; }
  async loadURL(url) {
    const event = { sender: this.webContents, senderFrame: { url } };
    const call = (channel, ...args) => handlers.get(channel)(event, ...args);
    const opened = await call('plenary:initialDocument');
    const malformed = await Promise.resolve(call('plenary:save', 42)).then(() => 'accepted', (e) => e.message);
    const notGranted = await Promise.resolve(call('plenary:save', 'f_AAAAAAAAAAAAAAAAAAAAAA', '{}', '*')).then(() => 'accepted', (e) => e.message);
    console.log(JSON.stringify({
      url, handlers: handlers.size,
      sandbox: this.options.webPreferences.sandbox, contextIsolation: this.options.webPreferences.contextIsolation,
      opened: { ok: opened.ok, name: opened.document?.name, imported: opened.document?.imported },
      malformed, notGranted,
    }));
    process.exit(0);
  }
}
`;
