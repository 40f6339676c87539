/**
 * The keys the page binds itself in the browser host, where no native menu does (in Electron the
 * menu's accelerators run the same commands): derived from the command registry.
 */
import { COMMANDS, keysOf, type CommandId, type CommandSpec, type KeyPlatform } from '../../shared/commands/index.js';
import { matchesAccelerator, type KeyPress } from '../../shared/commands/index.js';

/**
 * The command a key press runs in a browser page, or null. While a read-only preview is shown the
 * editor's keymap is not there, so the page also takes the keys the registry marks `preview-page`.
 */
export function pageShortcut(press: KeyPress, previewing: boolean, platform: KeyPlatform): CommandId | null {
  for (const command of COMMANDS as readonly CommandSpec[]) {
    const bound = command.keys === 'page' || (previewing && command.keys === 'preview-page');
    if (!bound) continue;
    const id = command.id as CommandId;
    if (keysOf(id, platform).some((key) => matchesAccelerator(press, key))) return id;
  }
  return null;
}
