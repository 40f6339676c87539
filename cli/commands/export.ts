/**
 * `plenary export <file> -o <out.docx> [--final|--original]`: the document as a Word file in Council
 * formatting. By default its tracked changes are real Word revisions (w:ins / w:del) that can be
 * accepted or rejected in Word; `--final` / `--original` write it with every change accepted /
 * rejected, without marks.
 */
import { extname } from 'node:path';
import { exportDocx, type ExportMode } from '../../shared/export/index.js';
import { writeFileAtomic } from '../../node/file/index.js';
import { describeFileError } from '../../shared/file/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { oneFlagOf, parseCommandArgs, resolvePath, writeLines } from '../args.js';
import { UsageError, UserError } from '../errors.js';
import type { CliIo } from '../io.js';
import { reportWarnings } from '../warnings.js';

const SYNOPSIS = 'plenary export <file> -o <out.docx> [--final|--original]';

export const summary =
  'export <file> -o <out.docx> [--final|--original]   Word file in Council format, tracked changes as Word revisions (or accepted/rejected)';

const FLAG_TO_MODE = { markup: 'markup', final: 'final', original: 'original' } as const satisfies Record<string, ExportMode>;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, markup: { type: 'boolean' }, final: { type: 'boolean' }, original: { type: 'boolean' } },
    { count: 1, synopsis: SYNOPSIS },
  );
  if (values.output === undefined || values.output === '') throw new UsageError(`missing -o <out.docx>; usage: ${SYNOPSIS}`);
  const mode = FLAG_TO_MODE[oneFlagOf(values, ['markup', 'final', 'original'] as const, 'markup')];
  const input = resolvePath(io, positionals[0]!);
  const output = resolvePath(io, values.output);
  if (extname(output).toLowerCase() !== '.docx') throw new UsageError(`the output must be a .docx file, not ${values.output}`);
  if (output === input) throw new UserError(`refusing to export over the input file ${values.output}`);

  const read = await readDocumentFileIsolated(input);
  reportWarnings(io, read.warnings, 'plenary export: ');
  const docx = await exportDocx(read.doc, { mode });
  try {
    // No .bak beside an export: the .docx is derived from the document, which stays the source.
    await writeFileAtomic(output, docx, { backup: false });
  } catch (error) {
    throw describeFileError(error, output, 'write');
  }
  writeLines(
    io.stdout,
    `wrote ${values.output} (${mode === 'markup' ? 'tracked changes as Word revisions' : `all changes ${mode === 'final' ? 'accepted' : 'rejected'}`})`,
  );
  return 0;
}
