/**
 * Large pastes read off the page's thread (renderer/editor/paste-*.ts): what the worker reads gives
 * the same slice as the synchronous path, hostile lines included; the reader's time limit stops and
 * refuses in one line; the place of a paste follows the edits made while it is read.
 */
import type { Slice } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { describe, expect, it, vi } from 'vitest';
import { parsePastedText, pasteContext, pastedSlice } from '../../shared/editing/index.js';
import { clipboardHtmlToText } from '../../shared/import/index.js';
import { schema } from '../../shared/schema/index.js';
import { createEditorState } from '../../renderer/editor/create-editor.js';
import { markPending, pendingPlace, unmarkPending } from '../../renderer/editor/paste-later.js';
import type { PasteReply, PasteRequest } from '../../renderer/editor/paste-protocol.js';
import { readPaste } from '../../renderer/editor/paste-read.js';
import { pasteTooLarge, workerPasteReader, PASTE_LIMITS, type PasteWorker } from '../../renderer/editor/paste-reader.js';
import { fixture, fixtureDocument } from '../support/fixtures.js';

const resolution = fixtureDocument('council-res-1332-c24.txt');

/** The position inside the text of the first item whose text starts with `start`. */
function inItemText(start: string): number {
  let at = -1;
  resolution.descendants((node, pos) => {
    if (at < 0 && node.type.name === 'item_text' && node.textContent.startsWith(start)) at = pos + 1;
    return at < 0;
  });
  expect(at).toBeGreaterThan(0);
  return at;
}

/**
 * A slice as JSON with its block ids numbered in order of appearance: each import draws fresh
 * random ids, so two reads of one text differ in them only (references keep pointing at the same block).
 */
function shape(slice: Slice): string {
  const numbered = new Map<string, string>();
  const number = (id: string) => numbered.get(id) ?? numbered.set(id, `#${numbered.size}`).get(id)!;
  return JSON.stringify(slice.toJSON(), (key, value: unknown) =>
    (key === 'id' || key === 'target' || key === 'movedFrom') && typeof value === 'string' ? number(value) : value,
  );
}

/** The slice of a paste as the worker path builds it: readPaste's JSON back into nodes, then pastedSlice. */
function sliceThroughWorker(request: PasteRequest, at: number) {
  const reply = readPaste(JSON.parse(JSON.stringify(request)) as PasteRequest);
  if (!reply.ok) throw new Error(reply.error);
  const cloned = JSON.parse(JSON.stringify(reply)) as typeof reply;
  const items = cloned.pasted && { items: cloned.pasted.items.map((item) => schema.nodeFromJSON(item)), style: cloned.pasted.style };
  return pastedSlice(cloned.text, items, resolution.resolve(at), schema);
}

describe('the worker reads a paste as the synchronous path does', () => {
  const at = inItemText("que l'UIT doit jouer le rôle de coordonnateur");

  it('the operative part of the fixture, pasted in an item of décide', () => {
    const text = fixture('council-res-1332-c24.txt').split('\n');
    const decides = text.findIndex((line) => line.trim() === 'décide');
    const operative = text.slice(decides + 1, decides + 12).join('\n');
    const expected = parsePastedText(operative, resolution.resolve(at), schema);
    expect(expected.content.childCount).toBeGreaterThan(0);
    const viaWorker = sliceThroughWorker({ text: operative, html: null, context: pasteContext(resolution.resolve(at)) }, at);
    expect(shape(viaWorker)).toBe(shape(expected));
  });

  it("Word's clipboard HTML, and plain text when the HTML holds none", () => {
    const html = fixture('clipboard/word-res1332-excerpt.html');
    const context = pasteContext(resolution.resolve(at));
    const expected = parsePastedText(clipboardHtmlToText(html), resolution.resolve(at), schema);
    expect(shape(sliceThroughWorker({ text: 'ignored', html, context }, at))).toBe(shape(expected));
    const plain = sliceThroughWorker({ text: 'deux\nlignes', html: '<img src="x.png">', context }, at);
    expect(shape(plain)).toBe(shape(parsePastedText('deux\nlignes', resolution.resolve(at), schema)));
  });

  it('hostile lines (80,000 spaces after a bracket or a label) are read, not refused', () => {
    const hostile = ['[' + ' '.repeat(80_000), `1\t${' '.repeat(80_000)}x`, `a)\tque ${'['.repeat(80_000)}`].join('\n');
    const context = pasteContext(resolution.resolve(at));
    const reply = readPaste({ text: hostile, html: null, context });
    expect(reply.ok && reply.pasted?.items.length).toBeGreaterThan(0);
    const viaWorker = sliceThroughWorker({ text: hostile, html: null, context }, at);
    expect(shape(viaWorker)).toBe(shape(parsePastedText(hostile, resolution.resolve(at), schema)));
    expect(viaWorker.content.textBetween(0, viaWorker.content.size)).toContain('['.repeat(80_000));
  });
});

/** A worker stand-in: records what the reader does to it; the test answers (or not). */
function fakeWorker() {
  const worker: PasteWorker & { posted: PasteRequest[]; terminated: number } = {
    onmessage: null,
    onerror: null,
    posted: [],
    terminated: 0,
    postMessage(request) {
      this.posted.push(request);
    },
    terminate() {
      this.terminated++;
    },
  };
  return worker;
}

const request: PasteRequest = { text: 'x', html: null, context: { language: 'fr', sectionHeader: null } };

describe('the paste reader', () => {
  it('stops a worker past its time and refuses in one line', async () => {
    vi.useFakeTimers();
    try {
      const worker = fakeWorker();
      const reader = workerPasteReader({ ...PASTE_LIMITS, timeMs: 2_000 }, () => worker);
      const read = reader.read(request);
      const refused = expect(read).rejects.toThrow(/^The pasted text took longer than 2 s to read and was not pasted\.$/);
      expect(worker.posted).toEqual([request]);
      await vi.advanceTimersByTimeAsync(2_000);
      await refused;
      expect(worker.terminated).toBe(1);
      // A late answer from the stopped worker changes nothing.
      expect(worker.onmessage).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the answer and ends the worker; an error or a refusal in the worker is one line', async () => {
    const answered = fakeWorker();
    const reply: PasteReply = { ok: true, text: 'x', pasted: null };
    const read = workerPasteReader(PASTE_LIMITS, () => answered).read(request);
    answered.onmessage!({ data: reply } as MessageEvent<PasteReply>);
    await expect(read).resolves.toEqual(reply);
    expect(answered.terminated).toBe(1);

    const failing = fakeWorker();
    const failed = workerPasteReader(PASTE_LIMITS, () => failing).read(request);
    failing.onerror!({ message: 'Uncaught RangeError: Maximum call stack\nsize exceeded', preventDefault: () => undefined } as ErrorEvent);
    await expect(failed).rejects.toThrow(/^The pasted text could not be read: Uncaught RangeError: Maximum call stack size exceeded$/);
    expect(failing.terminated).toBe(1);

    const refusing = fakeWorker();
    const refused = workerPasteReader(PASTE_LIMITS, () => refusing).read(request);
    refusing.onmessage!({ data: { ok: false, error: 'the text is nested too deeply' } } as MessageEvent<PasteReply>);
    await expect(refused).rejects.toThrow('The pasted text could not be read: the text is nested too deeply');

    await expect(
      workerPasteReader(PASTE_LIMITS, () => {
        throw new Error('blocked by the Content-Security-Policy');
      }).read(request),
    ).rejects.toThrow('The pasted text could not be read: blocked by the Content-Security-Policy');
  });

  it('refuses a paste past the size bound before reading it', () => {
    expect(pasteTooLarge(PASTE_LIMITS.maxChars, PASTE_LIMITS)).toBeNull();
    expect(pasteTooLarge(9 * 1024 * 1024, PASTE_LIMITS)).toBe(
      'The pasted text is 9.0 MB; Plenary pastes at most 8.0 MB at once. Paste it in parts, or open it as a file.',
    );
  });
});

describe('the place of a paste being read', () => {
  it('follows the edits made meanwhile: typing at the place stays after the paste, text before shifts it, a deletion collapses it', () => {
    let state = createEditorState(resolution, { author: 'Test' });
    const at = inItemText("que l'UIT doit jouer le rôle de coordonnateur");
    state = state.apply(markPending(state.tr, 7, { from: at, to: at + 4 }));
    expect(pendingPlace(state, 7)).toEqual({ from: at, to: at + 4 });

    // The user types where the paste goes (the selection of the paste, replaced): the paste comes first.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at, at + 4)).insertText('Q'));
    expect(pendingPlace(state, 7)).toEqual({ from: at, to: at });
    expect(state.doc.textBetween(at, at + 1)).toBe('Q');

    // Text typed earlier in the document moves it along.
    const earlier = inItemText('la Résolution');
    expect(earlier).toBeLessThan(at);
    state = state.apply(state.tr.insertText('EARLIER ', earlier));
    expect(pendingPlace(state, 7)).toEqual({ from: at + 8, to: at + 8 });

    // The text around it deleted: it lands where the deletion was.
    state = state.apply(state.tr.delete(at + 8 - 3, at + 8 + 5));
    expect(pendingPlace(state, 7)).toEqual({ from: at + 5, to: at + 5 });

    state = state.apply(unmarkPending(state.tr, 7));
    expect(pendingPlace(state, 7)).toBeUndefined();
  });
});
