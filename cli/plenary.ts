/**
 * The `plenary` command line: `plenary <command> [options]` over the same core as the app.
 *
 * Exit codes: 0 success; 1 a user error (missing file, wrong format, invalid content, bad
 * arguments), reported as ONE line on stderr without a stack; 2 an internal error (a bug): one line
 * asking for a report, with the stack only when PLENARY_DEBUG=1.
 *
 * `main` takes its streams and folder as arguments so tests run it in process; `runCli` binds it to
 * the real process (bin/plenary.mjs, `npm run plenary`, the bundle in dist/cli).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messageOf, oneLine } from '../shared/errors/index.js';
import { APP_VERSION, FORMAT_VERSION } from '../shared/file/index.js';
import { COMMANDS } from './commands/index.js';
import { isUsageError, isUserError } from './errors.js';
import type { CliCommand, CliIo } from './io.js';

export type { CliIo } from './io.js';

/** Summaries are `synopsis   description`: the descriptions are lined up in a column. */
function alignSummaries(summaries: string[]): string[] {
  const split = summaries.map((summary) => {
    const match = /^(.*?)\s{3,}(.*)$/.exec(summary);
    return match ? [match[1]!, match[2]!] : [summary, ''];
  });
  const width = Math.max(...split.map(([synopsis]) => synopsis!.length));
  return split.map(([synopsis, description]) => `  ${description ? synopsis!.padEnd(width + 3) + description : synopsis}`);
}

async function usage(commands: CommandRegistry): Promise<string> {
  const summaries = await Promise.all(
    Object.entries(commands).map(([name, load]) =>
      // A command whose module fails to load still shows up, so --help never breaks.
      load().then(
        (command) => command.summary,
        () => `${name}   (unavailable in this build)`,
      ),
    ),
  );
  return [
    'Usage: plenary <command> [options]',
    '',
    'Commands:',
    ...alignSummaries(summaries),
    '',
    'Options:',
    '  -h, --help      this help; `plenary <command> --help` for one command',
    '  --version       the version of Plenary and of its file format',
    '  --verbose       every warning, not one line for each kind with a count',
    '',
    'Exit codes: 0 done, 1 user error (message on stderr), 2 internal error (please report it).',
    '',
  ].join('\n');
}

function wantsHelp(args: readonly string[]): boolean {
  const beforeEnd = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return beforeEnd.includes('--help') || beforeEnd.includes('-h');
}

function reportError(name: string, error: unknown, io: CliIo): number {
  const message = messageOf(error);
  if (isUserError(error)) {
    io.stderr.write(`plenary ${name}: ${message}\n`);
    if (isUsageError(error)) io.stderr.write(`Run \`plenary ${name} --help\` for usage.\n`);
    return 1;
  }
  const env = io.env ?? process.env;
  io.stderr.write(`plenary ${name}: internal error: ${message}; please report it (PLENARY_DEBUG=1 shows the details)\n`);
  if (env.PLENARY_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}

type CommandRegistry = Readonly<Record<string, () => Promise<CliCommand>>>;

/** Runs one command line and returns its exit code. `commands` is replaceable for tests only. */
export async function main(argv: string[], io: CliIo, commands: CommandRegistry = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(await usage(commands));
    return 1;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await usage(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`plenary ${APP_VERSION} (file format ${FORMAT_VERSION})\n`);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr.write(`plenary: unknown command ${JSON.stringify(oneLine(name, 60))}\n\n${await usage(commands)}`);
    return 1;
  }
  try {
    const command: CliCommand = await load();
    if (wantsHelp(args)) {
      io.stdout.write(`Usage: plenary ${command.summary}\n`);
      return 0;
    }
    // `--verbose` is everyone's: every warning printed instead of a summary (cli/warnings.ts).
    const verbose = args.includes('--verbose');
    return await command.run(
      args.filter((arg) => arg !== '--verbose'),
      verbose ? { ...io, verbose } : io,
    );
  } catch (error) {
    return reportError(name, error, io);
  }
}

/** Runs the CLI on this process's arguments and streams, and sets its exit code. */
export async function runCli(): Promise<void> {
  // `plenary text big.plenary | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // `npm run plenary -- …` and `npm run serve` run in the package's folder; npm names the
    // folder the user typed the command in as INIT_CWD, and that is where relative paths point.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
  });
}

/** True when this module is the program itself (`tsx cli/plenary.ts`, `node dist/cli/plenary.mjs`). */
function isProgram(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(new URL(import.meta.url).href.split('?')[0]!));
  } catch {
    return false;
  }
}

if (isProgram()) await runCli();
