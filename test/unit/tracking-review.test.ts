import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDoc } from '../../shared/model/index.js';
import type { DocSpec, SectionSpec } from '../../shared/model/build.js';
import { schema, type BlockChange } from '../../shared/schema/index.js';
import { acceptAll, rejectAll } from '../../shared/tracking/index.js';
import { hasTrackedChanges } from '../../shared/tracking/attrs.js';

const stamp = (kind: BlockChange['kind'], id: string): BlockChange => ({ kind, id, author: 'Alice', date: '2026-01-01T00:00:00Z' });

function resolutionDoc(sections: SectionSpec[]): Node {
  const spec: DocSpec = {
    blocks: [{ resolution: { number: 'RÉSOLUTION 1', title: 'Titre', call: 'Le Conseil,', sections } }],
  };
  return buildDoc(spec);
}

/** Position range of the first occurrence of `text` in the document. */
function rangeOf(doc: Node, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.isText) {
      const at = node.text!.indexOf(text);
      if (at >= 0) found = { from: pos + at, to: pos + at + text.length };
    }
    return true;
  });
  if (!found) throw new Error(`text not found: ${text}`);
  return found;
}

/** Position of the innermost node of `type` whose text starts with `start`. */
function blockAt(doc: Node, type: string, start: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.type.name === type && node.textContent.startsWith(start)) found = pos;
    return true;
  });
  if (found < 0) throw new Error(`${type} not found: ${start}`);
  return found;
}

function mark(doc: Node, text: string, kind: BlockChange['kind'], id: string): Node {
  const { from, to } = rangeOf(doc, text);
  return new Transform(doc).addMark(from, to, schema.marks[kind]!.create(stamp(kind, id))).doc;
}

function setAttr(doc: Node, pos: number, attr: 'change' | 'paragraphMark', value: BlockChange): Node {
  return new Transform(doc).setNodeAttribute(pos, attr, value).doc;
}

function itemTexts(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'item_text') out.push(node.textContent);
    return true;
  });
  return out;
}

function checked(doc: Node): Node {
  doc.check();
  expect(hasTrackedChanges(doc)).toBe(false);
  return doc;
}

describe('acceptAll / rejectAll on text marks', () => {
  it('accept drops deleted text and keeps inserted text unmarked; reject is the mirror', () => {
    let doc = resolutionDoc([{ kind: 'preamble', keyword: 'rappelant', items: ['la Résolution C24 et C26;'] }]);
    doc = mark(doc, 'C24', 'deletion', 'd1');
    doc = mark(doc, 'C26', 'insertion', 'i1');
    expect(itemTexts(checked(acceptAll(doc)))).toEqual(['la Résolution  et C26;']);
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(['la Résolution C24 et ;']);
  });

  it('reject of an insertion whose text the other author then deleted removes it either way', () => {
    let doc = resolutionDoc([{ kind: 'preamble', keyword: 'rappelant', items: ['un deux trois;'] }]);
    doc = mark(doc, 'deux ', 'insertion', 'i1');
    doc = mark(doc, 'deux ', 'deletion', 'd1');
    expect(itemTexts(checked(acceptAll(doc)))).toEqual(['un trois;']);
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(['un trois;']);
  });

  it('merges the text nodes that only differed by their tracked marks, so the result equals an untracked doc', () => {
    const original = resolutionDoc([{ kind: 'preamble', keyword: 'rappelant', items: ['abc;'] }]);
    const tracked = mark(original, 'b', 'insertion', 'i1');
    expect(acceptAll(tracked).eq(original)).toBe(true);
    const para = acceptAll(tracked).nodeAt(blockAt(original, 'item_text', 'abc'))!;
    expect(para.childCount).toBe(1);
  });

  it('resolves marks inside footnotes and tracked footnotes themselves', () => {
    let doc = buildDoc({ blocks: [{ paragraph: ['avant', { footnote: 'note ajoutée' }, ' après'] }] });
    let footnotePos = -1;
    doc.descendants((node, pos) => {
      if (node.type.name === 'footnote') footnotePos = pos;
      return true;
    });
    doc = setAttr(doc, footnotePos, 'change', stamp('insertion', 'f1'));
    doc = mark(doc, 'ajoutée', 'deletion', 'd1');
    const accepted = checked(acceptAll(doc));
    expect(accepted.textContent).toBe('avantnote  après');
    const rejected = checked(rejectAll(doc));
    expect(rejected.textContent).toBe('avant après');
  });
});

describe('acceptAll / rejectAll on whole blocks', () => {
  const items = ['un;', 'deux;', 'trois,'];

  it('an inserted item stays on accept and disappears on reject', () => {
    let doc = resolutionDoc([{ kind: 'preamble', keyword: 'rappelant', items }]);
    doc = setAttr(doc, blockAt(doc, 'item', 'deux'), 'change', stamp('insertion', 'b1'));
    expect(itemTexts(checked(acceptAll(doc)))).toEqual(items);
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(['un;', 'trois,']);
  });

  it('a deleted item disappears on accept and stays on reject', () => {
    let doc = resolutionDoc([{ kind: 'preamble', keyword: 'rappelant', items }]);
    doc = setAttr(doc, blockAt(doc, 'item', 'deux'), 'change', stamp('deletion', 'b1'));
    expect(itemTexts(checked(acceptAll(doc)))).toEqual(['un;', 'trois,']);
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(items);
  });

  it('a sub-list whose items were all inserted leaves no empty list or item behind on reject', () => {
    let doc = resolutionDoc([
      { kind: 'operative', keyword: 'décide', items: [{ text: 'un:', children: [{ style: 'roman', items: ['x;', 'y;'] }] }, 'deux.'] },
    ]);
    doc = setAttr(doc, blockAt(doc, 'item', 'x;'), 'change', stamp('insertion', 'b1'));
    doc = setAttr(doc, blockAt(doc, 'item', 'y;'), 'change', stamp('insertion', 'b2'));
    const rejected = checked(rejectAll(doc));
    expect(itemTexts(rejected)).toEqual(['un:', 'deux.']);
    let lists = 0;
    rejected.descendants((node) => {
      if (node.type.name === 'item_list') lists += 1;
      return true;
    });
    expect(lists).toBe(1);
  });

  it('a deleted section disappears on accept; an inserted one on reject', () => {
    const doc = resolutionDoc([
      { kind: 'preamble', keyword: 'rappelant', items: ['un,'] },
      { kind: 'preamble', keyword: 'notant', items: ['deux,'] },
    ]);
    const sectionPos = blockAt(doc, 'section', 'notant');
    const deleted = setAttr(doc, sectionPos, 'change', stamp('deletion', 's1'));
    expect(itemTexts(checked(acceptAll(deleted)))).toEqual(['un,']);
    expect(rejectAll(deleted).eq(doc)).toBe(true);
    const inserted = setAttr(doc, sectionPos, 'change', stamp('insertion', 's1'));
    expect(itemTexts(checked(rejectAll(inserted)))).toEqual(['un,']);
    expect(acceptAll(inserted).eq(doc)).toBe(true);
  });
});

describe('acceptAll / rejectAll on paragraph marks', () => {
  it('a tracked split (inserted mark) is undone by reject: one item, its original id, no leftover item', () => {
    const original = resolutionDoc([{ kind: 'preamble', keyword: 'rappelant', items: ['premier second;', 'autre,'] }]);
    // Split "premier |second;" into two items, as splitListItem does, and track the split.
    const at = rangeOf(original, 'second').from;
    const tr = new Transform(original).split(at, 2, [{ type: schema.nodes.item!, attrs: { id: 'new-item' } }]);
    const textPos = blockAt(tr.doc, 'item_text', 'premier');
    tr.setNodeAttribute(textPos, 'paragraphMark', stamp('insertion', 'p1'));
    const split = tr.doc;
    split.check();
    expect(itemTexts(split)).toEqual(['premier ', 'second;', 'autre,']);
    expect(rejectAll(split).eq(original)).toBe(true);
    expect(itemTexts(checked(acceptAll(split)))).toEqual(['premier ', 'second;', 'autre,']);
  });

  it('a tracked join (deleted mark) merges the next item into the first on accept, its continuation included', () => {
    let doc = resolutionDoc([
      { kind: 'preamble', keyword: 'rappelant', items: ['un ', { text: 'deux', children: [{ continuation: 'suite' }] }, 'trois,'] },
    ]);
    const firstText = blockAt(doc, 'item_text', 'un');
    const firstId = doc.nodeAt(blockAt(doc, 'item', 'un'))!.attrs.id as string;
    doc = setAttr(doc, firstText, 'paragraphMark', stamp('deletion', 'p1'));
    const accepted = checked(acceptAll(doc));
    expect(itemTexts(accepted)).toEqual(['un deux', 'trois,']);
    const merged = accepted.nodeAt(blockAt(accepted, 'item', 'un deux'))!;
    expect(merged.attrs.id).toBe(firstId);
    expect(merged.childCount).toBe(2);
    expect(merged.child(1).type.name).toBe('continuation');
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(['un ', 'deux', 'trois,']);
  });

  it('a delete across three items (middle one whole) joins the first and the last on accept', () => {
    let doc = resolutionDoc([{ kind: 'operative', keyword: 'décide', items: ['foo bar;', 'milieu;', 'baz qux.'] }]);
    doc = mark(doc, 'bar;', 'deletion', 'd1');
    doc = setAttr(doc, blockAt(doc, 'item_text', 'foo'), 'paragraphMark', stamp('deletion', 'd1'));
    doc = setAttr(doc, blockAt(doc, 'item', 'milieu'), 'change', stamp('deletion', 'd1'));
    doc = mark(doc, 'baz ', 'deletion', 'd1');
    expect(itemTexts(checked(acceptAll(doc)))).toEqual(['foo qux.']);
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(['foo bar;', 'milieu;', 'baz qux.']);
  });

  it('a chain of deleted marks joins all the paragraphs into the first, which keeps the last mark', () => {
    let doc = resolutionDoc([{ kind: 'operative', keyword: 'décide', items: ['a', 'b', 'c', 'd.'] }]);
    doc = setAttr(doc, blockAt(doc, 'item_text', 'a'), 'paragraphMark', stamp('deletion', 'p1'));
    doc = setAttr(doc, blockAt(doc, 'item_text', 'b'), 'paragraphMark', stamp('deletion', 'p2'));
    doc = setAttr(doc, blockAt(doc, 'item_text', 'c'), 'paragraphMark', stamp('insertion', 'p3'));
    const accepted = checked(acceptAll(doc));
    expect(itemTexts(accepted)).toEqual(['abc', 'd.']);
    expect(itemTexts(checked(rejectAll(doc)))).toEqual(['a', 'b', 'cd.']);
  });

  it('joining the last item of a section with the next section keyword keeps a valid document', () => {
    let doc = resolutionDoc([
      { kind: 'preamble', keyword: 'rappelant', items: ['un;', 'deux,'] },
      { kind: 'operative', keyword: 'décide', items: ['trois;', 'quatre.'] },
    ]);
    doc = setAttr(doc, blockAt(doc, 'item_text', 'deux'), 'paragraphMark', stamp('deletion', 'p1'));
    const accepted = checked(acceptAll(doc));
    expect(itemTexts(accepted)).toEqual(['un;', 'deux,décide', 'trois;', 'quatre.']);
    expect(accepted.textContent).toContain('deux,décidetrois;quatre.');
  });

  it('the last paragraph of a document has nothing to join: its deleted mark is just dropped', () => {
    let doc = buildDoc({ blocks: [{ paragraph: 'seul' }] });
    doc = setAttr(doc, 0, 'paragraphMark', stamp('deletion', 'p1'));
    expect(checked(acceptAll(doc)).textContent).toBe('seul');
  });
});
