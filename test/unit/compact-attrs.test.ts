/**
 * shared/schema/compact-attrs.ts: node and mark attributes kept in objects of their own shape, with
 * repeated short string values kept once. Whatever the layout, the attributes must read, compare
 * and serialise as prosemirror-model's own would.
 */
import { Mark, Schema } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compactAttrs } from '../../shared/schema/compact-attrs.js';
import { schema } from '../../shared/schema/index.js';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { fixtureDocument } from '../support/fixtures.js';
import { RES_1332 } from '../support/review.js';

describe('compact attributes', () => {
  it('read as the plain attributes, in the spec order, with no inherited names', () => {
    const item = schema.nodes.item!.create({ id: 'abc' }, schema.nodes.item_text!.create({ id: 'def' }, schema.text('Texte')));
    expect(Object.keys(item.attrs)).toEqual(Object.keys(schema.nodes.item!.spec.attrs!));
    expect({ ...item.attrs }).toEqual({ id: 'abc', change: null, deletion: null, movedFrom: null, translation: null });
    expect('toString' in item.attrs).toBe(false);
    expect(item.eq(schema.nodeFromJSON(item.toJSON()))).toBe(true);
    // A node made without attributes keeps the type's shared defaults.
    const list = schema.nodes.item_list!.createAndFill()!;
    expect(list.attrs.style).toBe('alpha');
  });

  it('a real resolution saved and read back is the same document, node for node', () => {
    const doc = fixtureDocument(RES_1332);
    const back = parseDocument(serializeDocument(doc)).doc;
    expect(back.eq(doc)).toBe(true);
    expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(doc.toJSON()));
  });

  it("keeps each mark's own values when more distinct values come than the shared table holds", () => {
    const marks: Mark[] = [];
    for (let i = 0; i < 3000; i++) {
      const date = `2026-11-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z#${i}`;
      marks.push(schema.marks.insertion!.create({ id: `c${i}`, author: i % 2 ? 'Fédération de Russie' : 'Secrétariat', date }));
    }
    marks.forEach((mark, i) => {
      expect(mark.attrs.id).toBe(`c${i}`);
      expect(mark.attrs.date.endsWith(`#${i}`)).toBe(true);
      expect(mark.attrs.author).toBe(i % 2 ? 'Fédération de Russie' : 'Secrétariat');
      expect(mark.eq(Mark.fromJSON(schema, mark.toJSON()))).toBe(true);
    });
    // Two marks with the same attributes are equal, whichever objects hold them.
    const again = schema.marks.insertion!.create({ ...marks[7]!.attrs });
    expect(again.eq(marks[7]!)).toBe(true);
    expect(again.eq(marks[8]!)).toBe(false);
  });

  it('leaves a schema alone when prosemirror-model no longer builds attributes where it is hooked', () => {
    const plain = new Schema({
      nodes: { doc: { content: 'para+' }, para: { content: 'text*', attrs: { id: { default: null } } }, text: {} },
    });
    const type = plain.nodes.para! as unknown as { computeAttrs?: unknown };
    type.computeAttrs = undefined;
    expect(() => compactAttrs(plain)).not.toThrow();
    expect(type.computeAttrs).toBeUndefined();
  });
});
