/**
 * Checks that a document read from a file is one the rest of Plenary can trust: it fits the schema
 * (node types, attributes, content order, marks), every block has an id and no id is used twice
 * (tracking, cross-references and language versions hang on ids), cover fields are not repeated,
 * and tracked-change attributes have the shape the tracking code reads. Every failure is a
 * FileFormatError with a one-line reason naming where in the document it is.
 */
import { Node } from 'prosemirror-model';
import { z } from 'zod';
import { schema } from '../schema/index.js';
import { messageOf, oneLine } from '../errors/index.js';
import { translationStateSchema } from '../translation/index.js';
import { FileFormatError } from './errors.js';

/** Deeper than any real resolution (items nest a few levels); guards the recursive checks. */
const MAX_DEPTH = 200;

/** Attributes that hold a tracked change of a whole block or of its paragraph mark (schema.ts). */
const CHANGE_ATTRS = ['change', 'deletion', 'paragraphMark'] as const;

const blockChangeSchema = z.looseObject({
  kind: z.enum(['insertion', 'deletion']),
  id: z.string().min(1),
  author: z.string(),
  date: z.string(),
});

function fail(message: string): never {
  throw new FileFormatError(oneLine(message));
}

function where(path: readonly string[]): string {
  return path.length ? ` (in ${path.join(' > ')})` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Walks the raw JSON before ProseMirror sees it, for messages that say what and where. ProseMirror's
 * own fromJSON would drop unknown attributes silently: a file written by a newer build would lose
 * data on the next save, so they are refused here instead.
 */
function checkJsonShape(json: unknown, path: string[], depth: number): void {
  if (depth > MAX_DEPTH) fail(`the document is nested more than ${MAX_DEPTH} levels deep`);
  if (!isRecord(json)) fail(`a node is not a JSON object${where(path)}`);
  const type = json.type;
  if (typeof type !== 'string') fail(`a node has no "type"${where(path)}`);
  const marks = json.marks;
  if (marks !== undefined) {
    if (!Array.isArray(marks)) fail(`"marks" is not a list${where([...path, type])}`);
    for (const mark of marks) {
      const markType = isRecord(mark) ? mark.type : undefined;
      if (typeof markType !== 'string' || !schema.marks[markType]) {
        fail(`unknown mark type ${JSON.stringify(markType)}${where([...path, type])}`);
      }
      // As for nodes: an attribute this build does not know would be dropped on the next save.
      const markAttrs = (mark as Record<string, unknown>).attrs;
      if (markAttrs !== undefined) {
        if (!isRecord(markAttrs)) fail(`"attrs" of a ${markType} mark is not an object${where([...path, type])}`);
        for (const name in markAttrs) {
          if (!Object.hasOwn(schema.marks[markType]!.spec.attrs ?? {}, name))
            fail(`unknown attribute ${JSON.stringify(name)} on the ${markType} mark${where([...path, type])}`);
        }
      }
    }
  }
  if (type === 'text') {
    if (typeof json.text !== 'string' || json.text === '') fail(`a text node has no text${where(path)}`);
    return;
  }
  const nodeType = schema.nodes[type];
  if (!nodeType) fail(`unknown node type ${JSON.stringify(type)}${where(path)}`);
  if (json.attrs !== undefined) {
    if (!isRecord(json.attrs)) fail(`"attrs" is not an object${where([...path, type])}`);
    for (const name in json.attrs) {
      if (!Object.hasOwn(nodeType.spec.attrs ?? {}, name)) fail(`unknown attribute ${JSON.stringify(name)} on ${type}${where(path)}`);
    }
  }
  if (json.content !== undefined) {
    if (!Array.isArray(json.content)) fail(`"content" is not a list${where([...path, type])}`);
    // One path array for the whole walk (push/pop): a large document has tens of thousands of nodes.
    path.push(type);
    for (const child of json.content) checkJsonShape(child, path, depth + 1);
    path.pop();
  }
}

/** The first node, in document order, whose children break its content expression. */
function checkContent(node: Node, path: string[]): void {
  if (!node.type.validContent(node.content)) {
    const found: string[] = [];
    node.forEach((child) => found.push(child.isText ? 'text' : child.type.name));
    const shown = found.length > 8 ? [...found.slice(0, 8), '…'] : found;
    fail(
      `wrong content in ${node.type.name}: expected ${node.type.spec.content ?? 'nothing'}, found ${shown.join(' ') || 'nothing'}${where(path)}`,
    );
  }
  path.push(node.type.name);
  node.forEach((child) => {
    if (!child.isText) checkContent(child, path);
  });
  path.pop();
}

function hasIdAttr(node: Node): boolean {
  return 'id' in (node.type.spec.attrs ?? {});
}

/** Ids present and unique, cover fields unique, tracked-change attributes well formed. */
function checkIdsAndAttrs(doc: Node): void {
  const seen = new Map<string, string>();
  const coverFields = new Set<string>();
  doc.descendants((node) => {
    if (hasIdAttr(node)) {
      const id = node.attrs.id as unknown;
      if (typeof id !== 'string' || id === '') fail(`a ${node.type.name} has no id`);
      const earlier = seen.get(id);
      if (earlier) fail(`the id ${JSON.stringify(id)} is used twice (${earlier} and ${node.type.name}); block ids must be unique`);
      seen.set(id, node.type.name);
    }
    for (const attr of CHANGE_ATTRS) {
      if (!(attr in node.attrs) || node.attrs[attr] === null) continue;
      const parsed = blockChangeSchema.safeParse(node.attrs[attr]);
      if (!parsed.success) fail(`the tracked change in "${attr}" of ${node.type.name} ${JSON.stringify(node.attrs.id)} is malformed`);
    }
    if (
      'translation' in node.attrs &&
      node.attrs.translation !== null &&
      !translationStateSchema.safeParse(node.attrs.translation).success
    ) {
      fail(`the translation status of ${node.type.name} ${JSON.stringify(node.attrs.id)} is malformed`);
    }
    if (node.type.name === 'cover_field') {
      const name = node.attrs.name as string;
      if (coverFields.has(name)) fail(`the cover field "${name}" appears twice`);
      coverFields.add(name);
    }
    return true;
  });
}

/** Everything beyond ProseMirror's own check that Plenary relies on. Throws FileFormatError. */
export function validateDocument(doc: Node): void {
  if (doc.type !== schema.topNodeType) fail(`the document's top node is "${doc.type.name}", not "doc"`);
  checkContent(doc, []);
  try {
    // Attribute validators and mark sets; content was checked above with a better message.
    doc.check();
  } catch (error) {
    fail(`the document does not fit the Plenary schema: ${messageOf(error)}`);
  }
  checkIdsAndAttrs(doc);
}

/** Builds and validates a document from its ProseMirror JSON. Throws FileFormatError. */
export function documentFromJson(json: unknown): Node {
  checkJsonShape(json, [], 0);
  let doc: Node;
  try {
    doc = Node.fromJSON(schema, json);
  } catch (error) {
    fail(`the document does not fit the Plenary schema: ${messageOf(error)}`);
  }
  validateDocument(doc);
  return doc;
}
