/** `plenary check <file> [--json]`: the style checks of shared/check, as an editor's checklist. */
import { checkDocument, formatFinding, hasErrors } from '../../shared/check/index.js';
import { readDocumentFileIsolated } from '../../node/file/index.js';
import { parseCommandArgs, resolvePath, writeLines } from '../args.js';
import type { CliIo } from '../io.js';
import { openLibrary } from '../library.js';
import { holdsNumberLine } from '../../node/services/index.js';

const SYNOPSIS = 'plenary check <file> [--json] [--data-dir DIR]';

export const summary =
  'check <file> [--json]   style checks (item punctuation, empty items, dangling references, ambiguous references left as text, unknown keywords, proposals); exit 0: no errors (warnings may be printed), 1: errors found or the file cannot be read';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
    { count: 1, synopsis: SYNOPSIS },
  );
  const read = await readDocumentFileIsolated(resolvePath(io, positionals[0]!));
  // A proposals document's SUPs are checked against the library of texts in force.
  const entries = read.doc.attrs.proposalSource ? (await openLibrary(io, values['data-dir'])).entries : null;
  const findings = checkDocument(read.doc, entries ? { inForce: (target) => holdsNumberLine(entries, target) } : {});
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
