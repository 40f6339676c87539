// Bundles the `plenary` CLI (cli/plenary.ts) into one ESM file, dist/cli/plenary.mjs, that
// runs on Node without tsx or node_modules (bin/plenary.mjs prefers it when present).
import { build } from 'esbuild';
import console from 'node:console';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  // The CLI and the worker thread that reads untrusted files (node/file/read-isolated.ts looks
  // for it beside the CLI).
  entryPoints: { plenary: 'cli/plenary.ts', 'read-worker': 'node/file/read-worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Build tools reached only from a source checkout (`plenary serve` builds the renderer with Vite
  // when it was never built): left as imports, resolved from node_modules when that path runs.
  external: ['vite', 'electron'],
  // JSON (language tables, package.json, Word styles) is inlined by esbuild's json loader.
  loader: { '.json': 'json' },
  // Some bundled CommonJS dependencies call require() for Node built-ins; ESM has no require.
  banner: {
    js: "import { createRequire as __plenaryCreateRequire } from 'node:module'; const require = __plenaryCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('built dist/cli/plenary.mjs');
