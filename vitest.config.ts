import { defineConfig } from 'vitest/config';

/**
 * Three projects, as the tests are organised (`npm run test:unit`, `test:integration`, `test:e2e`;
 * `npm test` runs them all): unit tests of one module, integration tests across modules and
 * processes (the CLI, Word files checked with LibreOffice and pandoc), end-to-end tests that drive
 * the editor in Chromium. The Electron app has its own configuration (vitest.electron.config.ts).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: keep the pool small so the e2e and LibreOffice checks do not starve.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      {
        extends: true,
        // A poll waits for a state the page will reach (a file opened, a label computed): under load
        // that takes more than vitest's default second, so it is bounded by 15 s (a test has 30).
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], expect: { poll: { timeout: 15_000 } } },
      },
    ],
  },
});
