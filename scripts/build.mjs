// Bundles the CLI into one ESM file, so start-up reads one file instead of hundreds of modules.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Start from an empty dist/, so nothing but the bundle can ever be packed from it.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/swelearn.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Keep identifiers so --debug stack traces stay readable; whitespace and syntax are minified.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  define: {
    __SWELEARN_VERSION__: JSON.stringify(version),
    'process.env.NODE_ENV': '"production"',
  },
  // CommonJS dependencies (gray-matter, dns-packet) call require() for Node built-ins.
  banner: { js: "import { createRequire as __swelearnCreateRequire } from 'node:module'; const require = __swelearnCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
