/**
 * Reading an untrusted file (a `.docx`, a text, a `.plenary`) in a worker thread with a time and a
 * memory limit. The importers are linear and bounded by design, but a reader is a large surface:
 * whatever a hostile file still finds there costs this worker, never the Electron main process, the
 * browser host's request loop or a CLI that must answer in one line. Past a limit the worker is
 * stopped and the caller gets a one-line refusal.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileAccessError, FileFormatError } from '../../shared/file/index.js';
import { ImportError } from '../../shared/import/index.js';
import { schema } from '../../shared/schema/index.js';
import type { InputDocument, ReadOptions } from './input.js';
import type { ReadReply, ReadRequest } from './read-protocol.js';

export interface ReadLimits {
  /** Wall-clock time allowed to read one file. */
  timeMs: number;
  /** The worker's JavaScript heap. */
  memoryMb: number;
}

/**
 * 20 s and 1 GB: the largest real Council documents read in well under a second and 200 MB;
 * these are the limits the hostile-input tests hold every generated file to.
 */
export const READ_LIMITS: Readonly<ReadLimits> = { timeMs: 20_000, memoryMb: 1024 };

const ERRORS: Record<string, new (message: string) => Error> = {
  FileFormatError,
  FileAccessError,
  ImportError,
};

/**
 * How to start the worker from where this module runs: the bundles (Electron, CLI) ship
 * `read-worker.js` beside themselves; from source (tests, `npm run plenary`) the TypeScript entry is
 * loaded through tsx, as bin/plenary.mjs does.
 */
function workerSource(): { code: string; eval: true } | { code: URL; eval: false } {
  const here = import.meta.url;
  // From source the URL can carry a query (tsx's namespace): the path tells the kind.
  const path = new URL(here).pathname;
  if (!path.endsWith('.ts')) return { code: new URL(path.endsWith('.mjs') ? './read-worker.mjs' : './read-worker.js', here), eval: false };
  // require.resolve finds tsx's CommonJS build; its ESM build beside it is the one to import.
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/index\.cjs$/, 'index.mjs'),
  ).href;
  const entry = new URL('./read-worker.ts', `file://${path}`).href;
  return {
    code: `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`,
    eval: true,
  };
}

function rethrown(error: { name: string; message: string }): Error {
  const Kind = ERRORS[error.name];
  return Kind ? new Kind(error.message) : new Error(error.message);
}

interface Pending {
  request: ReadRequest;
  name: string;
  limits: ReadLimits;
  resolve: (document: InputDocument) => void;
  reject: (error: Error) => void;
}

/**
 * One worker, kept between reads (starting one costs more than reading most files), given one
 * request at a time so that a limit crossed is the fault of that file alone. A worker stopped at a
 * limit is replaced for the next request. An idle worker does not keep the process alive.
 */
class IsolatedReader {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: { job: Pending; timer: NodeJS.Timeout } | null = null;

  read(request: ReadRequest, name: string, limits: ReadLimits): Promise<InputDocument> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, name, limits, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    const worker = this.workerFor(job.limits);
    worker.ref();
    const timer = setTimeout(
      () => this.fail(new ImportError(`${job.name} took longer than ${job.limits.timeMs / 1000} s to read and was not opened`)),
      job.limits.timeMs,
    );
    this.current = { job, timer };
    worker.postMessage(job.request);
  }

  private workerFor(limits: ReadLimits): Worker {
    if (this.worker && this.workerLimits === limits) return this.worker;
    void this.worker?.terminate();
    const source = workerSource();
    const worker = new Worker(source.code, {
      eval: source.eval,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    });
    // Events of a worker already stopped and replaced are about no current job.
    worker.on('message', (reply: ReadReply) => {
      if (this.worker === worker) this.done(reply);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const job = this.current?.job;
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' && job
          ? new ImportError(`${job.name} needs more than ${job.limits.memoryMb} MB of memory to read and was not opened`)
          : new Error(`reading ${job?.name ?? 'a file'} failed: ${error.message}`),
      );
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      if (this.current) this.fail(new Error(`reading ${this.current.job.name} stopped (worker exit ${code})`));
    });
    this.worker = worker;
    this.workerLimits = limits;
    return worker;
  }

  private workerLimits: ReadLimits | null = null;

  private done(reply: ReadReply): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    try {
      if (reply.ok) current.job.resolve({ ...reply.value, doc: schema.nodeFromJSON(reply.value.doc) });
      else current.job.reject(rethrown(reply.error));
    } catch (error) {
      current.job.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.next();
  }

  /** The current read failed (a limit, a crash): its worker is stopped and replaced for the next. */
  private fail(error: Error): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    current.job.reject(error);
    this.next();
  }
}

const reader = new IsolatedReader();

function runWorker(request: ReadRequest, name: string, limits: ReadLimits): Promise<InputDocument> {
  return reader.read(request, name, limits);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** readDocumentFile (./input.ts), in a worker with `limits`. */
export function readDocumentFileIsolated(
  path: string,
  options: ReadOptions = {},
  limits: ReadLimits = READ_LIMITS,
): Promise<InputDocument> {
  return runWorker({ kind: 'file', path, options }, baseName(path), limits);
}

/** readDocumentBytes (./input.ts), in a worker with `limits`. */
export function readDocumentBytesIsolated(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  limits: ReadLimits = READ_LIMITS,
): Promise<InputDocument> {
  return runWorker({ kind: 'bytes', name, bytes, options }, name, limits);
}
