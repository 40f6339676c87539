/**
 * The files a host may touch. The browser host serves one folder: it opens, saves and offers (in
 * the recent list, which the desktop app shares) only files inside it, judged by their real path,
 * so a symbolic link inside the folder cannot lead the page to a file outside it, and a recent file
 * elsewhere on the disk is not handed to whoever holds the page's token.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** Whether a path is one the host may read or write. */
export type FileScope = (filePath: string) => Promise<boolean>;

/** The real path of `filePath`, or of its folder for a file not yet written (a Save As). */
async function realPathOf(filePath: string): Promise<string | null> {
  try {
    return await realpath(filePath);
  } catch {
    try {
      return path.join(await realpath(path.dirname(filePath)), path.basename(filePath));
    } catch {
      return null;
    }
  }
}

/** Files inside `folder` (at any depth), by real path. */
export function folderScope(folder: string): FileScope {
  const root = realPathOf(folder);
  return async (filePath) => {
    const [base, real] = await Promise.all([root, realPathOf(filePath)]);
    if (base === null || real === null) return false;
    const relative = path.relative(base, real);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
}
