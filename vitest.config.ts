import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { inkModuleSwaps } from './scripts/esbuild-plugins.mjs';

const TESTS = fileURLToPath(new URL('./test/', import.meta.url));

export default defineConfig({
  // Components render through the Ink the bundle ships: Ink's `./output.js` resolves to the row-cached
  // Output and `string-width` to the fast measure, from the table scripts/esbuild-plugins.mjs builds
  // with. Test files are not bundled, so their own imports are left alone (display-width.test.ts
  // measures against the real string-width); test/ui/ink-patches/patched-ink.test.tsx proves the swap.
  plugins: [
    {
      name: 'ink-patches-as-bundled',
      enforce: 'pre',
      resolveId(source, importer) {
        if (!importer || importer.startsWith(TESTS)) return null;
        const swap = Object.values(inkModuleSwaps).find(({ specifier, importer: from }) => specifier.test(source) && (!from || from.test(importer)));
        return swap?.replacement ?? null;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The one test that needs the registry (Node 22 and 24 downloads) runs on its own: npm run test:node-versions.
    exclude: ['test/node-versions/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // vitest hands node_modules to Node, where no resolve hook runs; Ink and the packages that measure
    // text for it go through vite instead, so that the swaps above reach their imports.
    server: { deps: { inline: [/[\\/]node_modules[\\/](ink|ink-testing-library|wrap-ansi|widest-line|cli-truncate)[\\/]/] } },
    // The JSON report lets .ci/run print the "N passed, N failed" summary line.
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
