/** `plenary import <in.txt|in.docx> -o <out.plenary>`: an ITU text (or Word file) to a Plenary document. */
import { realpath } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { FILE_EXTENSION } from '../../file/format.js';
import { readDocumentFile } from '../../file/input.js';
import { saveDocument } from '../../file/save.js';
import { parseCommandArgs, resolvePath } from '../args.js';
import { describeContent } from '../describe.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary import <in.txt|in.docx> -o <out.plenary> [--language fr]';

export const summary = 'import <in.txt|in.docx> -o <out.plenary> [--language xx]   an ITU text or Word file to a .plenary document';

/** The same file under two names (a link, `./a` and `a`) is the same file. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => path);
  return (await real(a)) === (await real(b));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, language: { type: 'string' } },
    { count: 1, synopsis: SYNOPSIS },
  );
  if (!values.output) throw new UsageError(`missing -o <out.plenary>; usage: ${SYNOPSIS}`);
  const input = resolvePath(io, positionals[0]!);
  const output = resolvePath(io, values.output);
  if (extname(output).toLowerCase() !== FILE_EXTENSION) {
    throw new UsageError(`the output must be a ${FILE_EXTENSION} file, not ${basename(output)}`);
  }
  if (await sameFile(input, output)) throw new UsageError('the output is the input file: choose another name with -o');

  const read = await readDocumentFile(input, values.language ? { language: values.language } : {});
  await saveDocument(output, read.doc);

  io.stderr.write(
    `plenary import: ${basename(input)} → ${basename(output)}: ${describeContent(read.doc)} (language ${read.language}); ` +
      `${read.warnings.length} warning(s), ${read.unrecognised.length} unrecognised line(s)\n`,
  );
  for (const warning of read.warnings) io.stderr.write(`warning: ${warning}\n`);
  for (const { line, text } of read.unrecognised) io.stderr.write(`unrecognised line ${line}: ${text}\n`);
  return 0;
}
