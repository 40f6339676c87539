/** `plenary reject-all <in> -o <out.plenary>`: the document with every tracked change rejected. */
import type { CliIo } from '../io.js';
import { resolveAllChanges } from './accept-all.js';

const SYNOPSIS = 'plenary reject-all <in> -o <out.plenary>';

export const summary = 'reject-all <in> -o <out.plenary>   reject every tracked change (the original text) and write the result';

export function run(args: string[], io: CliIo): Promise<number> {
  return resolveAllChanges('reject', SYNOPSIS, args, io);
}
