/** `plenary inspect <file> [--json]`: the outline of a document, and what a text import did not recognise. */
import { formatOutline, outline } from '../../shared/outline/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { parseCommandArgs, resolvePath, writeLines } from '../args.js';
import type { CliIo } from '../io.js';
import { reportWarnings } from '../warnings.js';

const SYNOPSIS = 'plenary inspect <file> [--json]';

export const summary = 'inspect <file> [--json]   the outline: resolutions, sections, item labels, footnotes, unrecognised lines';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, { count: 1, synopsis: SYNOPSIS });
  const read = await readDocumentFileIsolated(resolvePath(io, positionals[0]!));
  const tree = outline(read.doc);
  if (values.json) {
    const report = { kind: read.kind, language: read.language, outline: tree, warnings: read.warnings, unrecognised: read.unrecognised };
    writeLines(io.stdout, JSON.stringify(report, null, 2));
    return 0;
  }
  writeLines(io.stdout, formatOutline(tree));
  if (read.unrecognised.length > 0) {
    writeLines(
      io.stdout,
      [`unrecognised lines (${read.unrecognised.length}):`, ...read.unrecognised.map(({ line, text }) => `  line ${line}: ${text}`)].join(
        '\n',
      ),
    );
  }
  reportWarnings(io, read.warnings);
  return 0;
}
