/**
 * Saving a document to a `.plenary` file: validated first, then written atomically with a `.bak`
 * of the previous version. A document that fails validation is refused (FileFormatError) before
 * anything touches the disk, so a bad state in memory can never replace a good file.
 */
import type { Node } from 'prosemirror-model';
import { writeFileAtomic } from './atomic.js';
import { describeFileError } from '../../shared/file/index.js';
import { parseDocument, serializeDocument, type DocumentMetadata, type SerializeOptions } from '../../shared/file/index.js';

export interface SaveOptions extends SerializeOptions {
  /** The metadata the document was opened with: its `created` date is kept. */
  previous?: Pick<DocumentMetadata, 'created'>;
  backup?: boolean;
}

/**
 * Writes `document` (a ProseMirror doc, or `.plenary` text as the renderer sends it over IPC) to
 * `path`. Text is parsed and validated like a file being opened, then written afresh (current
 * format version, `modified` now). Throws FileFormatError / FileAccessError for the user.
 */
export async function saveDocument(path: string, document: Node | string, options: SaveOptions = {}): Promise<void> {
  let doc: Node;
  let previous = options.previous;
  if (typeof document === 'string') {
    const parsed = parseDocument(document);
    doc = parsed.doc;
    previous ??= parsed.metadata;
  } else {
    doc = document;
  }
  const text = serializeDocument(doc, previous, options);
  try {
    await writeFileAtomic(path, text, { backup: options.backup ?? true });
  } catch (error) {
    throw describeFileError(error, path, 'write');
  }
}
