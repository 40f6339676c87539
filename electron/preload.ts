/**
 * The sandboxed preload: exposes exactly `PlenaryApi` as `window.plenary` through contextBridge.
 * Each method forwards its arguments over `ipcRenderer.invoke`; main validates them. Nothing of
 * Electron (ipcRenderer, events) leaks into the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MenuCommand, PlenaryApi } from '../shared/ipc/index.js';
import { HOST_METHOD_NAMES, MENU_CHANNEL, invokeChannel, isMenuCommand } from './channels.js';

type Invoker = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildPlenaryApi(ipc: Invoker): PlenaryApi {
  const requests = Object.fromEntries(
    HOST_METHOD_NAMES.map((method) => [method, (...args: unknown[]) => ipc.invoke(invokeChannel(method), ...args)]),
  ) as Omit<PlenaryApi, 'onMenuCommand'>;
  return {
    ...requests,
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      const forward = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_CHANNEL, forward);
      return () => {
        ipc.removeListener(MENU_CHANNEL, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld('plenary', buildPlenaryApi(ipcRenderer));
