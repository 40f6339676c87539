/**
 * Compact node and mark attributes. prosemirror-model builds every node's attributes in an object made
 * with `Object.create(null)`, which V8 keeps in dictionary mode: a hash table of about 180 bytes
 * per node beside the object. Every Plenary block carries attributes (an id at least), so a
 * 1,100-item resolution held about half a megabyte in these tables (measured in a heap snapshot,
 * test/bench/editor-open.bench.ts). Here each node type copies the attributes ProseMirror built into
 * an instance of a constructor of its own: same properties, in the spec's order, kept in the object
 * itself. The prototype is an empty object without a prototype, as the original's absence of one:
 * no inherited names (`'toString' in attrs` stays false).
 *
 * `NodeType.computeAttrs` is where prosemirror-model (1.25) builds them for `create`,
 * `createChecked` and `createAndFill`; a node type without attributes, or a node created without
 * any, keeps the shared `defaultAttrs`.
 */
import type { Attrs, Mark, MarkType, NodeType, Schema } from 'prosemirror-model';

/** prosemirror-model's internals used here (not in its typings). */
interface BuildsAttrs {
  computeAttrs(attrs: Attrs | null | undefined): Attrs;
  defaultAttrs: Attrs | null;
}

type AttrsConstructor = new (built: Attrs) => Attrs;

/**
 * Attributes whose values are unique to their node (ids and the ids they point at): kept as they
 * are. Other string values repeat across a document — a tracked change's author and date on each
 * of its hundreds of runs, a list's style, a section's kind — and a document read from JSON holds
 * a fresh copy of each occurrence (about 40 KB for the 500 changes of editor-open.bench.ts).
 */
const UNIQUE_VALUED = new Set(['id', 'target', 'movedFrom']);
/** Longest value shared, and how many distinct values are kept before the table starts again. */
const SHARED_LENGTH = 80;
const SHARED_VALUES = 1024;
const sharedValues = new Map<string, string>();

/** The one copy of a short repeated string value. */
function shared(value: string): string {
  if (value.length > SHARED_LENGTH) return value;
  const known = sharedValues.get(value);
  if (known !== undefined) return known;
  // Bounded: a document whose every change has its own date must not grow the table without end.
  if (sharedValues.size >= SHARED_VALUES) sharedValues.clear();
  sharedValues.set(value, value);
  return value;
}

function attrsConstructor(names: readonly string[]): AttrsConstructor {
  const sharedNames = new Set(names.filter((name) => !UNIQUE_VALUED.has(name)));
  function CompactAttrs(this: Record<string, unknown>, built: Attrs) {
    for (const name of names) {
      const value = built[name] as unknown;
      this[name] = typeof value === 'string' && sharedNames.has(name) ? shared(value) : value;
    }
  }
  CompactAttrs.prototype = Object.create(null) as object;
  return CompactAttrs as unknown as AttrsConstructor;
}

function compactType(type: NodeType): void {
  // The spec's order, which is the order prosemirror-model gives them.
  const names = Object.keys(type.spec.attrs ?? {});
  const builder = type as unknown as BuildsAttrs;
  if (names.length === 0 || typeof builder.computeAttrs !== 'function') return;
  const build = builder.computeAttrs.bind(type);
  const Compact = attrsConstructor(names);
  builder.computeAttrs = (attrs) => {
    const built = build(attrs);
    return built === builder.defaultAttrs ? built : new Compact(built);
  };
}

/** prosemirror-model's internals used here (not in its typings). */
interface MarkInternals {
  instance: Mark | null;
}

/** The same for the marks of a type with attributes (a tracked insertion's id, author and date). */
function compactMarkType(type: MarkType): void {
  const names = Object.keys(type.spec.attrs ?? {});
  if (names.length === 0) return;
  const create = type.create.bind(type);
  const Compact = attrsConstructor(names);
  type.create = (attrs) => {
    const mark = create(attrs);
    // A new mark, not yet seen by anyone; the shared mark without attributes is left alone.
    if (mark !== (type as unknown as MarkInternals).instance) (mark as { attrs: Attrs }).attrs = new Compact(mark.attrs);
    return mark;
  };
}

/** Makes every node and mark type of `schema` build their attributes compactly (see above). */
export function compactAttrs(schema: Schema): Schema {
  for (const type of Object.values(schema.nodes)) compactType(type);
  for (const type of Object.values(schema.marks)) compactMarkType(type);
  return schema;
}
