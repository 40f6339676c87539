import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/check/index.js';
import { importText } from '../../shared/import/index.js';
import { allLanguageTables, languageTable } from '../../shared/languages/index.js';
import { buildDoc } from '../../shared/model/index.js';
import { item as buildItem, type SectionSpec, resolutionDoc } from '../../shared/model/build.js';
import { insertReference } from '../../shared/numbering/index.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { numberingKey, numberingPlugin } from '../../shared/numbering/index.js';
import { linkReferences, referenceText, trackedReferenceText } from '../../shared/numbering/index.js';
import { itemPos, references, sectionList } from '../support/resolution-places.js';
import { fixture } from '../support/fixtures.js';

/** Every reference's text, in order; NBSP read as a space. */
function renderAll(doc: Node): string[] {
  const labels = computeLabels(doc);
  return references(doc).map(({ node }) => referenceText(node, doc, labels).text.replace(/\u00a0/g, ' '));
}

/** A textblock as a reader sees it, references rendered; NBSP read as a space. */
function reading(textblock: Node, doc: Node): string {
  const labels = computeLabels(doc);
  let text = '';
  textblock.forEach((child) => {
    if (child.isText) text += child.text;
    else if (child.type.name === 'cross_reference') text += referenceText(child, doc, labels).text;
  });
  return text.replace(/\u00a0/g, ' ');
}

describe('cross-references in Res 1332', () => {
  const imported = importText(fixture('council-res-1332-c24.txt')).doc;
  const doc = linkReferences(imported);

  it('"point 5 du décide" (charge le Groupe de travail 1) becomes a live reference to décide 5', () => {
    const refs = references(doc);
    expect(refs).toHaveLength(1);
    const ref = refs[0]!;
    const decide5 = sectionList(doc, 'décide').list.child(4);
    expect(decide5.textContent.startsWith("d'inviter les membres")).toBe(true);
    expect(ref.node.attrs.target).toBe(decide5.attrs.id);
    expect(ref.node.attrs.form).toBe('point-of-section');
    expect(ref.node.attrs.sectionRole).toBe('resolves');
    const labels = computeLabels(doc);
    expect(referenceText(ref.node, doc, labels)).toMatchObject({ text: 'point\u00a05 du décide', dangling: false });
    // It stands in charge le Groupe de travail… 1, and the sentence reads as before.
    const holder = doc.resolve(ref.pos).parent;
    expect(reading(holder, doc)).toContain('dont il est question au point 5 du décide, par l');
  });

  it('linking changes nothing a reader sees, and running it again changes nothing', () => {
    const before: string[] = [];
    imported.descendants((node) => {
      if (node.isTextblock) before.push(reading(node, imported));
      return !node.isTextblock;
    });
    const after: string[] = [];
    doc.descendants((node) => {
      if (node.isTextblock) after.push(reading(node, doc));
      return !node.isTextblock;
    });
    expect(after).toEqual(before);
    expect(linkReferences(doc).eq(doc)).toBe(true);
  });

  it('"point 7 du décide" (considérant g) ii)) stays text: décide has six items, the point is Res 140’s', () => {
    expect(sectionList(doc, 'décide').list.childCount).toBe(6);
    const considerant = sectionList(doc, 'considérant').list.child(6);
    let text = '';
    considerant.descendants((node) => {
      if (node.isText) text += node.text;
      expect(node.type.name).not.toBe('cross_reference');
      return true;
    });
    expect(text).toContain('conformément au point 7 du décide selon lequel');
  });

  it('follows items inserted before its target: the text updates to point 8 du décide', () => {
    let state = EditorState.create({ doc, plugins: [numberingPlugin()] });
    const at = itemPos(state.doc, 'décide', 0);
    state = state.apply(state.tr.insert(at, [buildItem('premier;'), buildItem('deuxième;'), buildItem('troisième;')]));
    const ref = references(state.doc)[0]!.node;
    const labels = numberingKey.getState(state)!.labels;
    expect(referenceText(ref, state.doc, labels).text).toBe('point\u00a08 du décide');
  });

  it('a deleted target is flagged, never silently wrong', () => {
    const at = itemPos(doc, 'décide', 4);
    const deleted = new Transform(doc).delete(at, at + doc.nodeAt(at)!.nodeSize).doc;
    const ref = references(deleted)[0]!.node;
    expect(referenceText(ref, deleted, computeLabels(deleted))).toEqual({ text: 'point\u00a0?? du décide', dangling: true, target: null });
    const findings = checkDocument(deleted).filter((f) => f.code === 'dangling-reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      where: "charge le Groupe de travail du Conseil sur le Sommet mondial sur la société de l'information et les ODD 1",
    });
  });

  it('under tracked changes its text shows the old and the new numbering', () => {
    const stamp = { id: 'c1', author: 'Fédération de Russie', date: '2026-04-14T09:00:00Z' };
    const at = itemPos(doc, 'décide', 0);
    const inserted = buildItem('nouveau;');
    const tracked = new Transform(doc).insert(
      at,
      inserted.type.create({ ...inserted.attrs, change: { kind: 'insertion', ...stamp } }, inserted.content),
    ).doc;
    const ref = references(tracked)[0]!.node;
    const both = trackedReferenceText(ref, tracked);
    expect(both.original.text).toBe('point\u00a05 du décide');
    expect(both.new.text).toBe('point\u00a06 du décide');
    expect(both.changed).toBe(true);
    // A tracked deletion of the target: it still stands in the original, it is gone in the new.
    const target = itemPos(doc, 'décide', 4);
    const deletion = new Transform(doc).setNodeMarkup(target, undefined, {
      ...doc.nodeAt(target)!.attrs,
      change: { kind: 'deletion', ...stamp },
    }).doc;
    const gone = trackedReferenceText(references(deletion)[0]!.node, deletion);
    expect(gone.original).toMatchObject({ text: 'point\u00a05 du décide', dangling: false });
    expect(gone.new).toMatchObject({ text: 'point\u00a0?? du décide', dangling: true });
  });
});

describe('recognising and rendering references', () => {
  const resolution = (language: string, sections: SectionSpec[]) =>
    buildDoc({ language, blocks: [{ resolution: { number: 'RESOLUTION 1', title: 'T', call: 'The Council,', sections } }] });

  it('French: preamble items, sub-items, "ci-dessus", and the whole keyword line when a phrase is shared', () => {
    const doc = linkReferences(
      resolution('fr', [
        {
          kind: 'preamble',
          keyword: 'considérant',
          items: ['un;', { text: 'deux:', children: [{ style: 'roman', items: ['x;', 'y;'] }] }, 'trois,'],
        },
        {
          kind: 'operative',
          keyword: 'décide',
          items: ['un;', { text: 'deux:', children: [{ style: 'alpha-dot', items: ['a;', 'b;'] }] }, 'trois;', 'quatre,'],
        },
        {
          kind: 'operative',
          keyword: 'charge le Secrétaire général',
          items: [
            'vu le considérant b) ii) et le point 2 b. du décide;',
            'selon le point 4 du décide ci-dessus;',
            'Point 9 du décide;',
            'au point 1 du charge;',
          ],
        },
        {
          kind: 'operative',
          keyword: 'charge le Secrétaire général et les Directeurs',
          items: ['selon le point 2 du charge le Secrétaire général;', 'le considérant a) de la Résolution 140.'],
        },
      ]),
    );
    expect(renderAll(doc)).toEqual([
      'considérant b) ii)',
      'point 2 b. du décide',
      'point 4 du décide ci-dessus',
      // Two sections open with `charge`: only the whole keyword line names one.
      'point 2 du charge le Secrétaire général',
    ]);
    // "point 9" names no item, "du charge" two sections, "considérant a) de la Résolution 140" another text: all stay text.
    expect(references(doc).map(({ node }) => node.attrs.above)).toEqual([false, false, true, false]);
  });

  it('English and Spanish render the same references in their own words', () => {
    const en = linkReferences(
      resolution('en', [
        { kind: 'preamble', keyword: 'considering', items: ['one;', 'two,'] },
        {
          kind: 'operative',
          keyword: 'resolves',
          items: ['one;', 'two;', 'three;', 'four;', 'in paragraph 5 of resolves above and considering b);', 'five.'],
        },
      ]),
    );
    expect(renderAll(en)).toEqual(['paragraph 5 of resolves above', 'considering b)']);
    const es = linkReferences(
      resolution('es', [
        { kind: 'preamble', keyword: 'considerando', items: ['uno;', 'dos,'] },
        {
          kind: 'operative',
          keyword: 'resuelve',
          items: ['uno;', 'dos;', 'tres;', 'cuatro;', 'cinco, según el punto 5 del resuelve y el considerando b).'],
        },
      ]),
    );
    expect(renderAll(es)).toEqual(['punto 5 del resuelve', 'considerando b)']);
  });

  it('the same reference reads in the language the document is switched to', () => {
    const fr = linkReferences(
      resolution('fr', [
        { kind: 'preamble', keyword: 'considérant', items: ['un;', 'deux,'] },
        { kind: 'operative', keyword: 'décide', items: ['un;', 'voir le point 1 du décide et le considérant b).'] },
      ]),
    );
    const labels = computeLabels(fr, { language: 'ar' });
    const [point, preamble] = references(fr).map(({ node }) => node);
    // No Arabic keyword line here: the section word falls back to the line as written.
    expect(referenceText(point!, fr, labels, 'ar').text).toBe('الفقرة 1 من décide');
    expect(referenceText(preamble!, fr, labels, 'ar').text).toBe('الفقرة ب) من considérant');
  });

  it('every language table has reference templates; those not checked against official texts say so', () => {
    for (const table of allLanguageTables()) {
      expect(table.references.pointOfSection).toContain('{label}');
      expect(table.references.pointOfSection).toContain('{section}');
      expect(table.references.above).toContain('{reference}');
    }
    for (const code of ['ru', 'ar', 'zh'] as const) expect(languageTable(code).references.verified).toBe(false);
    expect(languageTable('fr').references.verified).toBe(true);
  });
});

describe('inserting a reference by picking an item', () => {
  it('inserts a node worded for the item’s section, and refuses an unknown item', () => {
    const doc = resolutionDoc([
      { kind: 'preamble', keyword: 'considérant', items: ['un;', 'deux,'] },
      { kind: 'operative', keyword: 'décide', items: ['un;', 'deux;', 'voir .'] },
    ]);
    const ids: string[] = [];
    doc.descendants((node) => {
      if (node.type.name === 'item') ids.push(node.attrs.id as string);
      return true;
    });
    // The cursor after "voir " in décide 3.
    let cursor = -1;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === 'voir .') cursor = pos + 5;
      return true;
    });
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, cursor) });
    expect(insertReference('no-such-item')(state)).toBe(false);
    const run = (command: (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean) => {
      let made: Transaction | null = null;
      expect(command(state, (tr) => (made = tr))).toBe(true);
      state = state.apply(made!);
    };
    run(insertReference(ids[1]!));
    run(insertReference(ids[3]!, { above: true }));
    expect(renderAll(state.doc)).toEqual(['considérant b)', 'point 2 du décide ci-dessus']);
  });
});
