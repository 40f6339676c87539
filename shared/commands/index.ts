/**
 * The command registry: every command of the app declared once (commands.ts), and the reading of
 * its keys for menus, keymaps, key listeners and tooltips (accelerators.ts). Part of the renderer ↔
 * host contract (shared/ipc names the menu's commands by it) in a module of its own, with no
 * dependency: the sandboxed preload reads it, and the editing keys below it in the layers use it.
 */

// The module's API: what the rest of Plenary imports from shared/commands.
export {
  COMMANDS,
  EDITOR_KEY_COMMANDS,
  MENU_COMMAND_IDS,
  TOOLBAR_GROUPS,
  TOOLBAR_SELECTS,
  acceleratorOf,
  commandSpec,
  isCommandId,
  isEnabled,
  isMenuCommand,
  isQueued,
  keysOf,
  leavesPreview,
  type Accelerator,
  type CommandContext,
  type CommandId,
  type CommandSpec,
  type EditorKeyCommand,
  type KeyPlatform,
  type MenuCommand,
  type MenuName,
  type ToolbarGroup,
  type ToolbarSelect,
} from './commands.js';
export { AcceleratorError, keyBindings, matchesAccelerator, parseAccelerator, proseMirrorKey, shownAccelerator, type KeyPress } from './accelerators.js';
