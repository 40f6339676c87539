/**
 * Where `plenary serve` finds the built renderer and keeps its user data (recent files, settings,
 * recovery snapshots) — the same folder the desktop app uses, so unsaved work from either is offered.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository this code runs from: this file is host/paths.ts in a source checkout and part of
 * dist/cli/plenary.mjs in the bundled CLI, so the root is found by walking up to the package.json
 * beside a renderer/ or dist/ folder, not by a fixed number of `..`.
 */
function repositoryRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const built = existsSync(path.join(dir, 'renderer')) || existsSync(path.join(dir, 'dist'));
    if (built && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository's dist/renderer, else the working folder's. */
export function defaultRendererDir(cwd: string = process.cwd()): string {
  const root = repositoryRoot();
  const beside = root === undefined ? undefined : path.join(root, 'dist', 'renderer');
  return beside !== undefined && existsSync(beside) ? beside : path.join(cwd, 'dist', 'renderer');
}

/** The Vite config that builds the renderer, when this is a source checkout. */
export function rendererConfigFile(): string {
  return path.join(repositoryRoot() ?? process.cwd(), 'build', 'vite.renderer.config.ts');
}

/** `PLENARY_USER_DATA`, else the platform's folder for application data (as Electron's userData). */
export function defaultUserDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.PLENARY_USER_DATA) return path.resolve(env.PLENARY_USER_DATA);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'plenary');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'plenary');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'plenary');
}
