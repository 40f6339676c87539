/**
 * The `.plenary` format: the JSON envelope, validation against the schema, migrations of older
 * versions, and the errors a user can act on when a file cannot be read or written. Browser-safe:
 * reading and writing the disk is node/file's job.
 */

// The module's API: what the rest of Plenary imports from shared/file.
export { describeFileError, FileAccessError, FileFormatError } from './errors.js';
export {
  APP_VERSION,
  type DocumentMetadata,
  FILE_EXTENSION,
  FORMAT_VERSION,
  parseDocument,
  serializeDocument,
  type SerializeOptions,
} from './format.js';
export { DOCUMENT_SIZE_LIMIT, documentTooLarge } from './limits.js';
