/**
 * The recent-files list: `<userData>/recent.json`, newest first, written atomically. Files that no
 * longer exist are pruned when the list is read, so the menu never offers a dead entry. A corrupt
 * list is treated as empty (it is only a convenience) and replaced on the next write.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SerialQueue } from './serial.js';
import { readJsonFile, writeJsonAtomic } from './storage.js';

const RECENT_LIMIT = 10;

const recentFileSchema = z.object({
  version: z.literal(1),
  paths: z.array(z.string().min(1)),
});

export class RecentFiles {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly file: string,
    private readonly limit = RECENT_LIMIT,
  ) {}

  /** Existing recent paths, newest first; rewrites the list when it pruned something. */
  list(): Promise<string[]> {
    return this.queue.run(async () => {
      const stored = await this.read();
      const existing: string[] = [];
      for (const candidate of stored) if (await isFile(candidate)) existing.push(candidate);
      if (existing.length !== stored.length) await this.write(existing);
      return existing;
    });
  }

  /** Puts a path at the top of the list (moving it if it was already there). */
  add(filePath: string): Promise<void> {
    const resolved = path.resolve(filePath);
    return this.queue.run(async () => {
      const rest = (await this.read()).filter((entry) => entry !== resolved);
      await this.write([resolved, ...rest].slice(0, this.limit));
    });
  }

  remove(filePath: string): Promise<void> {
    const resolved = path.resolve(filePath);
    return this.queue.run(async () => {
      await this.write((await this.read()).filter((entry) => entry !== resolved));
    });
  }

  private async read(): Promise<string[]> {
    const parsed = recentFileSchema.safeParse(await readJsonFile(this.file));
    return parsed.success ? parsed.data.paths : [];
  }

  private async write(paths: string[]): Promise<void> {
    await writeJsonAtomic(this.file, { version: 1, paths });
  }
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
