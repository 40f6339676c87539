// `npm run fuzz`: the nightly-size runs of the randomised tests that CI runs small.
// - the readers' fuzz tests (test/fuzz), 10,000 cases per reader (CI: a few hundred);
//   PLENARY_FUZZ_RUNS overrides the count;
// - the property tests of suggestion mode: tracking-property (edit sequences on the fixture
//   resolutions, TRACKING_RUNS per document, CI: 80) and ui-commands-property (the editor's keys and
//   toolbar, UI_RUNS, CI: 40), here at 10 seeds × 100 sequences and 500 sequences.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const vitest = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const runs = [
  { files: ['test/fuzz'], env: { PLENARY_FUZZ_RUNS: process.env.PLENARY_FUZZ_RUNS ?? '10000' } },
  {
    files: ['test/unit/tracking-property.test.ts'],
    env: { TRACKING_SEEDS: process.env.TRACKING_SEEDS ?? '1-10', TRACKING_RUNS: process.env.TRACKING_RUNS ?? '100' },
  },
  { files: ['test/unit/ui-commands-property.test.ts'], env: { UI_RUNS: process.env.UI_RUNS ?? '500' } },
];
for (const { files, env } of runs) {
  const result = spawnSync(vitest, ['vitest', 'run', ...files, '--testTimeout=3600000'], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
