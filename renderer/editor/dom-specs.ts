/**
 * How each node and mark of the Plenary schema looks in the page, and how HTML copied from the
 * editor itself is read back. The shared schema is DOM-free (it runs in Node for the CLI and the
 * exporters), so these specs live with the renderer: they give the EditorView its node and mark
 * views and the clipboard its serializer and parser.
 *
 * Every block keeps its `id`, `change`, `deletion` and `paragraphMark` in data attributes, so that a
 * cut and paste inside the editor keeps the structure and the tracked changes (the unique-ids plugin
 * renews ids that a paste duplicates).
 */
import { sessionAuthorColours } from './author-colours.js';
import {
  DOMParser,
  DOMSerializer,
  type Attrs,
  type DOMOutputSpec,
  type Mark,
  type Node,
  type ParseRule,
  type Schema,
} from 'prosemirror-model';
import type { MarkViewConstructor } from 'prosemirror-view';

/** Element and class of each node type; the class is what the stylesheet (page.css) styles. */
const NODE_ELEMENTS: Record<string, { tag: string; className: string }> = {
  cover: { tag: 'div', className: 'pl-cover' },
  cover_field: { tag: 'p', className: 'pl-cover-field' },
  paragraph: { tag: 'p', className: 'pl-paragraph' },
  heading: { tag: 'h2', className: 'pl-heading' },
  numbered_paragraph: { tag: 'p', className: 'pl-numbered' },
  resolution: { tag: 'article', className: 'pl-resolution' },
  number_line: { tag: 'p', className: 'pl-number-line' },
  adoption_line: { tag: 'p', className: 'pl-adoption-line' },
  resolution_title: { tag: 'h1', className: 'pl-title' },
  call: { tag: 'p', className: 'pl-call' },
  section: { tag: 'section', className: 'pl-section' },
  section_keyword: { tag: 'p', className: 'pl-keyword' },
  item_list: { tag: 'div', className: 'pl-list' },
  item: { tag: 'div', className: 'pl-item' },
  item_text: { tag: 'p', className: 'pl-item-text' },
  continuation: { tag: 'p', className: 'pl-continuation' },
  annex: { tag: 'section', className: 'pl-annex' },
  annex_heading: { tag: 'p', className: 'pl-annex-heading' },
  annex_title: { tag: 'p', className: 'pl-annex-title' },
  // A proposal to a conference; its symbol and identifier are drawn by renderer/editor/proposals-view.ts.
  proposal: { tag: 'section', className: 'pl-proposal' },
  proposal_reasons: { tag: 'p', className: 'pl-reasons' },
  // Holds no text: proposals-view.ts gives it `data-label`, the proposal's identifier now.
  proposal_reference: { tag: 'span', className: 'pl-proposal-ref' },
  footnote: { tag: 'sup', className: 'pl-footnote' },
  // Rows and cells are what prosemirror-tables expects in the page (tr, td); the rows of a table
  // go in its tbody (see nodeToDOM).
  table: { tag: 'table', className: 'pl-table' },
  table_row: { tag: 'tr', className: 'pl-row' },
  table_cell: { tag: 'td', className: 'pl-cell' },
  // A live reference holds no text: the labels decoration gives it `data-label` to show.
  cross_reference: { tag: 'span', className: 'pl-xref' },
};

const MARK_ELEMENTS: Record<string, { tag: string; className?: string }> = {
  em: { tag: 'em' },
  strong: { tag: 'strong' },
  superscript: { tag: 'sup' },
  subscript: { tag: 'sub' },
  insertion: { tag: 'ins', className: 'pl-ins' },
  deletion: { tag: 'del', className: 'pl-del' },
};

/** Attributes carried as JSON in `data-pl-*` (objects or null); the rest as plain strings. */
const JSON_ATTRS = new Set(['change', 'deletion', 'paragraphMark', 'colwidth']);
/** Attributes read back as numbers, and as booleans. */
const NUMBER_ATTRS = new Set(['indent', 'colspan', 'rowspan']);
const BOOLEAN_ATTRS = new Set(['header']);

function dataAttrs(node: Node, className: string): Record<string, string> {
  const out: Record<string, string> = { class: className };
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === null || value === undefined) continue;
    out[`data-pl-${name}`] = JSON_ATTRS.has(name) ? JSON.stringify(value) : String(value);
  }
  // Tracked whole-block changes get a class so the page can show them (struck through / underlined).
  const change = node.attrs.change as { kind?: string; author?: string } | null | undefined;
  if (change?.kind) out.class += ` pl-block-${change.kind} ${authorClass(change.author)}`;
  const deletion = node.attrs.deletion as { author?: string } | null | undefined;
  if (deletion) out.class += ` pl-block-deletion ${authorClass(deletion.author)}`;
  if (node.type.name === 'paragraph' || node.type.name === 'continuation') {
    out.class += ` pl-indent-${Number(node.attrs.indent) || 0}`;
  }
  if (node.type.name === 'item_list') out.class += ` pl-style-${String(node.attrs.style)}`;
  if (node.type.name === 'table_row' && node.attrs.header) out.class += ' pl-row-header';
  if (node.type.name === 'table_cell') {
    // The browser lays out spans from the real attributes.
    if ((node.attrs.colspan as number) > 1) out.colspan = String(node.attrs.colspan);
    if ((node.attrs.rowspan as number) > 1) out.rowspan = String(node.attrs.rowspan);
  }
  if (node.type.name === 'section') out.class += ` pl-section-${String(node.attrs.kind)}`;
  return out;
}

function readAttrs(element: HTMLElement, schema: Schema, typeName: string): Attrs {
  const spec = schema.nodes[typeName]!.spec.attrs ?? {};
  const attrs: Record<string, unknown> = {};
  for (const name of Object.keys(spec)) {
    const raw = element.getAttribute(`data-pl-${name}`);
    if (raw === null) continue;
    if (JSON_ATTRS.has(name)) {
      try {
        attrs[name] = JSON.parse(raw) as unknown;
      } catch {
        // A damaged attribute from foreign HTML: leave the default.
      }
    } else if (NUMBER_ATTRS.has(name)) {
      attrs[name] = Number(raw) || (name === 'indent' ? 0 : 1);
    } else if (BOOLEAN_ATTRS.has(name)) {
      attrs[name] = raw === 'true';
    } else {
      attrs[name] = raw;
    }
  }
  return attrs;
}

export function nodeToDOM(node: Node): DOMOutputSpec {
  const element = NODE_ELEMENTS[node.type.name];
  if (!element) return node.isLeaf ? ['span'] : ['div', 0];
  if (node.type.name === 'table') return ['table', dataAttrs(node, element.className), ['tbody', 0]];
  // A leaf (an atom such as a reference) has no content hole.
  return node.isLeaf ? [element.tag, dataAttrs(node, element.className)] : [element.tag, dataAttrs(node, element.className), 0];
}

/** The class that gives a tracked change its author's colour (author-colours.ts). */
function authorClass(author: unknown): string {
  return `pl-author-${sessionAuthorColours.of(typeof author === 'string' ? author : '')}`;
}

export function markToDOM(mark: Mark): DOMOutputSpec {
  const element = MARK_ELEMENTS[mark.type.name] ?? { tag: 'span' };
  const attrs: Record<string, string> = {};
  if (element.className) attrs.class = element.className;
  if (mark.type.name === 'insertion' || mark.type.name === 'deletion')
    attrs.class = `${attrs.class ?? ''} ${authorClass(mark.attrs.author)}`.trim();
  if (mark.attrs.author) attrs.title = `${String(mark.attrs.author)} ${String(mark.attrs.date ?? '')}`.trim();
  for (const name of ['id', 'author', 'date']) {
    const value = mark.attrs[name] as unknown;
    if (typeof value === 'string' && value) attrs[`data-pl-${name}`] = value;
  }
  return [element.tag, attrs, 0];
}

/**
 * Gives every node type the schema leaves without `toDOM` (shared/ knows no DOM) the page's DOM
 * spec, so that ProseMirror draws and updates it as its own (same markup → reuse). Node views did
 * this before, at the cost of one more object per node of the page (their `{ dom, contentDOM }`),
 * about 50 KB on the 1,100-item resolution (heap snapshot, editor-open.bench.ts). The specs are
 * written once into this window's schema; `footnote` is left out: it has its own view
 * (footnote-view.ts).
 */
export function drawStructureNodes(schema: Schema): void {
  for (const type of Object.values(schema.nodes)) {
    if (type.name === 'doc' || type.name === 'text' || type.name === 'footnote' || type.spec.toDOM) continue;
    type.spec.toDOM = (node) => renderNode(node);
  }
}

/**
 * The node's element, built here rather than by the view from the spec array. Given an array, the
 * view checks that no array of the node's attributes is used as markup (a guard against specs built
 * from attribute values) and keeps the answer in a WeakMap entry per attributes object: one per
 * block, as every block has its own id — about 30 KB on the 1,100-item resolution (heap snapshot,
 * editor-open.bench.ts). `nodeToDOM` writes attribute values only as strings into attributes, never
 * an attribute's array as markup, so the guard has nothing to find here.
 */
function renderNode(node: Node): DOMOutputSpec {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, nodeToDOM(node));
  // renderSpec of an array always makes an element.
  return contentDOM ? { dom: dom as Element, contentDOM } : { dom: dom as Element };
}

export function markViews(schema: Schema): Record<string, MarkViewConstructor> {
  const views: Record<string, MarkViewConstructor> = {};
  for (const name of Object.keys(schema.marks)) {
    views[name] = (mark) => {
      const { dom, contentDOM } = DOMSerializer.renderSpec(document, markToDOM(mark));
      return contentDOM ? { dom, contentDOM } : { dom };
    };
  }
  return views;
}

/** Serializer for copy and drag: the same elements, with the attributes the parser reads back. */
export function clipboardSerializer(schema: Schema): DOMSerializer {
  const nodes: Record<string, (node: Node) => DOMOutputSpec> = {
    // Text nodes are serialized by DOMSerializer itself; this entry is never called for them.
    text: () => ['span', 0],
  };
  for (const name of Object.keys(schema.nodes)) if (name !== 'text' && name !== 'doc') nodes[name] = nodeToDOM;
  const marks: Record<string, (mark: Mark, inline: boolean) => DOMOutputSpec> = {};
  for (const name of Object.keys(schema.marks)) marks[name] = markToDOM;
  return new DOMSerializer(nodes, marks);
}

/** Parser for HTML copied from this editor (other HTML goes through the Word importer first). */
export function clipboardParser(schema: Schema): DOMParser {
  const rules: ParseRule[] = [];
  for (const [name, element] of Object.entries(NODE_ELEMENTS)) {
    rules.push({
      tag: `${element.tag}.${element.className}`,
      node: name,
      getAttrs: (dom) => readAttrs(dom, schema, name),
    });
  }
  rules.push({ tag: 'em', mark: 'em' }, { tag: 'i', mark: 'em' }, { tag: 'strong', mark: 'strong' }, { tag: 'b', mark: 'strong' });
  for (const name of ['insertion', 'deletion'] as const) {
    rules.push({
      tag: `${MARK_ELEMENTS[name]!.tag}.pl-${name === 'insertion' ? 'ins' : 'del'}`,
      mark: name,
      getAttrs: (dom) => {
        const id = dom.getAttribute('data-pl-id');
        if (!id) return false;
        return { id, author: dom.getAttribute('data-pl-author') ?? '', date: dom.getAttribute('data-pl-date') ?? '' };
      },
    });
  }
  rules.push({ tag: 'sup', mark: 'superscript' }, { tag: 'sub', mark: 'subscript' });
  rules.push({ tag: 'p', node: 'paragraph' });
  return new DOMParser(schema, rules);
}
