/**
 * Every command of the app, declared once: its id, its labels, its keys, where it sits in the
 * native menu and on the toolbar, when it is enabled, whether it waits in the file queue and
 * whether it leaves a Final/Original preview first. The Electron menu (electron/menu.ts), the
 * toolbar (renderer/panels/Toolbar.tsx), the editor's keymap (renderer/editor/create-editor.ts and
 * shared/editing's structure keys),
 * the browser host's shortcuts (renderer/controller/use-browser-shortcuts.ts) and the controller's
 * file queue are all derived from this table, as VS Code derives its menus and keybindings from
 * its actions — so they cannot disagree.
 *
 * Pure data with no runtime import: the sandboxed preload bundle reads it too (electron/channels.ts).
 */

/** A key combination in Electron's accelerator syntax: `CmdOrCtrl+Shift+E`, `Alt+PageDown`, `Tab`. */
export type Accelerator = string;

/** Platforms whose keys differ (Redo, Replace): macOS and the others. */
export type KeyPlatform = 'mac' | 'other';

export type MenuName = 'file' | 'edit' | 'view' | 'review';

/** The toolbar's groups, left to right. */
export const TOOLBAR_GROUPS = ['file', 'history', 'structure', 'review', 'tools'] as const;
export type ToolbarGroup = (typeof TOOLBAR_GROUPS)[number];

/** What the toolbar and the menus know of the window when they ask whether a command applies. */
export interface CommandContext {
  canUndo: boolean;
  canRedo: boolean;
  tracking: boolean;
  changesVisible: boolean;
  /** The outline panel is open (its toolbar button shows pressed). */
  outlineVisible: boolean;
  /** Markup (editable), or the read-only Final or Original preview. */
  reviewView: 'markup' | 'final' | 'original';
}

/**
 * The toolbar's drop-downs of commands: an action list (pick an entry, it runs, the placeholder
 * shows again) or, when its entries say which one is `selected`, a choice showing the current one.
 */
export const TOOLBAR_SELECTS = {
  export: { label: 'Export to Word', placeholder: 'Word…' },
  'review-view': {
    label: 'Review view',
    title: 'Markup: the changes shown and editable. Final: as if all accepted. Original: as if all rejected.',
  },
  table: { label: 'Table', placeholder: 'Table…' },
} as const satisfies Record<string, { label: string; placeholder?: string; title?: string }>;
export type ToolbarSelect = keyof typeof TOOLBAR_SELECTS;

export interface CommandSpec {
  id: string;
  /** The label in the native menu (Title Case, `…` when a dialog follows). */
  label: string;
  /** The shortcut shown in the menu and the tooltips, per platform when they differ. */
  accelerator?: Accelerator | Readonly<Record<KeyPlatform, Accelerator>>;
  /** Further keys for the same command, bound but not shown (Shift+Ctrl+Z for Redo everywhere). */
  alsoKeys?: readonly Accelerator[];
  /**
   * Who binds the keys in the page: `editor` — the ProseMirror keymap (so they work in the text and
   * respect the selection); `page` — the page itself in the browser host, where there is no native
   * menu (in Electron the native menu's accelerator does it); `preview-page` — bound by the editor,
   * but in a browser the page takes it while a read-only preview (no keymap) is shown; absent —
   * only the native menu binds it (Ctrl+N or Ctrl+W belong to the browser in a browser).
   */
  keys?: 'editor' | 'page' | 'preview-page';
  /** The place in the native menu: the menu and its section (separators fall between sections). */
  menu?: { menu: MenuName; section: string };
  /** The main process runs it itself (Close asks Save / Don't save / Cancel there). */
  inMain?: true;
  /**
   * On the toolbar: a button (label, tooltip; the shortcut is added to the tooltip), or an entry of
   * a drop-down (`select`: the drop-down's name, `option`: the entry's text).
   */
  toolbar?:
    | {
        group: ToolbarGroup;
        label: string | ((context: CommandContext) => string);
        title: string;
        pressed?: (context: CommandContext) => boolean;
      }
    | { group: ToolbarGroup; select: ToolbarSelect; option: string; value?: string; selected?: (context: CommandContext) => boolean };
  /** When the command applies (the toolbar greys it out otherwise); always when absent. */
  enabled?: (context: CommandContext) => boolean;
  /**
   * Opens, saves or exports: runs in the file queue, one after the other, so a Save pressed while an
   * Open is still reading saves what the Open produced.
   */
  queued?: true;
  /** Edits or moves through the markup: from a Final or Original preview, go back to Markup first. */
  leavesPreview?: true;
}

export const COMMANDS = [
  // --- File -----------------------------------------------------------------------------------
  {
    id: 'new-resolution',
    label: 'New Resolution',
    accelerator: 'CmdOrCtrl+N',
    menu: { menu: 'file', section: 'new' },
    toolbar: { group: 'file', label: 'New', title: 'New resolution' },
    queued: true,
  },
  {
    id: 'new-revision',
    label: 'New Revision of a Resolution…',
    accelerator: 'CmdOrCtrl+Shift+N',
    // The browser host binds it too (Ctrl+N stays the browser's own: a page cannot take it).
    keys: 'page',
    menu: { menu: 'file', section: 'new' },
    toolbar: { group: 'file', label: 'Revise…', title: 'New revision of a resolution: a Council contribution proposing changes to it' },
    queued: true,
  },
  {
    id: 'new-proposals',
    label: 'New Proposals to a Conference…',
    menu: { menu: 'file', section: 'new' },
    toolbar: {
      group: 'file',
      label: 'Proposals…',
      title: 'New proposals to a conference: MOD, ADD, SUP and NOC proposals on texts in force',
    },
    queued: true,
  },
  {
    id: 'add-to-library',
    label: 'Add to Library…',
    menu: { menu: 'file', section: 'new' },
    // Adding the open document adds it as it reads with its changes, never a preview of them.
    leavesPreview: true,
    toolbar: {
      group: 'file',
      label: 'Library…',
      title: 'Add a text in force to the library (a .txt, .docx or .plenary file, or this document), for proposals to name',
    },
  },
  {
    id: 'open',
    label: 'Open…',
    accelerator: 'CmdOrCtrl+O',
    keys: 'page',
    menu: { menu: 'file', section: 'open' },
    toolbar: { group: 'file', label: 'Open…', title: 'Open' },
    queued: true,
  },
  {
    id: 'save',
    label: 'Save',
    accelerator: 'CmdOrCtrl+S',
    keys: 'page',
    menu: { menu: 'file', section: 'save' },
    toolbar: { group: 'file', label: 'Save', title: 'Save' },
    queued: true,
  },
  {
    id: 'save-as',
    label: 'Save As…',
    accelerator: 'CmdOrCtrl+Shift+S',
    keys: 'page',
    menu: { menu: 'file', section: 'save' },
    toolbar: { group: 'file', label: 'Save as…', title: 'Save as' },
    queued: true,
  },
  {
    id: 'export-docx',
    label: 'Export to Word…',
    accelerator: 'CmdOrCtrl+E',
    menu: { menu: 'file', section: 'save' },
    toolbar: { group: 'file', select: 'export', option: 'with revision marks' },
    queued: true,
  },
  {
    id: 'export-docx-final',
    label: 'Export to Word, Changes Accepted…',
    toolbar: { group: 'file', select: 'export', option: 'changes accepted (final)' },
    queued: true,
  },
  {
    id: 'export-docx-original',
    label: 'Export to Word, Changes Rejected…',
    toolbar: { group: 'file', select: 'export', option: 'changes rejected (original)' },
    queued: true,
  },
  { id: 'close', label: 'Close', accelerator: 'CmdOrCtrl+W', menu: { menu: 'file', section: 'close' }, inMain: true },

  // --- Edit -----------------------------------------------------------------------------------
  {
    id: 'undo',
    label: 'Undo',
    accelerator: 'CmdOrCtrl+Z',
    keys: 'editor',
    menu: { menu: 'edit', section: 'history' },
    toolbar: { group: 'history', label: '↶', title: 'Undo' },
    enabled: (context) => context.canUndo,
    leavesPreview: true,
  },
  {
    id: 'redo',
    label: 'Redo',
    accelerator: { mac: 'Shift+CmdOrCtrl+Z', other: 'Ctrl+Y' },
    alsoKeys: ['CmdOrCtrl+Y', 'Shift+CmdOrCtrl+Z'],
    keys: 'editor',
    menu: { menu: 'edit', section: 'history' },
    toolbar: { group: 'history', label: '↷', title: 'Redo' },
    enabled: (context) => context.canRedo,
    leavesPreview: true,
  },
  {
    id: 'find',
    label: 'Find…',
    accelerator: 'CmdOrCtrl+F',
    keys: 'page',
    menu: { menu: 'edit', section: 'find' },
    toolbar: { group: 'tools', label: 'Find…', title: 'Find and replace' },
    leavesPreview: true,
  },
  {
    id: 'replace',
    label: 'Replace…',
    // Ctrl+H on a Mac too, as in Word for Mac: Cmd+Alt+F is the footnote key there.
    accelerator: 'Ctrl+H',
    keys: 'page',
    menu: { menu: 'edit', section: 'find' },
    leavesPreview: true,
  },
  { id: 'author-name', label: 'Author Name…', menu: { menu: 'edit', section: 'author' } },
  // A proposals document's own command; the Proposals panel offers it too.
  { id: 'add-proposal', label: 'Add Proposal…', menu: { menu: 'edit', section: 'proposals' }, leavesPreview: true },
  // Character formatting: keys only (the Council format has no other character styles).
  { id: 'bold', label: 'Bold', accelerator: 'CmdOrCtrl+B', keys: 'editor' },
  { id: 'italic', label: 'Italic', accelerator: 'CmdOrCtrl+I', keys: 'editor' },

  // --- Structure (the toolbar and the editor's keys; no menu yet) --------------------------------
  {
    id: 'insert-item',
    label: 'New Item',
    toolbar: { group: 'structure', label: '+ Item', title: 'New item after this one (Enter at the end of an item)' },
    leavesPreview: true,
  },
  {
    id: 'promote',
    label: 'Promote',
    accelerator: 'Shift+Tab',
    keys: 'editor',
    toolbar: { group: 'structure', label: '⇤', title: 'Promote' },
    leavesPreview: true,
  },
  {
    id: 'demote',
    label: 'Demote',
    accelerator: 'Tab',
    keys: 'editor',
    toolbar: { group: 'structure', label: '⇥', title: 'Demote to a sub-item' },
    leavesPreview: true,
  },
  {
    id: 'move-up',
    label: 'Move Item Up',
    accelerator: 'Alt+Up',
    keys: 'editor',
    toolbar: { group: 'structure', label: '↑', title: 'Move item up' },
    leavesPreview: true,
  },
  {
    id: 'move-down',
    label: 'Move Item Down',
    accelerator: 'Alt+Down',
    keys: 'editor',
    toolbar: { group: 'structure', label: '↓', title: 'Move item down' },
    leavesPreview: true,
  },
  {
    id: 'insert-footnote',
    label: 'Footnote',
    accelerator: 'CmdOrCtrl+Alt+F',
    keys: 'editor',
    toolbar: { group: 'structure', label: '+ Note', title: 'Insert a footnote' },
    leavesPreview: true,
  },
  { id: 'insert-annex', label: 'Annex', toolbar: { group: 'structure', label: '+ Annex', title: 'Insert an annex' }, leavesPreview: true },
  // Tables (budgets, timetables, lists of Member States): shared/editing/table.ts.
  {
    id: 'insert-table',
    label: 'Insert Table',
    toolbar: { group: 'structure', select: 'table', option: 'Insert table' },
    leavesPreview: true,
  },
  {
    id: 'table-row-above',
    label: 'Insert Row Above',
    toolbar: { group: 'structure', select: 'table', option: 'Row above' },
    leavesPreview: true,
  },
  {
    id: 'table-row-below',
    label: 'Insert Row Below',
    toolbar: { group: 'structure', select: 'table', option: 'Row below' },
    leavesPreview: true,
  },
  {
    id: 'table-delete-row',
    label: 'Delete Row',
    toolbar: { group: 'structure', select: 'table', option: 'Delete row' },
    leavesPreview: true,
  },
  {
    id: 'table-column-before',
    label: 'Insert Column Before',
    toolbar: { group: 'structure', select: 'table', option: 'Column before' },
    leavesPreview: true,
  },
  {
    id: 'table-column-after',
    label: 'Insert Column After',
    toolbar: { group: 'structure', select: 'table', option: 'Column after' },
    leavesPreview: true,
  },
  {
    id: 'table-delete-column',
    label: 'Delete Column',
    toolbar: { group: 'structure', select: 'table', option: 'Delete column' },
    leavesPreview: true,
  },

  // --- Review (Word's Review tab) -----------------------------------------------------------------
  {
    id: 'toggle-tracking',
    label: 'Track Changes',
    accelerator: 'CmdOrCtrl+Shift+E',
    keys: 'preview-page',
    menu: { menu: 'review', section: 'tracking' },
    toolbar: {
      group: 'review',
      label: (context) => (context.tracking ? 'Tracking on' : 'Tracking off'),
      title: 'Track changes',
      pressed: (context) => context.tracking,
    },
    leavesPreview: true,
  },
  {
    id: 'toggle-tracking-scope',
    label: 'Track the Resolution Only (Contributions)',
    menu: { menu: 'review', section: 'tracking' },
    leavesPreview: true,
  },
  {
    id: 'toggle-changes',
    label: 'Changes Panel',
    accelerator: 'CmdOrCtrl+Shift+R',
    keys: 'page',
    menu: { menu: 'review', section: 'tracking' },
    toolbar: { group: 'review', label: 'Changes', title: 'Show or hide the changes panel', pressed: (context) => context.changesVisible },
  },
  {
    id: 'compare',
    label: 'Compare With Another Version…',
    menu: { menu: 'review', section: 'compare' },
    toolbar: { group: 'review', label: 'Compare…', title: 'Compare with another version: the differences become tracked changes' },
    queued: true,
  },
  {
    id: 'previous-change',
    label: 'Previous Change',
    accelerator: 'Alt+PageUp',
    keys: 'page',
    menu: { menu: 'review', section: 'navigate' },
    toolbar: { group: 'review', label: '◂', title: 'Previous change' },
    leavesPreview: true,
  },
  {
    id: 'next-change',
    label: 'Next Change',
    accelerator: 'Alt+PageDown',
    keys: 'page',
    menu: { menu: 'review', section: 'navigate' },
    toolbar: { group: 'review', label: '▸', title: 'Next change' },
    leavesPreview: true,
  },
  {
    id: 'accept-change',
    label: 'Accept Change',
    accelerator: 'Alt+Shift+A',
    keys: 'page',
    menu: { menu: 'review', section: 'decide' },
    toolbar: { group: 'review', label: '✓', title: 'Accept the change at the cursor, or the changes in the selection' },
    leavesPreview: true,
  },
  {
    id: 'reject-change',
    label: 'Reject Change',
    accelerator: 'Alt+Shift+R',
    keys: 'page',
    menu: { menu: 'review', section: 'decide' },
    toolbar: { group: 'review', label: '✗', title: 'Reject the change at the cursor, or the changes in the selection' },
    leavesPreview: true,
  },
  { id: 'accept-all-changes', label: 'Accept All Changes', menu: { menu: 'review', section: 'decide' }, leavesPreview: true },
  { id: 'reject-all-changes', label: 'Reject All Changes', menu: { menu: 'review', section: 'decide' }, leavesPreview: true },
  {
    id: 'view-markup',
    label: 'Markup (Editable)',
    menu: { menu: 'review', section: 'views' },
    toolbar: {
      group: 'review',
      select: 'review-view',
      option: 'Markup',
      value: 'markup',
      selected: (context) => context.reviewView === 'markup',
    },
  },
  {
    id: 'view-final',
    label: 'Final (All Accepted)',
    menu: { menu: 'review', section: 'views' },
    toolbar: {
      group: 'review',
      select: 'review-view',
      option: 'Final',
      value: 'final',
      selected: (context) => context.reviewView === 'final',
    },
  },
  {
    id: 'view-original',
    label: 'Original (All Rejected)',
    menu: { menu: 'review', section: 'views' },
    toolbar: {
      group: 'review',
      select: 'review-view',
      option: 'Original',
      value: 'original',
      selected: (context) => context.reviewView === 'original',
    },
  },

  // --- View and tools -----------------------------------------------------------------------------
  {
    id: 'toggle-outline',
    label: 'Outline',
    accelerator: 'CmdOrCtrl+Shift+L',
    menu: { menu: 'view', section: 'panels' },
    toolbar: { group: 'tools', label: 'Outline', title: 'Show or hide the outline', pressed: (context) => context.outlineVisible },
  },
  {
    id: 'language-versions',
    label: 'Language Versions…',
    menu: { menu: 'view', section: 'translation' },
    toolbar: {
      group: 'tools',
      label: 'Languages…',
      title:
        'Language versions: the source beside this text, item by item; a source not yet carried over brings its changes in, to translate',
    },
    queued: true,
  },
  {
    id: 'next-to-translate',
    label: 'Next Item to Translate',
    accelerator: 'Alt+Shift+T',
    keys: 'page',
    menu: { menu: 'view', section: 'translation' },
    leavesPreview: true,
  },
  {
    id: 'mark-translated',
    label: 'Mark Translated',
    accelerator: 'Alt+Shift+D',
    keys: 'page',
    menu: { menu: 'view', section: 'translation' },
    leavesPreview: true,
  },
  {
    id: 'mark-checked',
    label: 'Mark Checked',
    menu: { menu: 'view', section: 'translation' },
    leavesPreview: true,
  },
  {
    id: 'check',
    label: 'Check Style',
    toolbar: { group: 'tools', label: 'Check', title: 'Style checks: punctuation, empty items, dangling references, keywords' },
  },
] as const satisfies readonly CommandSpec[];

type Declared = (typeof COMMANDS)[number];

/** Every command of the app. */
export type CommandId = Declared['id'];
/** The commands the native menu sends to the page (and the main process accepts from it). */
export type MenuCommand = Extract<Declared, { menu: object }>['id'];
/** The commands the editor's keymap binds; the editor supplies one ProseMirror command for each. */
export type EditorKeyCommand = Extract<Declared, { keys: 'editor' | 'preview-page' }>['id'];

const BY_ID: ReadonlyMap<string, CommandSpec> = new Map(COMMANDS.map((command) => [command.id, command]));

function commandSpec(id: CommandId): CommandSpec {
  return BY_ID.get(id)!;
}

export const MENU_COMMAND_IDS: readonly MenuCommand[] = COMMANDS.filter((command: CommandSpec) => command.menu).map(
  (command) => command.id as MenuCommand,
);

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMAND_IDS as readonly string[]).includes(value);
}

export const EDITOR_KEY_COMMANDS: readonly EditorKeyCommand[] = COMMANDS.filter(
  (command: CommandSpec) => command.keys === 'editor' || command.keys === 'preview-page',
).map((command) => command.id as EditorKeyCommand);

/** Whether the command waits in the file queue. */
export function isQueued(id: CommandId): boolean {
  return commandSpec(id).queued === true;
}

/** Whether the command leaves a Final/Original preview for the Markup first. */
export function leavesPreview(id: CommandId): boolean {
  return commandSpec(id).leavesPreview === true;
}

export function isEnabled(id: CommandId, context: CommandContext): boolean {
  return commandSpec(id).enabled?.(context) ?? true;
}

/** The accelerator shown for a command on a platform (menu, tooltips), if it has one. */
export function acceleratorOf(id: CommandId, platform: KeyPlatform): Accelerator | undefined {
  const accelerator = commandSpec(id).accelerator;
  return typeof accelerator === 'string' || accelerator === undefined ? accelerator : accelerator[platform];
}

/** Every key bound to a command on a platform: the accelerator shown, then the others. */
export function keysOf(id: CommandId, platform: KeyPlatform): Accelerator[] {
  const shown = acceleratorOf(id, platform);
  const keys = [...(shown ? [shown] : []), ...(commandSpec(id).alsoKeys ?? [])];
  return [...new Set(keys)];
}
