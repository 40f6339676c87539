/**
 * Errors a user can act on when reading or writing document files. Their message is ONE line and
 * is shown as is (the CLI prints it, the app shows it in a dialog); they never carry a stack the
 * user is meant to read.
 */

/** The file's content is not a document this version of Plenary can open or write. */
export class FileFormatError extends Error {
  override name = 'FileFormatError';
}

/** The file cannot be reached: missing, a folder, no permission. */
export class FileAccessError extends Error {
  override name = 'FileAccessError';
}

/** Collapses a message to one line, so a library's multi-line text cannot break the contract. */
export function oneLine(message: string, maxLength = 240): string {
  // Split, trim and join rather than one `\s*[\r\n]+\s*` regex: that one retries from every
  // white-space position and took seconds on a line of 80,000 spaces (a hostile attribute name).
  const flat = message
    .split(/[\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
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
