/**
 * The editing session of one window: which file the document belongs to, whether it has unsaved
 * changes, and never losing work. Framework-free (React only displays it):
 *
 * - every document change marks the session dirty (the host hears `setDirty` each time that flips)
 *   and schedules a recovery snapshot RECOVERY_DELAY_MS after the last change — within 2 s;
 * - a save clears the snapshot; opening another document replaces the session's state;
 * - a file that cannot be opened is reported with its reason and changes nothing.
 */
import type { Node } from 'prosemirror-model';
import { messageOf } from '../shared/errors/index.js';
import { parseDocument, serializeDocument, type DocumentMetadata } from '../shared/file/index.js';
import type { OpenedDocument, PlenaryApi, SaveOutcome } from '../shared/ipc/index.js';

/** A snapshot goes out this long after the last change (the promise is "within 2 s"). */
export const RECOVERY_DELAY_MS = 1000;

export interface SessionInfo {
  fileId: string | null;
  name: string | null;
  imported: boolean;
  dirty: boolean;
  /** When the last recovery snapshot was written (ISO), for the status bar. */
  recoveredAt: string | null;
}

export interface SessionEvents {
  /** The session's file, name or dirty state changed. */
  changed(info: SessionInfo): void;
  /**
   * A one-line message for the user (a failed save, an unreadable file), with what failed: the
   * save, the document's content (it cannot be written at all), the recovery copy.
   */
  error(message: string, topic: SessionTopic): void;
  /** A save or a recovery copy went through: the errors it makes obsolete can go. */
  succeeded?(topic: 'save' | 'recovery'): void;
  /**
   * The file changed on disk since it was opened or saved here: the user overwrites it, saves this
   * version under another name, reloads the file (dropping the edits here), or cancels. Without
   * this event a conflict is reported as an error.
   */
  conflict?(conflict: SaveConflict): Promise<ConflictChoice>;
}

export type SessionTopic = 'save' | 'content' | 'recovery';

export type ConflictChoice = 'overwrite' | 'save-as' | 'reload' | 'cancel';

/** A save refused because the file on disk is not the one opened or last saved here. */
export interface SaveConflict {
  /** The file's name. */
  name: string;
  /** When the file on disk was last modified (ISO); null when it was deleted or moved. */
  changedAt: string | null;
  /** The host's one-line explanation. */
  message: string;
}

export type LoadResult = { ok: true; doc: Node; warnings: string[] } | { ok: false; error: string };

function randomSessionId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `s${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export { messageOf } from '../shared/errors/index.js';

export class Session {
  readonly sessionId = randomSessionId();
  private info: SessionInfo = { fileId: null, name: null, imported: false, dirty: false, recoveredAt: null };
  private metadata: Pick<DocumentMetadata, 'created'> | undefined;
  private recoveryTimer: ReturnType<typeof setTimeout> | null = null;
  private latestDoc: Node | null = null;
  /** The version on disk of this session's file when it was opened or last saved here. */
  private revision = '';

  constructor(
    private readonly api: PlenaryApi,
    private readonly events: SessionEvents,
  ) {}

  get current(): SessionInfo {
    return this.info;
  }

  private update(patch: Partial<SessionInfo>): void {
    const before = this.info;
    this.info = { ...before, ...patch };
    if (before.dirty !== this.info.dirty || before.name !== this.info.name) {
      void this.api.setDirty(this.info.dirty, this.info.name).catch(() => undefined);
    }
    this.events.changed(this.info);
  }

  /** Reads an opened document; an unreadable one is an error and the session stays as it was. */
  adopt(opened: OpenedDocument): LoadResult {
    let parsed: ReturnType<typeof parseDocument>;
    try {
      parsed = parseDocument(opened.content);
    } catch (error) {
      return { ok: false, error: `Cannot open ${opened.name}: ${messageOf(error)}` };
    }
    this.cancelRecovery();
    this.metadata = parsed.metadata;
    this.latestDoc = parsed.doc;
    this.revision = opened.revision;
    this.update({ fileId: opened.fileId, name: opened.name, imported: opened.imported, dirty: false, recoveredAt: null });
    return { ok: true, doc: parsed.doc, warnings: opened.warnings };
  }

  /** A restored recovery snapshot: unsaved work, not attached to a file the host granted us. */
  adoptRecovered(content: string, name: string | null): LoadResult {
    let parsed: ReturnType<typeof parseDocument>;
    try {
      parsed = parseDocument(content);
    } catch (error) {
      return { ok: false, error: `The recovered document cannot be opened: ${messageOf(error)}` };
    }
    this.metadata = parsed.metadata;
    this.update({ fileId: null, name, imported: false, dirty: true, recoveredAt: null });
    this.scheduleRecovery(parsed.doc);
    return { ok: true, doc: parsed.doc, warnings: [] };
  }

  /** A new, never saved document. */
  adoptNew(doc: Node): void {
    this.cancelRecovery();
    this.metadata = undefined;
    this.update({ fileId: null, name: null, imported: false, dirty: false, recoveredAt: null });
    this.latestDoc = doc;
  }

  /** Every change of the document goes through here (cheap: a flag and a timer). */
  documentChanged(doc: Node): void {
    if (!this.info.dirty) this.update({ dirty: true });
    this.scheduleRecovery(doc);
  }

  private scheduleRecovery(doc: Node): void {
    this.latestDoc = doc;
    if (this.recoveryTimer !== null) clearTimeout(this.recoveryTimer);
    this.recoveryTimer = setTimeout(() => {
      this.recoveryTimer = null;
      void this.writeRecovery();
    }, RECOVERY_DELAY_MS);
  }

  private cancelRecovery(): void {
    if (this.recoveryTimer !== null) clearTimeout(this.recoveryTimer);
    this.recoveryTimer = null;
  }

  /**
   * Writes this session's snapshot now (a restored document), so that the snapshot it came from
   * can be removed without a moment where neither is on disk. False when it could not be written.
   */
  async persistRecovery(): Promise<boolean> {
    this.cancelRecovery();
    const doc = this.latestDoc;
    if (!doc) return false;
    try {
      await this.api.writeRecovery(this.sessionId, this.info.name, serializeDocument(doc, this.metadata));
      this.recovered();
      return true;
    } catch (error) {
      this.events.error(`The recovery copy could not be written: ${messageOf(error)}`, 'recovery');
      return false;
    }
  }

  private async writeRecovery(): Promise<void> {
    const doc = this.latestDoc;
    if (!doc || !this.info.dirty) return;
    try {
      await this.api.writeRecovery(this.sessionId, this.info.name, serializeDocument(doc, this.metadata));
      this.recovered();
    } catch (error) {
      this.events.error(`The recovery copy could not be written: ${messageOf(error)}`, 'recovery');
    }
  }

  private recovered(): void {
    this.update({ recoveredAt: new Date().toISOString() });
    this.events.succeeded?.('recovery');
  }

  /**
   * Save (or Save As when the document has no .plenary file yet). A save refused because the file
   * changed on disk asks the user what to do (events.conflict); 'reload' is returned for the caller
   * to reopen the file.
   */
  async save(doc: Node, saveAs = false, revision = this.revision): Promise<boolean | 'reload'> {
    let content: string;
    try {
      content = serializeDocument(doc, this.metadata);
    } catch (error) {
      this.events.error(`Not saved: ${messageOf(error)}`, 'content');
      return false;
    }
    let outcome: SaveOutcome | null;
    try {
      outcome =
        !saveAs && this.info.fileId && !this.info.imported
          ? await this.api.save(this.info.fileId, content, revision)
          : await this.api.saveAs(content, suggestedName(this.info.name));
    } catch (error) {
      this.events.error(`Not saved: ${messageOf(error)}`, 'save');
      return false;
    }
    if (outcome === null) return false;
    if (!outcome.ok) {
      if (outcome.conflict && this.events.conflict) {
        const choice = await this.events.conflict({
          name: this.info.name ?? 'The document',
          changedAt: outcome.changedAt ?? null,
          message: outcome.error,
        });
        if (choice === 'overwrite') return this.save(doc, false, '*');
        if (choice === 'save-as') return this.save(doc, true);
        return choice === 'reload' ? 'reload' : false;
      }
      this.events.error(outcome.error, 'save');
      return false;
    }
    this.revision = outcome.revision;
    // Saved: the state written is the state on screen unless the user typed meanwhile.
    const stillCurrent = this.latestDoc === null || this.latestDoc === doc;
    this.metadata ??= { created: new Date().toISOString() };
    this.update({ fileId: outcome.fileId, name: outcome.name, imported: false, dirty: !stillCurrent });
    this.events.succeeded?.('save');
    if (stillCurrent) {
      this.cancelRecovery();
      await this.api.clearRecovery(this.sessionId).catch(() => undefined);
    }
    return true;
  }

  /** The `.plenary` JSON of `doc`, for export. */
  contentOf(doc: Node): string {
    return serializeDocument(doc, this.metadata);
  }
}

export function suggestedName(name: string | null): string {
  if (!name) return 'Untitled.plenary';
  return name.replace(/\.(txt|docx|plenary)$/i, '') + '.plenary';
}
