/**
 * Errors a user can act on when reading or writing document files (one line each: see
 * shared/errors).
 */
import { UserFacingError, oneLine } from '../errors/index.js';

/** The file's content is not a document this version of Plenary can open or write. */
export class FileFormatError extends UserFacingError {
  override name = 'FileFormatError';
}

/** The file cannot be reached: missing, a folder, no permission. */
export class FileAccessError extends UserFacingError {
  override name = 'FileAccessError';
}

const ACCESS_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EBUSY: 'the file is in use',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * A Node file-system error the user can act on, as a FileAccessError naming the file; any other
 * error is returned unchanged (it is ours, an internal error).
 */
export function describeFileError(error: unknown, path: string, action: 'read' | 'write'): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code in ACCESS_PROBLEMS)) return error;
  return new FileAccessError(oneLine(`cannot ${action} ${path}: ${ACCESS_PROBLEMS[code]}`));
}
