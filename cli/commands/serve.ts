/**
 * `plenary serve [--port N] [--data-dir DIR] [FOLDER|FILE]`: the editor in a browser, on 127.0.0.1
 * only, serving FOLDER (or FILE's folder, FILE opened; by default the working folder). Settings,
 * the recent list and recovery snapshots live in the data folder, never among the documents. The FIRST line of
 * output is the URL to open, with the launch token in it; the host runs until interrupted
 * (Ctrl+C), then releases its recovery lock. Unsaved work of a host that was killed is offered for
 * restoring at the next start.
 */
import { messageOf } from '../../shared/errors/index.js';
import { existsSync, statSync } from 'node:fs';
import { UsageError, UserError } from '../errors.js';
import { parseArgs } from 'node:util';
import { resolvePath } from '../args.js';
import type { CliIo } from '../io.js';
import { defaultRendererDir, defaultUserDataDir, rendererConfigFile, rendererProblem, startHost } from '../../host/index.js';

const SYNOPSIS = 'plenary serve [--port N] [--data-dir DIR] [FOLDER|FILE]';

export const summary =
  'serve [--port N] [--data-dir DIR] [FOLDER|FILE]  the editor in a browser on 127.0.0.1, serving that folder (prints the URL first)';

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port ${JSON.stringify(value)}: use 0–65535`);
  return port;
}

/** Builds the renderer with Vite when this is a source checkout and it was never built. */
async function buildRenderer(io: CliIo): Promise<void> {
  const config = rendererConfigFile();
  if (!existsSync(config)) return;
  io.stderr.write('Building the renderer (first start)…\n');
  try {
    const vite = await import('vite');
    await vite.build({ configFile: config, logLevel: 'error' });
  } catch (error) {
    throw new UserError(`the renderer could not be built (${messageOf(error)}): run \`npm run build:renderer\``);
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (files.length > 1) throw new UsageError(`too many arguments; usage: ${SYNOPSIS}`);
  const given = files[0] ? resolvePath(io, files[0]) : null;
  if (given && !existsSync(given)) throw new UserError(`${files[0]} does not exist`);
  const isFolder = given !== null && statSync(given).isDirectory();
  const file = isFolder ? null : given;
  const folder = isFolder ? given : file ? undefined : io.cwd;
  const rendererDir = defaultRendererDir(io.cwd);
  if (rendererProblem(rendererDir)) await buildRenderer(io);
  const problem = rendererProblem(rendererDir);
  if (problem) throw new UserError(problem);

  const env = io.env ?? process.env;
  const host = await startHost({
    port: parsePort(values.port),
    file,
    ...(folder ? { folder } : {}),
    userDataDir: values['data-dir'] ? resolvePath(io, values['data-dir']) : defaultUserDataDir(env),
    rendererDir,
  });
  // The first line is the URL: scripts and tests read it.
  io.stdout.write(`${host.url}\n`);
  io.stdout.write(`Plenary is serving ${file ?? 'a new document'} on 127.0.0.1 only; files are picked in ${host.folder}.\n`);
  io.stdout.write('Press Ctrl+C to stop.\n');

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await host.close();
  return 0;
}
