// The layers of the code base, enforced by `npm run lint` (README, Architecture). Runtimes:
//   shared/    browser-safe core: no Node built-in, no Electron
//   node/      Node-only services (files, settings, recovery, the host API both shells serve)
//   electron/  the desktop shell (main process and preload)
//   renderer/  the UI, in a browser page: Electron's window or `plenary serve`'s
//   cli/       the `plenary` command
//   host/      the browser host that `plenary serve` starts
// Four rules, each with the message lint prints:
// 1. A shell never imports another shell, with one exception: the CLI's `serve` command starts the
//    host through host/index.ts (cli/ → host/, never the other way). shared/ imports no other
//    layer; node/ only shared/; the renderer only shared/.
// 2. Browser-safe code (shared/, renderer/) imports no Node built-in and not Electron.
// 3. The modules of shared/ and node/ are ordered (MODULE_ORDER): a module imports only modules
//    before it, so no two folders can depend on each other (no folder cycles).
// 4. A module is imported through its index.ts, its whole API; only tests reach past it.
// test/ and build/ may import anything.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const SHELLS = ['electron', 'renderer', 'cli', 'host'];

/** What each folder may not import, and why. */
const FORBIDDEN = {
  shared: { from: ['node', ...SHELLS], why: 'shared/ is the browser-safe core: it imports no Node service and no shell.' },
  node: { from: SHELLS, why: 'node/ holds services the shells use; it imports only shared/.' },
  electron: { from: ['renderer', 'cli', 'host'], why: 'A shell does not import another shell; move what both need into shared/ or node/.' },
  renderer: {
    from: ['electron', 'cli', 'host', 'node'],
    why: 'The renderer runs in a browser page: it imports only shared/ (and talks to its host through window.plenary).',
  },
  cli: {
    from: ['electron', 'renderer'],
    why: 'A shell does not import another shell (the CLI may only start host/, through host/index.ts).',
  },
  host: { from: ['electron', 'renderer', 'cli'], why: 'A shell does not import another shell; move what both need into shared/ or node/.' },
};

/**
 * The modules of shared/ and node/, lowest first: each may import only the modules before it. A new
 * module takes its place here; an import that goes up the list is a folder cycle in the making —
 * move what both sides need down instead.
 */
export const MODULE_ORDER = [
  'shared/errors',
  'shared/commands',
  'shared/schema',
  'shared/languages',
  'shared/cover',
  'shared/model',
  'shared/council-style',
  'shared/numbering',
  'shared/tracking',
  'shared/align',
  'shared/translation',
  'shared/file',
  'shared/contribution',
  'shared/proposals',
  'shared/library',
  'shared/outline',
  'shared/import',
  'shared/export',
  'shared/editing',
  'shared/check',
  'shared/compare',
  'shared/carry-over',
  'shared/ipc',
  'node/file',
  'node/services',
];

const shellZones = Object.entries(FORBIDDEN).flatMap(([target, { from, why }]) =>
  from.map((source) => ({ target: `./${target}`, from: `./${source}`, message: why })),
);

// The CLI reaches the host only through its API.
const hostApiZone = {
  target: './cli',
  from: './host',
  except: ['./index.ts'],
  message: 'The CLI starts the host through host/index.ts, its API.',
};

const orderZones = MODULE_ORDER.flatMap((module, rank) => {
  const above = MODULE_ORDER.slice(rank + 1);
  if (above.length === 0) return [];
  return [
    {
      target: `./${module}`,
      from: above.map((m) => `./${m}`),
      message: `${module} comes before these modules in build/lint-layers.js (MODULE_ORDER): importing one of them makes a folder cycle possible; move what both need down a layer.`,
    },
  ];
});

const CODE = [...SHELLS, ...MODULE_ORDER];
const deepZones = MODULE_ORDER.map((module) => ({
  target: CODE.filter((folder) => folder !== module).map((folder) => `./${folder}`),
  from: `./${module}`,
  except: ['./index.ts'],
  message: `Import ${module} through its index.ts: that is the module's whole API (add the name there if it is meant to be used outside).`,
}));

/** Node built-ins and Electron are out of reach of browser-safe code. */
const browserSafe = {
  'import-x/no-nodejs-modules': 'error',
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Browser-safe code (shared/, renderer/) does not import Electron.' }] },
  ],
};

export const layerRules = [
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...shellZones, hostApiZone, ...orderZones, ...deepZones] }],
    },
  },
  { files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'], rules: browserSafe },
];
