/** `plenary check <file> [--json]`: the style checks of shared/check, as an editor's checklist. */
import { checkDocument, formatFinding, hasErrors } from '../../shared/check/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { parseCommandArgs, resolvePath, writeLines } from '../args.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary check <file> [--json]';

export const summary =
  'check <file> [--json]   style checks (item punctuation, empty items, dangling references, unknown keywords); exit 0: no errors (warnings may be printed), 1: errors found or the file cannot be read';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, { count: 1, synopsis: SYNOPSIS });
  const read = await readDocumentFileIsolated(resolvePath(io, positionals[0]!));
  const findings = checkDocument(read.doc);
  if (values.json) {
    writeLines(io.stdout, JSON.stringify({ language: read.language, findings }, null, 2));
  } else if (findings.length === 0) {
    writeLines(io.stdout, 'no findings');
  } else {
    const errors = findings.filter((f) => f.severity === 'error').length;
    writeLines(io.stdout, [...findings.map(formatFinding), `${errors} error(s), ${findings.length - errors} warning(s)`].join('\n'));
  }
  return hasErrors(findings) ? 1 : 0;
}
