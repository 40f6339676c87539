import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../../shared/numbering/layered-map.js';

describe('LayeredMap (the item labels shared between editor states)', () => {
  it('behaves like a copied and updated Map, and never changes the maps it was made from', () => {
    const key = fc.constantFrom(...'abcdefghijklmnop'.split(''));
    const update = fc.record({ set: fc.dictionary(key, fc.string({ maxLength: 2 })), removed: fc.array(key, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 2 })), fc.array(update, { maxLength: 12 }), (start, updates) => {
        let model = new Map(Object.entries(start));
        let layered = LayeredMap.from(new Map(model));
        const history: Array<[LayeredMap<string>, Map<string, string>]> = [[layered, new Map(model)]];
        for (const { set, removed } of updates) {
          const next = new Map(model);
          for (const k of removed) if (!(k in set)) next.delete(k);
          for (const [k, v] of Object.entries(set)) next.set(k, v);
          model = next;
          layered = layered.with(new Map(Object.entries(set)), removed);
          history.push([layered, new Map(model)]);
        }
        for (const [map, expected] of history) {
          expect(new Map(map)).toEqual(expected);
          expect(map.size).toBe(expected.size);
          for (const k of 'abcdefghijklmnop') expect(map.get(k)).toBe(expected.get(k));
        }
      }),
      { numRuns: 300 },
    );
  });
});
