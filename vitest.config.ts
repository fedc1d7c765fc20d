import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/guard.ts'],
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
