/**
 * Which file a path names. Two paths are one file when they reach the same device and inode (a
 * symbolic link, a hard link, `..` in the path, a case-insensitive disk); comparing path strings
 * let a symlink to an open file become a second window with its own grant, and one edit was lost.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** `dev:ino` of an existing file, else its real (or resolved) path: a key equal for one file. */
export function fileIdentity(filePath: string): string {
  try {
    const info = statSync(filePath, { bigint: true });
    return `inode:${info.dev}:${info.ino}`;
  } catch {
    try {
      return `path:${realpathSync.native(filePath)}`;
    } catch {
      return `path:${path.resolve(filePath)}`;
    }
  }
}

export function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b) || fileIdentity(a) === fileIdentity(b);
}

/**
 * The real path of a file (symbolic links followed), or the resolved path when it does not exist.
 * Stable across atomic saves, which give the file a new inode: grants are keyed by it.
 */
export function realPath(filePath: string): string {
  try {
    return realpathSync.native(filePath);
  } catch {
    return path.resolve(filePath);
  }
}
