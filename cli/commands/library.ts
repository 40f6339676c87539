/**
 * `plenary library [list|search <query>|add <file…> [--body B]] [--data-dir DIR] [--json]`: the
 * offline library of texts in force that proposals are made from (node/services/library.ts).
 */
import { BODIES, type Body } from '../../shared/proposals/index.js';
import type { LibraryEntry } from '../../node/services/index.js';
import { resolvePath, writeLines } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { openLibrary } from '../library.js';
import { parseArgs } from 'node:util';

const SYNOPSIS = 'plenary library [list | search <query> | add <file>… [--body PP|Council|WTDC|WTSA|WRC]] [--data-dir DIR] [--json]';

export const summary =
  'library [list|search <q>|add <file>…] [--json]   the offline library of texts in force (number, body, version, language, title)';

function line(entry: LibraryEntry): string {
  return [entry.id, entry.body ?? '?', entry.number ?? '?', entry.language, entry.version, entry.title].join('\t');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, body: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [action = 'list', ...rest] = positionals;
  const library = await openLibrary(io, values['data-dir']);
  const print = (entries: LibraryEntry[]) =>
    writeLines(io.stdout, values.json ? JSON.stringify(entries, null, 2) : entries.map(line).join('\n') || '(no text)');

  switch (action) {
    case 'list':
      if (rest.length) throw new UsageError(`too many arguments; usage: ${SYNOPSIS}`);
      print(library.entries);
      return 0;
    case 'search':
      if (rest.length === 0) throw new UsageError(`missing the query; usage: ${SYNOPSIS}`);
      print(library.search(rest.join(' ')).map((hit) => hit.item));
      return 0;
    case 'add': {
      if (rest.length === 0) throw new UsageError(`missing the file(s) to add; usage: ${SYNOPSIS}`);
      const body = values.body;
      if (body !== undefined && !(BODIES as readonly string[]).includes(body))
        throw new UsageError(`--body is one of ${BODIES.join(', ')}, not ${body}`);
      for (const file of rest) {
        const added = await library.add(resolvePath(io, file), body ? { body: body as Body } : {});
        for (const warning of added.warnings) writeLines(io.stderr, `warning: ${file}: ${warning}`);
        writeLines(io.stdout, `${added.replaced ? 'replaced' : 'added'}\t${line(added.entry)}`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown library action "${action}"; usage: ${SYNOPSIS}`);
  }
}
