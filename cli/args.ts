/** Argument parsing shared by the commands: node:util parseArgs, strict, with one-line errors. */
import { realpath } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { FILE_EXTENSION } from '../shared/file/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  positionals: string[];
}

/** Parses `args` and checks the number of positional arguments; `synopsis` goes into the error. */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
  positionals: { count: number; synopsis: string },
): ParsedArgs<O> {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== positionals.count) {
    const problem = parsed.positionals.length < positionals.count ? 'missing argument' : 'too many arguments';
    throw new UsageError(`${problem}; usage: ${positionals.synopsis}`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** At most one of the given flags; returns the one set, or the fallback. */
export function oneFlagOf<K extends string>(values: Partial<Record<K, unknown>>, flags: readonly K[], fallback: K): K {
  const set = flags.filter((flag) => values[flag] === true);
  if (set.length > 1) throw new UsageError(`choose one of ${flags.map((f) => `--${f}`).join(', ')}`);
  return set[0] ?? fallback;
}

export function resolvePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

/** Writes text to a sink, ending it with exactly one newline. */
export function writeLines(sink: { write(text: string): unknown }, text: string): void {
  if (text === '') return;
  sink.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The same file under two names (a link, `./a` and `a`) is the same file. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => path);
  return (await real(a)) === (await real(b));
}

/**
 * The input and the `-o` output of a command that writes a new `.plenary` document from another
 * file (import, new-revision): the output must be named, be a `.plenary` file, and not be the input.
 */
export async function inputAndPlenaryOutput(
  io: CliIo,
  input: string,
  output: string | undefined,
  synopsis: string,
): Promise<{ input: string; output: string }> {
  if (!output) throw new UsageError(`missing -o <out${FILE_EXTENSION}>; usage: ${synopsis}`);
  const paths = { input: resolvePath(io, input), output: resolvePath(io, output) };
  if (extname(paths.output).toLowerCase() !== FILE_EXTENSION) {
    throw new UsageError(`the output must be a ${FILE_EXTENSION} file, not ${basename(paths.output)}`);
  }
  if (await sameFile(paths.input, paths.output)) throw new UsageError('the output is the input file: choose another name with -o');
  return paths;
}

/** An ISO date from --date (a day or a full date-time); the current time when absent. */
export function changeDate(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new UsageError(`--date ${JSON.stringify(value)} is not a date; give it as 2026-11-23 or 2026-11-23T10:00:00Z`);
  return new Date(time).toISOString();
}
