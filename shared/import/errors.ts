import { oneLine } from '../file/errors.js';

/**
 * An import failed for a reason the user can act on; the message is one line, shown as is. It is
 * made one line here, whatever went into it: a damaged file can name its parts with any bytes.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(message: string) {
    // Control characters (a newline in a garbled zip entry name) would break the one-line contract.
    super(oneLine(message.replace(/\p{Cc}+/gu, ' ')));
  }
}
