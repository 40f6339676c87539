/**
 * File grants: the renderer never names a path. The host hands out an opaque `fileId` only for a
 * file the user chose (open/save dialog, recent list, launch argument); every other id is refused.
 * A compromised or buggy renderer can therefore read or overwrite only what the user already picked.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UserFacingError } from '../../shared/errors/index.js';
import { realPath } from './identity.js';

/** The shape of every fileId handed out here; the IPC schema accepts nothing else. */
export { FILE_ID_PATTERN } from '../../shared/ipc/index.js';

export class NotGrantedError extends UserFacingError {
  override name = 'NotGrantedError';
  constructor() {
    super('this file was not opened by you');
  }
}

export class FileGrants {
  private readonly pathById = new Map<string, string>();
  private readonly idByPath = new Map<string, string>();

  /**
   * Grants access to a path the user chose; the same file always gets the same id, whatever path
   * names it (a symbolic link: keyed by real path, see ./identity.ts).
   */
  grant(filePath: string): string {
    const resolved = path.resolve(filePath);
    const key = realPath(resolved);
    const existing = this.idByPath.get(key);
    if (existing) return existing;
    const fileId = `f_${randomBytes(16).toString('base64url')}`;
    this.pathById.set(fileId, resolved);
    this.idByPath.set(key, fileId);
    return fileId;
  }

  /** The path behind a granted id; throws NotGrantedError for anything else. */
  pathOf(fileId: string): string {
    const found = this.pathById.get(fileId);
    if (found === undefined) throw new NotGrantedError();
    return found;
  }

  /** How many files are granted (one per file, whatever paths named it). */
  get size(): number {
    return this.pathById.size;
  }

  isGranted(fileId: string): boolean {
    return this.pathById.has(fileId);
  }

  /** The id of a path already granted, if any (for "is this file already open"). */
  idOf(filePath: string): string | undefined {
    return this.idByPath.get(realPath(path.resolve(filePath)));
  }
}
