/**
 * `plenary propose <doc.plenary> --mod|--(mod)|--add|--sup|--noc <text> [--title t] [--at N] [--author a]`
 * adds a proposal to a proposals document; `plenary propose <doc> --move N --to M` re-orders them
 * (identifiers and draft numbers follow). `<text>` is a file holding the text in force (.plenary,
 * .txt, .docx) or a reference to the library (`30`, an entry id, words of the title); for --add it
 * is the new resolution's title. The document is saved in place, atomically, keeping `.bak`.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Node } from 'prosemirror-model';
import {
  conferenceByCode,
  conferenceOfSession,
  unverifiedConferenceWarning,
  coverFieldText,
  buildProposal,
  insertProposal,
  moveProposal,
  isModification,
  proposalsOf,
  type Conference,
} from '../../shared/proposals/index.js';
import type { ProposalSymbol } from '../../shared/schema/index.js';
import { readDocumentFile, saveDocument } from '../../node/file/index.js';
import { parseCommandArgs, resolvePath, writeLines } from '../args.js';
import { UsageError, UserError } from '../errors.js';
import type { CliIo } from '../io.js';
import { LibraryError } from '../../node/services/index.js';
import { openLibrary } from '../library.js';

const SYNOPSIS =
  'plenary propose <doc.plenary> (--mod|--editorial-mod|--add|--sup|--noc <text-in-force or title> [--title t] [--at N] [--conference C] [--author a] | --move N --to M) [--data-dir DIR]';

export const summary = 'propose <doc> --mod|--add|--sup|--noc <text>   adds a MOD/ADD/SUP/NOC proposal (or --move N --to M re-orders them)';

const SYMBOL_FLAGS = { mod: 'MOD', 'editorial-mod': '(MOD)', add: 'ADD', sup: 'SUP', noc: 'NOC' } as const satisfies Record<
  string,
  ProposalSymbol
>;
type SymbolFlag = keyof typeof SYMBOL_FLAGS;

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} takes a proposal number (1, 2, …), not ${value}`);
  return number;
}

/** The conference of the cover's session line when none is named: the proposals document is addressed to it. */
function conferenceOf(doc: Node, named: string | undefined): Conference | null {
  if (named) {
    const conference = conferenceByCode(named);
    if (!conference) throw new UsageError(`unknown conference ${named}`);
    return conference;
  }
  return conferenceOfSession(coverFieldText(doc, 'session'));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      mod: { type: 'string' },
      'editorial-mod': { type: 'string' },
      add: { type: 'string' },
      sup: { type: 'string' },
      noc: { type: 'string' },
      title: { type: 'string' },
      at: { type: 'string' },
      move: { type: 'string' },
      to: { type: 'string' },
      conference: { type: 'string' },
      author: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    { count: 1, synopsis: SYNOPSIS },
  );
  const path = resolvePath(io, positionals[0]!);
  const read = await readDocumentFile(path);
  if (read.kind !== 'plenary')
    throw new UserError(`${basename(path)} is not a .plenary proposals document: make one with plenary new-proposals`);
  if (!read.doc.attrs.proposalSource)
    throw new UserError(`${basename(path)} is not a proposals document: make one with plenary new-proposals`);

  const flags = (Object.keys(SYMBOL_FLAGS) as SymbolFlag[]).filter((flag) => values[flag] !== undefined);
  const move = positive(values.move, '--move');
  if (flags.length + (move === undefined ? 0 : 1) !== 1)
    throw new UsageError(`give one of --mod, --editorial-mod, --add, --sup, --noc or --move; usage: ${SYNOPSIS}`);

  let doc: Node;
  if (move !== undefined) {
    const to = positive(values.to, '--to');
    if (to === undefined) throw new UsageError(`--move needs --to; usage: ${SYNOPSIS}`);
    doc = moveProposal(read.doc, move, to);
  } else {
    const flag = flags[0]!;
    const symbol = SYMBOL_FLAGS[flag];
    const argument = values[flag]!;
    const conference = conferenceOf(read.doc, values.conference);
    // Its place and year go into a MOD's number line and an ADD's call: say when no ITU source confirmed them.
    const unverified = conference ? unverifiedConferenceWarning(conference, String(read.doc.attrs.language)) : null;
    if (unverified) writeLines(io.stderr, `warning: ${unverified}`);
    let inForce: Node | undefined;
    let title = values.title;
    if (symbol === 'ADD') {
      title ??= argument;
    } else if (existsSync(resolvePath(io, argument))) {
      inForce = (await readDocumentFile(resolvePath(io, argument))).doc;
    } else {
      const library = await openLibrary(io, values['data-dir']);
      try {
        inForce = await library.read(library.find(argument));
      } catch (error) {
        // A SUP or NOC may name a text the library does not hold: by its number line or title alone.
        if (!(error instanceof LibraryError) || isModification(symbol)) throw error;
        writeLines(io.stderr, `warning: ${error.message} The ${symbol} names it as written.`);
        title ??= argument;
      }
    }
    const proposal = buildProposal(read.doc, {
      symbol,
      ...(inForce ? { inForce } : {}),
      ...(title ? { title } : {}),
      conference,
      author: values.author ?? (read.doc.attrs.proposalSource as string),
    });
    const at = positive(values.at, '--at');
    doc = insertProposal(read.doc, proposal, at === undefined ? undefined : at - 1);
  }
  await saveDocument(path, doc);
  writeLines(
    io.stdout,
    proposalsOf(doc)
      .map((place) => `${place.symbol}\t${place.identifier}\t${place.node.attrs.target ?? firstLine(place.node)}`)
      .join('\n'),
  );
  return 0;
}

function firstLine(proposal: Node): string {
  const resolution = proposal.firstChild;
  return resolution?.type.name === 'resolution' ? (resolution.firstChild?.textContent ?? '') : (resolution?.textContent ?? '');
}
