#!/usr/bin/env node
// The `plenary` command. Runs the bundled CLI (dist/cli/plenary.mjs, made by `npm run build:cli`)
// when it exists; otherwise the TypeScript source through tsx, so that the command works in a
// fresh clone right after `npm ci`. PLENARY_FROM_SOURCE=1 forces the source (a stale bundle).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const bundle = new URL('../dist/cli/plenary.mjs', import.meta.url);
const source = new URL('../cli/plenary.ts', import.meta.url);

async function loadCli() {
  if (existsSync(bundle) && process.env.PLENARY_FROM_SOURCE !== '1') return import(bundle.href);
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('plenary: the CLI is not built and tsx is not installed; run `npm ci` then `npm run build:cli`\n');
    process.exit(2);
  }
  return tsImport(source.href, import.meta.url);
}

const cli = await loadCli();
await cli.runCli();
