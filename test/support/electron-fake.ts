/**
 * A stand-in for the `electron` module in unit tests of electron/ (no Electron binary can run here):
 * `vi.mock('electron', async () => (await import('../support/electron-fake.js')).createElectronFake())`.
 * It records what main does (windows, menus, handlers, dialogs) and lets a test play the user and
 * the renderer. Only what electron/ uses is faked; behaviour follows Electron's documentation
 * (a prevented 'close' keeps the window, an invoke handler's throw rejects the caller).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static windows: FakeBrowserWindow[] = [];
  static focusedWindow: FakeBrowserWindow | null = null;

  readonly webContents = new FakeWebContents();
  title = '';
  url: string | null = null;
  destroyed = false;
  focusCount = 0;
  documentEdited = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.windows.push(this);
    FakeBrowserWindow.focusedWindow = this;
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows.filter((win) => !win.destroyed);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focusedWindow;
  }

  loadURL(url: string): Promise<void> {
    this.url = url;
    queueMicrotask(() => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
    return Promise.resolve();
  }

  /** Like Electron: emits 'close'; unless a listener prevents it, the window is gone ('closed'). */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (FakeBrowserWindow.focusedWindow === this) FakeBrowserWindow.focusedWindow = null;
    this.emit('closed');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  focus(): void {
    FakeBrowserWindow.focusedWindow = this;
    this.focusCount++;
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  setRepresentedFilename(): void {}
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: { url: string } | null;
}

export function createElectronFake() {
  const config = { userData: '', appPath: '/opt/plenary', lock: true, documents: '/home/user/Documents' };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => config.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'userData' ? config.userData : config.documents)),
    getAppPath: vi.fn(() => config.appPath),
    addRecentDocument: vi.fn(),
  });

  const handlers = new Map<string, (event: FakeInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: (event: FakeInvokeEvent, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
  };

  /** Plays the renderer: what `ipcRenderer.invoke` would get back (a throw becomes a rejection). */
  async function invoke(win: FakeBrowserWindow, channel: string, args: unknown[], frameUrl = 'app://plenary/index.html') {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: win.webContents, senderFrame: { url: frameUrl } }, ...args);
  }

  const menus: Array<{ template: unknown[] }> = [];
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: { template: unknown[] }) => menus.push(menu)),
  };

  const dialog = {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 2, checkboxChecked: false })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    showErrorBox: vi.fn(),
  };

  const shell = { showItemInFolder: vi.fn((_path: string) => undefined) };

  const sessionHandlers: {
    beforeRequest?: Listener;
    headersReceived?: Listener;
    permissionRequest?: Listener;
    permissionCheck?: Listener;
  } = {};
  const session = {
    defaultSession: {
      webRequest: {
        onBeforeRequest: vi.fn((listener: Listener) => (sessionHandlers.beforeRequest = listener)),
        onHeadersReceived: vi.fn((listener: Listener) => (sessionHandlers.headersReceived = listener)),
      },
      setPermissionRequestHandler: vi.fn((handler: Listener) => (sessionHandlers.permissionRequest = handler)),
      setPermissionCheckHandler: vi.fn((handler: Listener) => (sessionHandlers.permissionCheck = handler)),
    },
  };

  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response> | Response) =>
      protocolHandlers.set(scheme, handler),
    ),
  };

  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]) => undefined) });
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) };

  /**
   * Back to a fresh Electron: vi.resetModules re-runs electron/main.ts but keeps this mocked module,
   * so a test calls reset() before each launch.
   */
  function reset(): void {
    FakeBrowserWindow.windows = [];
    FakeBrowserWindow.focusedWindow = null;
    Object.assign(config, { userData: '', appPath: '/opt/plenary', lock: true });
    app.removeAllListeners();
    ipcRenderer.removeAllListeners();
    handlers.clear();
    menus.length = 0;
    protocolHandlers.clear();
    exposed.clear();
    for (const key of Object.keys(sessionHandlers)) delete sessionHandlers[key as keyof typeof sessionHandlers];
    for (const group of [
      app,
      ipcMain,
      Menu,
      dialog,
      shell,
      session.defaultSession,
      session.defaultSession.webRequest,
      protocol,
      ipcRenderer,
      contextBridge,
    ]) {
      for (const value of Object.values(group)) if (vi.isMockFunction(value)) value.mockClear();
    }
  }
  reset();

  return {
    reset,
    // The module's exports, as electron/ imports them.
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    Menu,
    dialog,
    shell,
    session,
    protocol,
    // Test handles.
    config,
    handlers,
    invoke,
    menus,
    sessionHandlers,
    protocolHandlers,
    exposed,
  };
}

export type ElectronFake = ReturnType<typeof createElectronFake>;
