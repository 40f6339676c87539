/**
 * `plenary new-revision <resolution-file> -o <out.plenary> [--date "14 avril 2026"]`: the resolution in
 * force (.plenary, .txt or .docx) becomes a Council contribution proposing its revision — cover to
 * fill, Introduction and Proposal, the resolution in the annex — the same document as the app's
 * File → New revision of a resolution… (shared/model/contribution.ts).
 */
import { basename } from 'node:path';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { saveDocument } from '../../node/file/index.js';
import { ContributionError, contributionFromResolution } from '../../shared/contribution/index.js';
import { inputAndPlenaryOutput, parseCommandArgs } from '../args.js';
import { UserError } from '../errors.js';
import type { CliIo } from '../io.js';
import { reportWarnings } from '../warnings.js';

const SYNOPSIS = 'plenary new-revision <resolution.plenary|.txt|.docx> -o <out.plenary> [--date "14 avril 2026"] [--language xx]';

export const summary =
  'new-revision <resolution> -o <out.plenary> [--date d]   a Council contribution proposing a revision of the resolution: cover to fill, the resolution in its annex';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, date: { type: 'string' }, language: { type: 'string' } },
    { count: 1, synopsis: SYNOPSIS },
  );
  const { input, output } = await inputAndPlenaryOutput(io, positionals[0]!, values.output, SYNOPSIS);

  // --language is the language of a text import (as for `plenary import`); the contribution takes the source's.
  const read = await readDocumentFileIsolated(input, values.language ? { language: values.language } : {});
  let contribution;
  try {
    contribution = contributionFromResolution(read.doc, values.date === undefined ? {} : { cover: { date: values.date } });
  } catch (error) {
    if (error instanceof ContributionError) throw new UserError(`${basename(input)}: ${error.message}`);
    throw error;
  }
  await saveDocument(output, contribution.doc);

  const number = contribution.resolutionNumber ?? '(no number)';
  io.stderr.write(
    `plenary new-revision: ${basename(input)} → ${basename(output)}: contribution proposing a revision of Resolution ${number} ` +
      `(language ${contribution.language}); fill in the cover, then edit the resolution in the annex with tracking on\n`,
  );
  reportWarnings(io, [...read.warnings, ...contribution.warnings]);
  return 0;
}
