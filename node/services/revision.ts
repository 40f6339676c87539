/**
 * The version of a file on disk, as the host last saw it: modification time, size, device and
 * inode. A save names the revision its document was opened or last saved at; if the file on disk
 * is no longer that one (another window, another tab, another program wrote it), the save is
 * refused as a conflict and the user chooses: overwrite, save as, or reload.
 */
import { stat } from 'node:fs/promises';

/** A save that overwrites whatever is on disk (the user chose "Overwrite"). */
export const OVERWRITE = '*';

/** When the file at `filePath` was last modified (ISO), for telling the user; null when there is none. */
export async function modifiedAt(filePath: string): Promise<string | null> {
  try {
    return (await stat(filePath)).mtime.toISOString();
  } catch {
    return null;
  }
}

/** The revision of the file at `filePath` now; '' when there is no file. */
export async function diskRevision(filePath: string): Promise<string> {
  try {
    const info = await stat(filePath, { bigint: true });
    return `${info.mtimeNs}:${info.size}:${info.dev}:${info.ino}`;
  } catch {
    return '';
  }
}
