import { defineConfig } from 'vitest/config'

/** End-to-end tests: the built app (dist/) in Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // each file starts its own server and browser; two at a time fit 2 cores
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['test/e2e/support/globalSetup.ts'],
  },
})
