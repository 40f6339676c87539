/**
 * The text importer the editor uses to turn pasted text (or Word's HTML, through
 * shared/import/html) into structure: the same importer as for `.txt` files.
 */
import type { TextImporter } from '../shared/editing/index.js';
import { importText } from '../shared/import/index.js';

export const textImporter: TextImporter = (text, options) => importText(text, options);
