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
import { inTrackingScope } from '../../shared/tracking/plugin.js';
import { validateDocument } from '../../shared/file/validate.js';
import { fixture } from './tracking-documents.js';

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

/** The four proposals of the issue, in the order MOD, ADD, SUP, NOC, in a French document of source XXX. */
function fourProposals(): Node {
  const wtdc = conferenceByCode('WTDC-25');
  let doc = newProposalsDocument({ language: 'fr', source: 'xxx', conference: wtdc, documentNumber: '1', date: '1 mai 2026' });
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'MOD', inForce: res30, conference: wtdc, author: 'Sénégal', date: DATE }));
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'ADD', title: 'Accessibilité des services numériques', conference: wtdc }));
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'SUP', inForce: res30 }));
  doc = insertProposal(doc, buildProposal(doc, { symbol: 'NOC', inForce: res1332 }));
  return doc;
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
    expect(proposalsOf(doc).map((p) => `${p.symbol} ${p.identifier}`)).toEqual(['MOD XXX/1/1', 'ADD XXX/1/2', 'SUP XXX/1/3', 'NOC XXX/1/4']);

    const moved = moveProposal(doc, 2, 1);
    validateDocument(moved);
    expect(proposalsOf(moved).map((p) => `${p.symbol} ${p.identifier}`)).toEqual(['ADD XXX/1/1', 'MOD XXX/1/2', 'SUP XXX/1/3', 'NOC XXX/1/4']);
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
    const doc = fourProposals();
    const mod = proposalsOf(doc)[0]!.node;
    // The MOD is the only proposal with changes.
    const changes = listChanges(doc);
    expect(changes.map((change) => [change.kind, change.excerpt])).toEqual([
      ['deletion', 'Kigali, 2022'],
      ['insertion', 'Bakou, 2025'],
    ]);
    expect(changes.every((change) => change.author === 'Sénégal' && change.date === DATE)).toBe(true);
    expect(numberLines(acceptAll(doc))[0]).toBe('RÉSOLUTION 30 (Rév. Bakou, 2025)');
    expect(numberLines(rejectAll(doc))[0]).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
    expect(mod.attrs.target).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
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
    // (In the original view: the MOD's number line carries its tracked revision.)
    expect(numberLines(rejectAll(doc))).toEqual(['PROJET DE NOUVELLE RÉSOLUTION [XXX-1]', 'RÉSOLUTION 30 (Rév. Kigali, 2022)', 'PROJET DE NOUVELLE RÉSOLUTION [XXX-2]']);
    const add = proposalsOf(doc)[2]!.node;
    expect(listChanges(doc).map((change) => change.excerpt)).toEqual(['Kigali, 2022', 'Bakou, 2025']);
    expect(add.firstChild!.child(2).textContent).toBe('La Conférence mondiale de développement des télécommunications (Bakou, 2025),');
    // Moving the second ADD after the first gives the numbers back in order.
    const moved = moveProposal(doc, 3, 1);
    expect(numberLines(rejectAll(moved))).toEqual(['PROJET DE NOUVELLE RÉSOLUTION [XXX-1]', 'PROJET DE NOUVELLE RÉSOLUTION [XXX-2]', 'RÉSOLUTION 30 (Rév. Kigali, 2022)']);
    expect(proposalsOf(moved)[0]!.node.firstChild!.child(1).textContent).toBe('Accessibilité des services numériques');
  });

  it('SUP and NOC name the text (number line and title) and hold nothing else', () => {
    const [, , sup, noc] = proposalsOf(fourProposals());
    expect(sup!.node.childCount).toBe(3);
    expect(sup!.node.child(0).textContent).toBe('RÉSOLUTION 30 (Rév. Kigali, 2022)');
    expect(sup!.node.child(1).textContent).toMatch(/^Rôle du Secteur du développement des télécommunications/);
    expect(noc!.node.attrs.target).toBe('RÉSOLUTION 1332 (C11, dernière mod. C24)');
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
    expect(typingAt(doc, (node) => node.type.name === 'resolution_title' && node.textContent.startsWith('Rôle du Secteur'))).toBe(true);
    expect(typingAt(doc, (node) => node.type.name === 'resolution_title' && node.textContent.startsWith('Accessibilité'))).toBe(false);
    expect(typingAt(doc, (node) => node.type.name === 'proposal_reasons')).toBe(false);
    expect(typingAt(doc, (node) => node.type.name === 'cover_field')).toBe(false);
  });
});
