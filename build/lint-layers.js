// The layers of the code base, enforced by `npm run lint` (README, Architecture). Runtimes:
//   shared/    browser-safe core: no Node built-in, no Electron, no DOM-only shell code
//   node/      Node-only services (files, settings, recovery, the host API both shells serve)
//   electron/  the desktop shell (main process and preload)
//   renderer/  the UI, in a browser page: Electron's window or `plenary serve`'s
//   cli/       the `plenary` command
//   host/      the browser host that `plenary serve` starts
// A shell never imports another shell, with one exception: the CLI's `serve` command starts the
// host (cli/ → host/, never the other way). shared/ imports no other layer; node/ only shared/.
// test/ and build/ may import anything.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const SHELLS = ['electron', 'renderer', 'cli', 'host'];

/** What each folder may not import, and why (the message lint prints). */
const FORBIDDEN = {
  shared: { from: ['node', ...SHELLS], why: 'shared/ is the browser-safe core: it imports no Node service and no shell.' },
  node: { from: SHELLS, why: 'node/ holds services the shells use; it imports only shared/.' },
  electron: { from: ['renderer', 'cli', 'host'], why: 'A shell does not import another shell; move what both need into shared/ or node/.' },
  renderer: { from: ['electron', 'cli', 'host', 'node'], why: 'The renderer runs in a browser page: it imports only shared/ (and talks to the host through window.plenary).' },
  cli: { from: ['electron', 'renderer'], why: 'A shell does not import another shell (the CLI may only start host/).' },
  host: { from: ['electron', 'renderer', 'cli'], why: 'A shell does not import another shell; move what both need into shared/ or node/.' },
};

const zones = Object.entries(FORBIDDEN).flatMap(([target, { from, why }]) =>
  from.map((source) => ({ target: `./${target}`, from: `./${source}`, message: why })),
);

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
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones }] },
  },
  { files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'], rules: browserSafe },
];
