/**
 * The command registry: every command of the app declared once (commands.ts), and the reading of
 * its keys for menus, keymaps, key listeners and tooltips (accelerators.ts). Part of the renderer ↔
 * host contract (shared/ipc names the menu's commands by it) in a module of its own, with no
 * dependency: the sandboxed preload reads it, and the editing keys below it in the layers use it.
 */

// The module's API: what the rest of Plenary imports from shared/commands.
export { keyBindings, type KeyPress, matchesAccelerator, shownAccelerator } from './accelerators.js';
export {
  acceleratorOf,
  type CommandContext,
  type CommandId,
  COMMANDS,
  type CommandSpec,
  type EditorKeyCommand,
  isEnabled,
  isMenuCommand,
  isQueued,
  type KeyPlatform,
  keysOf,
  leavesPreview,
  type MenuCommand,
  type MenuName,
  TOOLBAR_GROUPS,
  TOOLBAR_SELECTS,
  type ToolbarGroup,
  type ToolbarSelect,
} from './commands.js';
