/**
 * What the controller's tests construct it with: an in-memory host API that records every call
 * and lets a test hold an answer back (a dialog still open, a file still reading), and a headless
 * editor surface that holds an EditorState and dispatches through the editor's own Plenary
 * dispatch (tracking, undo steps) — so the controller runs as in the window, without a DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditorState, Transaction } from 'prosemirror-state';
import { parseDocument, serializeDocument } from '../../shared/file/format.js';
import { describeTextInForce } from '../../shared/library/index.js';
import { importText } from '../../shared/import/text/index.js';
import type { LibraryText, OpenOutcome, PlenaryApi, RecoverySnapshot, SaveOutcome, Settings } from '../../shared/ipc/api.js';
import { plenaryDispatch } from '../../renderer/editor/create-editor.js';
import { AppController } from '../../renderer/controller/controller.js';
import type { EditorSurface } from '../../renderer/controller/editor-surface.js';

/** A fixture's text, read from the repository root (where vitest runs; under happy-dom import.meta.url is no file URL). */
export const fixtureText = (name: string): string => readFileSync(join('test', 'fixtures', name), 'utf8');

/** A fixture as the host hands it over after an Open: `.plenary` JSON. */
export function opened(name: string, options: { imported?: boolean; fileId?: string } = {}): OpenOutcome {
  const content = serializeDocument(importText(fixtureText(name)).doc);
  return {
    ok: true,
    document: { fileId: options.fileId ?? 'f_1', name, content, imported: options.imported ?? false, warnings: [], revision: 'r0' },
  };
}

/** A promise a test resolves when it chooses: an answer the host is still preparing. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface FakeHost {
  api: PlenaryApi;
  /** Every call, in order: `method(first argument)`. */
  calls: string[];
  settings: Settings;
  saved: Array<{ fileId: string | null; content: string }>;
  exported: Array<{ content: string; mode: string; name: string }>;
  recovery: RecoverySnapshot[];
  /** The library of texts in force, and each text's `.plenary` JSON by id. */
  library: LibraryText[];
  libraryContent: Map<string, string>;
  /** What the next dialog answers (null: the user cancelled); a promise holds the answer back. */
  next: {
    initial?: OpenOutcome | null;
    open?: OpenOutcome | null | Promise<OpenOutcome | null>;
    version?: OpenOutcome | null;
    resolution?: OpenOutcome | null;
    libraryFile?: OpenOutcome | null;
    saveAs?: string | null;
  };
}

export function fakeHost(settings: Partial<Settings> = {}): FakeHost {
  const host: FakeHost = {
    calls: [],
    settings: { authorName: '', language: 'fr', ...settings },
    saved: [],
    exported: [],
    recovery: [],
    library: [],
    libraryContent: new Map(),
    next: {},
    api: undefined as unknown as PlenaryApi,
  };
  const call = (name: string, arg?: unknown) => host.calls.push(arg === undefined ? name : `${name}(${String(arg)})`);
  /** The names of the files the host granted, by id, as the host keeps them. */
  const names = new Map<string, string>();
  const granted = <T extends OpenOutcome | null>(outcome: T): T => {
    if (outcome?.ok) names.set(outcome.document.fileId, outcome.document.name);
    return outcome;
  };
  host.api = {
    openDialog: async () => (call('openDialog'), granted(await (host.next.open ?? null))),
    openRecent: async () => ({ ok: false, error: 'no recent files' }),
    listRecent: async () => [],
    initialDocument: async () => (call('initialDocument'), granted(host.next.initial ?? null)),
    openDropped: async (name) => (call('openDropped', name), opened(name, { imported: true, fileId: '' })),
    chooseResolution: async () => (call('chooseResolution'), host.next.resolution ?? null),
    chooseVersion: async () => (call('chooseVersion'), host.next.version ?? null),
    chooseLibraryFile: async () => (call('chooseLibraryFile'), host.next.libraryFile ?? null),
    // As the host's library does (node/services/library.ts): one text per number, body, version and language unless told otherwise.
    addToLibrary: async (content, info, duplicate) => {
      call('addToLibrary', duplicate);
      const described = describeTextInForce(parseDocument(content).doc);
      if (!described) return { ok: false, error: 'The document holds no resolution.' };
      const same = host.library.findIndex(
        (text) =>
          text.number === info.number && text.body === info.body && text.version === info.version && text.language === info.language,
      );
      if (same >= 0 && duplicate === 'ask') return { ok: false, duplicate: host.library[same]! };
      const replacing = same >= 0 && duplicate === 'replace';
      const text: LibraryText = { ...described, ...info, id: replacing ? host.library[same]!.id : `t${host.library.length + 1}` };
      if (replacing) host.library[same] = text;
      else host.library.push(text);
      host.libraryContent.set(text.id, content);
      return { ok: true, text, replaced: replacing };
    },
    searchLibrary: async (query) => (
      call('searchLibrary', query),
      host.library.filter((text) => `${text.number} ${text.title}`.includes(query))
    ),
    readLibraryText: async (id) => {
      call('readLibraryText', id);
      const text = host.library.find((candidate) => candidate.id === id);
      const content = text ? host.libraryContent.get(id) : undefined;
      return text && content
        ? { ok: true, document: { fileId: '', name: text.numberLine, content, imported: true, warnings: [], revision: '' } }
        : { ok: false, error: 'That text is no longer in the library.' };
    },
    revealExport: async () => false,
    save: async (fileId, content) => {
      call('save', fileId);
      host.saved.push({ fileId, content });
      return { ok: true, fileId, name: names.get(fileId) ?? fileId, revision: 'r1' } satisfies SaveOutcome;
    },
    saveAs: async (content, suggested) => {
      call('saveAs', suggested);
      const name = host.next.saveAs === undefined ? suggested : host.next.saveAs;
      if (name === null) return null;
      host.saved.push({ fileId: null, content });
      names.set(`f_${name}`, name);
      return { ok: true, fileId: `f_${name}`, name, revision: 'r1' } satisfies SaveOutcome;
    },
    exportDocx: async (content, mode, name) => {
      call('exportDocx', name);
      host.exported.push({ content, mode, name });
      return { ok: true, name };
    },
    writeRecovery: async (sessionId) => void call('writeRecovery', sessionId),
    clearRecovery: async (sessionId) => void call('clearRecovery', sessionId),
    listRecovery: async () => (call('listRecovery'), host.recovery),
    getSettings: async () => (call('getSettings'), host.settings),
    setSettings: async (update) => (call('setSettings', JSON.stringify(update)), (host.settings = { ...host.settings, ...update })),
    setDirty: async (dirty) => void call('setDirty', dirty),
    saveEnded: async (saved) => void call('saveEnded', saved),
    onMenuCommand: () => () => undefined,
  };
  return host;
}

/** The editor without a view: a state, the Plenary dispatch, and a record of focus and scrolling. */
export class HeadlessSurface implements EditorSurface {
  editable = true;
  focusCount = 0;
  centered: number[] = [];
  revealed: number[] = [];
  refused: string[] = [];
  private readonly dispatcher: (tr: Transaction) => void;

  constructor(
    public state: EditorState,
    controller: AppController,
  ) {
    this.dispatcher = plenaryDispatch(this, {
      onApplied: (tr) => controller.transactionApplied(this.state, tr),
      onRefused: (message) => this.refused.push(message),
    });
  }

  updateState(state: EditorState): void {
    this.state = state;
  }

  dispatch(tr: Transaction): void {
    // A read-only preview refuses edits (its own filter); the view would too.
    this.dispatcher(tr);
  }

  show(state: EditorState, editable: boolean): void {
    this.state = state;
    this.editable = editable;
  }

  focus(): void {
    this.focusCount++;
  }

  center(pos: number): void {
    this.centered.push(pos);
  }

  revealBlock(pos: number): void {
    this.revealed.push(pos);
  }
}

/** A started controller on a headless editor, as the window has it after start-up. */
export async function startedController(host: FakeHost, confirm: (question: string) => boolean = () => true) {
  const questions: string[] = [];
  const controller = new AppController({
    api: host.api,
    confirm: (question) => {
      questions.push(question);
      return confirm(question);
    },
  });
  const surface = new HeadlessSurface(controller.initialEditorState(), controller);
  controller.attach(surface);
  await controller.start();
  return { controller, surface, questions };
}
