// Bundles the CLI with esbuild. The entry, dist/swelearn.js, is one file holding the plain card
// commands (its card parser and renderer are evaluated only when used). The simulator, the
// study commands (quiz, plan, stats, export, import) and the Ink app are bundles of their own,
// loaded only by the commands that need them, so `search` never compiles Ink or the simulator.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { inkBundlePlugins, lazyTr46 } from './esbuild-plugins.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Start from an empty dist/, so nothing but the bundles can ever be packed from it.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// Where main.ts's lazy imports live once built, relative to dist/swelearn.js.
const SEPARATE_BUNDLES = {
  './commands/sim.js': './sim.js',
  './commands/quiz.js': './study/quiz.js',
  './commands/plan.js': './study/plan.js',
  './commands/stats.js': './study/stats.js',
  './commands/export.js': './study/export.js',
  './commands/import.js': './study/import.js',
  './open-app.js': './app/open-app.js',
};
const separateBundles = {
  name: 'separate-bundles',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]main\.ts$/.test(args.importer) && SEPARATE_BUNDLES[args.path] ? { path: SEPARATE_BUNDLES[args.path], external: true } : undefined,
    );
  },
};

// The commands that open the app at a screen (quiz, stats) load the app bundle at run time (src/cli/app-door.ts);
// the source import beside it is for running from source only, and must not pull a second copy of Ink in here.
const appDoor = {
  name: 'app-door',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/open-app\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]app-door\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined));
  },
};

// The card parser (gray-matter, js-yaml, yaml, marked's lexer) runs only when a card is not in the
// cache, so it is a bundle of its own, dist/parse-card.js, which src/io/load-card-parser.ts finds
// at run time; no command compiles it up front. Its source import is never bundled.
const parserBundle = {
  name: 'parser-bundle',
  setup(builder) {
    builder.onResolve({ filter: /parse-card\.js$/ }, (args) =>
      /[\\/]src[\\/]io[\\/]load-card-parser\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Keep identifiers so --debug stack traces stay readable; whitespace and syntax are minified.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  define: { __SWELEARN_VERSION__: JSON.stringify(version), __SWELEARN_BUNDLED__: 'true', __SWELEARN_BUILD_ID__: JSON.stringify(`${version}-${Date.now().toString(36)}`), 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (gray-matter, dns-packet) call require() for Node built-ins.
  banner: { js: "import { createRequire as __swelearnCreateRequire } from 'node:module'; const require = __swelearnCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
// The study commands and the app split further: Ink loads only when a screen is drawn.
const split = { splitting: true, chunkNames: 'chunks/[name]-[hash]' };

// Every bundle is built even when one fails. esbuild prints the errors it found with their source
// lines; the ones the Ink patches raise once a bundle is done (scripts/esbuild-plugins.mjs) have no
// location and are not printed by esbuild, so they are printed here, without a stack trace.
// Every bundle: tr46 evaluated on first use, and the Ink patches wherever Ink is bundled.
const plugins = (...own) => [...own, lazyTr46, ...inkBundlePlugins];
const builds = await Promise.allSettled([
  build({ ...common, entryPoints: { swelearn: 'src/cli/main.ts' }, outdir: 'dist', plugins: plugins(separateBundles, parserBundle) }),
  build({ ...common, entryPoints: { 'parse-card': 'src/core/cards/parse-card.ts' }, outdir: 'dist', plugins: plugins() }),
  // The simulator splits too: the world-file parser (YAML) loads only when the parsed world is not in the cache.
  build({ ...common, splitting: true, chunkNames: 'chunks/sim-[name]-[hash]', entryPoints: { sim: 'src/cli/commands/sim.ts' }, outdir: 'dist', plugins: plugins(parserBundle) }),
  build({
    ...common,
    ...split,
    entryPoints: { quiz: 'src/cli/commands/quiz.ts', plan: 'src/cli/commands/plan.ts', stats: 'src/cli/commands/stats.ts', export: 'src/cli/commands/export.ts', import: 'src/cli/commands/import.ts' },
    outdir: 'dist/study',
    plugins: plugins(appDoor, parserBundle),
  }),
  build({ ...common, ...split, entryPoints: { 'open-app': 'src/cli/open-app.ts' }, outdir: 'dist/app', plugins: plugins(parserBundle) }),
  // The config file's YAML parser, loaded with require (src/io/load-yaml.ts) only when a config file is not in the cache.
  build({ stdin: { contents: "module.exports = require('yaml');", resolveDir: '.' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minifyWhitespace: true, minifySyntax: true, legalComments: 'none', outfile: 'dist/yaml.cjs', logLevel: 'warning' }),
]);
const failed = builds.filter((result) => result.status === 'rejected');
for (const { reason } of failed) {
  if (!reason.errors) console.error(reason);
  for (const error of reason.errors?.filter((message) => !message.location) ?? []) console.error(`error: ${error.text}`);
}
if (failed.length > 0) process.exit(1);

// The man page is written from the command table, as the help is, so the two cannot drift apart.
const manModule = await build({ entryPoints: ['src/cli/docs/man-page.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { manPage } = await import(`data:text/javascript;base64,${Buffer.from(manModule.outputFiles[0].text).toString('base64')}`);
mkdirSync(new URL('../man', import.meta.url), { recursive: true });
writeFileSync(new URL('../man/swelearn.1', import.meta.url), manPage(version));
