/**
 * A live reference in text deleted under tracking (Res 1332, "charge le Groupe de travail" 1:
 * `dont il est question au point 5 du décide`) goes through Word and back still live, with its
 * deletion: read as deleted plain text, it would stop following décide 5 once the deletion is
 * rejected. Deleted words read in the original view only, so they name the original numbering.
 */
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/check/index.js';
import { exportDocx, writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { findItem } from '../../shared/numbering/index.js';
import { rejectAll } from '../../shared/tracking/index.js';
import { docxParts } from '../support/docx-xml.js';
import { apply, at, trackedSession } from '../support/review.js';

const HOLDER = 'de lancer un appel à contributions, dont il est question';
const PHRASE = 'dont il est question au ';

interface Reference {
  node: Node;
  /** The text of the item it names, and the deletion on it or on the item holding it. */
  targetText: string;
  deleted: 'mark' | 'item' | null;
}

function references(doc: Node): Reference[] {
  const out: Reference[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true;
    const $pos = doc.resolve(pos);
    let inDeletedItem = false;
    for (let depth = $pos.depth; depth > 0; depth--) {
      const change = $pos.node(depth).attrs.change as { kind: string } | null | undefined;
      if ($pos.node(depth).type.name === 'item' && change?.kind === 'deletion') inDeletedItem = true;
    }
    const target = findItem(doc, node.attrs.target as string);
    out.push({
      node,
      targetText: target?.item.firstChild?.textContent ?? '',
      deleted: node.marks.some((mark) => mark.type.name === 'deletion') ? 'mark' : inDeletedItem ? 'item' : null,
    });
    return false;
  });
  return out;
}

/** The innermost item whose first paragraph holds `text`, and its position. */
function itemHolding(doc: Node, text: string): { pos: number; node: Node } {
  const $text = doc.resolve(at(doc, text));
  for (let depth = $text.depth; depth > 0; depth--) {
    if ($text.node(depth).type.name === 'item') return { pos: $text.before(depth), node: $text.node(depth) };
  }
  throw new Error(`no item holds ${text}`);
}

async function throughWord(doc: Node): Promise<{ back: Node; first: string; second: string }> {
  const exported = await exportDocx(doc, { mode: 'markup' });
  const back = importDocx(exported).doc;
  const again = await exportDocx(back, { mode: 'markup' });
  return { back, first: docxParts(exported)['word/document.xml']!, second: docxParts(again)['word/document.xml']! };
}

const VIEWS = ['marked', 'final', 'original'] as const;

describe('a live reference in deleted text, through Word', () => {
  it.each([
    [
      'an item deleted under tracking',
      'item' as const,
      (state: ReturnType<typeof trackedSession>) => {
        const { pos, node } = itemHolding(state.doc, HOLDER);
        return apply(state, state.tr.delete(pos, pos + node.nodeSize));
      },
    ],
    [
      'a phrase deleted under tracking',
      'mark' as const,
      (state: ReturnType<typeof trackedSession>) => {
        const from = at(state.doc, PHRASE);
        // The phrase and the reference after it: `dont il est question au point 5 du décide`.
        const to = from + PHRASE.length + 1;
        expect(state.doc.nodeAt(from + PHRASE.length)?.type.name).toBe('cross_reference');
        return apply(state, state.tr.delete(from, to));
      },
    ],
  ])('%s: comes back live, deleted, naming décide 5, and Word writes it again the same', async (_name, deleted, edit) => {
    const state = edit(trackedSession('Fédération de Russie'));
    const before = references(state.doc).filter((reference) => reference.deleted !== null);
    expect(before).toHaveLength(1);
    expect(before[0]!.deleted).toBe(deleted);
    expect(before[0]!.targetText).toMatch(/^d'inviter les membres/);

    const { back, first, second } = await throughWord(state.doc);
    const after = references(back).filter((reference) => reference.deleted !== null);
    expect(after).toHaveLength(1);
    expect(after[0]!.deleted).toBe(deleted);
    expect(after[0]!.targetText).toMatch(/^d'inviter les membres/);
    expect(after[0]!.node.marks.map((mark) => mark.type.name)).toEqual(before[0]!.node.marks.map((mark) => mark.type.name));
    for (const mode of VIEWS) expect(writeText(back, { mode })).toBe(writeText(state.doc, { mode }));
    expect(second).toBe(first);

    // Rejected, the deletion leaves the reference live in the text again, as before Word.
    const restored = references(rejectAll(back));
    expect(restored.filter((reference) => reference.targetText.startsWith("d'inviter les membres"))).toHaveLength(
      references(rejectAll(state.doc)).filter((reference) => reference.targetText.startsWith("d'inviter les membres")).length,
    );
  });

  it('a deleted item naming an item deleted too is no dangling reference: it reads where both stand, in the original', async () => {
    let state = trackedSession('Fédération de Russie');
    for (const text of [HOLDER, "d'inviter les membres"]) {
      const { pos, node } = itemHolding(state.doc, text);
      state = apply(state, state.tr.delete(pos, pos + node.nodeSize));
    }
    const dangling = (doc: Node) => checkDocument(doc).filter((finding) => finding.code === 'dangling-reference');
    expect(references(state.doc).filter((reference) => reference.deleted === 'item')).toHaveLength(1);
    expect(dangling(state.doc)).toEqual([]);
    const { back, first, second } = await throughWord(state.doc);
    expect(references(back).filter((reference) => reference.deleted === 'item')).toHaveLength(1);
    expect(dangling(back)).toEqual([]);
    expect(writeText(back, { mode: 'marked' })).toBe(writeText(state.doc, { mode: 'marked' }));
    expect(second).toBe(first);
  });
});
