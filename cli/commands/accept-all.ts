/** `plenary accept-all <in> -o <out.plenary>`: the document with every tracked change accepted. */
import { basename, extname } from 'node:path';
import { writeFileAtomic } from '../../node/file/index.js';
import { FILE_EXTENSION, serializeDocument } from '../../shared/file/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { acceptAll, rejectAll, type Decision } from '../../shared/tracking/index.js';
import { parseCommandArgs, resolvePath } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary accept-all <in> -o <out.plenary>';

export const summary = 'accept-all <in> -o <out.plenary>   accept every tracked change (the final text) and write the result';

export function run(args: string[], io: CliIo): Promise<number> {
  return resolveAllChanges('accept', SYNOPSIS, args, io);
}

/** Shared by accept-all and reject-all: read, resolve every change, write atomically, report. */
export async function resolveAllChanges(decision: Decision, synopsis: string, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } }, { count: 1, synopsis });
  if (!values.output) throw new UsageError(`missing -o <out${FILE_EXTENSION}>; usage: ${synopsis}`);
  const input = resolvePath(io, positionals[0]!);
  const output = resolvePath(io, values.output);
  if (extname(output).toLowerCase() !== FILE_EXTENSION) {
    throw new UsageError(`the output must be a ${FILE_EXTENSION} file, not ${basename(output)}`);
  }
  const read = await readDocumentFileIsolated(input);
  const count = listChanges(read.doc).length;
  const resolved = decision === 'accept' ? acceptAll(read.doc) : rejectAll(read.doc);
  await writeFileAtomic(output, serializeDocument(resolved, read.metadata ?? undefined));
  const verb = decision === 'accept' ? 'accepted' : 'rejected';
  io.stderr.write(`plenary ${decision}-all: ${basename(input)} → ${basename(output)}: ${count} change(s) ${verb}\n`);
  return 0;
}
