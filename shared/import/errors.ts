import { UserFacingError } from '../errors/index.js';

/**
 * An import failed for a reason the user can act on; the message is one line, shown as is, whatever
 * went into it (a damaged file can name its parts with any bytes: UserFacingError flattens them).
 */
export class ImportError extends UserFacingError {
  override name = 'ImportError';
}
