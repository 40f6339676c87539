/**
 * A proposals document whose cover's conference line (the `session` field) is replaced by `pieces`,
 * each a text node (`bold` for a bold one): a line cut as marks or tracked changes cut it.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';

export function withConferenceLine(doc: Node, pieces: Array<{ text: string; bold?: boolean }>): Node {
  let at = -1;
  let size = 0;
  doc.firstChild!.forEach((field, offset) => {
    if (field.attrs.name !== 'session') return;
    at = 1 + offset;
    size = field.content.size;
  });
  if (at < 0) throw new Error('the document has no conference line on its cover');
  const { schema } = doc.type;
  const nodes = pieces.map((piece) => schema.text(piece.text, piece.bold ? [schema.marks.strong!.create()] : []));
  return EditorState.create({ doc }).tr.replaceWith(at + 1, at + 1 + size, nodes).doc;
}
