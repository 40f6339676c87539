/**
 * The command registry writes keys once, in Electron's accelerator syntax (`CmdOrCtrl+Shift+E`).
 * This module reads them for the three other places that bind or show keys: ProseMirror's keymap
 * (`Mod-Shift-e`), a page's keydown listener (the browser host has no native menu), and tooltips
 * (`Ctrl+Shift+E`, `Alt+Page Up`).
 */
import { keysOf, type Accelerator, type CommandId, type KeyPlatform } from './commands.js';

interface ParsedAccelerator {
  /** The platform's command key: Cmd on macOS, Ctrl elsewhere (Electron's `CmdOrCtrl`). */
  primary: boolean;
  /** Ctrl written as such (on macOS: the Control key). */
  ctrl: boolean;
  /** Cmd written as such (macOS only). */
  cmd: boolean;
  alt: boolean;
  shift: boolean;
  /** The key: one lower-case letter or digit, or a named key as KeyboardEvent.key spells it. */
  key: string;
}

/** Electron's names for keys that KeyboardEvent.key spells otherwise. */
const KEY_NAMES: Readonly<Record<string, string>> = {
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Esc: 'Escape',
  Return: 'Enter',
  Space: ' ',
};

/** How tooltips spell named keys. */
const SHOWN_KEYS: Readonly<Record<string, string>> = { PageUp: 'Page Up', PageDown: 'Page Down' };

export class AcceleratorError extends Error {
  constructor(accelerator: string) {
    super(`Not an accelerator: "${accelerator}"`);
    this.name = 'AcceleratorError';
  }
}

export function parseAccelerator(accelerator: Accelerator): ParsedAccelerator {
  const parts = accelerator.split('+');
  const last = parts.pop();
  if (!last) throw new AcceleratorError(accelerator);
  const parsed: ParsedAccelerator = { primary: false, ctrl: false, cmd: false, alt: false, shift: false, key: '' };
  for (const part of parts) {
    if (part === 'CmdOrCtrl' || part === 'CommandOrControl') parsed.primary = true;
    else if (part === 'Ctrl' || part === 'Control') parsed.ctrl = true;
    else if (part === 'Cmd' || part === 'Command') parsed.cmd = true;
    else if (part === 'Alt' || part === 'Option') parsed.alt = true;
    else if (part === 'Shift') parsed.shift = true;
    else throw new AcceleratorError(accelerator);
  }
  parsed.key = last.length === 1 ? last.toLowerCase() : (KEY_NAMES[last] ?? last);
  return parsed;
}

/** The modifiers a key really needs on a platform. */
function modifiersOn(parsed: ParsedAccelerator, platform: KeyPlatform) {
  const mac = platform === 'mac';
  return {
    ctrl: parsed.ctrl || (parsed.primary && !mac),
    meta: parsed.cmd || (parsed.primary && mac),
    alt: parsed.alt,
    shift: parsed.shift,
  };
}

/** The key as prosemirror-keymap names it on `platform` (`Ctrl-Shift-e`, `Alt-ArrowUp`, `Shift-Tab`). */
export function proseMirrorKey(accelerator: Accelerator, platform: KeyPlatform): string {
  const parsed = parseAccelerator(accelerator);
  const mods = modifiersOn(parsed, platform);
  return `${mods.ctrl ? 'Ctrl-' : ''}${mods.meta ? 'Meta-' : ''}${mods.alt ? 'Alt-' : ''}${mods.shift ? 'Shift-' : ''}${parsed.key}`;
}

/** What a keydown listener sees of an event. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Whether a key press is the accelerator. Ctrl and Cmd are one modifier here, as a web page has
 * always taken them (Ctrl+S saves on a Mac keyboard in a browser too). A letter matches by the
 * character typed, or by the physical key when the character is not a Latin letter: Alt+Shift+A is
 * "Å" on a Mac keyboard, Ctrl+S is "ы" on a Russian one.
 */
export function matchesAccelerator(press: KeyPress, accelerator: Accelerator): boolean {
  const parsed = parseAccelerator(accelerator);
  const wantsMod = parsed.primary || parsed.ctrl || parsed.cmd;
  if (wantsMod !== (press.ctrlKey || press.metaKey) || parsed.alt !== press.altKey || parsed.shift !== press.shiftKey) return false;
  if (!/^[a-z]$/.test(parsed.key)) return press.key === parsed.key;
  const typed = press.key.toLowerCase();
  if (/^[a-z]$/.test(typed)) return typed === parsed.key;
  return press.code === `Key${parsed.key.toUpperCase()}`;
}

/** The accelerator as a tooltip shows it on `platform`: `Ctrl+Shift+E`, `Cmd+Alt+F`, `Alt+Page Down`. */
export function shownAccelerator(accelerator: Accelerator, platform: KeyPlatform): string {
  const parsed = parseAccelerator(accelerator);
  const mods = modifiersOn(parsed, platform);
  const key = parsed.key.length === 1 ? parsed.key.toUpperCase() : (SHOWN_KEYS[parsed.key] ?? parsed.key.replace(/^Arrow/, ''));
  const names = [mods.ctrl ? 'Ctrl' : '', mods.meta ? 'Cmd' : '', mods.alt ? 'Alt' : '', mods.shift ? 'Shift' : '', key];
  return names.filter(Boolean).join('+');
}

/**
 * A ProseMirror keymap for commands of the registry: each command's keys on `platform`, bound to
 * the implementation given for it.
 */
export function keyBindings<T>(implementations: Partial<Record<CommandId, T>>, platform: KeyPlatform): Record<string, T> {
  const bindings: Record<string, T> = {};
  for (const [id, implementation] of Object.entries(implementations) as Array<[CommandId, T]>) {
    for (const key of keysOf(id, platform)) bindings[proseMirrorKey(key, platform)] = implementation;
  }
  return bindings;
}
