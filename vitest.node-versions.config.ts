import { defineConfig } from 'vitest/config';

// `npm run test:node-versions`: the built package on Node 22 and 24, which it downloads from the registry.
export default defineConfig({
  test: {
    include: ['test/node-versions/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/node-versions.json' }]],
  },
});
