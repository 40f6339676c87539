/** The changes list of the panels' store: computed only while the panel is shown, once per document. */
import { describe, expect, it, vi } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { listChanges } from '../../shared/tracking/index.js';
import { EditorStore, currentChangeKey } from '../../renderer/store.js';
import { at, deleteText, trackedSession, typeAt } from '../support/review.js';
import { toggleTracking } from '../../shared/tracking/index.js';
import type { EditorState, Transaction } from 'prosemirror-state';

/** The transaction of the Track Changes toggle. */
function toggled(state: EditorState): Transaction {
  let made: Transaction | null = null;
  toggleTracking(state, (tr) => (made = tr));
  if (!made) throw new Error('toggleTracking did not apply');
  return made;
}

describe('the changes in the store', () => {
  it('are listed only while the panel is shown, and recomputed only when the document changed', () => {
    const store = new EditorStore(10_000);
    let state = deleteText(trackedSession('Marie'), 'principal ');
    store.refresh(state);
    expect(store.getSnapshot().changes).toBeNull();
    store.setChangesVisible(true, state);
    const first = store.getSnapshot().changes;
    expect(first?.map((c) => c.excerpt)).toEqual(['principal ']);
    // A selection move keeps the same list object (the panel does not re-render its rows).
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state.doc, 'aux côtés'))));
    store.refresh(state);
    expect(store.getSnapshot().changes).toBe(first);
    state = typeAt(state, at(state.doc, "de l'Agenda de Tunis;", true) - 1, ' et de Genève');
    store.refresh(state);
    expect(store.getSnapshot().changes?.map((c) => c.excerpt)).toEqual(['principal ', ' et de Genève']);
    store.setChangesVisible(false, state);
    expect(store.getSnapshot().changes).toBeNull();
  });

  it('know the change at the cursor, by id and kind', () => {
    const start = trackedSession('Marie');
    const state = typeAt(start, at(start.doc, "de l'Agenda de Tunis;", true) - 1, ' et de Genève');
    const changes = listChanges(state.doc);
    const [insertion] = changes;
    expect(currentChangeKey(changes, state.selection.head)).toBe(`${insertion!.id}:insertion`);
    expect(currentChangeKey(changes, insertion!.from - 10)).toBeNull();
    expect(currentChangeKey(null, state.selection.head)).toBeNull();
  });
});

describe('when the panels are rebuilt', () => {
  /** Counts the rebuilds the panels would see, over fake timers (no requestIdleCallback in Node). */
  function counting(store: EditorStore): () => number {
    let rebuilds = 0;
    let outline = store.getSnapshot().outline;
    store.subscribe(() => {
      // A rebuild makes a new outline; the toggles' state shown at once (below) is not one.
      if (store.getSnapshot().outline !== outline) rebuilds++;
      outline = store.getSnapshot().outline;
    });
    return () => rebuilds;
  }

  it('after a pause in the typing, and at least every maxWait while it goes on, never per keystroke', () => {
    vi.useFakeTimers();
    try {
      const store = new EditorStore(300, 2000);
      const rebuilds = counting(store);
      let state = trackedSession('Marie');
      // A fast typist: a key every 80 ms for 3 s.
      for (let elapsed = 0; elapsed < 3000; elapsed += 80) {
        state = typeAt(state, at(state.doc, 'aux côtés'), 'x');
        store.editorChanged(state);
        vi.advanceTimersByTime(80);
      }
      expect(rebuilds()).toBe(1);
      // The pause: the panels catch up with the last keystroke.
      vi.advanceTimersByTime(300);
      expect(rebuilds()).toBe(2);
      expect(store.getSnapshot().wordCount).toBeGreaterThan(0);
      // Nothing more without a change.
      vi.advanceTimersByTime(5000);
      expect(rebuilds()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the toggles' state at once, without waiting for the panels: tracking off and on again, undo", () => {
    vi.useFakeTimers();
    try {
      const store = new EditorStore(300, 2000);
      let notified = 0;
      store.subscribe(() => notified++);
      let state = trackedSession('Marie');
      store.refresh(state);
      expect(store.getSnapshot()).toMatchObject({ tracking: true, author: 'Marie', canUndo: false });
      const outline = store.getSnapshot().outline;
      state = state.apply(toggled(state));
      store.editorChanged(state);
      expect(store.getSnapshot().tracking).toBe(false);
      state = state.apply(toggled(state));
      store.editorChanged(state);
      expect(store.getSnapshot().tracking).toBe(true);
      state = typeAt(state, at(state.doc, 'aux côtés'), 'x');
      store.editorChanged(state);
      expect(store.getSnapshot().canUndo).toBe(true);
      // Three toggles shown, and the panels not rebuilt for them (their timer has not run).
      expect(notified).toBe(4);
      expect(store.getSnapshot().outline).toBe(outline);
      // A keystroke that changes no toggle notifies nobody.
      state = typeAt(state, at(state.doc, 'aux côtés'), 'y');
      store.editorChanged(state);
      expect(notified).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
