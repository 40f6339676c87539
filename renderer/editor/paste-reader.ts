/**
 * Reading a large paste in a Web Worker (./paste-worker.ts) with a time limit: the importer runs
 * off the page's thread, so the editor keeps taking keystrokes while a long or hostile text is
 * read, and a read past its time is stopped (the worker terminated) with a one-line refusal.
 * Each paste gets its own worker: stopping one never touches another paste or the page.
 */
import { messageOf } from '../../shared/errors/index.js';
import type { PasteReply, PasteRequest } from './paste-protocol.js';

export interface PasteLimits {
  /**
   * Pastes up to this many characters are read on the page's thread, as before: the importer is
   * linear and reads them in a few milliseconds, and they land before the next keystroke.
   */
  syncChars: number;
  /** The most characters one paste may hold (its text, or Word's HTML): past it, refused at once. */
  maxChars: number;
  /** How long the worker may take to read one paste. */
  timeMs: number;
}

/**
 * 20,000 characters is a long resolution's operative part; 8 Mi characters is Word's HTML of a
 * document far longer than any Council text (its text is a fraction of that); 15 s is ten times
 * what the worker takes for a 1 MB text on a slow machine.
 */
export const PASTE_LIMITS: Readonly<PasteLimits> = { syncChars: 20_000, maxChars: 8 * 1024 * 1024, timeMs: 15_000 };

export type PasteRead = Extract<PasteReply, { ok: true }>;

export interface PasteReader {
  readonly limits: PasteLimits;
  /** The items of a paste; rejects with a one-line Error when it cannot be read in its limits. */
  read(request: PasteRequest): Promise<PasteRead>;
}

/** What the reader uses of a Worker (a test gives a stand-in). */
export interface PasteWorker {
  onmessage: ((event: MessageEvent<PasteReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: PasteRequest): void;
  terminate(): void;
}

function sizeOf(characters: number): string {
  return `${(characters / (1024 * 1024)).toFixed(1)} MB`;
}

/** The one-line refusal of a paste past `limits.maxChars`, or null when it is within. */
export function pasteTooLarge(characters: number, limits: PasteLimits): string | null {
  if (characters <= limits.maxChars) return null;
  return `The pasted text is ${sizeOf(characters)}; Plenary pastes at most ${sizeOf(limits.maxChars)} at once. Paste it in parts, or open it as a file.`;
}

function startWorker(): PasteWorker {
  // Vite bundles the worker from this exact expression (a module worker, served from 'self').
  return new Worker(new URL('./paste-worker.ts', import.meta.url), { type: 'module' }) as unknown as PasteWorker;
}

export function workerPasteReader(limits: PasteLimits = PASTE_LIMITS, createWorker: () => PasteWorker = startWorker): PasteReader {
  return {
    limits,
    read: (request) =>
      new Promise<PasteRead>((resolve, reject) => {
        let worker: PasteWorker;
        try {
          worker = createWorker();
        } catch (error) {
          reject(new Error(`The pasted text could not be read: ${messageOf(error)}`));
          return;
        }
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          worker.onmessage = null;
          worker.onerror = null;
          worker.terminate();
          settle();
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`The pasted text took longer than ${limits.timeMs / 1000} s to read and was not pasted.`))),
          limits.timeMs,
        );
        worker.onmessage = (event) => {
          const reply = event.data;
          finish(() => (reply.ok ? resolve(reply) : reject(new Error(`The pasted text could not be read: ${messageOf(reply.error)}`))));
        };
        worker.onerror = (event) => {
          event.preventDefault();
          finish(() => reject(new Error(`The pasted text could not be read: ${messageOf(event.message || 'the paste worker stopped')}`)));
        };
        worker.postMessage(request);
      }),
  };
}
