/** An import failed for a reason the user can act on; the message is one line, shown as is. */
export class ImportError extends Error {
  override name = 'ImportError';
}
