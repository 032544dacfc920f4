import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys: `npm run test:e2e`. One worker (one server and one Chromium at a time on 2 cores), generous
// timeouts (the first run builds the web app), no retries (a flaky journey is a bug to fix, not to hide).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
