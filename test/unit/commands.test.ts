// @vitest-environment happy-dom
/**
 * The command registry (shared/ipc/commands.ts) drives the native menu, the toolbar, the editor's
 * keymap and the browser host's shortcuts. Each of the four is derived here from the registry and
 * checked for completeness (no command with a place is missing from it, nothing is there that the
 * registry does not declare), then driven: every menu item, toolbar button and key really runs its
 * command. The shortcuts users know (the platform's, and those the README documents) are written
 * out independently of the registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TextSelection, type EditorState, type Plugin } from 'prosemirror-state';
import { redoDepth, undoDepth } from 'prosemirror-history';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  COMMANDS,
  acceleratorOf,
  keysOf,
  type CommandId,
  type CommandSpec,
  type EditorKeyCommand,
  type KeyPlatform,
  type MenuCommand,
} from '../../shared/commands/index.js';
import { EDITOR_KEY_COMMANDS, MENU_COMMAND_IDS } from '../../shared/commands/commands.js';
import type { KeyPress } from '../../shared/commands/index.js';
import { parseAccelerator, proseMirrorKey } from '../../shared/commands/accelerators.js';
import { trackingState } from '../../shared/tracking/index.js';
import { importText } from '../../shared/import/index.js';
import { createEditorState, plenaryDispatch } from '../../renderer/editor/create-editor.js';
import { pageShortcut } from '../../renderer/controller/shortcuts.js';
import { Toolbar, type ToolbarProps } from '../../renderer/panels/Toolbar.js';
import { itemTexts } from '../support/tracking.js';

vi.mock('electron', async () => (await import('../support/electron-fake.js')).createElectronFake());
const { buildMenuTemplate } = await import('../../electron/menu.js');

const declared = COMMANDS as readonly CommandSpec[];
const ids = (filter: (command: CommandSpec) => boolean) =>
  declared
    .filter(filter)
    .map((command) => command.id)
    .sort();

describe('the registry', () => {
  it('declares each command once, and gives each a place: a menu, the toolbar or a key', () => {
    expect(new Set(declared.map((command) => command.id)).size).toBe(declared.length);
    expect(ids((command) => !command.menu && !command.toolbar && !command.keys)).toEqual([]);
  });

  it('puts the commands that open, save or export in the file queue, the Word exports included', () => {
    expect(ids((command) => command.queued === true)).toEqual(
      [
        'compare',
        'export-docx',
        'export-docx-final',
        'export-docx-original',
        'language-versions',
        'new-proposals',
        'new-resolution',
        'new-revision',
        'open',
        'save',
        'save-as',
      ].sort(),
    );
  });

  it.each(['mac', 'other'] as const)('binds no key to two commands (%s)', (platform) => {
    const owner = new Map<string, string>();
    for (const command of declared) {
      for (const key of keysOf(command.id as CommandId, platform)) {
        const name = proseMirrorKey(key, platform);
        expect(owner.get(name) ?? command.id, `${key} of ${command.id}`).toBe(command.id);
        owner.set(name, command.id);
      }
    }
    expect(owner.size).toBeGreaterThan(15);
  });
});

function menuOf(platform: NodeJS.Platform) {
  const actions = { command: vi.fn<(c: MenuCommand) => void>(), openRecent: vi.fn<(p: string) => void>(), closeFocusedWindow: vi.fn() };
  const template = buildMenuTemplate({ platform, isPackaged: true, recent: [], actions });
  /** Every item of every menu that is not a role or a separator: the commands. */
  const items: Array<{ menu: string; item: MenuItemConstructorOptions }> = [];
  const walk = (menu: string, entries: MenuItemConstructorOptions[]) => {
    for (const item of entries) {
      if (Array.isArray(item.submenu)) walk(item.label ?? '', item.submenu);
      else if (item.click && item.label) items.push({ menu, item });
    }
  };
  walk('', template);
  return { actions, items, byLabel: (label: string) => items.find(({ item }) => item.label === label)?.item };
}

describe('the native menu', () => {
  it.each([
    ['linux', 'other'],
    ['darwin', 'mac'],
  ] as const)('on %s holds every menu command of the registry, once, and each item sends its command', (platform, keys) => {
    const { actions, items } = menuOf(platform);
    const sent: string[] = [];
    for (const { item } of items) {
      actions.command.mockClear();
      actions.closeFocusedWindow.mockClear();
      (item.click as () => void)();
      const command = declared.find((c) => c.label === item.label)!;
      expect(command, item.label).toBeDefined();
      expect(item.accelerator, item.label).toBe(acceleratorOf(command.id as CommandId, keys));
      if (command.inMain) {
        expect(actions.closeFocusedWindow).toHaveBeenCalledOnce();
        expect(actions.command).not.toHaveBeenCalled();
      } else expect(actions.command).toHaveBeenCalledExactlyOnceWith(command.id);
      sent.push(command.id);
    }
    expect(sent.sort()).toEqual([...MENU_COMMAND_IDS].sort());
  });

  // What users expect of any editor on their platform, and the keys the README documents.
  const EXPECTED: Array<[menu: string, label: string, linux: string | undefined, mac: string | undefined]> = [
    ['&File', 'New Resolution', 'CmdOrCtrl+N', 'CmdOrCtrl+N'],
    ['&File', 'Open…', 'CmdOrCtrl+O', 'CmdOrCtrl+O'],
    ['&File', 'Save', 'CmdOrCtrl+S', 'CmdOrCtrl+S'],
    ['&File', 'Save As…', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+Shift+S'],
    ['&File', 'Close', 'CmdOrCtrl+W', 'CmdOrCtrl+W'],
    ['&Edit', 'Undo', 'CmdOrCtrl+Z', 'CmdOrCtrl+Z'],
    ['&Edit', 'Redo', 'Ctrl+Y', 'Shift+CmdOrCtrl+Z'],
    ['&Edit', 'Find…', 'CmdOrCtrl+F', 'CmdOrCtrl+F'],
    ['&Edit', 'Replace…', 'Ctrl+H', 'Ctrl+H'],
    ['&Edit', 'Author Name…', undefined, undefined],
    ['&Review', 'Track Changes', 'CmdOrCtrl+Shift+E', 'CmdOrCtrl+Shift+E'],
    ['&Review', 'Changes Panel', 'CmdOrCtrl+Shift+R', 'CmdOrCtrl+Shift+R'],
    ['&Review', 'Next Change', 'Alt+PageDown', 'Alt+PageDown'],
    ['&Review', 'Previous Change', 'Alt+PageUp', 'Alt+PageUp'],
    ['&Review', 'Accept Change', 'Alt+Shift+A', 'Alt+Shift+A'],
    ['&Review', 'Reject Change', 'Alt+Shift+R', 'Alt+Shift+R'],
    ['&Review', 'Accept All Changes', undefined, undefined],
    ['&Review', 'Final (All Accepted)', undefined, undefined],
  ];

  it.each(['linux', 'darwin'] as const)('on %s: the shortcuts users know, in the menus they expect', (platform) => {
    const { items } = menuOf(platform);
    for (const [menu, label, linux, mac] of EXPECTED) {
      const found = items.find((entry) => entry.item.label === label);
      expect(found?.menu, label).toBe(menu);
      expect(found?.item.accelerator, label).toBe(platform === 'darwin' ? mac : linux);
    }
  });
});

describe('the toolbar', () => {
  let container: HTMLDivElement;
  const onCommand = vi.fn<(command: CommandId) => void>();

  async function render(context: Partial<ToolbarProps['context']> = {}) {
    const props: ToolbarProps = {
      context: {
        canUndo: true,
        canRedo: true,
        tracking: false,
        changesVisible: false,
        outlineVisible: true,
        reviewView: 'markup',
        ...context,
      },
      language: 'fr',
      onCommand,
      onInsertSection: vi.fn(),
      referenceTargets: () => [],
      onInsertReference: vi.fn(),
      onLanguage: vi.fn(),
    };
    const root = createRoot(container);
    await act(async () => root.render(createElement(Toolbar, props)));
    return root;
  }

  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
  });
  afterAll(() => container.remove());

  it('has a button for every toolbar command of the registry, and each click runs its command', async () => {
    const root = await render();
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('button[data-command]')];
    const shown = buttons.map((button) => button.dataset.command!);
    expect([...shown].sort()).toEqual(ids((command) => command.toolbar !== undefined && 'label' in command.toolbar));
    for (const button of buttons) {
      onCommand.mockClear();
      await act(async () => button.click());
      expect(onCommand).toHaveBeenCalledExactlyOnceWith(button.dataset.command);
    }
    await act(async () => root.unmount());
  });

  it('has an entry in a drop-down for every other toolbar command, and picking it runs the command', async () => {
    const root = await render();
    const picked: string[] = [];
    for (const select of container.querySelectorAll<HTMLSelectElement>('select')) {
      if (['Insert a section', 'Insert a reference to an item', 'Document language'].includes(select.getAttribute('aria-label')!)) continue;
      for (const option of select.querySelectorAll('option')) {
        if (!option.value || option.value === select.value) continue;
        onCommand.mockClear();
        await act(async () => {
          select.value = option.value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        });
        expect(onCommand).toHaveBeenCalledOnce();
        picked.push(onCommand.mock.calls[0]![0]);
      }
    }
    // The Review view drop-down shows Markup: picking Markup again is no change.
    expect(picked.sort()).toEqual(
      ids((command) => command.toolbar !== undefined && 'select' in command.toolbar && command.id !== 'view-markup'),
    );
    await act(async () => root.unmount());
  });

  it('greys out Undo and Redo when there is nothing to undo or redo, shows tracking pressed, and names each shortcut', async () => {
    const root = await render({ canUndo: false, canRedo: false, tracking: true, reviewView: 'final' });
    const button = (name: string) => container.querySelector<HTMLButtonElement>(`button[data-command="${name}"]`)!;
    expect(button('undo').disabled).toBe(true);
    expect(button('redo').disabled).toBe(true);
    expect(button('save').disabled).toBe(false);
    expect(button('toggle-tracking').getAttribute('aria-pressed')).toBe('true');
    expect(button('toggle-tracking').textContent).toBe('Tracking on');
    expect(container.querySelector<HTMLSelectElement>('select[aria-label="Review view"]')!.value).toBe('final');
    expect(button('undo').title).toBe('Undo (Ctrl+Z)');
    expect(button('save-as').title).toBe('Save as (Ctrl+Shift+S)');
    expect(button('accept-change').title).toMatch(/\(Alt\+Shift\+A\)$/);
    expect(button('next-change').title).toBe('Next change (Alt+Page Down)');
    expect(button('demote').title).toBe('Demote to a sub-item (Tab)');
    expect(button('move-up').title).toBe('Move item up (Alt+Up)');
    expect(button('insert-footnote').title).toBe('Insert a footnote (Ctrl+Alt+F)');
    await act(async () => root.unmount());
  });

  it('shows the Outline and Changes buttons pressed while their panels are open, and not pressed once closed', async () => {
    const button = (name: string) => container.querySelector<HTMLButtonElement>(`button[data-command="${name}"]`)!;
    let root = await render({ outlineVisible: true, changesVisible: true });
    expect(button('toggle-outline').getAttribute('aria-pressed')).toBe('true');
    expect(button('toggle-changes').getAttribute('aria-pressed')).toBe('true');
    await act(async () => root.unmount());
    root = await render({ outlineVisible: false, changesVisible: false });
    expect(button('toggle-outline').getAttribute('aria-pressed')).toBe('false');
    expect(button('toggle-changes').getAttribute('aria-pressed')).toBe('false');
    await act(async () => root.unmount());
  });
});

/** A key press as Chromium reports it for an accelerator (the US layout). */
function pressOf(accelerator: string, platform: KeyPlatform): KeyPress & { keyCode: number } {
  const parsed = parseAccelerator(accelerator);
  const mac = platform === 'mac';
  const letter = /^[a-z]$/.test(parsed.key);
  const key = letter && parsed.shift ? parsed.key.toUpperCase() : parsed.key;
  const KEY_CODES: Record<string, number> = { Tab: 9, ArrowUp: 38, ArrowDown: 40, PageUp: 33, PageDown: 34 };
  return {
    key,
    code: letter ? `Key${parsed.key.toUpperCase()}` : parsed.key,
    keyCode: letter ? parsed.key.toUpperCase().charCodeAt(0) : (KEY_CODES[parsed.key] ?? 0),
    ctrlKey: parsed.ctrl || (parsed.primary && !mac),
    metaKey: parsed.cmd || (parsed.primary && mac),
    altKey: parsed.alt,
    shiftKey: parsed.shift,
  };
}

/** The editor as the page has it, minus the DOM: its plugins' key handlers and the Plenary dispatch. */
function editorOn(state: EditorState) {
  const holder = { state, updateState: (next: EditorState) => (holder.state = next) };
  const dispatch = plenaryDispatch(holder, { onApplied: () => undefined });
  const view = {
    get state() {
      return holder.state;
    },
    dispatch,
  };
  const press = (key: KeyPress & { keyCode: number }): boolean =>
    holder.state.plugins.some((plugin: Plugin) => plugin.props.handleKeyDown?.call(plugin, view as never, key as never) === true);
  return { holder, press };
}

describe('the editor keymap', () => {
  // Read from the working directory: under happy-dom, import.meta.url is not a file URL.
  const doc = importText(readFileSync(join('test', 'fixtures', 'council-res-1332-c24.txt'), 'utf8')).doc;
  const res = () => createEditorState(doc, { author: 'Marie Dupont' });
  /** The caret in the first paragraph whose text starts with `start`. */
  const caretAt = (state: EditorState, start: string) => {
    let pos = -1;
    state.doc.descendants((node, offset) => {
      if (pos < 0 && node.isTextblock && node.textContent.startsWith(start)) pos = offset + 2;
      return pos < 0;
    });
    if (pos < 0) throw new Error(`no paragraph starts with ${start}`);
    return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  };
  const footnotes = (state: EditorState) => {
    let count = 0;
    state.doc.descendants((node) => void (node.type.name === 'footnote' && count++));
    return count;
  };

  /** The first word of the paragraph starting with `start`, selected. */
  const selectWord = (state: EditorState, start: string, word: string) => {
    const caret = caretAt(state, start);
    const from = caret.selection.from - 1;
    return caret.apply(caret.tr.setSelection(TextSelection.create(caret.doc, from, from + word.length)));
  };
  /** The marks on the first character of the paragraph starting with `start`. */
  const marksOf = (state: EditorState, start: string) => {
    const $pos = caretAt(state, start).selection.$from;
    return (state.doc.nodeAt($pos.pos - 1)?.marks ?? []).map((mark) => mark.type.name);
  };

  /** What each editor key does, written out for each: a command added to the keymap without one fails here. */
  const EFFECTS: Record<EditorKeyCommand, (state: EditorState) => { before: EditorState; check(after: EditorState): void }> = {
    bold: (state) => {
      const before = selectWord(state, 'la Résolution\u00a070 (', 'la');
      return { before, check: (after) => expect(marksOf(after, 'la Résolution\u00a070 (')).toEqual(['strong']) };
    },
    italic: (state) => {
      const before = selectWord(state, 'la Résolution\u00a070 (', 'la');
      return { before, check: (after) => expect(marksOf(after, 'la Résolution\u00a070 (')).toEqual(['em']) };
    },
    undo: (state) => {
      const before = state.apply(state.tr.insertText('X', 1));
      return { before, check: (after) => expect(undoDepth(after)).toBe(undoDepth(before) - 1) };
    },
    redo: (state) => {
      const { holder, press } = editorOn(state.apply(state.tr.insertText('X', 1)));
      press(pressOf('CmdOrCtrl+Z', 'other'));
      const undone = holder.state;
      return { before: undone, check: (after) => expect(redoDepth(after)).toBe(redoDepth(undone) - 1) };
    },
    'toggle-tracking': (state) => ({ before: state, check: (after) => expect(trackingState(after)?.enabled).toBe(true) }),
    'insert-footnote': (state) => {
      const before = caretAt(state, 'la Résolution\u00a070 (');
      return { before, check: (after) => expect(footnotes(after)).toBe(footnotes(before) + 1) };
    },
    demote: (state) => {
      const before = caretAt(state, 'la Résolution\u00a070 (');
      return { before, check: (after) => expect(after.selection.$from.depth).toBeGreaterThan(before.selection.$from.depth) };
    },
    promote: (state) => {
      const before = caretAt(state, 'de superviser, d');
      return { before, check: (after) => expect(after.selection.$from.depth).toBeLessThan(before.selection.$from.depth) };
    },
    'move-up': (state) => {
      const before = caretAt(state, 'la Résolution\u00a070 (');
      return { before, check: (after) => expect(itemTexts(after.doc).indexOf(itemTexts(before.doc)[1]!)).toBe(0) };
    },
    'move-down': (state) => {
      const before = caretAt(state, 'la Résolution\u00a0140 (');
      return { before, check: (after) => expect(itemTexts(after.doc).indexOf(itemTexts(before.doc)[0]!)).toBe(1) };
    },
  };

  it('binds every key the registry gives the editor, and each runs its command', () => {
    expect([...EDITOR_KEY_COMMANDS].sort()).toEqual(Object.keys(EFFECTS).sort());
    let pressed = 0;
    // The keymap is built for the platform the page runs on: Windows and Linux here.
    for (const platform of ['other'] as const) {
      for (const id of EDITOR_KEY_COMMANDS) {
        for (const key of keysOf(id, platform)) {
          const { before, check } = EFFECTS[id](res());
          const { holder, press } = editorOn(before);
          expect(press(pressOf(key, platform)), `${key} (${id})`).toBe(true);
          check(holder.state);
          pressed++;
        }
      }
    }
    // Bold, italic, undo, redo (Ctrl+Y as shown, Ctrl+Y as CmdOrCtrl+Y for a Mac's Cmd+Y,
    // Shift+Ctrl+Z), tracking, footnote, Tab, Shift+Tab, Alt+Up, Alt+Down.
    expect(pressed).toBe(12);
  });
});

describe("the browser host's shortcuts", () => {
  it('bind every key the registry gives the page, and each press runs its command', () => {
    const pageCommands = ids((command) => command.keys === 'page');
    expect(pageCommands.length).toBeGreaterThan(8);
    for (const id of pageCommands) {
      for (const key of keysOf(id as CommandId, 'other')) expect(pageShortcut(pressOf(key, 'other'), false, 'other'), key).toBe(id);
      for (const key of keysOf(id as CommandId, 'mac')) expect(pageShortcut(pressOf(key, 'mac'), false, 'mac'), key).toBe(id);
    }
  });

  const press = (key: string, code: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
    key,
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it('reads key presses as keyboards really send them', () => {
    expect(pageShortcut(press('s', 'KeyS', { ctrlKey: true }), false, 'other')).toBe('save');
    expect(pageShortcut(press('S', 'KeyS', { ctrlKey: true, shiftKey: true }), false, 'other')).toBe('save-as');
    // Cmd on a Mac keyboard in a browser; a Russian layout types "ы" on the S key.
    expect(pageShortcut(press('s', 'KeyS', { metaKey: true }), false, 'mac')).toBe('save');
    expect(pageShortcut(press('ы', 'KeyS', { ctrlKey: true }), false, 'other')).toBe('save');
    // Alt+Shift+A types "Å" on a Mac keyboard.
    expect(pageShortcut(press('Å', 'KeyA', { altKey: true, shiftKey: true }), false, 'mac')).toBe('accept-change');
    expect(pageShortcut(press('PageDown', 'PageDown', { altKey: true }), false, 'other')).toBe('next-change');
    expect(pageShortcut(press('R', 'KeyR', { ctrlKey: true, shiftKey: true }), false, 'other')).toBe('toggle-changes');
    // Dvorak: the key typing "o" is where S is on QWERTY; the character decides.
    expect(pageShortcut(press('o', 'KeyS', { ctrlKey: true }), false, 'other')).toBe('open');
    // The editor binds Ctrl+Shift+E; the page takes it only while a preview (no keymap) is shown.
    expect(pageShortcut(press('E', 'KeyE', { ctrlKey: true, shiftKey: true }), false, 'other')).toBeNull();
    expect(pageShortcut(press('E', 'KeyE', { ctrlKey: true, shiftKey: true }), true, 'other')).toBe('toggle-tracking');
    // Keys a browser keeps for itself, and plain typing, are not taken.
    expect(pageShortcut(press('n', 'KeyN', { ctrlKey: true }), false, 'other')).toBeNull();
    expect(pageShortcut(press('s', 'KeyS'), false, 'other')).toBeNull();
    expect(pageShortcut(press('s', 'KeyS', { ctrlKey: true, altKey: true }), false, 'other')).toBeNull();
  });
});
