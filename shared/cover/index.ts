/**
 * The fixed text of a document's cover — headings, the word `Document`, the language letter, the
 * box's headings and rule — that the Word export, the text export and the editor set beside the
 * fields, in the document's language. Browser-safe.
 */
export { acceptedFieldText, COVER_BOX_FIELDS, coverFieldFurniture, namesDocument, type CoverFieldFurniture } from './furniture.js';
