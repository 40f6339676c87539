/** Errors the CLI reports to the user as one line with exit code 1 (never with a stack). */
import { UserFacingError } from '../shared/errors/index.js';

/** Bad or missing arguments. */
export class UsageError extends UserFacingError {
  override name = 'UsageError';
}

/** Anything else a command refuses for a reason the user can act on. */
export class UserError extends UserFacingError {
  override name = 'UserError';
}

/** node:util parseArgs throws TypeErrors with these codes for bad arguments. */
const PARSE_ARGS_CODES = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

export function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PARSE_ARGS_CODES.has(code);
}

export function isUserError(error: unknown): boolean {
  return isUsageError(error) || error instanceof UserFacingError;
}
