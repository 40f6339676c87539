/**
 * Electron main process entry. Thin: it wires Electron's events to the document windows, the menu,
 * IPC and the Node services of node/services, and applies the security settings.
 */
import { messageOf } from '../shared/errors/index.js';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { closeHostStores, openHostStores, type HostStores } from '../node/services/index.js';
import { registerIpcHandlers } from './ipc.js';
import { documentPathsFromArgv } from './launch-files.js';
import { installMenu } from './menu.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { DocumentWindows } from './windows.js';

async function refreshMenu(windows: DocumentWindows, stores: HostStores): Promise<void> {
  const recent = await stores.recent.list().catch(() => [] as string[]);
  installMenu({
    platform: process.platform,
    isPackaged: app.isPackaged,
    recent: recent.map((filePath) => ({ name: path.basename(filePath), path: filePath })),
    actions: {
      command: (command) => windows.command(command),
      openRecent: (filePath) => {
        void stores.recent.list().then((current) => {
          // The menu may be older than the list: a file deleted since is pruned, not opened.
          if (current.includes(filePath)) windows.openPath(filePath);
          else void refreshMenu(windows, stores);
        });
      },
      closeFocusedWindow: () => windows.closeFocused(),
    },
  });
}

/** Starts the app in this (first) instance; resolves with the windows once the first is open. */
export async function startPlenary(argv: readonly string[] = process.argv): Promise<DocumentWindows> {
  // Files arriving before the windows exist (macOS open-file at launch, a fast second instance).
  const pending: string[] = documentPathsFromArgv(argv, process.cwd());
  let windows: DocumentWindows | null = null;
  const open = (filePath: string) => (windows ? windows.openPath(filePath) : pending.push(filePath));

  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    open(filePath);
  });
  app.on('second-instance', (_event, secondArgv, workingDirectory) => {
    const files = documentPathsFromArgv(secondArgv, workingDirectory);
    if (files.length > 0) files.forEach(open);
    else windows?.focusAny();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();
  hardenSession(session.defaultSession);
  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  const stores = await openHostStores(app.getPath('userData'));
  const ready = new DocumentWindows({
    stores,
    preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.js'),
    platform: process.platform,
    onRecentChanged: () => void refreshMenu(ready, stores),
  });
  windows = ready;
  registerIpcHandlers(ready);
  await refreshMenu(ready, stores);

  if (pending.length > 0) pending.splice(0).forEach((filePath) => ready.openPath(filePath));
  else ready.openEmpty();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) ready.openEmpty();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    ready.quitting = true;
  });
  let storesClosed = false;
  app.on('will-quit', (event) => {
    if (storesClosed) return;
    // Removing the recovery lock marks this launch as ended cleanly; wait for it, then quit.
    event.preventDefault();
    // Snapshots of windows closed without keeping their work are deleted first, then the lock.
    void ready
      .settled()
      .then(() => closeHostStores(stores))
      .catch(() => undefined)
      .finally(() => {
        storesClosed = true;
        app.quit();
      });
  });
  return ready;
}

registerAppScheme();
export const started: Promise<DocumentWindows | null> = app.requestSingleInstanceLock()
  ? startPlenary().catch((error: unknown) => {
      // A broken installation or an unwritable user-data folder: say so once, never hang.
      dialog.showErrorBox('Plenary cannot start', messageOf(error));
      app.exit(1);
      return null;
    })
  : (app.quit(), Promise.resolve(null));
