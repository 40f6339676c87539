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
import { inputAndPlenaryOutput, parseCommandArgs, resolvePath } from '../args.js';
import { UsageError, UserError } from '../errors.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary compare <old> <new> -o <out.plenary> [--author "Name"] [--date 2026-11-23]';

export const summary = 'compare <old> <new> -o <out.plenary>   the differences between two versions, as tracked changes on the old one';

/** An ISO date from --date (a day or a full date-time); the current time when absent. */
function changeDate(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--date ${JSON.stringify(value)} is not a date; give it as 2026-11-23 or 2026-11-23T10:00:00Z`);
  return new Date(time).toISOString();
}

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
  io.stderr.write(`plenary compare: ${basename(oldPath)} → ${basename(newPath)}: ${count} change(s) by ${author}, written to ${basename(output)}\n`);
  for (const warning of [...previous.warnings, ...next.warnings]) io.stderr.write(`warning: ${warning}\n`);
  return 0;
}
