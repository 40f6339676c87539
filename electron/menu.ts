/**
 * The native menu, laid out from the command registry (shared/ipc/commands.ts): each command's
 * label, accelerator and section come from there. Commands the document handles (undo, find,
 * save…) are sent to the focused window as `MenuCommand`s; the editor's own history must handle Undo/Redo, so they are commands,
 * not the native roles. Cut/Copy/Paste keep their native roles so clipboard events reach the
 * editor (pasting from Word goes through the importer there).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, acceleratorOf, type CommandSpec, type MenuCommand, type MenuName } from '../shared/commands/index.js';

export interface RecentMenuEntry {
  name: string;
  path: string;
}

export interface MenuActions {
  /** Sends a command to the focused document window (main decides which window for New/Open). */
  command(command: MenuCommand): void;
  openRecent(filePath: string): void;
  closeFocusedWindow(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: RecentMenuEntry[];
  /** Developer tools only in a development build. */
  isPackaged: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate({ platform, recent, isPackaged, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator = { type: 'separator' } as const;
  /** The registry's commands of one section of a menu, in the registry's order. */
  const section = (menu: MenuName, name: string): MenuItemConstructorOptions[] =>
    COMMANDS.filter((command: CommandSpec) => command.menu?.menu === menu && command.menu.section === name).map((command) => {
      const accelerator = acceleratorOf(command.id, mac ? 'mac' : 'other');
      return {
        label: command.label,
        ...(accelerator ? { accelerator } : {}),
        // Main closes the window itself so the Save / Don't save / Cancel prompt always runs.
        click: (command as CommandSpec).inMain ? () => actions.closeFocusedWindow() : () => actions.command(command.id as MenuCommand),
      };
    });

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((entry) => ({ label: entry.name, toolTip: entry.path, click: () => actions.openRecent(entry.path) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      ...section('file', 'new'),
      separator,
      ...section('file', 'open'),
      { label: 'Open Recent', submenu: recentItems },
      separator,
      ...section('file', 'save'),
      separator,
      ...section('file', 'close'),
      ...(mac ? [] : [separator, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      ...section('edit', 'history'),
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      separator,
      ...section('edit', 'find'),
      separator,
      ...section('edit', 'proposals'),
      separator,
      ...section('edit', 'author'),
    ],
  };

  // Word's Review tab as a menu. The browser host has no native menu: there the page binds the
  // same keys itself (renderer/controller/use-browser-shortcuts.ts).
  const review: MenuItemConstructorOptions = {
    label: '&Review',
    submenu: [
      ...section('review', 'compare'),
      separator,
      ...section('review', 'tracking'),
      separator,
      ...section('review', 'navigate'),
      separator,
      ...section('review', 'decide'),
      separator,
      ...section('review', 'views'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...section('view', 'panels'),
      separator,
      ...section('view', 'translation'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ role: 'about', label: 'About Plenary' }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Plenary',
    submenu: [
      { role: 'about', label: 'About Plenary' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return mac ? [appMenu, file, edit, view, review, { role: 'windowMenu' }, help] : [file, edit, view, review, help];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
