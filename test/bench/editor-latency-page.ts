/**
 * The page side of the editor latency benchmark (bundled by editor-latency.bench.ts with esbuild
 * and loaded into Chromium). It mounts either
 * - `ours`: the whole Plenary window (App: toolbar, outline, status bar, labels, tracking, recovery
 *   snapshots to an in-memory host), tracking off,
 * - `ours-tracking`: the same window with suggestion mode on (every keystroke is tracked), or
 * - `bare`: a bare ProseMirror editor — the basic schema's doc/paragraph/text, baseKeymap and
 *   history — holding the same text, one paragraph per textblock,
 * and records, for every key typed, the time from the keydown event to the frame that shows it
 * (requestAnimationFrame, then a task after that frame).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Schema, type Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
// The window's stylesheets, all of them, as the app loads them.
import '../../renderer/styles.js';
import { App } from '../../renderer/App.js';
import { PickerBridge } from '../../renderer/controller/picker-bridge.js';
import { textImporter } from '../../renderer/paste-import.js';
import { parseDocument } from '../../shared/file/index.js';
import type { PlenaryApi, Settings } from '../../shared/ipc/index.js';
import { setTrackingEnabled } from '../../shared/tracking/index.js';

/** prosemirror-schema-basic's doc, paragraph and text (the package itself is not a dependency). */
const basicSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
    text: { group: 'inline' },
  },
  marks: {
    em: { parseDOM: [{ tag: 'em' }], toDOM: () => ['em', 0] },
    strong: { parseDOM: [{ tag: 'strong' }], toDOM: () => ['strong', 0] },
  },
});

/** The three editors measured side by side: ours with tracking off and on, and bare ProseMirror. */
export type BenchEditor = 'ours' | 'ours-tracking' | 'bare';

declare global {
  interface Window {
    benchLatencies: number[];
    benchMount(kind: BenchEditor, content: string): Promise<void>;
    /** Opens the document and returns the milliseconds from the request to the first frame showing its text (editor-open.bench.ts). */
    benchOpen(kind: BenchEditor, content: string, firstWords: string): Promise<number>;
  }
}

/** Resolves on the first animation frame at which `done()` holds (no coarse timer between checks). */
function untilFrame(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve() : requestAnimationFrame(check));
    check();
  });
}

window.benchLatencies = [];

function recordLatencies(): void {
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key.length !== 1) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        setTimeout(() => window.benchLatencies.push(performance.now() - start), 0);
      });
    },
    true,
  );
}

/** The middle of the middle textblock of the middle item: where the delegate types. */
function middleOfDocument(doc: Node, isTarget: (node: Node) => boolean): number {
  const candidates: Array<{ pos: number; node: Node }> = [];
  doc.descendants((node, pos) => {
    if (isTarget(node)) candidates.push({ pos, node });
    return !node.isTextblock;
  });
  const target = candidates[Math.floor(candidates.length / 2)]!;
  return target.pos + 1 + Math.floor(target.node.content.size / 2);
}

function placeCaret(view: EditorView, pos: number): void {
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView());
}

function memoryHost(content: string): PlenaryApi {
  let settings: Settings = { authorName: 'Bench', language: 'fr' };
  let pending: string | null = content;
  return {
    openDialog: async () => null,
    openRecent: async () => ({ ok: false, error: 'none' }),
    openDropped: async () => ({ ok: false, error: 'none' }),
    chooseResolution: async () => null,
    chooseVersion: async () => null,
    searchLibrary: async () => [],
    readLibraryText: async () => ({ ok: false, error: 'none' }),
    chooseLibraryFile: async () => null,
    addToLibrary: async () => ({ ok: false, error: 'none' }),
    revealExport: async () => false,
    listRecent: async () => [],
    // Handed over once, as the desktop host does over IPC: the page does not keep the file's text.
    initialDocument: async () => {
      const text = pending ?? '';
      pending = null;
      return {
        ok: true,
        document: {
          fileId: 'f_bench000000000000000000',
          name: 'bench.plenary',
          content: text,
          imported: false,
          warnings: [],
          revision: '',
        },
      };
    },
    save: async () => ({ ok: false, error: 'read-only' }),
    saveAs: async () => null,
    exportDocx: async () => null,
    writeRecovery: async () => undefined,
    clearRecovery: async () => undefined,
    listRecovery: async () => [],
    getSettings: async () => settings,
    setSettings: async (update) => (settings = { ...settings, ...update }),
    setDirty: async () => undefined,
    saveEnded: async () => undefined,
    onMenuCommand: () => () => undefined,
  };
}

async function mountOurs(content: string, tracking: boolean): Promise<void> {
  const root = document.getElementById('root')!;
  let view: EditorView | null = null;
  createRoot(root).render(
    createElement(App, {
      api: memoryHost(content),
      picker: new PickerBridge(),
      browserHost: false,
      importText: textImporter,
      onEditorView: (v: EditorView) => {
        view = v;
      },
    }),
  );
  await untilFrame(() => document.querySelector('.app[data-ready="true"]') !== null);
  const ready = view as EditorView | null;
  if (!ready) throw new Error('the editor view was not reported');
  // Suggestion mode as a delegate uses it: every keystroke becomes (part of) a tracked insertion.
  if (tracking) ready.dispatch(setTrackingEnabled(ready.state, true));
  placeCaret(
    ready,
    middleOfDocument(ready.state.doc, (node) => node.type.name === 'item_text'),
  );
}

function mountBare(content: string): void {
  const { doc } = parseDocument(content);
  const paragraphs: Node[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const text = node.textContent;
    paragraphs.push(basicSchema.nodes.paragraph!.create(null, text ? basicSchema.text(text) : null));
    return false;
  });
  const root = document.getElementById('root')!;
  root.innerHTML = '<div class="page-scroller" style="height:100vh"><div class="page"><div class="page-editor"></div></div></div>';
  const view = new EditorView(root.querySelector('.page-editor')!, {
    state: EditorState.create({
      doc: basicSchema.nodes.doc!.create(null, paragraphs),
      plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo }), keymap(baseKeymap)],
    }),
  });
  placeCaret(
    view,
    middleOfDocument(view.state.doc, (node) => node.type.name === 'paragraph'),
  );
}

window.benchMount = async (kind, content) => {
  recordLatencies();
  if (kind === 'bare') mountBare(content);
  else await mountOurs(content, kind === 'ours-tracking');
};

window.benchOpen = async (kind, content, firstWords) => {
  const start = performance.now();
  if (kind === 'bare') mountBare(content);
  else await mountOurs(content, kind === 'ours-tracking');
  // The text is in the page, then the frame that paints it has been produced.
  await untilFrame(() => (document.querySelector('.ProseMirror')?.textContent ?? '').includes(firstWords));
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
};
