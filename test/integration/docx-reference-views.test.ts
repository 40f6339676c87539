/**
 * Issue 20: reading a Word file never changes what its text says. Every view (marked, final,
 * original) of a document sent through Word and read back equals the same view before, word for
 * word; references are linked in the numbering of the view their words belong to, and only where
 * they name this resolution's items.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/check/index.js';
import { exportDocx } from '../../shared/export/docx/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { importText } from '../../shared/import/text/index.js';
import { findItem, trackedReferenceText } from '../../shared/numbering/index.js';
import { scanReferences } from '../../shared/numbering/reference-link.js';
import { blockChange, blockDeletion } from '../../shared/tracking/index.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { docxParts, paragraphsOf, revisionReading, type ParagraphView } from '../support/docx-xml.js';
import { buildDocx, del, ins, p, run, tab } from '../support/ooxml-package.js';
import { applyStructuralEdit, DELEGATE, livingItems, type StructuralEdit } from '../support/structural-edits.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const RESOLUTIONS = ['council-res-1332-c24.txt', 'wtdc-res-30-kigali-2022.txt'];
const fromText = (name: string) => importText(readFileSync(new URL(name, FIXTURES), 'utf8')).doc;

type View = 'marked' | 'final' | 'original';
const VIEWS: View[] = ['marked', 'final', 'original'];

function views(doc: Node): Record<View, string> {
  return {
    marked: writeText(doc, { mode: 'marked' }),
    final: writeText(doc, { mode: 'final' }),
    original: writeText(doc, { mode: 'original' }),
  };
}

/** Word for word: the same words in the same order (the line structure is compared with them). */
function words(text: string): string[] {
  return text.split(/(\n)|[ \t\u00a0]+/).filter((w) => w !== undefined && w !== '');
}

async function throughWord(doc: Node): Promise<Node> {
  return importDocx(await exportDocx(doc, { mode: 'markup' })).doc;
}

function linesWith(text: string, needle: string): string[] {
  // A live reference is written with the no-break space of its template (`point\u00a05`): the same words.
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .filter((line) => line.includes(needle));
}

/** Positions of the living top-level items of the first operative section (`décide`). */
function firstOperativeList(doc: Node): number[] {
  const living = new Set(livingItems(doc));
  let best: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'section') return node.type.name !== 'item';
    if (node.attrs.kind !== 'operative' || best.length > 0) return false;
    const list = node.lastChild;
    if (list?.type.name !== 'item_list') return false;
    const items: number[] = [];
    const listPos = pos + node.nodeSize - 1 - list.nodeSize;
    list.forEach((item, offset) => {
      if (living.has(listPos + 1 + offset)) items.push(listPos + 1 + offset);
    });
    if (items.length > best.length) best = items;
    return false;
  });
  return best;
}

function editOperative(doc: Node, make: (items: number[], index: (pos: number) => number) => StructuralEdit): Node {
  const items = firstOperativeList(doc);
  const all = livingItems(doc);
  const edit = make(items, (pos) => all.indexOf(pos));
  const next = applyStructuralEdit(doc, edit);
  if (!next) throw new Error(`the edit ${JSON.stringify(edit)} did not apply`);
  return next;
}

describe('Word round trip of tracked structural edits keeps every view word for word', () => {
  it.each(RESOLUTIONS)('%s: insert before the first operative item, delete one, move one', async (name) => {
    let doc = fromText(name);
    doc = editOperative(doc, (items, index) => ({ kind: 'insert', at: index(items[0]!), text: 'de proposer un point nouveau;' }));
    doc = editOperative(doc, (items, index) => ({ kind: 'delete', at: index(items[2]!) }));
    doc = editOperative(doc, (items, index) => ({ kind: 'move', at: index(items.at(-1)!), to: index(items[1]!) }));
    const before = views(doc);
    const after = views(await throughWord(doc));
    for (const view of VIEWS) expect(words(after[view])).toEqual(words(before[view]));
    // The edits really renumbered the operative items.
    expect(before.marked).toMatch(/\[-\d+-\]\[\+\d+\+\]\t/);
  });

  it('council-res-1332-c24.txt: the reference to décide 5 follows in the new numbering, in every view', async () => {
    let doc = fromText('council-res-1332-c24.txt');
    doc = editOperative(doc, (items, index) => ({ kind: 'insert', at: index(items[0]!), text: 'de proposer un point nouveau;' }));
    const back = await throughWord(doc);
    const after = views(back);
    expect(linesWith(after.marked, 'dont il est question')[0]).toContain('au point [-5-][+6+] du décide,');
    expect(linesWith(after.final, 'dont il est question')[0]).toContain('au point 6 du décide,');
    expect(linesWith(after.original, 'dont il est question')[0]).toContain('au point 5 du décide,');
    // Res 140's item 7, quoted in considérant g) ii), is not this resolution's: it never changes.
    for (const view of VIEWS)
      expect(linesWith(after[view], 'conformément au')[0]).toContain('conformément au point 7 du décide selon lequel');
  });
});

describe('the hand-built Word file of issue 20', () => {
  const A = 'Fédération de Russie';
  const T = '2026-04-14T10:00:00Z';
  const item = (label: string, text: string) => p(null, run(label), tab, run(text));
  const insertedItem = (label: string, text: string) =>
    `<w:p><w:pPr><w:rPr><w:ins w:id="90" w:author="${A}" w:date="${T}"/></w:rPr></w:pPr>${ins(91, A, T, run(label), tab, run(text))}</w:p>`;
  const body = [
    p('ResNo', run('RÉSOLUTION 1332 (C11, dernière mod. C24)')),
    p('Restitle', run("Rôle de l'UIT dans la mise en œuvre des résultats du SMSI")),
    p('Normalaftertitle', run("Le Conseil de l'UIT,")),
    p('Call', run('considérant')),
    item('a)', "que l'UIT a un rôle déterminant à jouer;"),
    item('b)', 'que, aux termes de la Résolution 140 (Rév. Bucarest, 2022), le Conseil a été prié:'),
    item('i)', "d'examiner la mise en œuvre;"),
    item(
      'ii)',
      "de superviser l'adaptation de l'UIT à la société de l'information, conformément au point 7 du décide selon lequel « l'UIT doit poursuivre ses travaux »;",
    ),
    p('Call', run('décide')),
    item('1', "que l'UIT doit jouer le rôle de coordonnateur principal;"),
    item('2', 'que l’UIT doit poursuivre la coordination des Forums du SMSI;'),
    item('3', "d'utiliser le cadre du SMSI;"),
    item('4', 'que le Groupe de travail du Conseil poursuive ses travaux;'),
    insertedItem('5', "d'accueillir les contributions des États Membres;"),
    item('6', "d'inviter les membres à faire connaître leurs vues;"),
    item('7', 'que le Forum 2025 du SMSI devrait être une manifestation de haut niveau;'),
    item('8', 'de faire rapport au Conseil.'),
    p('Call', run('charge le Secrétaire général')),
    item(
      '1',
      "de lancer un appel à contributions, dont il est question au point 5 du décide, par l'intermédiaire d'un formulaire en ligne.",
    ),
  ].join('');
  const file = () => buildDocx({ styles: ['ResNo', 'Restitle', 'Normalaftertitle', 'Call'].map((id) => ({ id, name: id })), body });

  it('links the reference to this resolution in the original numbering and leaves the quote of Res 140 alone, in all three views', () => {
    const { doc } = importDocx(file());
    const out = views(doc);
    expect(linesWith(out.original, 'dont il est question')[0]).toContain('au point 5 du décide,');
    expect(linesWith(out.final, 'dont il est question')[0]).toContain('au point 6 du décide,');
    expect(linesWith(out.marked, 'dont il est question')[0]).toContain('au point [-5-][+6+] du décide,');
    for (const view of VIEWS) {
      const quote = linesWith(out[view], 'conformément au')[0]!;
      expect(quote).toContain('conformément au point 7 du décide selon lequel « l');
      expect(quote).not.toContain('[-');
    }
    // The reference to décide 5 is live (it follows the proposal); the quote of Res 140 is text.
    const scanned = scanReferences(doc).map((s) => `${s.text}|${s.outcome.kind}`);
    expect(scanned).toContain('point 7 du décide|other-text');
    let live = 0;
    doc.descendants((node) => {
      if (node.type.name === 'cross_reference') live += 1;
    });
    expect(live).toBe(1);
    expect(checkDocument(doc).filter((f) => f.code === 'ambiguous-reference' || f.code === 'dangling-reference')).toEqual([]);
  });

  it('reads the same from the text of the same resolution: one rule for text and Word', () => {
    const fromWord = importDocx(file()).doc;
    const text = writeText(fromWord, { mode: 'original' });
    const fromPlain = importText(text).doc;
    const outcome = (doc: Node) => scanReferences(doc).map((s) => `${s.text}|${s.outcome.kind}`);
    expect(outcome(fromPlain)).toEqual(outcome(fromWord).filter((s) => !s.endsWith('|linked')));
    expect(writeText(fromPlain, { mode: 'original' })).toBe(text);
    const liveIn = (doc: Node) => {
      const out: string[] = [];
      doc.descendants((node, pos) => {
        if (node.type.name === 'cross_reference') out.push(doc.resolve(pos).parent.textContent.slice(0, 40));
      });
      return out;
    };
    expect(liveIn(fromPlain)).toEqual(liveIn(fromWord));
  });

  /** The file with the label of the reference to décide 5 revised in Word: `point <del>5</del><ins>4</ins> du décide`. */
  function labelRevised(inserter: string): Uint8Array {
    const revised = body.replace(
      run("de lancer un appel à contributions, dont il est question au point 5 du décide, par l'intermédiaire d'un formulaire en ligne."),
      run('de lancer un appel à contributions, dont il est question au point ') +
        del(92, A, T, '5') +
        ins(93, inserter, T, run('4')) +
        run(" du décide, par l'intermédiaire d'un formulaire en ligne."),
    );
    return buildDocx({ styles: ['ResNo', 'Restitle', 'Normalaftertitle', 'Call'].map((id) => ({ id, name: id })), body: revised });
  }

  it('reads a label revised to name another item as two live references, the old one deleted and the new one inserted', async () => {
    const { doc } = importDocx(labelRevised(A));
    const out = views(doc);
    expect(linesWith(out.marked, 'dont il est question')[0]).toContain('au point [-5-][+4+] du décide,');
    expect(linesWith(out.original, 'dont il est question')[0]).toContain('au point 5 du décide,');
    expect(linesWith(out.final, 'dont il est question')[0]).toContain('au point 4 du décide,');
    // Live: the deleted one names d'inviter (5 before the inserted item), the inserted one the Group's item (4).
    const references: string[] = [];
    doc.descendants((node) => {
      if (node.type.name !== 'cross_reference') return true;
      const kind = node.marks.map((m) => m.type.name).join('+') || 'untracked';
      const target = findItem(doc, node.attrs.target as string)!.item.textContent;
      references.push(`${kind}: ${target.slice(0, 20)}`);
      return false;
    });
    expect(references).toEqual(["deletion: d'inviter les membre", 'insertion: que le Groupe de tra']);
    expect(checkDocument(doc).filter((f) => f.code === 'ambiguous-reference' || f.code === 'dangling-reference')).toEqual([]);
    // Written again, it is the same label-only revision.
    const again = paragraphsOf(docxParts(await exportDocx(doc, { mode: 'markup' }))['word/document.xml']!).find((p) =>
      p.text.includes('dont il est question'),
    )!;
    expect(again.runs.filter((r) => r.revision).map((r) => `${r.revision}:${r.text}:${r.author}`)).toEqual([`del:5:${A}`, `ins:4:${A}`]);
  });

  it.each([
    ['as Plenary wrote it before (no-break space of the template)', '\u00a0'],
    ['as typed in Word', ' '],
  ])(
    'reads the whole phrase deleted and inserted (%s) as the renumbered live reference, and writes back only the label',
    async (_, space) => {
      const whole = body.replace(
        run("de lancer un appel à contributions, dont il est question au point 5 du décide, par l'intermédiaire d'un formulaire en ligne."),
        run('de lancer un appel à contributions, dont il est question au ') +
          del(92, A, T, `point${space}5 du décide`) +
          ins(93, A, T, run(`point${space}6 du décide`)) +
          run(", par l'intermédiaire d'un formulaire en ligne."),
      );
      const { doc } = importDocx(
        buildDocx({ styles: ['ResNo', 'Restitle', 'Normalaftertitle', 'Call'].map((id) => ({ id, name: id })), body: whole }),
      );
      expect(linesWith(views(doc).marked, 'dont il est question')[0]).toContain('au point [-5-][+6+] du décide,');
      const live: string[] = [];
      doc.descendants((node) => {
        if (node.type.name === 'cross_reference')
          live.push(`${node.marks.length}: ${findItem(doc, node.attrs.target as string)!.item.textContent.slice(0, 20)}`);
        return true;
      });
      expect(live).toEqual(["0: d'inviter les membre"]);
      const again = paragraphsOf(docxParts(await exportDocx(doc, { mode: 'markup' }))['word/document.xml']!).find((p) =>
        p.text.includes('dont il est question'),
      )!;
      expect(again.runs.filter((r) => r.revision).map((r) => `${r.revision}:${r.text}`)).toEqual(['del:5', 'ins:6']);
    },
  );

  it('leaves a label revised by two authors (one deleted, another inserted) as text, and the style check says so', () => {
    const { doc } = importDocx(labelRevised('Secrétariat'));
    const out = views(doc);
    expect(linesWith(out.marked, 'dont il est question')[0]).toContain('au point [-5-][+4+] du décide,');
    expect(linesWith(out.original, 'dont il est question')[0]).toContain('au point 5 du décide,');
    expect(linesWith(out.final, 'dont il est question')[0]).toContain('au point 4 du décide,');
    const findings = checkDocument(doc).filter((f) => f.code === 'ambiguous-reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.where).toBe('charge le Secrétaire général');
    expect(findings[0]!.message).toContain('will not follow renumbering');
  });
});

describe('property: the Word round trip never changes a view', () => {
  const SOURCE = [
    'RÉSOLUTION 1332 (C11, dernière mod. C24)',
    '(adoptée à la onzième séance plénière)',
    "Rôle de l'UIT dans la mise en œuvre des résultats du SMSI",
    "Le Conseil de l'UIT,",
    'considérant',
    ...['a', 'b', 'c', 'd', 'e'].map((l, i) => `${l})\tque le point ${i + 1} du préambule est rappelé{${i}};`),
    'décide',
    ...Array.from({ length: 8 }, (_, i) => `${i + 1}\tque l'UIT poursuive l'activité ${i + 1}{${5 + i}};`),
    'charge le Secrétaire général',
    ...Array.from({ length: 3 }, (_, i) => `${i + 1}\tde faire rapport sur la tâche ${i + 1}{${13 + i}}.`),
  ];
  const SLOTS = 16;

  const label = fc.integer({ min: 1, max: 10 });
  const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const phrase: fc.Arbitrary<string> = fc.oneof(
    label.map((n) => `, conformément au point ${n} du décide`),
    letter.map((l) => `, vu le considérant ${l})`),
    label.map((n) => `, comme le dit le point ${n} du décide de la Résolution 140`),
    label.map((n) => `, conformément au point ${n} du décide selon lequel « l'UIT agit »`),
    label.map((n) => `, aux termes de la Résolution 140 (Rév. Bucarest, 2022), point ${n} du décide`),
    label.map((n) => `, ainsi « point ${n} du décide » le précise`),
  );
  type Step = StructuralEdit | { kind: 'type'; at: number; text: string };
  const fraction = fc.integer({ min: 0, max: 999 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.constant("d'ajouter un point;") }),
    fc.record({ kind: fc.constant('delete' as const), at: fraction }),
    fc.record({ kind: fc.constant('move' as const), at: fraction, to: fraction }),
    fc.record({ kind: fc.constant('type' as const), at: fraction, text: phrase }),
  );

  /**
   * How many live references read differently in the two numberings (their label revised in Word),
   * outside inserted, deleted and moved blocks and text (those are written whole in the revision).
   */
  function renumberedLive(doc: Node): number {
    let count = 0;
    doc.descendants((node) => {
      if (blockChange(node) || blockDeletion(node)) return false;
      if (node.type.name === 'cross_reference' && node.marks.length === 0 && trackedReferenceText(node, doc).changed) count += 1;
      return true;
    });
    return count;
  }

  /** A paragraph where a deleted label and its inserted successor stand between the plain words of a reference. */
  function revisesOnlyAReferenceLabel(paragraph: ParagraphView): boolean {
    const runs = paragraph.runs;
    return runs.some(
      (r, i) =>
        r.revision === 'del' &&
        /^\w+$/u.test(r.text) &&
        runs[i + 1]?.revision === 'ins' &&
        /^\w+$/u.test(runs[i + 1]!.text) &&
        runs[i - 1]?.revision === null &&
        /(point|considérant)[ \u00a0]$/u.test(runs[i - 1]!.text) &&
        runs[i + 2]?.revision === null,
    );
  }

  /** Types a phrase, tracked, at the end of the text of a living item (before its final punctuation). */
  function typeTracked(doc: Node, at: number, text: string): Node | null {
    const items = livingItems(doc);
    const pos = items[at % items.length];
    if (pos === undefined) return null;
    const textblock = doc.nodeAt(pos + 1)!;
    const end = pos + 1 + textblock.nodeSize - 2;
    const state = EditorState.create({ doc });
    const tr = state.tr.insertText(text, end);
    return trackTransaction(tr, state, DELEGATE.author, DELEGATE.now!).doc;
  }

  it('random tracked insertions, deletions and moves of items and random reference phrases', async () => {
    let cases = 0;
    let stepsGenerated = 0;
    let stepsApplied = 0;
    let renumberedReferences = 0;
    let labelOnlyInWord = 0;
    let quotesKept = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(phrase, { nil: '' }), { minLength: SLOTS, maxLength: SLOTS }),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        async (phrases, steps) => {
          const text = SOURCE.map((line) => line.replace(/\{(\d+)\}/, (_, i: string) => phrases[Number(i)] ?? '')).join('\n');
          let doc = importText(text).doc;
          // Structure first, then the typed phrases, into items still living: typed text inside an
          // item deleted later (an insertion inside a deletion) is the revision importer's subject
          // (shared/import/docx/ooxml.ts), not the references'.
          const ordered = [...steps.filter((s) => s.kind !== 'type'), ...steps.filter((s) => s.kind === 'type')];
          for (const s of ordered) {
            stepsGenerated += 1;
            const next = s.kind === 'type' ? typeTracked(doc, s.at, s.text) : applyStructuralEdit(doc, s);
            if (next) {
              doc = next;
              stepsApplied += 1;
            }
          }
          const before = views(doc);
          const word = await exportDocx(doc, { mode: 'markup' });
          const back = importDocx(word).doc;
          const after = views(back);
          for (const view of VIEWS) expect(words(after[view])).toEqual(words(before[view]));
          // Export → import → export writes the same Word body: every revision read back as it was made.
          const body = docxParts(word)['word/document.xml']!;
          const again = docxParts(await exportDocx(back, { mode: 'markup' }))['word/document.xml']!;
          // (A typed phrase linked on import is written with its template's no-break space, `point\u00a05`.)
          const reading = (xml: string) => revisionReading(xml).map((line) => line.replace(/\u00a0/g, ' '));
          expect(reading(again)).toEqual(reading(body));
          // …and its label-only revisions back as live references, renumbered as before.
          expect(renumberedLive(back)).toBe(renumberedLive(doc));
          cases += 1;
          if (/(point|considérant)[ \u00a0]\[-\w+-\]\[\+\w+\+\]/.test(before.marked)) renumberedReferences += 1;
          if (paragraphsOf(body).some(revisesOnlyAReferenceLabel)) labelOnlyInWord += 1;
          if (/Résolution 140|selon lequel|« point/.test(before.original)) quotesKept += 1;
        },
      ),
      { numRuns: 50, seed: 20 },
    );
    expect(cases).toBe(50);
    // The generated edits really ran, and really moved references around.
    expect(stepsApplied / stepsGenerated).toBeGreaterThanOrEqual(0.75);
    expect(renumberedReferences).toBeGreaterThanOrEqual(10);
    // In Word too only the label is revised (`point <w:del>5</w:del><w:ins>6</w:ins> du décide`), in as many.
    expect(labelOnlyInWord).toBe(renumberedReferences);
    expect(quotesKept).toBeGreaterThanOrEqual(25);
  }, 120_000);
});
