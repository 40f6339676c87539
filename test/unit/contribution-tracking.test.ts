/**
 * Tracking scope of a contribution (shared/tracking/plugin.ts): with tracking on, the delegate's own
 * text (cover, introduction, proposal) is written untracked, every edit in the resolution of the
 * annex is a tracked proposal, and an edit that reaches into the resolution from outside is tracked.
 */
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { contributionFromResolution } from '../../shared/contribution/index.js';
import { schema } from '../../shared/schema/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { setTrackingScope, trackIfEnabled, trackingPlugin } from '../../shared/tracking/index.js';
import { rangeTouchesResolution } from '../../shared/tracking/plugin.js';
import { rejectAll } from '../../shared/tracking/index.js';
import { textPos } from '../support/tracking.js';
import { fixtureDocument } from '../support/fixtures.js';

const res1332 = fixtureDocument('council-res-1332-c24.txt');
const contribution = contributionFromResolution(res1332, { today: new Date('2026-04-14') }).doc;
const now = () => '2026-04-14T10:00:00.000Z';

function start(doc: Node = contribution, enabled = true): EditorState {
  return EditorState.create({ doc, plugins: [trackingPlugin({ author: { name: 'Fédération de Russie' }, enabled, now })] });
}

/** Applies `tr` as the editor does: through trackIfEnabled. */
function edit(state: EditorState, make: (state: EditorState) => Transaction): EditorState {
  const next = state.apply(trackIfEnabled(state, make(state)));
  next.doc.check();
  return next;
}

const typeAt = (pos: number, text: string) => (state: EditorState) => state.tr.insertText(text, pos);

/** Position inside the textblock of type `type` (and cover field `name`), at its start. */
function startOf(doc: Node, type: string, name?: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === type && (name === undefined || node.attrs.name === name)) found = pos + 1;
    return true;
  });
  if (found < 0) throw new Error(`no ${type} ${name ?? ''}`);
  return found;
}

/** Where the resolution of the annex stands: [start, end) of the node. */
function resolutionRange(doc: Node): [number, number] {
  let range: [number, number] = [-1, -1];
  doc.descendants((node, pos) => {
    if (node.type.name === 'resolution') range = [pos, pos + node.nodeSize];
    return range[0] < 0;
  });
  return range;
}

describe('tracking scope of a contribution', () => {
  it('fills the cover and writes the introduction and proposal untracked', () => {
    let s = start();
    s = edit(s, typeAt(startOf(s.doc, 'cover_field', 'source'), 'Contribution de la Fédération de Russie'));
    s = edit(s, typeAt(startOf(s.doc, 'cover_field', 'agendaItem'), 'PL 2'));
    s = edit(s, typeAt(startOf(s.doc, 'paragraph'), 'À la réunion de janvier 2026 du GTC-SMSI/ODD…'));
    expect(listChanges(s.doc)).toEqual([]);
    expect(s.doc.textContent).toContain('Contribution de la Fédération de Russie');
  });

  it('tracks every edit in the resolution, attributed and dated', () => {
    let s = start();
    const pos = textPos(s.doc, 'C24)');
    s = edit(s, (state) => state.tr.delete(pos, pos + 3));
    s = edit(s, typeAt(pos + 3, 'C26'));
    const changes = listChanges(s.doc);
    expect(changes.map((change) => [change.kind, change.excerpt, change.author, change.date])).toEqual([
      ['deletion', 'C24', 'Fédération de Russie', '2026-04-14T10:00:00.000Z'],
      ['insertion', 'C26', 'Fédération de Russie', '2026-04-14T10:00:00.000Z'],
    ]);
    expect(rejectAll(s.doc).eq(contribution)).toBe(true);
  });

  it('tracks a selection spanning the proposal and the resolution, as one tracked edit', () => {
    let s = start();
    s = edit(s, typeAt(startOf(s.doc, 'paragraph'), 'Texte du délégué'));
    const before = s.doc;
    const from = textPos(s.doc, 'du délégué');
    const to = textPos(s.doc, '1332 (C11');
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, to)));
    s = edit(s, (state) => state.tr.deleteSelection());
    // Untracked, the number line would be gone; tracked, it stays, marked deleted, and the
    // delegate's text in the proposal is part of the same tracked edit.
    const changes = listChanges(s.doc);
    const deleted = changes
      .filter((change) => change.kind === 'deletion')
      .map((change) => change.excerpt)
      .join(' ');
    expect(deleted).toContain('du délégué');
    expect(deleted).toContain('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(s.doc.textContent).toContain('RÉSOLUTION 1332 (C11, dernière mod. C24)');
    expect(rejectAll(s.doc).eq(before)).toBe(true);
  });

  it('leaves a paragraph added between the annex heading and the resolution to the delegate', () => {
    let s = start();
    const [resolutionStart] = resolutionRange(s.doc);
    s = edit(s, (state) => state.tr.insert(resolutionStart, schema.nodes.paragraph!.create({ id: 'note' }, schema.text('Note'))));
    expect(listChanges(s.doc)).toEqual([]);
  });

  it('tracks the whole document when the scope is the document (the default)', () => {
    let s = start(contribution.type.create({ ...contribution.attrs, trackingScope: 'document' }, contribution.content));
    s = edit(s, typeAt(startOf(s.doc, 'cover_field', 'agendaItem'), 'PL 2'));
    expect(listChanges(s.doc).map((change) => change.excerpt)).toEqual(['PL 2']);
  });

  it('lets the scope be switched, untracked, and follows it', () => {
    let s = start();
    s = s.apply(setTrackingScope(s, 'document'));
    expect(s.doc.attrs.trackingScope).toBe('document');
    expect(listChanges(s.doc)).toEqual([]);
    s = edit(s, typeAt(startOf(s.doc, 'paragraph'), 'x'));
    expect(listChanges(s.doc)).toHaveLength(1);
  });

  it('tracks nothing while tracking is off', () => {
    let s = start(contribution, false);
    s = edit(s, typeAt(textPos(s.doc, 'C24)'), 'X'));
    expect(listChanges(s.doc)).toEqual([]);
  });

  it('property: typing at any position is tracked exactly when the position is inside the resolution', () => {
    const positions: number[] = [];
    contribution.descendants((node, pos) => {
      if (node.isTextblock) for (let offset = 0; offset <= node.content.size; offset++) positions.push(pos + 1 + offset);
      return true;
    });
    const [resolutionStart, resolutionEnd] = resolutionRange(contribution);
    fc.assert(
      fc.property(
        fc.constantFrom(...positions),
        fc.string({ minLength: 1, maxLength: 5 }).filter((t) => t.trim() === t && t.length > 0),
        (pos, text) => {
          const s = edit(start(), typeAt(pos, text));
          const inside = pos > resolutionStart && pos < resolutionEnd;
          expect(listChanges(s.doc).length > 0).toBe(inside);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rangeTouchesResolution', () => {
  const [resolutionStart, resolutionEnd] = resolutionRange(contribution);
  it.each([
    ['right before the resolution', resolutionStart, resolutionStart, false],
    ['right after it', resolutionEnd, resolutionEnd, false],
    ['its first position inside', resolutionStart + 1, resolutionStart + 1, true],
    ['the whole resolution', resolutionStart, resolutionEnd, true],
    ['from the cover over the whole resolution', 2, resolutionEnd, true],
    ['the cover alone', 2, 10, false],
  ])('%s', (_what, from, to, touches) => {
    expect(rangeTouchesResolution(contribution, from, to)).toBe(touches);
  });
});
