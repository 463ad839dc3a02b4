import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,server,tests,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'tests/e2e/**', 'tests/layering/fixture/**'],
    setupFiles: ['tests/setup/fake-indexeddb.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Password hashes at the production cost (128 MiB, seconds on a busy machine) for each of the
    // hundreds of throwaway accounts would dominate the run; the server honours this only under NODE_ENV=test.
    env: { NODE_ENV: 'test', SD_SCRYPT_LOG_N: '10' },
  },
});
