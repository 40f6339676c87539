/**
 * Comparing two versions of Resolution 1332, each read from its own text file (so they share no
 * ids): the result is the old version with every difference tracked — words, not whole sentences;
 * whole items inserted and deleted; a footnote's text — and rejecting everything gives the old
 * version back exactly, accepting everything the new one.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { CompareError, compareDocuments } from '../../shared/compare/index.js';
import { wordSimilarity } from '../../shared/compare/align.js';
import { writeText } from '../../shared/export/index.js';
import { importText } from '../../shared/import/index.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { referenceText } from '../../shared/numbering/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import { resolveChanges } from '../../shared/tracking/review.js';
import { references } from '../support/resolution-places.js';
import { writeDocx } from '../../shared/export/docx/write.js';
import { docxParts, findAll, parseXml, textOf } from '../support/docx-xml.js';

const TEXT = readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8');
const OLD = importText(TEXT).doc;
const DATE = '2026-11-23T12:00:00Z';

/** A text with each [from, to] replaced once, in order; fails loudly when the text is not there. */
function revise(text: string, ...edits: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of edits) {
    expect(out.includes(from), `not in the text: ${from}`).toBe(true);
    out = out.replace(from, to);
  }
  return out;
}

function compare(revised: string): Node {
  return compareDocuments(OLD, importText(revised).doc, { author: 'Comparaison', date: DATE });
}

const summary = (doc: Node) =>
  listChanges(doc).map((c) => `${c.kind} ${c.scope} ${[c.section, c.label].filter(Boolean).join(' ')}: ${c.excerpt}`);

describe('compareDocuments on two versions of Res 1332', () => {
  it('finds nothing between two readings of the same text', () => {
    const result = compare(TEXT);
    expect(listChanges(result)).toEqual([]);
    expect(result.eq(OLD)).toBe(true);
  });

  it('tracks changed words as words, each difference a change of its own', () => {
    const result = compare(
      revise(TEXT, ["que l'UIT doit jouer le rôle de coordonnateur principal", "que l'UIT doit jouer un rôle de coordonnateur essentiel"]),
    );
    expect(summary(result)).toEqual([
      'deletion text décide 1: le',
      'insertion text décide 1: un',
      'deletion text décide 1: principal',
      'insertion text décide 1: essentiel',
    ]);
    for (const change of listChanges(result)) expect(change.author).toBe('Comparaison');
    // Accepting one word alone is possible.
    const oneWord = resolveChanges(result, 'accept', (id) => id === listChanges(result)[1]!.id);
    expect(writeText(acceptAll(oneWord))).toBe(writeText(acceptAll(result)));
    expect(listChanges(oneWord)).toHaveLength(3);
  });

  it('tracks a new item, a deleted item and a footnote edited, and relabels around them', () => {
    const considerantB = TEXT.split('\n').find((line) =>
      line.startsWith("b)\tque le Groupe de travail du Conseil sur le SMSI et les ODD (GTC-SMSI/ODD) s'est révélé"),
    )!;
    const revised = revise(
      TEXT,
      [`${considerantB}\n`, ''],
      [
        "b)\tla contribution soumise par l'UIT sur le Pacte numérique mondial",
        "b)\tque le Conseil a examiné le rapport du Secrétaire général sur le SMSI;\nc)\tla contribution soumise par l'UIT sur le Pacte numérique mondial",
      ],
      ['sur une base de réciprocité.]', 'sur une base de réciprocité et de transparence.]'],
    );
    const result = compare(revised);
    expect(summary(result)).toEqual([
      // considérant b) goes whole; the items after it keep their ids (and are b), c)… in the new text).
      `deletion block considérant b): ${considerantB.slice(3, 82)}…`,
      // Two words added to the footnote of considérant h) — g) in the new numbering — nothing else.
      'insertion text considérant g):  et de transparence',
      // The new notant b); the old b) is c) now, its text untouched.
      'insertion block notant b): que le Conseil a examiné le rapport du Secrétaire général sur le SMSI;',
    ]);
    expect(rejectAll(result).eq(OLD)).toBe(true);
    expect(writeText(acceptAll(result))).toBe(writeText(importText(revised).doc));
  });

  it('keeps the live reference on its item: "point 5 du décide" still names décide 5', () => {
    const result = compare(
      revise(TEXT, ['de mise en œuvre des résultats du SMSI, aux côtés', 'de mise en œuvre des résultats du Sommet, aux côtés']),
    );
    const ref = references(result)[0]!.node;
    const rendering = referenceText(ref, result, computeLabels(result));
    expect(rendering).toMatchObject({ text: 'point\u00a05 du décide', dangling: false });
    // And the reference is the old document's node: it does not show as changed.
    expect(summary(result).some((c) => c.includes('point'))).toBe(false);
  });

  it('compares each version as it reads: pending changes in either count as accepted', () => {
    // The old version carries a pending insertion ("principal" → "premier" proposed by a delegate).
    const pending = compare(revise(TEXT, ['coordonnateur principal', 'coordonnateur premier']));
    const result = compareDocuments(pending, importText(TEXT).doc, { author: 'C', date: DATE });
    expect(summary(result)).toEqual(['deletion text décide 1: premier', 'insertion text décide 1: principal']);
    expect(rejectAll(result).eq(acceptAll(pending))).toBe(true);
  });

  it('refuses two language versions, in one line', () => {
    const english = importText(TEXT, { language: 'en' }).doc;
    expect(() => compareDocuments(OLD, english, { author: 'x' })).toThrow(CompareError);
  });

  it('property: any words replaced, deleted or added — reject gives the old version, accept the new', () => {
    const lines = TEXT.split('\n');
    const editable = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /^[a-z0-9]+\)?\t\S/.test(line) && !line.includes('[footnote'));
    const edit = fc.record({
      line: fc.nat(editable.length - 1),
      at: fc.nat(),
      kind: fc.constantFrom('replace', 'delete', 'add'),
      word: fc.constantFrom('Sommet', 'ODD', 'numérique', 'résolument', '2030'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const out = [...lines];
        for (const e of edits) {
          const { index } = editable[e.line]!;
          const [label, ...rest] = out[index]!.split('\t');
          const words = rest.join('\t').split(' ');
          const at = e.at % words.length;
          if (e.kind === 'replace') words[at] = e.word;
          else if (e.kind === 'delete' && words.length > 2) words.splice(at, 1);
          else words.splice(at, 0, e.word);
          out[index] = `${label}\t${words.join(' ')}`;
        }
        const next = importText(out.join('\n')).doc;
        const result = compareDocuments(OLD, next, { author: 'P', date: DATE });
        expect(() => result.check()).not.toThrow();
        expect(rejectAll(result).eq(OLD)).toBe(true);
        expect(writeText(acceptAll(result))).toBe(writeText(next));
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});

describe('compareDocuments of two texts that share nothing, the newer with a cover', () => {
  // The resolution in force against C26/93 read without its annex (cover, introduction, proposal):
  // the cover must stand first in a document, so it cannot go after the resolution struck through.
  const cover = importText(readFileSync(new URL('../fixtures/council-c26-93-contribution-cover.txt', import.meta.url), 'utf8')).doc;

  it('tracks the newer text as inserted before the older one deleted, and gives both back', () => {
    const compared = compareDocuments(OLD, cover, { author: 'Comparaison', date: DATE });
    expect(compared.firstChild!.type.name).toBe('cover');
    expect(writeText(acceptAll(compared), { mode: 'final' })).toBe(writeText(cover, { mode: 'final' }));
    expect(writeText(rejectAll(compared), { mode: 'final' })).toBe(writeText(OLD, { mode: 'final' }));
    const kinds = new Set(listChanges(compared).map((change) => change.kind));
    expect(kinds).toEqual(new Set(['insertion', 'deletion']));
  });
});

describe('compareDocuments on a long report (hundreds of paragraphs at one level)', () => {
  const paragraph = (n: number) =>
    `Le paragraphe ${n} rend compte des activités menées par l'UIT au titre de la grande orientation C${n % 11}.`;
  const report = (numbers: number[], edited: Record<number, string> = {}) => numbers.map((n) => edited[n] ?? paragraph(n)).join('\n\n');
  const all = Array.from({ length: 260 }, (_, n) => n);

  it('matches the paragraphs that read the same, tracks the others, and still gives back both versions', () => {
    const previous = importText(report(all)).doc;
    const edited = {
      120: "Le paragraphe 120 rend compte d'activités nouvelles.",
      200: `${paragraph(200).slice(0, -1)} et C3.`,
    };
    const next = importText(
      report(
        all.filter((n) => n !== 40),
        edited,
      ),
    ).doc;
    const result = compareDocuments(previous, next, { author: 'R', date: DATE });
    const changes = listChanges(result);
    // Paragraph 40 gone, not its neighbours paired off one by one; paragraph 120 rewritten beyond
    // recognition (fewer than half its words kept): replaced whole; paragraph 200 gains two words.
    expect(changes.filter((c) => c.kind === 'deletion').map((c) => c.excerpt.slice(0, 17))).toEqual([
      'Le paragraphe 40 ',
      'Le paragraphe 120',
    ]);
    expect(changes.filter((c) => c.kind === 'insertion').map((c) => c.excerpt)).toEqual([
      "Le paragraphe 120 rend compte d'activités nouvelles.",
      ' et C3',
    ]);
    expect(rejectAll(result).eq(previous)).toBe(true);
    expect(writeText(acceptAll(result))).toBe(writeText(next));
  });
});

describe('wordSimilarity', () => {
  it('is 1 for the same words, 0 for none shared, in between for a revised sentence', () => {
    expect(wordSimilarity('la Résolution 140', 'La résolution 140')).toBe(1);
    expect(wordSimilarity('considérant', 'décide')).toBe(0);
    const revised = wordSimilarity(
      "que l'UIT doit jouer le rôle de coordonnateur principal",
      "que l'UIT doit jouer un rôle de coordonnateur essentiel",
    );
    expect(revised).toBeGreaterThan(0.7);
    expect(revised).toBeLessThan(1);
  });
});

describe('compareDocuments of the resolution in force with a contribution made from it (issue 15, item 6)', () => {
  /** The contribution with tracked proposals in its resolution: a new décide item and a word changed. */
  async function proposal(): Promise<Node> {
    const { contributionFromResolution } = await import('../../shared/contribution/index.js');
    const { applyStructuralEdit } = await import('../support/structural-edits.js');
    const contribution = contributionFromResolution(OLD, { today: new Date('2026-11-23') }).doc;
    // Before décide 4, as a delegate would, tracked.
    let index = -1;
    const items: string[] = [];
    contribution.descendants((node) => {
      if (node.type.name === 'item' && !node.attrs.change) items.push(node.firstChild!.textContent);
      return true;
    });
    index = items.findIndex((text) => text.startsWith('que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert'));
    return applyStructuralEdit(contribution, { kind: 'insert', at: index, text: "d'accueillir les contributions des États Membres;" })!;
  }

  it('compares resolution with resolution: the contribution comes back with the proposal tracked, no error', async () => {
    const contribution = await proposal();
    const result = compareDocuments(OLD, contribution, { author: 'Comparaison', date: DATE });
    // The contribution's frame (cover, introduction, the annex) stands as it is: no change there.
    expect(result.firstChild!.type.name).toBe('cover');
    const changes = listChanges(result);
    expect(changes.map((c) => `${c.kind} ${c.section} ${c.label}: ${c.excerpt}`)).toEqual([
      "insertion décide 4: d'accueillir les contributions des États Membres;",
    ]);
    // Accepting gives the contribution's resolution as proposed; rejecting, the resolution in force in the contribution.
    const resolutionText = (doc: Node) => writeText(doc).slice(writeText(doc).indexOf('RÉSOLUTION 1332'));
    expect(resolutionText(acceptAll(result))).toBe(resolutionText(acceptAll(contribution)));
    expect(resolutionText(rejectAll(result))).toBe(writeText(OLD));
    // The reference to décide 5 (now 6) follows, in the new numbering.
    expect(writeText(acceptAll(result))).toMatch(/dont il est question au point\u00a06 du décide/);
  });

  it('gives a reference in inserted text the item it names in the newer version (never point ??)', () => {
    const lines = TEXT.split('\n');
    const at = lines.findIndex((line) => line.startsWith('4\tque le Groupe de travail du Conseil'));
    lines.splice(at, 0, "4\td'accueillir un point entièrement nouveau pour les membres;");
    const revised = lines.join('\n').replace('question au point\u00a05 du décide', 'question au point\u00a04 du décide');
    const result = compare(revised);
    const accepted = writeText(acceptAll(result));
    expect(accepted).toMatch(/dont il est question au point\u00a04 du décide/);
    expect(accepted).not.toContain('??');
    expect(writeText(rejectAll(result))).toBe(writeText(OLD));
  });

  it('writes a reference made to name another item as its label changed in the text, the words of the phrase unmarked', async () => {
    const lines = TEXT.split('\n');
    const at = lines.findIndex((line) => line.startsWith('4\tque le Groupe de travail du Conseil'));
    lines.splice(at, 0, "4\td'accueillir un point entièrement nouveau pour les membres;");
    const result = compare(lines.join('\n').replace('question au point\u00a05 du décide', 'question au point\u00a04 du décide'));
    // Text: only the label is marked, as for a renumbered reference.
    expect(writeText(result)).toContain('dont il est question au point\u00a0[-5-][+4+] du décide, par');
    expect(writeText(result)).not.toContain('[-point');
    // Word the same: only the label is a revision (`point <w:del>5</w:del><w:ins>4</w:ins> du décide`);
    // its importer (shared/import/docx) rebuilds the two live references from that form.
    const xml = docxParts(await writeDocx(result))['word/document.xml']!;
    const paragraph = findAll(parseXml(xml), 'w:p').find((p) => textOf(p).includes('dont il est question'))!;
    expect(findAll([paragraph], 'w:del').map((node) => textOf(node))).toEqual(['5']);
    expect(findAll([paragraph], 'w:ins').map((node) => textOf(node))).toEqual(['4']);
    expect(textOf(paragraph)).toContain('dont il est question au point\u00a054 du décide, par');
    // Accept and reject still give each version.
    expect(writeText(acceptAll(result))).toMatch(/question au point\u00a04 du décide/);
    expect(writeText(rejectAll(result))).toBe(writeText(OLD));
  });
});

describe('compareDocuments of two versions that share ids (one saved from the other), an item moved', () => {
  /** OLD with décide 2 moved before décide 1, untracked: the moved item keeps its id, as in a .plenary saved from OLD. */
  function moved(): { doc: Node } {
    const find = (doc: Node, start: string) => {
      let found = -1;
      doc.descendants((node, pos) => {
        if (found < 0 && node.type.name === 'item' && node.firstChild!.textContent.startsWith(start)) found = pos;
        return found < 0;
      });
      expect(found, start).toBeGreaterThanOrEqual(0);
      return found;
    };
    const from = find(OLD, "que l'UIT doit poursuivre la coordination");
    const item = OLD.nodeAt(from)!;
    const tr = EditorState.create({ doc: OLD }).tr.delete(from, from + item.nodeSize);
    tr.insert(find(tr.doc, "que l'UIT doit jouer le rôle de coordonnateur principal"), item);
    return { doc: tr.doc };
  }

  it('tracks the move as a move: the copy has an id of its own and names the original; accept and reject give both versions', () => {
    const { doc: newer } = moved();
    const result = compareDocuments(OLD, newer, { author: 'Comparaison', date: DATE });
    const ids: string[] = [];
    const copies: Node[] = [];
    result.descendants((node) => {
      if (typeof node.attrs.id === 'string') ids.push(node.attrs.id);
      if (node.type.name === 'item' && node.attrs.movedFrom) copies.push(node);
      return true;
    });
    expect(new Set(ids).size).toBe(ids.length);
    // Either item of the two may be the one tracked as moved (both orders read the same); its copy
    // names the original item, which says the same.
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    let original: Node | null = null;
    OLD.descendants((node) => {
      if (node.attrs.id === copy.attrs.movedFrom) original = node;
      return original === null;
    });
    expect(original!.textContent).toBe(copy.textContent);
    expect(writeText(acceptAll(result))).toBe(writeText(newer));
    expect(writeText(rejectAll(result))).toBe(writeText(OLD));
    // Once accepted, the moved item is the original block again: references and versions hanging on its id find it.
    const acceptedIds: string[] = [];
    acceptAll(result).descendants((node) => {
      if (node.type.name === 'item') acceptedIds.push(node.attrs.id as string);
      return true;
    });
    expect(acceptedIds).toContain(copy.attrs.movedFrom);
    expect(acceptedIds).not.toContain(copy.attrs.id);
  });
});
