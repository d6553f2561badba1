import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // The JSON report lets .ci/run print the "N passed, N failed" summary line.
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
