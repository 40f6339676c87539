/**
 * An immutable map updated by layering changes over a shared base, so that renumbering one list of
 * a large document costs the size of that list, not of the document (copying a Map of every item's
 * label on each transaction would). When the changes grow as large as the base they are folded
 * into a fresh base, which keeps lookups at two Map reads and amortises the copy.
 */
const REMOVED = Symbol('removed');
type Layer<V> = Map<string, V | typeof REMOVED>;

function isEmpty(items: Iterable<unknown>): boolean {
  if (Array.isArray(items)) return items.length === 0;
  for (const _item of items) return false;
  return true;
}

export class LayeredMap<V> implements ReadonlyMap<string, V> {
  private knownSize: number | null;

  /** `size` null: counted when first asked (a renumbered list need not count its entries). */
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly layer: Layer<V>,
    size: number | null,
  ) {
    this.knownSize = size;
  }

  get size(): number {
    if (this.knownSize === null) {
      let size = this.base.size;
      for (const [key, value] of this.layer) {
        if (value === REMOVED) size -= this.base.has(key) ? 1 : 0;
        else if (!this.base.has(key)) size += 1;
      }
      this.knownSize = size;
    }
    return this.knownSize;
  }

  static from<V>(map: ReadonlyMap<string, V>): LayeredMap<V> {
    return map instanceof LayeredMap ? (map as LayeredMap<V>) : new LayeredMap(map, new Map(), map.size);
  }

  get(key: string): V | undefined {
    const layered = this.layer.get(key);
    if (layered === REMOVED) return undefined;
    return this.layer.has(key) ? (layered as V) : this.base.get(key);
  }

  has(key: string): boolean {
    return this.layer.has(key) ? this.layer.get(key) !== REMOVED : this.base.has(key);
  }

  /** A new map with `set` entries written and `removed` keys gone (a key in both ends up set). */
  with(set: ReadonlyMap<string, V>, removed: Iterable<string> = []): LayeredMap<V> {
    if (this.layer.size === 0 && isEmpty(removed) && set instanceof Map) {
      // Over a bare base, the new entries are the layer itself (never written again: a later
      // `with` copies its layer first), which saves copying a renumbered list entry by entry.
      if (set.size <= this.base.size) return new LayeredMap(this.base, set as Layer<V>, null);
    }
    const layer: Layer<V> = new Map(this.layer);
    const present = (key: string) => (layer.has(key) ? layer.get(key) !== REMOVED : this.base.has(key));
    let size = this.size;
    for (const key of removed) {
      if (set.has(key) || !present(key)) continue;
      layer.set(key, REMOVED);
      size -= 1;
    }
    for (const [key, value] of set) {
      if (!present(key)) size += 1;
      layer.set(key, value);
    }
    if (layer.size > this.base.size) {
      const folded = new Map<string, V>();
      const merged = new LayeredMap(this.base, layer, size);
      for (const [key, value] of merged) folded.set(key, value);
      return new LayeredMap(folded, new Map(), folded.size);
    }
    return new LayeredMap(this.base, layer, size);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.base) if (!this.layer.has(key)) yield [key, value];
    for (const [key, value] of this.layer) if (value !== REMOVED) yield [key, value];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
