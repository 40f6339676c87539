/**
 * Atomic file replacement: a reader (or a crash, or a full disk) sees either the old file or the
 * new one, never half of each.
 *
 * 1. write the data to a temporary file in the target's folder (same file system, so rename is
 *    atomic) and fsync it, so its content is on disk before its name is;
 * 2. keep the current file as `<name>.bak` (copied through a temporary name, then renamed);
 * 3. rename the temporary file over the target;
 * 4. fsync the folder, so the rename itself survives a power cut.
 * On any error before step 3 completes, the target is untouched and the temporary file removed.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Keep the file being replaced as `<name>.bak` (default true). */
  backup?: boolean;
}

export function backupPath(path: string): string {
  return `${path}.bak`;
}

function tempNameBeside(path: string): string {
  // Hidden, unique per attempt, and recognisably ours if a crash ever leaves one behind.
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** `.<name>.<pid>.<8 hex>.tmp`, as tempNameBeside makes them. */
const TEMP_NAME = /^\.(.+)\.(\d{1,10})\.[0-9a-f]{8}\.tmp$/;

/** Signal 0 tests for existence; EPERM means the process exists but belongs to someone else. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that a killed save left in `folder` (its writer's process is gone:
 * a live one may be writing it now). Best effort: a folder that cannot be read is left alone.
 * Called at start for the user-data folders and before each save for the target's folder.
 */
export async function removeStaleTemporaries(folder: string, only?: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const match = TEMP_NAME.exec(name);
    if (!match || (only !== undefined && match[1] !== only && match[1] !== `${only}.bak`)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    await rm(join(folder, name), { force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Follows a symbolic link, so saving through it replaces the file it points to, not the link. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (isMissing(error)) return path;
    throw error;
  }
}

async function writeAndSync(path: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  // 'wx': fail rather than write through a file (or link) that someone else put at this name.
  const handle = await open(path, 'wx', mode ?? 0o666);
  try {
    // chmod as well as the mode above: open() applies the umask, a replaced file should not.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Best effort: by now the data is on disk and the rename done; only the rename's survival of a power
 * cut is at stake, and some file systems (network, FUSE) refuse to fsync a folder. Reporting the
 * save as failed then would be wrong. Windows cannot open a folder at all; NTFS journals the rename.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: the file is saved.
  }
}

async function keepBackup(target: string): Promise<void> {
  const temp = tempNameBeside(backupPath(target));
  try {
    await copyFile(target, temp, constants.COPYFILE_FICLONE);
    // Flushed before it takes the .bak name, like the new file: the copy must survive a power cut.
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, backupPath(target));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Replaces (or creates) `path` with `data`, atomically; see the module comment for the steps. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const target = await resolveTarget(path);
  const existing = await stat(target).catch((error: unknown) => {
    if (isMissing(error)) return null;
    throw error;
  });
  await removeStaleTemporaries(dirname(target), basename(target));
  const temp = tempNameBeside(target);
  try {
    // A replaced file keeps its permissions (a read-only-for-others file stays so).
    await writeAndSync(temp, data, existing?.isFile() ? existing.mode & 0o777 : undefined);
    if (existing?.isFile() && (options.backup ?? true)) await keepBackup(target);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(target));
}
