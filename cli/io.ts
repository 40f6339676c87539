/**
 * What a CLI command gets from the outside world. Passed in (not taken from `process`) so that
 * every command runs in process in tests, with its output captured.
 */

export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Relative paths in arguments are resolved against this folder. */
  cwd: string;
  /** Environment (PLENARY_DEBUG=1 prints stacks of internal errors); defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** `--verbose`: every warning printed, not a summary of those alike (./warnings.ts). */
  verbose?: boolean;
}

/**
 * A command module (cli/commands/<name>.ts) exports these two. `run` returns the exit code
 * (0 done, 1 user error) and throws for errors: a UsageError, FileFormatError, FileAccessError or
 * ImportError becomes a one-line message and exit 1, anything else an internal error (exit 2).
 */
export interface CliCommand {
  /** One line for `plenary --help`, starting with the command's synopsis. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}
