/**
 * Errors a user can act on, and the rule they follow: the message is ONE line, shown as is (the CLI
 * prints it on stderr, the app in a dialog or the status line), never with a stack the user is
 * meant to read. Every such error class of Plenary extends `UserFacingError`, so the rule is kept
 * in one constructor instead of by convention, and a caller can tell them from internal errors.
 */

/** Collapses a message to one line, so a library's multi-line text cannot break the contract. */
export function oneLine(message: string, maxLength = 240): string {
  // Split, trim and join rather than one `\s*[\r\n]+\s*` regex: that one retries from every
  // white-space position and took seconds on a line of 80,000 spaces (a hostile attribute name).
  const flat = message
    .split(/[\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** A reason the user can act on; the message is made one line whatever went into it. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(message: string) {
    // Control characters (a newline in a garbled zip entry name, a terminal escape) would break
    // the one-line contract or the terminal that shows it.
    super(oneLine(message.replace(/\p{Cc}+/gu, ' ')));
  }
}

/** The message of anything thrown, as one line. */
export function messageOf(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}
