/**
 * `plenary align <a> <b> [--json] [--markup|--final|--original]`: two language versions of one text
 * block by block (shared/align): the pairs with their score, then every place where the structures
 * disagree. `--json` gives the pairs by block id, for tools.
 */
import { basename } from 'node:path';
import { alignVersions, documentInView, type Alignment, type AlignView } from '../../shared/align/index.js';
import { readDocumentFile } from '../../node/file/index.js';
import { oneFlagOf, parseCommandArgs, resolvePath, writeLines } from '../args.js';
import type { CliIo } from '../io.js';

const SYNOPSIS = 'plenary align <a> <b> [--json] [--markup|--final|--original]';
const VIEWS = ['markup', 'final', 'original'] as const satisfies readonly AlignView[];

export const summary = 'align <a> <b> [--json]   two language versions paired block by block, with where their structures disagree';

function report(alignment: Alignment, names: { a: string; b: string }, view: AlignView): string {
  const { languages, pairs, disagreements } = alignment;
  const units = pairs.filter((pair) => pair.unit);
  const width = Math.max(0, ...units.map((pair) => pair.where.a.length));
  return [
    `${names.a} (${languages.a}) ↔ ${names.b} (${languages.b}), ${view} view: ${pairs.length} blocks paired, ${disagreements.length} disagreement(s)`,
    ...units.map((pair) => `${pair.score.toFixed(2)}  ${pair.where.a.padEnd(width)}  ↔  ${pair.where.b}`),
    disagreements.length > 0 ? `disagreements (${disagreements.length}):` : 'the two structures agree',
    ...disagreements.map((disagreement) => `  ${disagreement.kind}: ${disagreement.message}`),
  ].join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, markup: { type: 'boolean' }, final: { type: 'boolean' }, original: { type: 'boolean' } },
    { count: 2, synopsis: SYNOPSIS },
  );
  const view = oneFlagOf(values, VIEWS, 'markup');
  const paths = positionals.map((path) => resolvePath(io, path));
  const [a, b] = await Promise.all(paths.map((path) => readDocumentFile(path)));
  const alignment = alignVersions(documentInView(a!.doc, view), documentInView(b!.doc, view));
  if (values.json) {
    const { languages, pairs, disagreements } = alignment;
    writeLines(
      io.stdout,
      JSON.stringify({ view, languages, pairs: pairs.map(({ unit: _unit, ...pair }) => pair), disagreements }, null, 2),
    );
  } else {
    writeLines(io.stdout, report(alignment, { a: basename(paths[0]!), b: basename(paths[1]!) }, view));
  }
  for (const warning of [...a!.warnings, ...b!.warnings]) io.stderr.write(`warning: ${warning}\n`);
  return 0;
}
