/**
 * `plenary carry-over <source> <target> -o <out.plenary> [--author "Name"] [--date 2026-11-23]`:
 * the source's proposed changes (a contribution in one language) carried into the target (the text
 * in force in another language) as tracked changes, each item marked with what is left to
 * translate (shared/carry-over).
 */
import { basename } from 'node:path';
import { CARRY_OVER_AUTHOR, CarryOverError, carryOver } from '../../shared/carry-over/index.js';
import { STATUS_WORDS, TRANSLATION_STATUSES } from '../../shared/translation/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { readDocumentFile, saveDocument } from '../../node/file/index.js';
import { changeDate, inputAndPlenaryOutput, parseCommandArgs, resolvePath } from '../args.js';
import { UserError } from '../errors.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary carry-over <source> <target> -o <out.plenary> [--author "Name"] [--date 2026-11-23]';

export const summary =
  "carry-over <source> <target> -o <out.plenary>   a contribution's changes carried into another language version, to translate";

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, author: { type: 'string' }, date: { type: 'string' } },
    { count: 2, synopsis: SYNOPSIS },
  );
  const { input: targetPath, output } = await inputAndPlenaryOutput(io, positionals[1]!, values.output, SYNOPSIS);
  const sourcePath = resolvePath(io, positionals[0]!);
  const author = values.author?.trim() || CARRY_OVER_AUTHOR;
  const date = changeDate(values.date);
  const source = await readDocumentFile(sourcePath);
  const target = await readDocumentFile(targetPath);
  let result;
  try {
    result = carryOver(source.doc, target.doc, { author, date });
  } catch (error) {
    if (error instanceof CarryOverError) throw new UserError(`${basename(sourcePath)} and ${basename(targetPath)}: ${error.message}`);
    throw error;
  }
  await saveDocument(output, result.doc);
  const { counts, untranslated, disagreements } = result.report;
  const statuses = TRANSLATION_STATUSES.map((status) => `${counts[status]} ${STATUS_WORDS[status].split(':')[0]}`).join(', ');
  io.stderr.write(
    `plenary carry-over: ${basename(sourcePath)} → ${basename(targetPath)}: ${listChanges(result.doc).length} change(s) by ${author}; ${statuses}; written to ${basename(output)}\n`,
  );
  for (const line of untranslated) io.stderr.write(`not in the language tables: ${line}\n`);
  for (const disagreement of disagreements) io.stderr.write(`versions disagree: ${disagreement.message}\n`);
  for (const warning of [...source.warnings, ...target.warnings]) io.stderr.write(`warning: ${warning}\n`);
  return 0;
}
