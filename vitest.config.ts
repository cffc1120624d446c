import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    // Builds the migrated PGlite template the server tests clone (src/server/test-support).
    globalSetup: ['src/server/test-support/global-setup.ts'],
  },
});
