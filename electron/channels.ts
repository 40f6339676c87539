/**
 * IPC channel names between preload and main. Kept free of runtime imports so the sandboxed
 * preload bundle stays tiny (no zod, no services).
 */
import type { HostMethod } from '../shared/ipc/index.js';

/** Every request method of PlenaryApi; the type check below fails if one is missing or extra. */
export const HOST_METHOD_NAMES = [
  'openDialog',
  'openRecent',
  'listRecent',
  'initialDocument',
  'openDropped',
  'chooseResolution',
  'chooseVersion',
  'searchLibrary',
  'readLibraryText',
  'chooseLibraryFile',
  'addToLibrary',
  'save',
  'saveAs',
  'exportDocx',
  'revealExport',
  'writeRecovery',
  'clearRecovery',
  'listRecovery',
  'getSettings',
  'setSettings',
  'setDirty',
  'saveEnded',
] as const satisfies readonly HostMethod[];

type Missing = Exclude<HostMethod, (typeof HOST_METHOD_NAMES)[number]>;
const _everyMethodHasAChannel: [Missing] extends [never] ? true : Missing = true;
void _everyMethodHasAChannel;

export function invokeChannel(method: HostMethod): string {
  return `plenary:${method}`;
}

/** Main → renderer: a native menu command. */
export const MENU_CHANNEL = 'plenary:menu-command';

/** The commands main may send (those with a place in the menu); the preload passes no other. */
export { isMenuCommand } from '../shared/commands/index.js';
