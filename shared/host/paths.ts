/**
 * Where `plenary serve` finds the built renderer and keeps its user data (recent files, settings,
 * recovery snapshots) — the same folder the desktop app uses, so unsaved work from either is offered.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's dist/renderer (this file is shared/host/paths.ts), else the working folder's. */
export function defaultRendererDir(cwd: string = process.cwd()): string {
  const beside = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  return existsSync(beside) ? beside : path.join(cwd, 'dist', 'renderer');
}

/** The Vite config that builds the renderer, when this is a source checkout. */
export function rendererConfigFile(): string {
  return fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
}

/** `PLENARY_USER_DATA`, else the platform's folder for application data (as Electron's userData). */
export function defaultUserDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.PLENARY_USER_DATA) return path.resolve(env.PLENARY_USER_DATA);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'plenary');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'plenary');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'plenary');
}
