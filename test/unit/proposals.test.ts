/**
 * Proposals to a conference (shared/proposals): identifiers computed from position, MOD bodies
 * tracked, ADD bodies unmarked, SUP/NOC naming their text, draft numbers following the order.
 */
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import {
  buildProposal,
  conferenceByCode,
  documentNumberPart,
  insertProposal,
  moveProposal,
  newProposalsDocument,
  proposalsOf,
} from '../../shared/proposals/index.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { inTrackingScope } from '../../shared/tracking/index.js';
import { validateDocument } from '../../shared/file/validate.js';
import { checkDocument } from '../../shared/check/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { fixtureDocument as fixture } from '../support/fixtures.js';

const res1332 = fixture('council-res-1332-c24.txt');
const res30 = fixture('wtdc-res-30-kigali-2022.txt');
const DATE = '2026-05-01T10:00:00Z';

function numberLines(doc: Node): string[] {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'number_line') lines.push(node.textContent);
    return !node.isTextblock;
  });
  return lines;
}

/**
 * The four proposals of the issue, in the order MOD, ADD, SUP, NOC, in a French document of source
 * XXX to WTDC-25: MOD of Resolution 1332, ADD of a new resolution, SUP of WTDC Resolution 30, NOC of
 * Resolution 71 (named by its number line only).
 */
function fourProposals(): Node {
  const wtdc = conferenceByCode('WTDC-25');
  let doc = newProposalsDocument({ language: 'fr', source: 'xxx', conference: wtdc, documentNumber: '1', date: '1 mai 2026' });
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'MOD', inForce: res1332, conference: wtdc, author: 'Sénégal', date: DATE }));
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'ADD', title: 'Accessibilité des services numériques', conference: wtdc }));
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'SUP', inForce: res30 }));
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'NOC', title: 'RÉSOLUTION 71 (Rév. Bucarest, 2022)' }));
  return doc;
}

/** A MOD of WTDC Resolution 30 to WTDC-25, whose number line names the conference that last revised it. */
function modOfRes30(): Node {
  const wtdc = conferenceByCode('WTDC-25');
  const doc = newProposalsDocument({ language: 'fr', source: 'SEN', conference: wtdc, documentNumber: '56' });
  return insertProposal(doc, buildProposal(doc, { symbol: 'MOD', inForce: res30, conference: wtdc, author: 'Sénégal', date: DATE }));
}

describe('proposal identifiers', () => {
  it('read the document number part as ITU writes identifiers', () => {
    expect(documentNumberPart('Document 56-E')).toBe('56');
    expect(documentNumberPart('Document 93(Add.1)-E')).toBe('93A1');
    expect(documentNumberPart('Addendum 1 to Document 93-E')).toBe('93A1');
    expect(documentNumberPart('Document 12(Rev.2)-F')).toBe('12R2');
    expect(documentNumberPart('')).toBeNull();
  });

  it('number the proposals XXX/1/1 … XXX/1/4 in document order, and renumber after a move', () => {
    const doc = fourProposals();
    validateDocument(doc);
    expect(proposalsOf(doc).map((p) => `${p.symbol} ${p.identifier}`)).toEqual([
      'MOD XXX/1/1',
      'ADD XXX/1/2',
      'SUP XXX/1/3',
      'NOC XXX/1/4',
    ]);

    const moved = moveProposal(doc, 2, 1);
    validateDocument(moved);
    expect(proposalsOf(moved).map((p) => `${p.symbol} ${p.identifier}`)).toEqual([
      'ADD XXX/1/1',
      'MOD XXX/1/2',
      'SUP XXX/1/3',
      'NOC XXX/1/4',
    ]);
    // The same nodes, only their places changed.
    expect(proposalsOf(moved).map((p) => p.node.attrs.id)).toEqual([2, 1, 3, 4].map((rank) => proposalsOf(doc)[rank - 1]!.node.attrs.id));
  });

  it('refuse a prefix that is not a country or group code, and moves out of range', () => {
    expect(() => newProposalsDocument({ language: 'en', source: 'Senegal (Republic of)' })).toThrow(/not a source prefix/);
    expect(() => moveProposal(fourProposals(), 5, 1)).toThrow(/no proposal 5/);
    expect(() => moveProposal(fourProposals(), 1, 0)).toThrow(/1…4, not 0/);
  });
});

describe('proposal bodies', () => {
  it('a MOD of a WTDC resolution proposes the new conference in its number line as a tracked change', () => {
    const doc = modOfRes30();
    const mod = proposalsOf(doc)[0]!.node;
    const changes = listChanges(doc);
    expect(changes.map((change) => [change.kind, change.excerpt])).toEqual([
      ['deletion', 'Kigali, 2022'],
      ['insertion', 'Bakou, 2025'],
    ]);
    expect(changes.every((change) => change.author === 'Sénégal' && change.date === DATE)).toBe(true);
    expect(numberLines(acceptAll(doc))).toEqual(['RÉSOLUTION 30 (Rév. Bakou, 2025)']);
    expect(numberLines(rejectAll(doc))).toEqual(['RÉSOLUTION 30 (Rév. Kigali, 2022)']);
    expect(mod.attrs.target).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
    expect(proposalsOf(doc)[0]!.identifier).toBe('SEN/56/1');
  });

  it('a MOD of a Council resolution (no conference in its number line) starts without a change', () => {
    let doc = newProposalsDocument({ language: 'fr', source: 'RUS', conference: conferenceByCode('PP-26') });
    doc = insertProposal(doc, buildProposal(doc, { symbol: 'MOD', inForce: res1332, conference: conferenceByCode('PP-26') }));
    expect(listChanges(doc)).toEqual([]);
  });

  it('an ADD is a new resolution from the template, numbered DRAFT NEW RESOLUTION [XXX-n] in the order of the ADDs', () => {
    let doc = fourProposals();
    doc = insertProposal(doc, buildProposal(doc, { symbol: 'ADD', title: 'Deuxième projet' }), 0);
    validateDocument(doc);
    expect(numberLines(doc)).toEqual([
      'PROJET DE NOUVELLE RÉSOLUTION [XXX-1]',
      'RÉSOLUTION 1332 (C11, dernière mod. C24)',
      'PROJET DE NOUVELLE RÉSOLUTION [XXX-2]',
    ]);
    const add = proposalsOf(doc)[2]!.node;
    expect(listChanges(doc)).toEqual([]);
    expect(add.firstChild!.child(2).textContent).toBe('La Conférence mondiale de développement des télécommunications (Bakou, 2025),');
    // Moving the second ADD after the first gives the numbers back in order.
    const moved = moveProposal(doc, 3, 1);
    expect(numberLines(moved)).toEqual([
      'PROJET DE NOUVELLE RÉSOLUTION [XXX-1]',
      'PROJET DE NOUVELLE RÉSOLUTION [XXX-2]',
      'RÉSOLUTION 1332 (C11, dernière mod. C24)',
    ]);
    expect(proposalsOf(moved)[0]!.node.firstChild!.child(1).textContent).toBe('Accessibilité des services numériques');
  });

  it('keep draft numbers in order when they change length ([SEN-9] → [SEN-10])', () => {
    let doc = newProposalsDocument({ language: 'en', source: 'SEN' });
    for (let i = 1; i <= 11; i++) doc = insertProposal(doc, buildProposal(doc, { symbol: 'ADD', title: `Draft ${i}` }));
    const moved = moveProposal(doc, 11, 1);
    validateDocument(moved);
    const titles = proposalsOf(moved).map(
      (place) => `${place.node.firstChild!.child(0).textContent} ${place.node.firstChild!.child(1).textContent}`,
    );
    expect(titles[0]).toBe('DRAFT NEW RESOLUTION [SEN-1] Draft 11');
    expect(titles[1]).toBe('DRAFT NEW RESOLUTION [SEN-2] Draft 1');
    expect(titles[10]).toBe('DRAFT NEW RESOLUTION [SEN-11] Draft 10');
  });

  it('SUP and NOC name the text (number line and title) and hold nothing else', () => {
    const [, , sup, noc] = proposalsOf(fourProposals());
    expect(sup!.node.childCount).toBe(3);
    expect(sup!.node.child(0).textContent).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
    expect(sup!.node.child(1).textContent).toMatch(/^Rôle du Secteur du développement des télécommunications/);
    expect(noc!.node.attrs.target).toBe('RÉSOLUTION 71 (Rév. Bucarest, 2022)');
    expect(noc!.node.childCount).toBe(2);
    expect(sup!.node.lastChild!.type.name).toBe('proposal_reasons');
  });

  it('refuse a MOD without a text in force and an ADD without a title', () => {
    const doc = newProposalsDocument({ language: 'en', source: 'SEN' });
    expect(() => buildProposal(doc, { symbol: 'MOD' })).toThrow(/modifies a text in force/);
    expect(() => buildProposal(doc, { symbol: 'ADD' })).toThrow(/needs the title/);
    expect(() => buildProposal(doc, { symbol: 'SUP' })).toThrow(/names a text/);
  });
});

describe('tracking scope of a proposals document', () => {
  function typingAt(doc: Node, find: (node: Node) => boolean): boolean {
    let at = -1;
    doc.descendants((node, pos) => {
      if (at < 0 && node.isTextblock && find(node)) at = pos + 1;
      return at < 0;
    });
    const state = EditorState.create({ doc });
    return inTrackingScope(state.tr.insertText('x', at));
  }

  it('tracks edits in a MOD body only: not in an ADD body, the Reasons or the cover', () => {
    const doc = fourProposals();
    expect(typingAt(doc, (node) => node.type.name === 'resolution_title' && node.textContent.startsWith("Rôle de l'UIT"))).toBe(true);
    expect(typingAt(doc, (node) => node.type.name === 'paragraph' && node.textContent.startsWith('RÉSOLUTION 30'))).toBe(false);
    expect(typingAt(doc, (node) => node.type.name === 'resolution_title' && node.textContent.startsWith('Accessibilité'))).toBe(false);
    expect(typingAt(doc, (node) => node.type.name === 'proposal_reasons')).toBe(false);
    expect(typingAt(doc, (node) => node.type.name === 'cover_field')).toBe(false);
  });
});

describe('checks of a proposals document', () => {
  const codes = (doc: Node, inForce?: (target: string) => boolean) =>
    checkDocument(doc, inForce ? { inForce } : {})
      .filter((finding) => finding.code.startsWith('proposal-'))
      .map((finding) => `${finding.severity} ${finding.where}: ${finding.code}`);

  it('find missing Reasons (an error for SUP and NOC), an ADD with marks, a SUP of a text not in force, two proposals on one text', () => {
    let doc = fourProposals();
    // A second proposal on Resolution 30, which the SUP already acts on.
    doc = insertProposal(doc, buildProposal(doc, { symbol: 'NOC', inForce: res30 }));
    expect(codes(doc, (target) => !target.includes('30'))).toEqual([
      'warning MOD XXX/1/1: proposal-reasons',
      'warning MOD XXX/1/1: proposal-unchanged',
      'warning ADD XXX/1/2: proposal-reasons',
      'error SUP XXX/1/3: proposal-reasons',
      'error SUP XXX/1/3: proposal-not-in-force',
      'error NOC XXX/1/4: proposal-reasons',
      'error NOC XXX/1/5: proposal-reasons',
      'warning NOC XXX/1/5: proposal-duplicate',
    ]);
  });

  it('are quiet on a finished document, and see a MOD without change and an ADD holding one', () => {
    let doc = modOfRes30();
    doc = insertProposal(doc, buildProposal(doc, { symbol: 'ADD', title: 'Accessibilité des services numériques' }));
    const state = EditorState.create({ doc });
    const tr = state.tr;
    doc.descendants((node, pos) => {
      if (node.type.name === 'proposal_reasons') tr.insertText('Mise à jour.', tr.mapping.map(pos + 1));
      return true;
    });
    doc = tr.doc;
    expect(codes(doc, () => true)).toEqual([]);

    // Reject the MOD's only change (its number line), and mark a word of the ADD as if tracked.
    doc = rejectAll(doc);
    let titlePos = -1;
    doc.descendants((node, pos) => {
      if (node.type.name === 'resolution_title' && node.textContent.startsWith('Accessibilité')) titlePos = pos + 1;
      return titlePos < 0;
    });
    const insertion = doc.type.schema.marks.insertion!.create({ id: 'c1', author: 'A', date: DATE });
    doc = EditorState.create({ doc }).tr.addMark(titlePos, titlePos + 5, insertion).doc;
    expect(codes(doc, () => true)).toEqual(['warning MOD SEN/56/1: proposal-unchanged', 'error ADD SEN/56/2: proposal-marked']);
  });
});

describe('the text of a proposals document', () => {
  it('prints each proposal as its symbol and identifier, its body and its Reasons', () => {
    const text = writeText(fourProposals(), { mode: 'marked' });
    expect(text).toContain('MOD\tXXX/1/1\nRÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(writeText(modOfRes30(), { mode: 'marked' })).toContain('MOD\tSEN/56/1\nRÉSOLUTION 30 (Rév. [-Kigali, 2022-][+Bakou, 2025+])');
    expect(text).toContain(
      'ADD\tXXX/1/2\nPROJET DE NOUVELLE RÉSOLUTION [XXX-1]\nAccessibilité des services numériques\nLa Conférence mondiale',
    );
    expect(text).toContain('SUP\tXXX/1/3\nRÉSOLUTION 30 (Rév. Kigali, 2022)\nRôle du Secteur');
    expect(text).toContain('NOC\tXXX/1/4\nRÉSOLUTION 71 (Rév. Bucarest, 2022)\nMotifs:');
    expect(text.match(/^Motifs:\t$/gm)).toHaveLength(4);
    expect(writeText(modOfRes30(), { mode: 'final' })).toContain('RÉSOLUTION 30 (Rév. Bakou, 2025)');
  });
});

describe('two proposals on one text', () => {
  it('keep every block id unique: the second copy gets fresh ids, its live references follow them', () => {
    let doc = newProposalsDocument({ language: 'fr', source: 'SEN' });
    doc = insertProposal(doc, buildProposal(doc, { symbol: 'MOD', inForce: res1332 }));
    doc = insertProposal(doc, buildProposal(doc, { symbol: 'MOD', inForce: res1332 }));
    validateDocument(doc);
    const [first, second] = proposalsOf(doc);
    const idsIn = (node: Node) => {
      const ids = new Set<string>();
      node.descendants((child) => {
        if (typeof child.attrs.id === 'string') ids.add(child.attrs.id);
        return true;
      });
      return ids;
    };
    const secondIds = idsIn(second!.node);
    expect([...idsIn(first!.node)].filter((id) => secondIds.has(id))).toEqual([]);
    // Every live reference of the second copy points into the second copy.
    let references = 0;
    second!.node.descendants((child) => {
      if (child.type.name === 'cross_reference') {
        references += 1;
        expect(secondIds.has(child.attrs.target as string)).toBe(true);
      }
      return true;
    });
    expect(references).toBeGreaterThan(0);
  });
});

describe('references between proposals', () => {
  /** The four proposals with a reference to the SUP (XXX/1/3) written in the NOC's Reasons. */
  function withReference(): Node {
    const doc = fourProposals();
    const sup = proposalsOf(doc)[2]!.node;
    let reasons = -1;
    doc.descendants((node, pos) => {
      if (node.type.name === 'proposal_reasons') reasons = pos + 1;
      return true;
    });
    const reference = doc.type.schema.nodes.proposal_reference!.create({ target: sup.attrs.id as string });
    const state = EditorState.create({ doc });
    return state.tr.insertText('Conséquence de ', reasons).insert(reasons + 'Conséquence de '.length, reference).doc;
  }

  it('read the identifier of the proposal they name, and follow it when proposals move', () => {
    const doc = withReference();
    validateDocument(doc);
    expect(writeText(doc)).toContain('Motifs:\tConséquence de XXX/1/3\n');
    const moved = moveProposal(doc, 3, 1);
    expect(proposalsOf(moved)[0]!.symbol).toBe('SUP');
    expect(writeText(moved)).toContain('Motifs:\tConséquence de XXX/1/1\n');
  });

  it('say ?? when the proposal they named is gone', () => {
    const doc = withReference();
    const sup = proposalsOf(doc)[2]!;
    const without = EditorState.create({ doc }).tr.delete(sup.pos, sup.pos + sup.node.nodeSize).doc;
    expect(writeText(without)).toContain('Motifs:\tConséquence de XXX/1/??\n');
  });
});
