/**
 * What the end-to-end tests share: the built renderer (built once, when missing or older than its
 * sources), Debian's Chromium through playwright-core, and a browser host started in process on
 * port 0 with its own user-data folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startHost, type HostOptions, type RunningHost } from '../../host/serve.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function rendererIsFresh(): boolean {
  const index = path.join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return built > newestMtime(path.join(ROOT, 'renderer')) && built > newestMtime(path.join(ROOT, 'shared'));
}

const BUILD_LOCK = path.join(ROOT, 'dist', '.renderer-build.lock');
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Runs `build` holding a lock directory (mkdir is atomic): e2e files run in parallel workers, and
 * two vite builds into one dist/renderer would leave a page whose assets another build replaced.
 */
async function withBuildLock(build: () => Promise<void>): Promise<void> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await build();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Builds dist/renderer unless it is newer than every file of renderer/ and shared/ (once, whichever e2e file asks first). */
export async function ensureRendererBuilt(): Promise<void> {
  if (rendererIsFresh()) return;
  await withBuildLock(async () => {
    // Another worker may have built it while this one waited.
    if (rendererIsFresh()) return;
    const vite = await import('vite');
    // The renderer's config forces NODE_ENV=production for the build; give the test process its own back.
    const nodeEnv = process.env.NODE_ENV;
    try {
      await vite.build({ configFile: path.join(ROOT, 'build', 'vite.renderer.config.ts'), logLevel: 'error' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
}

/** Debian's Chromium, offline: no sync, no component updates, no background networking. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash scripts/install-system-deps.sh) to run the end-to-end tests`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `plenary-${prefix}-`));
}

export function startTestHost(options: Partial<HostOptions> & { userDataDir: string }): Promise<RunningHost> {
  return startHost({ rendererDir: RENDERER_DIR, port: 0, ...options });
}
