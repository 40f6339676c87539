/**
 * The translator's loop on a carried-over Resolution 1332 (French contribution → English): go to
 * the next unit to translate, translate it, mark it translated; the source changes that item again
 * and it goes back to "changed in source", with the text it was translated from kept to show the
 * new difference.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { carryOver } from '../../shared/carry-over/index.js';
import { compareDocuments } from '../../shared/compare/index.js';
import { importText } from '../../shared/import/index.js';
import {
  goToNextOutstanding,
  refreshFromSource,
  setUnitStatus,
  sourceUnits,
  translationCounts,
  translationOf,
  unitAt,
} from '../../shared/translation/index.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const FR_TEXT = fixture('council-res-1332-c24.txt');
const FR = importText(FR_TEXT).doc;
const EN = importText(fixture('parallel/council-res-1332-c24-en.txt')).doc;
const DATE = '2026-04-14T09:00:00Z';

/** The French contribution: a new invite 6 and a changed considérant a). */
const revised = (wording: string) =>
  FR_TEXT.replace("6\tà encourager les membres de l'Union", `6\t${wording}\n7\tà encourager les membres de l'Union`).replace(
    'un rôle déterminant',
    'un rôle essentiel',
  );

function contribution(wording: string): Node {
  return compareDocuments(FR, importText(revised(wording)).doc, { author: 'Fédération de Russie', date: DATE });
}

describe("the translator's loop", () => {
  const source = contribution("à soutenir l'examen du SMSI+20 en 2025;");
  let state = EditorState.create({ doc: carryOver(source, EN, { date: DATE }).doc });

  it('goes to the next unit to translate, and counts what is left', () => {
    expect(translationCounts(state.doc)).toMatchObject({ 'to-translate': 1, 'changed-in-source': 1 });
    expect(goToNextOutstanding(state, (tr) => (state = state.apply(tr)))).toBe(true);
    const first = unitAt(state.selection.$from)!;
    expect(translationOf(first.node)?.status).toBe('changed-in-source');
    expect(first.node.textContent).toMatch(/^that ITU has a crucial role to play/);
    goToNextOutstanding(state, (tr) => (state = state.apply(tr)));
    const second = unitAt(state.selection.$from)!;
    expect(translationOf(second.node)).toMatchObject({ status: 'to-translate', source: "[+à soutenir l'examen du SMSI+20 en 2025;+]" });
  });

  it('translates the new item, marks it translated; a later source change makes it stale with both texts kept', () => {
    // The translator types the English over the French.
    const unit = unitAt(state.selection.$from)!;
    const text = unit.pos + 1;
    state = state.apply(
      state.tr.insertText('to support the WSIS+20 review in 2025;', text + 1, text + state.doc.nodeAt(text)!.nodeSize - 1),
    );
    expect(setUnitStatus('translated')(state, (tr) => (state = state.apply(tr)))).toBe(true);
    expect(translationOf(unitAt(state.selection.$from)!.node)?.status).toBe('translated');
    expect(translationCounts(state.doc)).toMatchObject({ 'to-translate': 0, translated: 104 });

    // The source is read again, unchanged: nothing moves. Then the delegate changes that item.
    expect(refreshFromSource(state, source)).toBeNull();
    const newer = contribution("à soutenir activement l'examen du SMSI+20 en 2025;");
    const refresh = refreshFromSource(state, newer)!;
    state = state.apply(refresh);
    const stale = translationOf(unitAt(state.selection.$from)!.node)!;
    expect(stale).toEqual({
      status: 'changed-in-source',
      sourceId: expect.any(String) as string,
      source: "[+à soutenir activement l'examen du SMSI+20 en 2025;+]",
      previous: "[+à soutenir l'examen du SMSI+20 en 2025;+]",
    });
    expect(sourceUnits(newer, state.doc).get(unitAt(state.selection.$from)!.node.attrs.id as string)?.textContent).toBe(
      "à soutenir activement l'examen du SMSI+20 en 2025;",
    );
  });
});
