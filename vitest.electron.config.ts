import { defineConfig } from 'vitest/config';

/** `npm run test:electron`: the real app, where an Electron binary exists (see test/electron/). */
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
