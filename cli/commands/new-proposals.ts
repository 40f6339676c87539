/**
 * `plenary new-proposals --source SEN --conference PP-26 [--document 56] [--language en]
 * [--source-name "Senegal (Republic of)"] [--meeting "COMMITTEE 5"] [--date d] -o <doc.plenary>`: a new proposals document to a
 * conference — its cover in the conference's format, no proposal yet (add them with `plenary propose`).
 */
import { basename } from 'node:path';
import { isLanguageCode, LANGUAGE_CODES } from '../../shared/languages/index.js';
import { conferenceByCode, conferenceCodes, newProposalsDocument, unverifiedConferenceWarning } from '../../shared/proposals/index.js';
import { saveDocument } from '../../node/file/index.js';
import { parseCommandArgs, resolvePath, writeLines } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

const SYNOPSIS =
  'plenary new-proposals --source SEN --conference PP-26 [--document 56] [--language en] [--source-name "Senegal (Republic of)"] [--meeting "COMMITTEE 5"] [--date d] -o <doc.plenary>';

export const summary =
  'new-proposals --source SEN --conference PP-26 -o <doc.plenary>   a new proposals document to a conference (cover, no proposal yet)';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      output: { type: 'string', short: 'o' },
      source: { type: 'string' },
      conference: { type: 'string' },
      document: { type: 'string' },
      language: { type: 'string' },
      'source-name': { type: 'string' },
      date: { type: 'string' },
      meeting: { type: 'string' },
    },
    { count: 0, synopsis: SYNOPSIS },
  );
  if (!values.output) throw new UsageError(`missing -o <doc.plenary>; usage: ${SYNOPSIS}`);
  if (!values.source) throw new UsageError(`missing --source (the country or group code, e.g. SEN); usage: ${SYNOPSIS}`);
  const language = values.language ?? 'en';
  if (!isLanguageCode(language)) throw new UsageError(`--language is one of ${LANGUAGE_CODES.join(', ')}, not ${language}`);
  const conference = values.conference ? conferenceByCode(values.conference) : null;
  if (values.conference && !conference)
    throw new UsageError(`unknown conference ${values.conference}: one of ${conferenceCodes().join(', ')}`);
  const unverified = conference ? unverifiedConferenceWarning(conference, language) : null;
  if (unverified) writeLines(io.stderr, `warning: ${unverified}`);

  const doc = newProposalsDocument({
    language,
    source: values.source!,
    conference,
    ...(values.document ? { documentNumber: values.document } : {}),
    ...(values['source-name'] ? { sourceName: values['source-name'] } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(values.meeting ? { meeting: values.meeting } : {}),
  });
  const output = resolvePath(io, values.output);
  await saveDocument(output, doc);
  writeLines(
    io.stdout,
    `wrote ${basename(output)}: proposals of ${doc.attrs.proposalSource as string}${conference ? ` to ${conference.code}` : ''}; add proposals with plenary propose`,
  );
  return 0;
}
