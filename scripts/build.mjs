// Bundles the CLI into one ESM entry (plus lazily loaded chunks), so start-up reads a few files instead of hundreds of modules.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Start from an empty dist/, so nothing but the bundle can ever be packed from it.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// Ink imports its React DevTools bridge (which needs react-devtools-core, a package we do not ship)
// only when DEV=true. esbuild must still resolve it, and marking it external would turn it into a
// static import that fails at start-up, so Ink's bridge module is replaced by an empty one.
const emptyInkDevtools = {
  name: 'empty-ink-devtools',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-devtools', namespace: 'empty' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

await build({
  // One entry file; each command and the Ink app are split into chunks loaded on first use, so
  // `--version` or `search` never compile Ink and React (half the code; about 30 ms at start-up).
  entryPoints: { swelearn: 'src/cli/main.ts' },
  splitting: true,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [emptyInkDevtools],
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
