/**
 * The `plenary` command registry: name → loader of the command's module, which exports `summary`
 * and `run(args, io)` (the CliCommand contract in ../io.ts). Modules load on demand, so `plenary text`
 * does not pay for the Word writer. A new command is ONE line here plus its file.
 */
import type { CliCommand } from '../io.js';

export const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  import: () => import('./import.js'),
  inspect: () => import('./inspect.js'),
  text: () => import('./text.js'),
  export: () => import('./export.js'),
  compare: () => import('./compare.js'),
  align: () => import('./align.js'),
  'carry-over': () => import('./carry-over.js'),
  serve: () => import('./serve.js'),
  check: () => import('./check.js'),
  'accept-all': () => import('./accept-all.js'),
  'reject-all': () => import('./reject-all.js'),
  'new-revision': () => import('./new-revision.js'),
  library: () => import('./library.js'),
  'new-proposals': () => import('./new-proposals.js'),
  propose: () => import('./propose.js'),
};
