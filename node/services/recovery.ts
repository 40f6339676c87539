/**
 * The recovery store: one snapshot per editing session in `<userData>/recovery/<sessionId>.json`,
 * written atomically (the renderer sends one within 2 s of the last change), removed when the
 * session saves or the user discards it.
 *
 * Which snapshots are orphans? Every launch of a host gets a random `launchId` and writes a lock
 * `recovery/launches/<launchId>.json` holding its pid; it removes the lock on a clean exit. Each
 * snapshot records the launch that wrote it. A snapshot whose launch is not this one and whose lock
 * is gone or names a dead process belongs to a session that crashed or was killed: `list()` offers
 * it for restoring. (A recycled pid can hide an orphan until that process ends; it never loses it.)
 *
 * A snapshot that cannot be read back is reported with the reason, never thrown: the user is told,
 * and the other snapshots are still offered.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RecoverySnapshot } from '../../shared/ipc/index.js';
import { SESSION_ID_PATTERN } from '../../shared/ipc/index.js';
import { processIsAlive } from '../file/index.js';
import { SerialQueue } from './serial.js';
import { readJsonFile, writeJsonAtomic } from './storage.js';

export { processIsAlive };

/** Session ids become file names: a safe alphabet only (the IPC schema enforces it too). */
export { SESSION_ID_PATTERN };

const snapshotSchema = z.object({
  format: z.literal('plenary-recovery'),
  version: z.literal(1),
  sessionId: z.string().regex(SESSION_ID_PATTERN),
  launchId: z.string(),
  name: z.string().nullable(),
  savedAt: z.string(),
  content: z.string(),
});

const lockSchema = z.object({ pid: z.number().int().positive(), startedAt: z.string() });

/** The API's RecoverySnapshot: `damaged` (one line) is set, and `content` empty, when it cannot be restored. */
export type RecoveryEntry = RecoverySnapshot;

export interface RecoveryStoreOptions {
  /** This launch's id; random by default. */
  launchId?: string;
  /** The pid written in this launch's lock; the current process by default. */
  pid?: number;
  isProcessAlive?: (pid: number) => boolean;
  /** One-line reason why a snapshot's document cannot be opened, or null when it can. */
  checkContent?: (content: string) => string | null;
}

export class RecoveryStore {
  /**
   * Sessions of this launch whose renderer crashed: their snapshots are orphans although the
   * launch runs, and are offered at once (to the reloaded window) rather than at the next start.
   */
  private readonly abandoned = new Set<string>();
  /**
   * Each session's writes and deletions run one after another: a snapshot write still in flight
   * when its session is cleared would otherwise rename its file into place after the deletion.
   */
  private readonly queues = new Map<string, SerialQueue>();
  /** Sessions whose window was closed: a late write from them must not bring the snapshot back. */
  private readonly ended = new Set<string>();

  private constructor(
    readonly dir: string,
    readonly launchId: string,
    private readonly isProcessAlive: (pid: number) => boolean,
    private readonly checkContent: (content: string) => string | null,
  ) {}

  /** Opens the store for a new launch: writes this launch's lock and drops locks of dead launches. */
  static async open(dir: string, options: RecoveryStoreOptions = {}): Promise<RecoveryStore> {
    const launchId = options.launchId ?? randomBytes(12).toString('base64url');
    const store = new RecoveryStore(dir, launchId, options.isProcessAlive ?? processIsAlive, options.checkContent ?? (() => null));
    await mkdir(store.launchesDir, { recursive: true });
    for (const lock of await store.lockIds()) {
      if (lock !== launchId && !(await store.launchIsRunning(lock))) await rm(store.lockPath(lock), { force: true });
    }
    await writeJsonAtomic(store.lockPath(launchId), {
      pid: options.pid ?? process.pid,
      startedAt: new Date().toISOString(),
    });
    return store;
  }

  async write(sessionId: string, name: string | null, content: string): Promise<void> {
    const file = this.snapshotPath(sessionId);
    await this.queue(sessionId).run(async () => {
      if (this.ended.has(sessionId)) return;
      await writeJsonAtomic(file, {
        format: 'plenary-recovery',
        version: 1,
        sessionId,
        launchId: this.launchId,
        name,
        savedAt: new Date().toISOString(),
        content,
      });
    });
  }

  /** Deletes the session's snapshot (its work was saved or discarded); it may write again later. */
  async clear(sessionId: string): Promise<void> {
    const file = this.snapshotPath(sessionId);
    await this.queue(sessionId).run(async () => {
      await rm(file, { force: true });
      this.abandoned.delete(sessionId);
    });
  }

  /**
   * The session is over (its window closed without keeping its work): its snapshot is deleted once
   * every write it started has landed, and writes arriving later are ignored. Resolves when the
   * file is gone.
   */
  async discard(sessionId: string): Promise<void> {
    this.ended.add(sessionId);
    await this.clear(sessionId);
  }

  private queue(sessionId: string): SerialQueue {
    let queue = this.queues.get(sessionId);
    if (!queue) this.queues.set(sessionId, (queue = new SerialQueue()));
    return queue;
  }

  /** The session's renderer is gone (a crash): its snapshot is offered by `list()` from now on. */
  abandon(sessionId: string): void {
    this.abandoned.add(sessionId);
  }

  /** Snapshots left by sessions that are no longer running, newest first; damaged ones reported. */
  async list(): Promise<RecoveryEntry[]> {
    const entries: RecoveryEntry[] = [];
    for (const fileName of await readdir(this.dir).catch(() => [] as string[])) {
      if (!fileName.endsWith('.json')) continue;
      const sessionId = fileName.slice(0, -'.json'.length);
      if (!SESSION_ID_PATTERN.test(sessionId)) continue;
      const entry = await this.readSnapshot(sessionId);
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** Ends this launch cleanly: its remaining snapshots are offered at the next start. */
  async close(): Promise<void> {
    await rm(this.lockPath(this.launchId), { force: true });
  }

  private async readSnapshot(sessionId: string): Promise<RecoveryEntry | null> {
    const file = this.snapshotPath(sessionId);
    let text: string;
    let modifiedAt: string;
    try {
      modifiedAt = (await stat(file)).mtime.toISOString();
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null; // cleared while we listed
      return damaged(sessionId, new Date().toISOString(), `cannot be read (${code ?? 'error'})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return damaged(sessionId, modifiedAt, 'is not valid JSON (truncated or overwritten)');
    }
    const parsed = snapshotSchema.safeParse(json);
    if (!parsed.success || parsed.data.sessionId !== sessionId) {
      return damaged(sessionId, modifiedAt, 'is not a Plenary recovery snapshot');
    }
    const snapshot = parsed.data;
    const live = snapshot.launchId === this.launchId ? !this.abandoned.has(sessionId) : await this.launchIsRunning(snapshot.launchId);
    if (live) return null;
    const problem = this.checkContent(snapshot.content);
    if (problem !== null) return damaged(sessionId, snapshot.savedAt, `holds a document that cannot be opened: ${problem}`);
    return { sessionId, name: snapshot.name, savedAt: snapshot.savedAt, content: snapshot.content };
  }

  private async launchIsRunning(launchId: string): Promise<boolean> {
    if (!SESSION_ID_PATTERN.test(launchId)) return false;
    const lock = lockSchema.safeParse(await readJsonFile(this.lockPath(launchId)));
    return lock.success && this.isProcessAlive(lock.data.pid);
  }

  private async lockIds(): Promise<string[]> {
    const names = await readdir(this.launchesDir).catch(() => [] as string[]);
    return names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
  }

  private get launchesDir(): string {
    return path.join(this.dir, 'launches');
  }

  private lockPath(launchId: string): string {
    return path.join(this.launchesDir, `${launchId}.json`);
  }

  private snapshotPath(sessionId: string): string {
    // Defence in depth: the IPC layer validates too, but a session id must never escape the folder.
    if (!SESSION_ID_PATTERN.test(sessionId)) throw new Error(`invalid recovery session id: ${JSON.stringify(sessionId)}`);
    return path.join(this.dir, `${sessionId}.json`);
  }
}

function damaged(sessionId: string, savedAt: string, why: string): RecoveryEntry {
  return { sessionId, name: null, savedAt, content: '', damaged: `Recovery snapshot ${sessionId} ${why}.` };
}
