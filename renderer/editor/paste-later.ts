/**
 * A large paste, read in a worker (./paste-reader.ts), lands where the user pasted it: the place
 * is kept in a plugin's state and mapped through every transaction made meanwhile (typing goes on
 * while the worker reads), so the pasted items replace the selection of the paste as it is now —
 * text typed at that place meanwhile stays after them, as if the paste had come first.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { pasteContext, pastedSlice, replaceRangeKeepingStructure } from '../../shared/editing/index.js';
import { messageOf } from '../../shared/errors/index.js';
import { schema } from '../../shared/schema/index.js';
import type { PasteRequest } from './paste-protocol.js';
import { pasteTooLarge, type PasteReader } from './paste-reader.js';

export interface Place {
  from: number;
  to: number;
}

type PendingPastes = ReadonlyMap<number, Place>;

type PendingMeta = { add: number; place: Place } | { remove: number };

const pendingKey = new PluginKey<PendingPastes>('pendingPastes');

/** Keeps the places of the pastes being read, mapped through every change of the document. */
export function pendingPastesPlugin(): Plugin<PendingPastes> {
  return new Plugin<PendingPastes>({
    key: pendingKey,
    state: {
      init: () => new Map(),
      apply(tr: Transaction, pending: PendingPastes): PendingPastes {
        const meta = tr.getMeta(pendingKey) as PendingMeta | undefined;
        if (!meta && (!tr.docChanged || pending.size === 0)) return pending;
        const entries = [...pending];
        if (meta && 'add' in meta) entries.push([meta.add, meta.place]);
        const next = new Map<number, Place>();
        // Both ends stick to what precedes them: text typed at the place meanwhile stays after the
        // paste; text that replaced the selection of the paste is kept, the paste goes before it.
        for (const [id, place] of entries) {
          const from = tr.mapping.map(place.from, -1);
          const end = tr.mapping.mapResult(place.to, -1);
          next.set(id, { from, to: end.deletedBefore ? from : Math.max(from, end.pos) });
        }
        if (meta && 'remove' in meta) next.delete(meta.remove);
        return next;
      },
    },
  });
}

export interface PasteLaterOptions {
  reader: PasteReader;
  /** Tells the user a paste is being read; the function returned takes the notice away. */
  announce?: (text: string) => () => void;
  refuse: (message: string) => void;
}

let nextPasteId = 1;

/** Where paste `id` lands now (its place at the paste, mapped since), or undefined once it is gone. */
export function pendingPlace(state: EditorState, id: number): Place | undefined {
  return pendingKey.getState(state)?.get(id);
}

/** `tr` notes paste `id`, to land at `place` (positions in the document `tr` starts from). */
export function markPending(tr: Transaction, id: number, place: Place): Transaction {
  return tr.setMeta(pendingKey, { add: id, place } satisfies PendingMeta);
}

/** `tr` lands paste `id` (or gives it up): its place is no longer kept. */
export function unmarkPending(tr: Transaction, id: number): Transaction {
  return tr.setMeta(pendingKey, { remove: id } satisfies PendingMeta);
}

/**
 * The editor's paste event: a paste of more than `limits.syncChars` characters from outside the
 * editor is read in the worker (true: the event is handled here); a smaller one, or a slice copied
 * in the editor itself, is left to ProseMirror's own, synchronous path (false).
 */
export function pasteLater(view: EditorView, event: ClipboardEvent, options: PasteLaterOptions): boolean {
  const data = event.clipboardData;
  if (!data || !view.editable || !pendingKey.getState(view.state)) return false;
  const html = data.getData('text/html');
  // A slice copied in this editor carries its structure (data-pm-slice): ProseMirror reads it.
  if (html && /data-pm-slice/.test(html)) return false;
  const text = data.getData('text/plain');
  const size = Math.max(text.length, html.length);
  const { limits } = options.reader;
  if (size <= limits.syncChars) return false;
  event.preventDefault();
  const tooLarge = pasteTooLarge(size, limits);
  if (tooLarge) {
    options.refuse(tooLarge);
    return true;
  }
  const id = nextPasteId++;
  const { from, to, $from } = view.state.selection;
  view.dispatch(markPending(view.state.tr, id, { from, to }));
  const request: PasteRequest = { text, html: html || null, context: pasteContext($from) };
  const done = options.announce?.('Reading the pasted text…');
  void options.reader.read(request).then(
    (read) => {
      done?.();
      const place = pendingPlace(view.state, id);
      if (!place || view.isDestroyed) {
        options.refuse('The paste was not made: another document was opened while it was read.');
        return;
      }
      let tr: Transaction;
      try {
        const items = read.pasted && { items: read.pasted.items.map((item) => schema.nodeFromJSON(item)), style: read.pasted.style };
        const slice = pastedSlice(read.text, items, view.state.doc.resolve(place.from), schema);
        // Over a selection across a section's edge, the structure stays (as typing over it).
        tr = replaceRangeKeepingStructure(view.state.tr, place.from, place.to, slice);
      } catch (error) {
        forget(view, id);
        options.refuse(`The pasted text could not be placed here: ${messageOf(error)}`);
        return;
      }
      // The caret still where the paste goes: it ends after the pasted text, in view, as for any paste.
      if (view.state.selection.empty && view.state.selection.from === place.to) tr.scrollIntoView();
      view.dispatch(unmarkPending(tr, id).setMeta('uiEvent', 'paste'));
      // An edit the editor refused (suggestion mode, the size limit) left the place pending.
      forget(view, id);
    },
    (error: unknown) => {
      done?.();
      forget(view, id);
      options.refuse(messageOf(error));
    },
  );
  return true;
}

function forget(view: EditorView, id: number): void {
  if (!view.isDestroyed && pendingPlace(view.state, id))
    view.dispatch(view.state.tr.setMeta(pendingKey, { remove: id } satisfies PendingMeta));
}
