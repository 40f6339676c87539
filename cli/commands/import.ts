/** `plenary import <in.txt|in.docx> -o <out.plenary>`: an ITU text (or Word file) to a Plenary document. */
import { basename } from 'node:path';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { saveDocument } from '../../node/file/index.js';
import { inputAndPlenaryOutput, parseCommandArgs } from '../args.js';
import { describeContent } from '../describe.js';
import type { CliIo } from '../io.js';
import { reportWarnings } from '../warnings.js';

const SYNOPSIS = 'plenary import <in.txt|in.docx> -o <out.plenary> [--language fr]';

export const summary = 'import <in.txt|in.docx> -o <out.plenary> [--language xx]   an ITU text or Word file to a .plenary document';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, language: { type: 'string' } },
    { count: 1, synopsis: SYNOPSIS },
  );
  const { input, output } = await inputAndPlenaryOutput(io, positionals[0]!, values.output, SYNOPSIS);

  const read = await readDocumentFileIsolated(input, values.language ? { language: values.language } : {});
  await saveDocument(output, read.doc);

  io.stderr.write(
    `plenary import: ${basename(input)} → ${basename(output)}: ${describeContent(read.doc)} (language ${read.language}); ` +
      `${read.warnings.length} warning(s), ${read.unrecognised.length} unrecognised line(s)\n`,
  );
  reportWarnings(io, read.warnings);
  for (const { line, text } of read.unrecognised) io.stderr.write(`unrecognised line ${line}: ${text}\n`);
  return 0;
}
