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

function attrsConstructor(names: readonly string[]): AttrsConstructor {
  function CompactAttrs(this: Record<string, unknown>, built: Attrs) {
    for (const name of names) this[name] = built[name];
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
