/** `plenary text <file> [--marked|--final|--original]`: the document as ITU plain text on standard output. */
import { writeText } from '../../shared/export/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { oneFlagOf, parseCommandArgs, resolvePath, writeLines } from '../args.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary text <file> [--marked|--final|--original]';
const MODES = ['marked', 'final', 'original'] as const;

export const summary = 'text <file> [--marked|--final|--original]   plain text with computed labels (tracked changes marked by default)';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { marked: { type: 'boolean' }, final: { type: 'boolean' }, original: { type: 'boolean' } },
    { count: 1, synopsis: SYNOPSIS },
  );
  const mode = oneFlagOf(values, MODES, 'marked');
  const read = await readDocumentFileIsolated(resolvePath(io, positionals[0]!));
  writeLines(io.stdout, writeText(read.doc, { mode }));
  return 0;
}
