/** Placeholder until comparison of two versions is built. */
import type { CliIo } from '../io.js';

export const summary = 'compare <old> <new> -o <out>   the differences as tracked changes (not available yet)';

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('plenary compare: not available yet\n');
  return 1;
}
