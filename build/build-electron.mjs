// Bundles the Electron main process and preload (`npm run build:electron`):
//   electron/main.ts    → dist/electron/main.js     ESM (package.json is "type": "module"), every
//                                                    dependency inlined, `electron` left external
//   electron/preload.ts → dist/electron/preload.js  CommonJS: a sandboxed preload runs as a plain
//                                                    script whose only require() is Electron's own
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The esbuild options of both bundles, written to `outDir` (tests build into a temporary folder). */
export function electronBuildOptions(outDir = 'dist/electron') {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    loader: { '.json': 'json' },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  };
  return [
    {
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: `${outDir}/main.js`,
      format: 'esm',
      // Some bundled CommonJS dependencies call require() for Node built-ins; ESM has no require.
      banner: {
        js: "import { createRequire as __plenaryCreateRequire } from 'node:module'; const require = __plenaryCreateRequire(import.meta.url);",
      },
    },
    {
      // The worker thread that reads untrusted files (node/file/read-isolated.ts looks for it
      // beside main.js).
      ...common,
      entryPoints: ['node/file/read-worker.ts'],
      outfile: `${outDir}/read-worker.js`,
      format: 'esm',
      banner: {
        js: "import { createRequire as __plenaryCreateRequire } from 'node:module'; const require = __plenaryCreateRequire(import.meta.url);",
      },
    },
    {
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: `${outDir}/preload.js`,
      format: 'cjs',
    },
  ];
}

export async function buildElectron(outDir) {
  await Promise.all(electronBuildOptions(outDir).map((options) => build(options)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron();
  console.log('built dist/electron/main.js and dist/electron/preload.js');
}
