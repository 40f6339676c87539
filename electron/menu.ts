/**
 * The native menu. Commands the document handles (undo, find, save…) are sent to the focused
 * window as `MenuCommand`s; the editor's own history must handle Undo/Redo, so they are commands,
 * not the native roles. Cut/Copy/Paste keep their native roles so clipboard events reach the
 * editor (pasting from Word goes through the importer there).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/index.js';

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
  const send = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((entry) => ({ label: entry.name, toolTip: entry.path, click: () => actions.openRecent(entry.path) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      send('New Resolution', 'new-resolution', 'CmdOrCtrl+N'),
      send('New Revision of a Resolution…', 'new-revision', 'CmdOrCtrl+Shift+N'),
      { type: 'separator' },
      send('Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      send('Save', 'save', 'CmdOrCtrl+S'),
      send('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      send('Export to Word…', 'export-docx', 'CmdOrCtrl+E'),
      { type: 'separator' },
      // Main closes the window itself so the Save / Don't save / Cancel prompt always runs.
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeFocusedWindow() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      send('Undo', 'undo', 'CmdOrCtrl+Z'),
      send('Redo', 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      { type: 'separator' },
      send('Find…', 'find', 'CmdOrCtrl+F'),
      send('Replace…', 'replace', mac ? 'Cmd+Alt+F' : 'Ctrl+H'),
      { type: 'separator' },
      send('Author Name…', 'author-name'),
    ],
  };

  // Word's Review tab as a menu. The browser host has no native menu: there the page binds the
  // same keys itself (renderer/App.tsx).
  const review: MenuItemConstructorOptions = {
    label: '&Review',
    submenu: [
      send('Compare With Another Version…', 'compare'),
      { type: 'separator' },
      send('Track Changes', 'toggle-tracking', 'CmdOrCtrl+Shift+E'),
      send('Track the Resolution Only (Contributions)', 'toggle-tracking-scope'),
      send('Changes Panel', 'toggle-changes', 'CmdOrCtrl+Shift+R'),
      { type: 'separator' },
      send('Next Change', 'next-change', 'Alt+PageDown'),
      send('Previous Change', 'previous-change', 'Alt+PageUp'),
      { type: 'separator' },
      send('Accept Change', 'accept-change', 'Alt+Shift+A'),
      send('Reject Change', 'reject-change', 'Alt+Shift+R'),
      send('Accept All Changes', 'accept-all-changes'),
      send('Reject All Changes', 'reject-all-changes'),
      { type: 'separator' },
      send('Markup (Editable)', 'view-markup'),
      send('Final (All Accepted)', 'view-final'),
      send('Original (All Rejected)', 'view-original'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      send('Outline', 'toggle-outline', 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
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
