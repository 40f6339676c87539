/**
 * IPC from the renderer: one `ipcMain.handle` channel per PlenaryApi method. Every call is checked
 * (a frame of our own page, a known window, arguments that match the method's schema) before it
 * reaches the services; a refused call rejects the renderer's promise with a one-line error and the
 * main process carries on.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callHostApi } from '../node/services/index.js';
import { HOST_METHOD_NAMES, invokeChannel } from './channels.js';
import { isTrustedFrame } from './security.js';
import type { DocumentWindows } from './windows.js';

export function registerIpcHandlers(windows: DocumentWindows): void {
  for (const method of HOST_METHOD_NAMES) {
    ipcMain.handle(invokeChannel(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedFrame(event.senderFrame)) throw new Error(`${method} refused: the request does not come from Plenary's page`);
      const target = windows.fromContents(event.sender);
      if (!target) throw new Error(`${method} refused: the request does not come from a document window`);
      return callHostApi(target.api, method, args);
    });
  }
}
