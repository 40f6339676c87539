/**
 * `npm run lint` enforces the layers (build/lint-layers.js, README "Architecture"). Each case is a
 * scratch source linted with the project's own ESLint configuration as if it stood at the given
 * path (nothing is written into the tree): a violation must fail with the rule's message, and the
 * same import done the allowed way must pass.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODULE_ORDER } from '../../build/lint-layers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The errors ESLint reports for `source` standing at `file` (relative to the repository). */
async function lint(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint refuses', () => {
  it('a shell importing another shell', async () => {
    const errors = await lint('renderer/scratch.ts', "import { startHost } from '../host/index.js';\nexport const start = startHost;\n");
    expect(errors).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*renderer runs in a browser page/)]);
    const fromElectron = await lint('electron/scratch.ts', "import { main } from '../cli/plenary.js';\nexport const run = main;\n");
    expect(fromElectron).toEqual([expect.stringMatching(/A shell does not import another shell/)]);
  });

  it('a Node built-in, Electron or node/ in browser-safe code', async () => {
    expect(await lint('shared/model/scratch.ts', "import { readFile } from 'node:fs/promises';\nexport const read = readFile;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-nodejs-modules: .*node:fs\/promises/),
    ]);
    expect(await lint('renderer/scratch.ts', "import path from 'path';\nexport const join = path.join;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-nodejs-modules: .*"path"/),
    ]);
    expect(await lint('shared/ipc/scratch.ts', "import { app } from 'electron';\nexport const electronApp = app;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*does not import Electron/),
    ]);
    // Also below node/file in the layer order: both rules say so.
    expect(await lint('shared/file/scratch.ts', "import { saveDocument } from '../../node/file/index.js';\nexport const save = saveDocument;\n")).toEqual(
      expect.arrayContaining([expect.stringMatching(/shared\/ is the browser-safe core/)]),
    );
  });

  it('a folder cycle: a module importing one above it', async () => {
    // numbering imports model (labels need ids); model importing numbering closes the cycle.
    const errors = await lint('shared/model/scratch.ts', "import { computeLabels } from '../numbering/index.js';\nexport const labels = computeLabels;\n");
    expect(errors).toEqual([expect.stringMatching(/shared\/model comes before these modules .*folder cycle/)]);
  });

  it('a deep import past a module’s index.ts', async () => {
    const errors = await lint('shared/editing/scratch.ts', "import { newId } from '../model/ids.js';\nexport const id = newId;\n");
    expect(errors).toEqual([expect.stringMatching(/Import shared\/model through its index\.ts/)]);
    const fromCli = await lint('cli/scratch.ts', "import { startHost } from '../host/serve.js';\nexport const start = startHost;\n");
    expect(fromCli).toEqual([expect.stringMatching(/through host\/index\.ts/)]);
  });
});

describe('lint accepts', () => {
  it('the same imports done the allowed way', async () => {
    expect(await lint('shared/editing/scratch.ts', "import { newId } from '../model/index.js';\nexport const id = newId;\n")).toEqual([]);
    expect(await lint('shared/numbering/scratch.ts', "import { newId } from '../model/index.js';\nexport const id = newId;\n")).toEqual([]);
    expect(await lint('cli/scratch.ts', "import { startHost } from '../host/index.js';\nexport const start = startHost;\n")).toEqual([]);
    expect(await lint('renderer/scratch.ts', "import { listChanges } from '../shared/tracking/index.js';\nexport const list = listChanges;\n")).toEqual([]);
    expect(await lint('node/file/scratch.ts', "import { readFile } from 'node:fs/promises';\nexport const read = readFile;\n")).toEqual([]);
  });

  it('a test reaching into a module to test one of its units', async () => {
    expect(await lint('test/unit/scratch.test.ts', "import { newId } from '../../shared/model/ids.js';\nexport const id = newId;\n")).toEqual([]);
  });
});

it('every module of shared/ and node/ has its place in the layer order, and its index.ts', () => {
  const modules = ['shared', 'node'].flatMap((top) =>
    readdirSync(path.join(ROOT, top), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${top}/${entry.name}`),
  );
  expect([...modules].sort()).toEqual([...MODULE_ORDER].sort());
  for (const module of modules) expect(readdirSync(path.join(ROOT, module))).toContain('index.ts');
});
