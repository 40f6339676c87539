/**
 * IPC channel names between preload and main. Kept free of runtime imports so the sandboxed
 * preload bundle stays tiny (no zod, no services).
 */
import type { MenuCommand } from '../shared/ipc/index.js';
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
] as const satisfies readonly HostMethod[];

type Missing = Exclude<HostMethod, (typeof HOST_METHOD_NAMES)[number]>;
const _everyMethodHasAChannel: [Missing] extends [never] ? true : Missing = true;
void _everyMethodHasAChannel;

export function invokeChannel(method: HostMethod): string {
  return `plenary:${method}`;
}

/** Main → renderer: a native menu command. */
export const MENU_CHANNEL = 'plenary:menu-command';

export const MENU_COMMANDS = [
  'new-resolution',
  'new-revision',
  'compare',
  'open',
  'save',
  'save-as',
  'export-docx',
  'close',
  'undo',
  'redo',
  'find',
  'replace',
  'toggle-tracking',
  'toggle-tracking-scope',
  'toggle-outline',
  'toggle-changes',
  'author-name',
  'next-change',
  'previous-change',
  'accept-change',
  'reject-change',
  'accept-all-changes',
  'reject-all-changes',
  'view-markup',
  'view-final',
  'view-original',
] as const satisfies readonly MenuCommand[];

type UnsentCommand = Exclude<MenuCommand, (typeof MENU_COMMANDS)[number]>;
const _everyCommandIsAccepted: [UnsentCommand] extends [never] ? true : UnsentCommand = true;
void _everyCommandIsAccepted;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
