/**
 * Carry-over of a tracked revision of Resolution 1332 (French, as the C26/93 contribution makes
 * one) into the English version of the resolution in force (test/fixtures/parallel): the accepted
 * view has the French accepted view's structure, inserted items come in to translate, deleted
 * items' counterparts are deleted, references read the new numbers, and rejecting every change
 * gives the English text in force back exactly.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { CarryOverError, carryOver } from '../../shared/carry-over/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { FileFormatError } from '../../shared/file/errors.js';
import { parseDocument, serializeDocument } from '../../shared/file/format.js';
import { jsonWithoutIds } from '../../shared/export/text/same-document.js';
import { importText } from '../../shared/import/text/index.js';
import { item as buildItem } from '../../shared/model/build.js';
import { blockChange } from '../../shared/tracking/attrs.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { deleteBlock, demoteItem, insertNode, moveItem, type TrackAs } from '../../shared/tracking/structure.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { translationOf } from '../../shared/translation/index.js';
import { sectionOutline } from '../support/section-outline.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const FR = importText(fixture('council-res-1332-c24.txt')).doc;
const EN = importText(fixture('parallel/council-res-1332-c24-en.txt')).doc;
/** Council document C26/93 as its author submits it: cover, introduction and proposal, then Res 1332. */
const FR_CONTRIBUTION = importText(`${fixture('council-c26-93-contribution-cover.txt')}\n${fixture('council-res-1332-c24.txt')}`).doc;
const DATE = '2026-04-14T09:00:00Z';
const TRACK: TrackAs = { author: { name: 'Fédération de Russie' }, now: () => DATE };

/** The position of the item whose own text starts with `start`. */
function itemPos(doc: Node, start: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === 'item' && node.firstChild!.textContent.replace(/\u00a0/g, ' ').startsWith(start) && !blockChange(node))
      found = pos;
    return true;
  });
  expect(found, `no item starting «${start}»`).toBeGreaterThanOrEqual(0);
  return found;
}

function apply(state: EditorState, tr: Transaction | null): EditorState {
  expect(tr).not.toBeNull();
  return state.apply(tr!);
}

/** A tracked revision of Res 1332 in French, as a delegate makes one in suggestion mode. */
function frenchRevision(start: Node = FR): Node {
  let state = EditorState.create({ doc: start });
  // A new recalling item after b) (the C26/93 proposal: General Assembly Resolution 80/173).
  const afterB = itemPos(state.doc, 'la Résolution 70 (Rév.');
  state = apply(
    state,
    insertNode(
      state,
      afterB + state.doc.nodeAt(afterB)!.nodeSize,
      buildItem("la Résolution 80/173 de l'Assemblée générale des Nations Unies sur l'examen d'ensemble du SMSI;"),
      TRACK,
    ),
  );
  // décide 2 deleted: décide 5 becomes 4, and the reference to it in "charge le GTC" 1 follows.
  state = apply(state, deleteBlock(state, itemPos(state.doc, "que l'UIT doit poursuivre la coordination"), TRACK));
  // charge le Secrétaire général 13 moved before 1.
  const thirteen = itemPos(state.doc, 'de tenir compte des résultats du GTC');
  state = apply(
    state,
    moveItem(state, thirteen, itemPos(state.doc, 'de mettre à jour régulièrement les feuilles de route relatives'), TRACK),
  );
  // invite 5 demoted under invite 4.
  state = apply(state, demoteItem(state, itemPos(state.doc, 'à continuer de présenter des projets'), TRACK));
  // The number line and considérant a) change their text.
  const edit = (find: string, replace: string) => {
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at < 0 && node.isText && node.text!.includes(find)) at = pos + node.text!.indexOf(find);
      return at < 0;
    });
    expect(at, find).toBeGreaterThanOrEqual(0);
    const plain = state.tr.insertText(replace, at, at + find.length);
    state = state.apply(trackTransaction(plain, state, TRACK.author, () => DATE));
  };
  edit('C24', 'C26');
  edit('un rôle déterminant', 'un rôle essentiel');
  return state.doc;
}

/** The document's JSON without statuses, and without the tracking switch (a setting, as in Word: not content). */
const withoutStatus = (doc: Node) =>
  JSON.stringify(jsonWithoutIds(doc))
    .replace(/,"translation":\{[^}]*\}/g, ',"translation":null')
    .replace('"trackChanges":true', '"trackChanges":false');

describe('carryOver: a French revision of Res 1332 into the English text in force', () => {
  const source = frenchRevision();
  const { doc, report } = carryOver(source, EN, { author: 'Translator', date: DATE });
  const accepted = acceptAll(doc);

  it('gives the accepted view exactly the structure of the French accepted view', () => {
    expect(sectionOutline(accepted)).toEqual(sectionOutline(acceptAll(source)));
    expect(accepted.attrs.language).toBe('en');
  });

  it('inserts the new item at its place, to translate, holding the source text', () => {
    const inserted: Node[] = [];
    doc.descendants((node) => {
      if (node.type.name === 'item' && blockChange(node)?.kind === 'insertion' && !node.attrs.movedFrom) inserted.push(node);
      return true;
    });
    expect(inserted.map((node) => node.firstChild!.textContent)).toEqual([
      "la Résolution 80/173 de l'Assemblée générale des Nations Unies sur l'examen d'ensemble du SMSI;",
    ]);
    expect(translationOf(inserted[0]!)).toMatchObject({ status: 'to-translate' });
    expect(writeText(accepted, { mode: 'final' })).toContain("c)\tla Résolution 80/173 de l'Assemblée générale");
    expect(report.counts['to-translate']).toBe(1);
  });

  it('deletes the counterpart of the deleted French item, and references read the new numbers', () => {
    const marked = writeText(doc, { mode: 'marked' });
    expect(marked).toContain('\nresolves\n1\tthat ITU shall play a leading facilitating role');
    expect(marked).toContain('\n[-2\tthat ITU shall continue to coordinate the WSIS Forums');
    expect(marked).toContain('\n[-3-][+2+]\tto use the WSIS framework');
    const final = writeText(accepted, { mode: 'final' });
    expect(final).not.toContain('that ITU shall continue to coordinate the WSIS Forums');
    expect(final).toContain('to launch the call for contributions referred to in paragraph\u00a04 of resolves, through:');
  });

  it('moves and demotes the counterparts as the source did, keeping their English text', () => {
    const final = writeText(accepted, { mode: 'final' });
    expect(final).toMatch(/instructs the Secretary-General\n1\tto take into account the outcomes of CWG-WSIS&SDG/);
    expect(final).toContain(
      '4\tto continue to contribute information on their activities to the public WSIS Stocktaking database maintained by ITU;\na.\tto continue to submit projects for the annual WSIS Project Prizes;\n5\tto encourage the members',
    );
  });

  it('marks the items whose text the source changed, with the marked source beside them', () => {
    const changed: Array<{ text: string; source: string }> = [];
    doc.descendants((node) => {
      const state = translationOf(node);
      if (state?.status === 'changed-in-source') changed.push({ text: node.textContent.slice(0, 40), source: state.source });
      return true;
    });
    expect(changed).toEqual([
      { text: 'RESOLUTION 1332 (C11, last amended C24)', source: 'RÉSOLUTION 1332 (C11, dernière mod. [-C24-][+C26+])' },
      {
        text: 'that ITU has a crucial role to play in g',
        source: expect.stringMatching(/^que l'UIT a \[-un rôle déterminant-\]\[\+un rôle essentiel\+\] à jouer/) as string,
      },
    ]);
  });

  it("tracks the translator's edits: an item changed in source, translated, shows the change as the source does", () => {
    // A proposal's version in another language must carry the proposal's marks; the translator's
    // rewording of an item the source changed is part of them, never a silent untracked edit.
    expect(doc.attrs.trackChanges).toBe(true);
    let state = EditorState.create({ doc });
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at < 0 && node.isText && node.text!.includes('a crucial role')) at = pos + node.text!.indexOf('crucial');
      return at < 0;
    });
    expect(at).toBeGreaterThan(0);
    const typed = state.tr.insertText('an essential', at - 2, at + 'crucial'.length);
    state = state.apply(trackTransaction(typed, state, { name: 'Translator' }, () => DATE));
    expect(writeText(state.doc, { mode: 'marked' })).toContain('that ITU has [-a crucial-][+an essential+] role to play');
    // The item the carry-over inserted is the translator's own insertion: the French typed over goes
    // for real, as in any block one inserted oneself, and never stays struck in the English version.
    const french = "la Résolution 80/173 de l'Assemblée générale des Nations Unies sur l'examen d'ensemble du SMSI;";
    let from = -1;
    state.doc.descendants((node, pos) => {
      if (from < 0 && node.isText && node.text === french) from = pos;
      return from < 0;
    });
    const english = 'United Nations General Assembly Resolution 80/173 on the overall review of WSIS;';
    const translated = state.tr.insertText(english, from, from + french.length);
    state = state.apply(trackTransaction(translated, state, { name: 'Translator' }, () => DATE));
    const marked = writeText(state.doc, { mode: 'marked' });
    expect(marked).toContain(`[+c)\t${english}+]`);
    expect(marked).not.toContain('80/173 de l');
  });

  it('gives the English text in force back exactly when every change is rejected', () => {
    expect(withoutStatus(rejectAll(doc))).toBe(withoutStatus(EN));
    expect(writeText(rejectAll(doc), { mode: 'final' })).toBe(writeText(EN, { mode: 'final' }));
  });

  it('saves the statuses in the .plenary file, and refuses a malformed one', () => {
    const saved = serializeDocument(doc);
    expect(parseDocument(saved).doc.eq(doc)).toBe(true);
    const broken = saved.replace(/"status": "to-translate"/, '"status": "almost"');
    expect(broken).not.toBe(saved);
    expect(() => parseDocument(broken)).toThrow(FileFormatError);
    expect(() => parseDocument(broken)).toThrow(/the translation status of item "[^"]+" is malformed/);
  });

  it('refuses two documents of one language in one line', () => {
    expect(() => carryOver(FR, FR)).toThrow(CarryOverError);
  });
});

describe('carryOver: the French contribution C26/93 into English', () => {
  const source = frenchRevision(FR_CONTRIBUTION);
  const { doc } = carryOver(source, EN, { author: 'Translator', date: DATE });
  const field = (name: string) => {
    let found: Node | null = null;
    doc.descendants((node) => {
      if (node.type.name === 'cover_field' && node.attrs.name === name) found = node;
      return !found;
    });
    return found as Node | null;
  };

  it('carries the cover with its data in English and its prose to translate', () => {
    expect(field('documentNumber')?.textContent).toBe('C26/93-E');
    expect(field('date')?.textContent).toBe('14 April 2026');
    expect(field('originalLanguage')?.textContent).toBe('Russian');
    expect(field('agendaItem')?.textContent).toBe('PL 2');
    expect(translationOf(field('documentNumber')!)).toBeNull();
    expect(translationOf(field('source')!)).toMatchObject({ status: 'to-translate', source: 'Contribution de la Fédération de Russie' });
    expect(writeText(doc, { mode: 'final' })).toMatch(/Document C26\/93-E/);
  });

  it("tracks the resolution only: the cover and body are the translator's text, the resolution rejects back to the English in force", () => {
    expect(doc.attrs.trackingScope).toBe('resolutions');
    const resolutionOf = (node: Node) => {
      let found: Node | null = null;
      node.descendants((child) => {
        if (child.type.name === 'resolution') found = child;
        return !found;
      });
      return found!;
    };
    const changed = listChanges(doc);
    expect(changed.length).toBeGreaterThan(0);
    const resolution = resolutionOf(doc);
    let inResolution = 0;
    resolution.descendants((node) => {
      if (blockChange(node) || node.marks.some((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion')) inResolution++;
      return true;
    });
    expect(inResolution).toBeGreaterThan(0);
    const paragraphs: string[] = [];
    doc.forEach((node) => {
      if (node.type.name === 'paragraph' && node.textContent.trim()) paragraphs.push(translationOf(node)?.status ?? 'none');
    });
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(new Set(paragraphs)).toEqual(new Set(['to-translate']));
    const rejected = rejectAll(doc);
    expect(writeText(rejected, { mode: 'final' })).toContain(writeText(EN, { mode: 'final' }).trim());
  });
});
