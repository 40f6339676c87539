/**
 * `plenary compare <old> <new> -o <out.plenary> [--author "Name"] [--date 2026-11-23]`: the old
 * version with every difference from the new one as a tracked change (shared/compare), ready to
 * review in the app, print with `plenary text --marked` or export to Word with revision marks.
 */
import { basename } from 'node:path';
import { COMPARISON_AUTHOR, CompareError, compareDocuments } from '../../shared/compare/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { saveDocument } from '../../node/file/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { changeDate, inputAndPlenaryOutput, parseCommandArgs, resolvePath } from '../args.js';
import { UserError } from '../errors.js';
import type { CliIo } from '../io.js';
import { reportWarnings } from '../warnings.js';

const SYNOPSIS = 'plenary compare <old> <new> -o <out.plenary> [--author "Name"] [--date 2026-11-23]';

export const summary = 'compare <old> <new> -o <out.plenary>   the differences between two versions, as tracked changes on the old one';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, author: { type: 'string' }, date: { type: 'string' } },
    { count: 2, synopsis: SYNOPSIS },
  );
  const { input: oldPath, output } = await inputAndPlenaryOutput(io, positionals[0]!, values.output, SYNOPSIS);
  const newPath = resolvePath(io, positionals[1]!);
  const author = values.author?.trim() || COMPARISON_AUTHOR;
  const date = changeDate(values.date);

  const previous = await readDocumentFileIsolated(oldPath);
  const next = await readDocumentFileIsolated(newPath);
  let result;
  try {
    result = compareDocuments(previous.doc, next.doc, { author, date });
  } catch (error) {
    if (error instanceof CompareError) throw new UserError(`${basename(oldPath)} and ${basename(newPath)}: ${error.message}`);
    throw error;
  }
  await saveDocument(output, result);
  const count = listChanges(result).length;
  io.stderr.write(
    `plenary compare: ${basename(oldPath)} → ${basename(newPath)}: ${count} change(s) by ${author}, written to ${basename(output)}\n`,
  );
  reportWarnings(io, [...previous.warnings, ...next.warnings]);
  return 0;
}
