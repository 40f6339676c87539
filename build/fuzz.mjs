// `npm run fuzz`: the readers' fuzz tests (test/fuzz) at nightly size, 10,000 cases per reader
// (CI runs a few hundred). PLENARY_FUZZ_RUNS overrides the count.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const runs = process.env.PLENARY_FUZZ_RUNS ?? '10000';
const vitest = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const result = spawnSync(vitest, ['vitest', 'run', 'test/fuzz'], { stdio: 'inherit', env: { ...process.env, PLENARY_FUZZ_RUNS: runs } });
process.exit(result.status ?? 1);
