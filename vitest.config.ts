import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed target: six CLI runs at once on a busy 2-core machine take 20 s.
    testTimeout: 60_000,
    hookTimeout: 20_000,
  },
});
