/**
 * Consecutive typing by one author ends as ONE insertion (issue 5), including what a browser IME or
 * a dead key produces: a composition replaces its own provisional text several times (replaceWith
 * over the range it just wrote), then commits with a final insertText over that range. These are
 * the transaction shapes prosemirror-view dispatches; each goes through the tracker on its own,
 * as the editor's dispatch does.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { schema } from '../../shared/schema/index.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { smallResolution } from './tracking-documents.js';
import { itemTexts, textPos } from './tracking-support.js';

const now = () => '2026-11-23T10:00:00.000Z';
const alice = { name: 'Alice' };
const bob = { name: 'Bob' };
const original = smallResolution();

function tracked(state: EditorState, tr: Transaction, who = alice): EditorState {
  const next = state.apply(trackTransaction(tr, state, who, now));
  next.doc.check();
  return next;
}

function at(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/**
 * A composition at the selection: each provisional string replaces the previous one (the first
 * replaces the selection), then `final` is committed over the last provisional range.
 */
function compose(state: EditorState, provisional: string[], final: string, who = alice): EditorState {
  let s = state;
  let from = s.selection.from;
  let to = s.selection.to;
  for (const text of provisional) {
    s = tracked(s, s.tr.replaceWith(from, to, schema.text(text)).setMeta('composition', 1), who);
    // The view keeps the composition's range: it ends at the cursor the tracker left.
    to = s.selection.from;
    from = to - text.length;
  }
  return tracked(s, s.tr.insertText(final, from, to), who);
}

function insertions(state: EditorState) {
  return listChanges(state.doc).filter((c) => c.kind === 'insertion');
}

describe('IME composition and dead keys under suggestion mode', () => {
  it('a composition in fresh text ends as one insertion holding the committed text', () => {
    const s = compose(at(EditorState.create({ doc: original }), textPos(original, 'Résolution')), ['n', 'ni', 'nih', '日'], '日本');
    expect(insertions(s)).toHaveLength(1);
    expect(insertions(s)[0]!.excerpt).toBe('日本');
    expect(itemTexts(acceptAll(s.doc))[0]).toBe('la 日本Résolution 70/125;');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('a dead key (´ then é over it) right after typed text continues the same insertion', () => {
    let s = at(EditorState.create({ doc: original }), textPos(original, 'Résolution'));
    s = tracked(s, s.tr.insertText('r'));
    const typed = insertions(s)[0]!.id;
    s = compose(s, ['´'], 'é');
    s = tracked(s, s.tr.insertText('solu'));
    expect(insertions(s).map((c) => [c.id, c.excerpt])).toEqual([[typed, 'résolu']]);
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('keeps the id of the first provisional text, so the changes panel does not see it flicker', () => {
    let s = at(EditorState.create({ doc: original }), textPos(original, 'dernier'));
    const ids: string[] = [];
    let from = s.selection.from;
    for (const text of ['k', 'ka', 'か']) {
      s = tracked(s, s.tr.replaceWith(from, s.selection.from, schema.text(text)));
      ids.push(insertions(s)[0]!.id);
      from = s.selection.from - text.length;
    }
    s = tracked(s, s.tr.insertText('かな', from, s.selection.from));
    ids.push(insertions(s)[0]!.id);
    expect(new Set(ids).size).toBe(1);
    expect(insertions(s)).toHaveLength(1);
  });

  it('a composition over a selection is one deletion and one insertion', () => {
    const pos = textPos(original, '70/125');
    const s = compose(at(EditorState.create({ doc: original }), pos, pos + 6), ['c', 'ce', 'cen'], 'cent');
    expect(listChanges(s.doc).map((c) => [c.kind, c.excerpt])).toEqual([
      ['deletion', '70/125'],
      ['insertion', 'cent'],
    ]);
    expect(itemTexts(acceptAll(s.doc))[0]).toBe('la Résolution cent;');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it("a composition inside another author's insertion stays out of it and whole", () => {
    let s = at(EditorState.create({ doc: original }), textPos(original, 'Résolution'));
    s = tracked(s, s.tr.insertText('nouvelle '), bob);
    s = at(s, textPos(s.doc, 'velle'));
    s = compose(s, ['´', 'é'], 'é');
    const mine = insertions(s).filter((c) => c.author === 'Alice');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.excerpt).toBe('é');
    expect(itemTexts(acceptAll(s.doc))[0]).toBe('la nouévelle Résolution 70/125;');
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });

  it('a composition typed at the end of a paragraph, then Enter-free typing, is one insertion', () => {
    const end = textPos(original, 'trois.') + 'trois.'.length;
    let s = compose(at(EditorState.create({ doc: original }), end), [' ´', ' é'], ' é');
    s = tracked(s, s.tr.insertText('t'));
    s = compose(s, ['´'], 'é');
    expect(insertions(s).map((c) => c.excerpt)).toEqual([' été']);
    expect(rejectAll(s.doc).eq(original)).toBe(true);
  });
});
