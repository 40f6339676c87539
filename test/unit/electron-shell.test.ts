/**
 * The pieces of the Electron shell that need no running app: the menu template (native roles,
 * recent files, the macOS app menu), the security handlers (requests, CSP, permissions, navigation, new
 * windows), the app:// protocol that serves the renderer, and the preload's exposed API.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/commands/index.js';
import type { PlenaryApi } from '../../shared/ipc/index.js';
import { HOST_METHODS } from '../../shared/ipc/validate.js';
import type { ElectronFake } from '../support/electron-fake.js';

vi.mock('electron', async () => (await import('../support/electron-fake.js')).createElectronFake());

const { buildMenuTemplate } = await import('../../electron/menu.js');
const security = await import('../../electron/security.js');
const { appResponse, resolveAppPath } = await import('../../electron/protocol.js');
const { documentPathsFromArgv } = await import('../../electron/launch-files.js');

function menuFor(platform: NodeJS.Platform) {
  const actions = { command: vi.fn<(c: MenuCommand) => void>(), openRecent: vi.fn<(p: string) => void>(), closeFocusedWindow: vi.fn() };
  const template = buildMenuTemplate({
    platform,
    isPackaged: true,
    recent: [{ name: 'res-1332.plenary', path: '/docs/res-1332.plenary' }],
    actions,
  });
  const menu = (label: string) => {
    const found = template.find((entry) => entry.label === label || entry.role === label);
    if (!found) throw new Error(`no menu ${label}`);
    return found.submenu as MenuItemConstructorOptions[];
  };
  const item = (menuLabel: string, label: string) => {
    const found = menu(menuLabel).find((entry) => entry.label === label);
    if (!found) throw new Error(`no item ${label} in ${menuLabel}`);
    return found;
  };
  const click = (entry: MenuItemConstructorOptions) => (entry.click as () => void)();
  return { template, actions, menu, item, click };
}

describe('menu template', () => {
  // Which commands the menus hold, with which labels and keys, and that each item sends its
  // command: test/unit/commands.test.ts, derived from the command registry. Here: the rest.
  it('keeps native clipboard roles, closes through main, lists recent files, and has the usual menus', () => {
    const { template, actions, menu, item, click } = menuFor('linux');
    expect(template.map((entry) => entry.label)).toEqual(['&File', '&Edit', '&View', '&Review', '&Help']);
    expect(
      menu('&Edit')
        .map((entry) => entry.role)
        .filter(Boolean),
    ).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(item('&File', 'Close').accelerator).toBe('CmdOrCtrl+W');
    click(item('&File', 'Close'));
    expect(actions.closeFocusedWindow).toHaveBeenCalledOnce();
    expect(actions.command).not.toHaveBeenCalled();
    const recent = item('&File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((entry) => entry.label)).toEqual(['res-1332.plenary']);
    click(recent[0]!);
    expect(actions.openRecent).toHaveBeenCalledWith('/docs/res-1332.plenary');
    expect(menu('&File').some((entry) => entry.role === 'quit')).toBe(true);
    expect(menu('&View').some((entry) => entry.role === 'toggleDevTools')).toBe(false);
    expect(menu('&Help').map((entry) => entry.label)).toEqual(['About Plenary']);
  });

  it('on macOS: the app menu holds Quit, and a Window menu exists', () => {
    const { template, menu } = menuFor('darwin');
    expect(template[0]?.label).toBe('Plenary');
    expect(menu('Plenary').some((entry) => entry.role === 'quit')).toBe(true);
    expect(menu('&File').some((entry) => entry.role === 'quit')).toBe(false);
    expect(template.some((entry) => entry.role === 'windowMenu')).toBe(true);
  });
});

describe('security handlers', () => {
  function hardenedSession() {
    const fake = createSessionFake();
    security.hardenSession(fake.session as unknown as Session);
    return fake;
  }

  it('blocks every request that is not local to the app', () => {
    const { beforeRequest } = hardenedSession();
    const blocked = [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'http://localhost/',
      'ws://127.0.0.1/',
      'wss://example.com/socket',
      'ftp://example.com/x',
      'file:///etc/passwd',
      'app://evil/index.html',
      'not a url',
    ];
    for (const url of blocked) expect(beforeRequest(url), url).toEqual({ cancel: true });
    for (const url of [
      'app://plenary/index.html',
      'app://plenary/assets/index-abc.js',
      'data:image/png;base64,AA==',
      'devtools://devtools/x',
    ]) {
      expect(beforeRequest(url), url).toEqual({ cancel: false });
    }
  });

  it('blocks arbitrary http(s) URLs (property)', () => {
    const { beforeRequest } = hardenedSession();
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(beforeRequest(url)).toEqual({ cancel: true });
      }),
    );
  });

  it('adds a strict CSP to every response: no remote code, no eval', () => {
    const { headersReceived } = hardenedSession();
    const headers = headersReceived({ 'Content-Type': ['text/html'] });
    expect(headers['Content-Type']).toEqual(['text/html']);
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // The paste worker is one of the app's own scripts; nothing else may run as a worker.
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('denies every permission request and check', () => {
    const { session } = hardenedSession();
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequest?.({}, permission, callback, {});
      expect(session.permissionCheck?.({}, permission, 'app://plenary', {})).toBe(false);
    }
    expect(callback.mock.calls).toEqual(Array(5).fill([false]));
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: null as null | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        this.openHandler = handler;
      },
    });
    security.hardenWebContents(contents as unknown as WebContents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://example.com/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://plenary/index.html' })).toEqual({ action: 'deny' });
  });

  it('answers IPC only for frames of our page', () => {
    expect(security.isTrustedFrame({ url: 'app://plenary/index.html' })).toBe(true);
    expect(security.isTrustedFrame({ url: 'app://plenary.evil/index.html' })).toBe(false);
    expect(security.isTrustedFrame({ url: 'https://example.com/' })).toBe(false);
    expect(security.isTrustedFrame(null)).toBe(false);
  });
});

describe('app:// protocol', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'plenary-renderer-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Plenary</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(path.dirname(root), 'plenary-secret.txt'), 'secret');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(path.dirname(root), 'plenary-secret.txt'), { force: true });
  });

  it('serves the renderer with its type and the CSP header', async () => {
    const page = await appResponse('app://plenary/', root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(security.CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Plenary</title>');
    const script = await appResponse('app://plenary/assets/app.js', root);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://plenary/../plenary-secret.txt',
      'app://plenary/%2e%2e/plenary-secret.txt',
      'app://plenary/assets/..%2f..%2fplenary-secret.txt',
      'app://plenary/%2F..%2F..%2Fplenary-secret.txt',
      'app://other/index.html',
      'app://plenary/missing.js',
      'app://plenary/%E0%A4%A',
    ]) {
      expect((await appResponse(url, root)).status, url).toBe(404);
    }
    expect(resolveAppPath('app://plenary/assets/app.js', root)).toBe(path.join(root, 'assets', 'app.js'));
  });
});

describe('documents named on a command line', () => {
  it('takes document arguments, resolved against the launching folder, and skips flags and the app folder', () => {
    expect(documentPathsFromArgv(['/usr/bin/electron', '.', 'res.plenary'], '/home/d')).toEqual(['/home/d/res.plenary']);
    expect(
      documentPathsFromArgv(
        ['/opt/Plenary/plenary', '--allow-file-access-from-files', '--x=1.txt', '/tmp/A.PLENARY', 'notes.md', 'c.docx', 'b.txt'],
        '/w',
      ),
    ).toEqual(['/tmp/A.PLENARY', '/w/c.docx', '/w/b.txt']);
    expect(documentPathsFromArgv(['/opt/Plenary/plenary'], '/w')).toEqual([]);
  });
});

describe('preload', () => {
  it('exposes exactly PlenaryApi as window.plenary, forwarding calls over invoke', async () => {
    vi.resetModules();
    const fake = (await import('electron')) as unknown as ElectronFake;
    fake.reset();
    await import('../../electron/preload.js');
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const api = fake.exposed.get('plenary') as PlenaryApi;
    expect(Object.keys(api).sort()).toEqual([...HOST_METHODS, 'onMenuCommand'].sort());
    await api.save('f_AAAAAAAAAAAAAAAAAAAAAA', '{}', 'r1');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('plenary:save', 'f_AAAAAAAAAAAAAAAAAAAAAA', '{}', 'r1');

    const commands: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((command) => commands.push(command));
    fake.ipcRenderer.emit('plenary:menu-command', { sender: 'event' }, 'undo');
    fake.ipcRenderer.emit('plenary:menu-command', { sender: 'event' }, 'rm -rf');
    unsubscribe();
    fake.ipcRenderer.emit('plenary:menu-command', { sender: 'event' }, 'redo');
    expect(commands).toEqual(['undo']);
  });
});

/** A Session with just what hardenSession touches; each handler is exposed to the test. */
function createSessionFake() {
  const handlers: {
    beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
    headersReceived?: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    permissionRequest?: (...args: unknown[]) => void;
    permissionCheck?: (...args: unknown[]) => boolean;
  } = {};
  const session = {
    webRequest: {
      onBeforeRequest: (listener: typeof handlers.beforeRequest) => (handlers.beforeRequest = listener),
      onHeadersReceived: (listener: typeof handlers.headersReceived) => (handlers.headersReceived = listener),
    },
    setPermissionRequestHandler: (handler: typeof handlers.permissionRequest) => (handlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof handlers.permissionCheck) => (handlers.permissionCheck = handler),
    get permissionRequest() {
      return handlers.permissionRequest;
    },
    get permissionCheck() {
      return handlers.permissionCheck;
    },
  };
  return {
    session,
    beforeRequest(url: string) {
      let response: { cancel: boolean } | undefined;
      handlers.beforeRequest?.({ url }, (answer) => (response = answer));
      return response;
    },
    headersReceived(responseHeaders: Record<string, string[]>) {
      let response: { responseHeaders?: Record<string, string[]> } = {};
      handlers.headersReceived?.({ responseHeaders }, (answer) => (response = answer));
      return response.responseHeaders ?? {};
    },
  };
}
