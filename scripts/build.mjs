// Bundles the CLI with esbuild. The commands' entry, dist/swelearn.cjs, is one file holding the plain card
// commands (its card parser and renderer are evaluated only when used). The Ink app, the card parser
// and the simulator are builds of their own that split their shared code into dist/chunks/; the study
// commands (quiz, plan, stats, export, import, lint) are one file each. Each loads only for the
// commands that need it, so `search` never compiles Ink or the simulator. dist/swelearn.cjs, the study
// commands and the app's split files (dist/app/*.cjs, dist/chunks/*.cjs; scripts/cached-scripts.mjs) are CommonJS
// bodies that dist/start.cjs runs with V8's code cache (src/io/bundles/code-cache.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCachedScripts } from './cached-scripts.mjs';
import { inkBundlePlugins, vendoredEntries, vendoredModules } from './esbuild-plugins.mjs';
import { grayMatterWithoutJsYaml } from './gray-matter-without-js-yaml.mjs';
import { thirdPartyNotices } from './third-party-notices.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Start from an empty dist/, so nothing but the bundles can ever be packed from it.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// Where main.ts's lazy imports live once built, relative to dist/swelearn.cjs: ES modules it imports, and the
// study commands, CommonJS bundles it loads through the code cache (__swelearnHost.load).
const SEPARATE_BUNDLES = {
  './commands/sim.js': './sim.js',
  './open-app.js': './app/open-app.cjs',
};
const CACHED_BUNDLES = Object.fromEntries(['quiz', 'plan', 'stats', 'export', 'import', 'lint'].map((name) => [`./commands/${name}.js`, `study/${name}.cjs`]));
const separateBundles = {
  name: 'separate-bundles',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (!/[\\/]src[\\/]cli[\\/]main\.ts$/.test(args.importer)) return undefined;
      if (CACHED_BUNDLES[args.path]) return { path: CACHED_BUNDLES[args.path], namespace: 'cached-bundle' };
      return SEPARATE_BUNDLES[args.path] ? { path: SEPARATE_BUNDLES[args.path], external: true } : undefined;
    });
    builder.onLoad({ filter: /.*/, namespace: 'cached-bundle' }, (args) => ({ contents: `module.exports = __swelearnHost.load(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// The commands that open the app at a screen (quiz, stats, sim --session) load the app bundle at run time (src/cli/app-door.ts);
// the source import beside it is for running from source only, and must not pull a second copy of Ink in here.
const appDoor = {
  name: 'app-door',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/open-app\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]app-door\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined));
  },
};

// The study commands make items (the item generator with the Markdown lexer) and predict items (the simulator) only
// when their caches miss; for that they load the app build's entries of the same modules, which share the app's
// chunks, instead of packing another copy. The path is relative to the importing file, which is in dist/study/ or
// dist/chunks/, so ../app/ is dist/app/ from both.
const STUDY_FROM_APP = [
  { importer: /[\\/]src[\\/]app[\\/]study[\\/]predict-items\.ts$/, path: './make-predict-items.js', entry: 'make-predict-items' },
  { importer: /[\\/]src[\\/]app[\\/]study[\\/]card-items\.ts$/, path: '../../core/quiz/items/generate-items.js', entry: 'generate-items' },
  // lint judges the items as they are made: the generator and the Markdown lexer are the app build's, not packed a third time.
  { importer: /[\\/]src[\\/]core[\\/]quiz[\\/]items[\\/]lint-items\.ts$/, path: './generate-items.js', entry: 'generate-items' },
];
const studyFromApp = {
  name: 'study-from-app',
  setup(builder) {
    builder.onResolve({ filter: /items\.js$/ }, (args) => {
      const found = STUDY_FROM_APP.find((lazy) => lazy.path === args.path && lazy.importer.test(args.importer));
      return found && { path: `../app/${found.entry}.cjs`, external: true };
    });
  },
};

// The card parser (gray-matter, yaml, marked's lexer) runs only when a card is not in the cache, so
// it is an entry of its own, dist/parse-card.js, which src/io/load-card-parser.ts finds at run time;
// no command compiles it up front. Its source import is never bundled.
// The card renderer (marked, highlight.js) likewise: dist/render-card.js, found by src/io/load-card-renderer.ts.
const parserBundle = {
  name: 'parser-bundle',
  setup(builder) {
    builder.onResolve({ filter: /(parse-card|render-card)\.js$/ }, (args) =>
      /[\\/]src[\\/]io[\\/]load-card-(parser|renderer)\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined,
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
  // The licences of the bundled code go to dist/THIRD_PARTY_NOTICES.txt, once, instead of into every file.
  legalComments: 'none',
  metafile: true,
  define: { __SWELEARN_VERSION__: JSON.stringify(version), __SWELEARN_BUNDLED__: 'true', __SWELEARN_BUILD_ID__: JSON.stringify(`${version}-${Date.now().toString(36)}`), 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (gray-matter, dns-packet) call require() for Node built-ins.
  banner: { js: "import { createRequire as __swelearnCreateRequire } from 'node:module'; const require = __swelearnCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
// The bundles dist/start.cjs runs through the code cache (src/io/bundles/code-cache.ts): CommonJS bodies for vm.Script, which
// wraps them in a function of (exports, require, module, __filename, __dirname, __swelearnHost). import.meta.url is
// the host's URL of the file, and every import() goes through the host: Node 20 loses a script's import() callback
// when its code comes from the cache ("A dynamic import callback was not specified"). The rewrite is of esbuild's
// printed output, in which `import(` is only ever a dynamic import; a bundle in which any remains is an error.
async function cachedBuild(options) {
  const result = await build({
    ...common,
    ...options,
    format: 'cjs',
    banner: {},
    define: { ...common.define, 'import.meta.url': '__swelearnHost.url' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    write: false,
  });
  for (const file of result.outputFiles) {
    const text = file.text.replace(/(?<![\w$.])import\(/g, '__swelearnHost.import(');
    if (/\bimport\s*\(|import\.meta/.test(text.replaceAll('__swelearnHost.import(', ''))) throw new Error(`${file.path}: an import() or import.meta was left for the code cache`);
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, text);
  }
  return result;
}
// The app: esbuild splits the code that the home screen shares with the modules loaded later (a screen, a study service)
// into one chunk per set of modules that reach it, so the home screen's first frame loaded 33 files, most of a few
// hundred bytes. A module loaded later is only ever loaded once the app's entry and its shell (src/ui/run-app.tsx) are
// in, so it is built as if it imported them, and the code it shares with the home path joins the home path's chunks:
// 20 files before the frame. A first pass finds those modules: the targets of the app's dynamic imports that are not on
// the home path and that the item makers never load (the study commands load those without the app, so without Ink).
// Warm home first frame, 21 interleaved rounds, twice: 140.0 -> 135.4 and 134.9 -> 131.9 ms (minimal Ink app 100, 94).
const APP_ENTRIES = { 'app/open-app': 'src/cli/app-entry.ts', 'app/make-predict-items': 'src/app/study/make-predict-items.ts', 'app/generate-items': 'src/core/quiz/items/generate-items.ts' };
const HOME_ROOTS = ['src/cli/app-entry.ts', 'src/ui/run-app.tsx'];
// The app's files are then CommonJS scripts run through V8's code cache (scripts/cached-scripts.mjs): warm home first frame,
// 15 interleaved rounds, 133.5 -> 107.0 ms (the minimal Ink app as an ES module 104.2 ms, as a cached script 82.3 ms).
async function appBuild() {
  // The two item makers are named entries so the study commands can load them from here (studyFromApp).
  const options = { ...common, banner: {}, splitting: true, chunkNames: 'chunks/[name]-[hash]', entryPoints: APP_ENTRIES, outdir: 'dist' };
  const first = await build({ ...options, write: false, plugins: plugins(appDoor, parserBundle) });
  return buildCachedScripts({ ...options, plugins: plugins(appDoor, parserBundle, loadedAfterHome(loadedLater(first.metafile))) });
}
function loadedLater({ outputs }) {
  const reach = (roots, kinds) => {
    const reached = new Set();
    const visit = (output) => {
      if (reached.has(output)) return;
      reached.add(output);
      for (const { path, kind, external } of outputs[output].imports) if (!external && kinds.includes(kind)) visit(path);
    };
    for (const [output, { entryPoint }] of Object.entries(outputs)) if (roots.includes(entryPoint)) visit(output);
    return new Set([...reached].flatMap((output) => Object.keys(outputs[output].inputs)));
  };
  // Not on the home path, and never loaded by the item makers, which the study commands load without the app.
  const onHomePath = reach(HOME_ROOTS, ['import-statement']);
  const makers = Object.values(APP_ENTRIES).filter((entry) => !HOME_ROOTS.includes(entry));
  const withMakers = reach(makers, ['import-statement', 'dynamic-import']);
  const later = Object.values(outputs).map(({ entryPoint }) => entryPoint).filter((entry) => entry?.startsWith('src/') && !HOME_ROOTS.includes(entry) && !onHomePath.has(entry) && !withMakers.has(entry));
  return new Set(later.map((entry) => resolve(entry)));
}
const loadedAfterHome = (later) => ({
  name: 'loaded-after-home',
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (!later.has(args.path)) return undefined;
      const imports = HOME_ROOTS.map((root) => `import ${JSON.stringify(resolve(root))};`).join('\n');
      return { contents: `${await readFile(args.path, 'utf8')}\n${imports}\n`, loader: extname(args.path).slice(1) };
    });
  },
});

// Every bundle is built even when one fails. esbuild prints the errors it found with their source
// lines; the ones the Ink patches raise once a bundle is done (scripts/esbuild-plugins.mjs) have no
// location and are not printed by esbuild, so they are printed here, without a stack trace.
// Every bundle: yaml and tr46 loaded from dist/vendor/ on first use, gray-matter without js-yaml, and the Ink patches wherever Ink is bundled.
const plugins = (...own) => [...own, vendoredModules, grayMatterWithoutJsYaml, ...inkBundlePlugins];
const builds = await Promise.allSettled([
  // One file: loading it is quicker than the many small chunks its shared code would split into.
  cachedBuild({ entryPoints: { swelearn: 'src/cli/main.ts' }, plugins: plugins(separateBundles, parserBundle) }),
  // What bin/swelearn.js runs for a command: the loader of the cached bundles, small enough to compile every time.
  // CommonJS, like the launcher, so a command that imports no ES module never starts Node's ES module loader.
  build({ ...common, format: 'cjs', banner: {}, entryPoints: { start: 'src/cli/start.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: plugins() }),
  // Ink loads only when a screen is drawn, the world-file parser (YAML) only when the parsed world is not cached.
  appBuild(),
  // The study commands, one file each, apart from the app: as one entry sharing chunks with the app, `stats` loaded 44
  // files (the quiz session and the app's splits among them) before its first line; one file each (2 to load with
  // dist/swelearn.js) takes about 0.8x of the CPU of that and of 21 chunk files of their own, at some 90 KB more packed.
  // In a terminal they load the app's own bundle (src/cli/app-door.ts), so the code they share with it is packed twice.
  cachedBuild({
    entryPoints: Object.fromEntries(['quiz', 'plan', 'stats', 'export', 'import', 'lint'].map((name) => [`study/${name}`, `src/cli/commands/${name}.ts`])),
    plugins: plugins(appDoor, parserBundle, studyFromApp),
  }),
  // The card parser and renderer, loaded at run time by file (src/io/load-card-*.ts), share their chunks with each other only,
  // so the app and the study commands split into fewer, larger chunks: the app's first frame waited on 30 files otherwise.
  build({ ...common, splitting: true, chunkNames: 'chunks/cards-[name]-[hash]', entryPoints: { 'parse-card': 'src/core/cards/parse-card.ts', 'render-card': 'src/core/markdown/render-card.ts' }, outdir: 'dist', plugins: plugins() }),
  // sim starts on its own: sharing chunks with the study and app entries made it load 18 files, about 10% slower to start.
  build({ ...common, splitting: true, chunkNames: 'chunks/sim-[name]-[hash]', entryPoints: { sim: 'src/cli/commands/sim.ts' }, outdir: 'dist', plugins: plugins(appDoor, parserBundle) }),
  // yaml and tr46, once each, as CommonJS that the bundles load with require on first use (scripts/esbuild-plugins.mjs).
  build({ ...common, banner: {}, format: 'cjs', entryPoints: vendoredEntries, outdir: 'dist', outExtension: { '.js': '.cjs' } }),
]);
const failed = builds.filter((result) => result.status === 'rejected');
for (const { reason } of failed) {
  if (!reason.errors) console.error(reason);
  for (const error of reason.errors?.filter((message) => !message.location) ?? []) console.error(`error: ${error.text}`);
}
if (failed.length > 0) process.exit(1);

// What went into each file of dist/, for the package tests and scripts/bundle-sizes.mjs; never packed.
const metafile = { inputs: {}, outputs: {} };
for (const { value } of builds) {
  Object.assign(metafile.inputs, value.metafile.inputs);
  Object.assign(metafile.outputs, value.metafile.outputs);
}
mkdirSync(new URL('../.build', import.meta.url), { recursive: true });
writeFileSync(new URL('../.build/metafile.json', import.meta.url), JSON.stringify(metafile));

// The licences of the bundled packages travel with the package; one without a licence fails the build.
try {
  writeFileSync(new URL('../dist/THIRD_PARTY_NOTICES.txt', import.meta.url), thirdPartyNotices(metafile, fileURLToPath(new URL('..', import.meta.url)), `swelearn ${version}`));
} catch (error) {
  console.error(`error: third-party notices: ${error.message}`);
  process.exit(1);
}

// The man page is written from the command table, as the help is, so the two cannot drift apart.
const manModule = await build({ entryPoints: ['src/cli/docs/man-page.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { manPage } = await import(`data:text/javascript;base64,${Buffer.from(manModule.outputFiles[0].text).toString('base64')}`);
mkdirSync(new URL('../man', import.meta.url), { recursive: true });
writeFileSync(new URL('../man/swelearn.1', import.meta.url), manPage(version));

// The values the study commands derive from the bundled cards and world (the quiz items, which lex every key
// point and run every simulator scenario, and the choice distractors) are made once here, by the built CLI
// with an empty home, and shipped in dist/seed/ under the same keys the cache uses (src/io/derived-cache.ts):
// a first run, with an empty cache folder, reads them instead of making them. A user's own cards change the keys.
const seedHome = mkdtempSync(join(tmpdir(), 'swelearn-seed-'));
try {
  const seeding = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/swelearn.js', import.meta.url)), 'quiz', '--list'], {
    env: { PATH: process.env.PATH, SWELEARN_HOME: seedHome, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (seeding.status !== 0) throw new Error(`quiz --list exited ${seeding.status}: ${seeding.stderr}`);
  // The bundled cards' search index (src/io/search-index-cache.ts), so a first `search` does not build it.
  const searching = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/swelearn.js', import.meta.url)), 'search', 'dns'], {
    env: { PATH: process.env.PATH, SWELEARN_HOME: seedHome, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (searching.status !== 0) throw new Error(`search exited ${searching.status}: ${searching.stderr}`);
  mkdirSync(new URL('../dist/seed', import.meta.url), { recursive: true });
  const seeded = ['card-items', 'predict-items', 'distractors', ...readdirSync(join(seedHome, 'cache')).filter((file) => file.startsWith('glossary-text-')).map((file) => file.replace(/\.json$/, ''))];
  for (const name of seeded) copyFileSync(join(seedHome, 'cache', `${name}.json`), new URL(`../dist/seed/${name}.json`, import.meta.url));
  const searchIndex = readdirSync(join(seedHome, 'cache')).filter((file) => /^search-index-[0-9a-f]{16}\.bin$/.test(file));
  if (searchIndex.length !== 1) throw new Error(`expected one search index, found ${searchIndex.length}`);
  copyFileSync(join(seedHome, 'cache', searchIndex[0]), new URL(`../dist/seed/${searchIndex[0]}`, import.meta.url));
  // And the bundled cards as that run parsed them, keyed by path under content/ and by their bytes' hash (src/io/card-cache.ts).
  const seedModule = await build({ entryPoints: ['src/io/card-cache.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const { CARD_SEED_FILE, cardSeedOf } = await import(`data:text/javascript;base64,${Buffer.from(seedModule.outputFiles[0].text).toString('base64')}`);
  writeFileSync(new URL(`../dist/seed/${CARD_SEED_FILE}`, import.meta.url), JSON.stringify(cardSeedOf(join(seedHome, 'cache'), fileURLToPath(new URL('../content', import.meta.url)))));
} catch (error) {
  console.error(`error: the seed of derived study data: ${error.message}`);
  process.exit(1);
} finally {
  rmSync(seedHome, { recursive: true, force: true });
}
