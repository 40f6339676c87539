/**
 * Issue 15, item 2: the keys in the cover of a contribution (C26/93) move between its fields as in
 * a form, never make a second field of a name; and no edit may leave a document that cannot be
 * saved (applyIfSaveable refuses it, with the reason, before anything changes).
 */
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { splitBlock, joinBackward } from 'prosemirror-commands';
import { describe, expect, it } from 'vitest';
import { applyIfSaveable, coverFieldAt, structureKeymap } from '../../shared/editing/index.js';
import type { Command } from '../../shared/editing/context.js';
import { uniqueIdsPlugin } from '../../shared/model/index.js';
import { validateDocument } from '../../shared/file/validate.js';
import { contributionFromResolution } from '../../shared/contribution/contribution.js';
import { trackIfEnabled, trackingPlugin } from '../../shared/tracking/plugin.js';
import { contributionC26_93, resolution1332 } from '../support/docx-fixtures.js';

const KEYS = structureKeymap();

function stateAt(doc: Node, pos: number, tracking = false): EditorState {
  const state = EditorState.create({
    doc,
    plugins: [uniqueIdsPlugin(), trackingPlugin({ author: { name: 'Fédération de Russie' }, enabled: tracking })],
  });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

/** Runs a key's command as the editor does: tracked when tracking is on, then guarded. */
function press(state: EditorState, command: Command): { state: EditorState; claimed: boolean; refused: string | null } {
  let tr: Transaction | null = null;
  const claimed = command(state, (t) => (tr = t));
  if (!tr) return { state, claimed, refused: null };
  const applied = applyIfSaveable(state, trackIfEnabled(state, tr));
  return applied.ok ? { state: applied.state, claimed, refused: null } : { state, claimed, refused: applied.message };
}

/** The cover field the caret is in, and where in it. */
function caret(state: EditorState): string {
  const at = coverFieldAt(state.selection.$head);
  if (!at) return `body:${state.selection.$head.parent.type.name}:${state.selection.$head.parent.textContent.slice(0, 12)}`;
  const atEnd = state.selection.$head.parentOffset === at.field.content.size;
  return `${String(at.field.attrs.name)}${atEnd ? ':end' : ''}`;
}

function fieldNames(doc: Node): string[] {
  const names: string[] = [];
  doc.firstChild!.forEach((field) => names.push(String(field.attrs.name)));
  return names;
}

describe('keys in the cover of a contribution', () => {
  for (const tracking of [false, true]) {
    const doc = contributionC26_93();
    const names = fieldNames(doc);

    it(`Enter and Tab go to the end of the next field, Shift+Tab back (tracking ${tracking ? 'on' : 'off'})`, () => {
      let state = stateAt(doc, 2, tracking);
      const visited = [caret(state)];
      for (let i = 1; i < names.length; i++) {
        state = press(state, i % 2 ? KEYS.Enter! : KEYS.Tab!).state;
        visited.push(caret(state));
      }
      expect(visited).toEqual([names[0], ...names.slice(1).map((n) => `${n}:end`)]);
      expect(state.doc.eq(doc)).toBe(true);
      // From the last field, out of the cover into the introduction.
      const out = press(state, KEYS.Tab!).state;
      expect(caret(out)).toBe('body:heading:Introduction');
      // Shift+Tab walks back; in the first field it stays (and is claimed: the focus stays).
      let back = state;
      for (let i = 1; i < names.length; i++) back = press(back, KEYS['Shift-Tab']!).state;
      expect(caret(back)).toBe(`${names[0]}:end`);
      const first = press(back, KEYS['Shift-Tab']!);
      expect(first.claimed).toBe(true);
      expect(caret(first.state)).toBe(`${names[0]}:end`);
    });

    it(`Enter in the middle of a field never splits it (tracking ${tracking ? 'on' : 'off'})`, () => {
      let state = stateAt(doc, 5, tracking);
      state = press(state, KEYS.Enter!).state;
      state = state.apply(state.tr.insertText('x'));
      expect(fieldNames(state.doc)).toEqual(names);
      expect(() => validateDocument(state.doc)).not.toThrow();
    });

    it(`Backspace at a field's start and Delete at its end change nothing (tracking ${tracking ? 'on' : 'off'})`, () => {
      const second = 2 + doc.firstChild!.child(0).nodeSize;
      const backspace = press(stateAt(doc, second, tracking), KEYS.Backspace!);
      expect([backspace.claimed, backspace.state.doc.eq(doc)]).toEqual([true, true]);
      const end = 1 + doc.firstChild!.child(0).nodeSize - 1;
      const del = press(stateAt(doc, end, tracking), KEYS.Delete!);
      expect([del.claimed, del.state.doc.eq(doc)]).toEqual([true, true]);
    });
  }

  it('a new contribution made from the resolution in force: Enter walks all its fields', () => {
    const made = contributionFromResolution(resolution1332()).doc;
    let state = stateAt(made, 2, true);
    for (let i = 1; i < made.firstChild!.childCount; i++) state = press(state, KEYS.Enter!).state;
    expect(caret(state)).toBe(`${fieldNames(made).at(-1)}:end`);
    expect(state.doc.eq(made)).toBe(true);
  });
});

describe('an edit that would make the document unsaveable is refused before anything changes', () => {
  const doc = contributionC26_93();

  it('a split cover field (the base keymap, a paste…) is refused with the reason', () => {
    for (const tracking of [false, true]) {
      const state = stateAt(doc, 5, tracking);
      const result = press(state, splitBlock);
      expect(result.refused).toBe(
        'This edit was not made: the document could not be saved after it (the cover field "session" appears twice).',
      );
      expect(result.state).toBe(state);
    }
  });

  it('what saves is applied as it is: typing, a join in the body', () => {
    const state = stateAt(doc, 5);
    const typed = applyIfSaveable(state, state.tr.insertText('abc'));
    expect(typed.ok).toBe(true);
    let introduction = 0;
    doc.descendants((node, pos) => {
      if (node.type.name === 'paragraph' && node.textContent.startsWith('Le secrétariat')) introduction = pos + 1;
      return introduction === 0;
    });
    expect(press(stateAt(doc, introduction), joinBackward).refused).toBeNull();
  });
});
