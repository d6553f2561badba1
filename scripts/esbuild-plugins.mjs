// esbuild plugins shared by the product build and the benchmarks, so both bundle Ink the same way.
// Every patch is loud (docs/ink-patches.md): in a build whose inputs include Ink, a patch that
// never matched, or that let the module it replaces into the bundle anyway, fails the build, and
// so does an Ink other than the one the patches were diffed against.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Ink whose build/ the patches were diffed against; any other must be re-diffed first. */
export const PATCHED_INK_VERSION = /^6\.8\./;
const INK_FILE = /(?:^|[\\/])node_modules[\\/]ink[\\/]/;
const INK_BUILD = /[\\/]node_modules[\\/]ink[\\/]build[\\/]/;
const bundleName = (build) => build.initialOptions.outfile ?? build.initialOptions.outdir ?? 'bundle';
const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * The modules the bundle takes from src/ in place of Ink's or its dependencies' (an importer of
 * undefined means any importer); vitest.config.ts applies the same table to the component tests.
 */
export const inkModuleSwaps = {
  // Ink's Output rebuilds and re-tokenises every row of the screen on every frame; the drop-in
  // remembers rows across frames and has Ink 7.0's wide-character fix (tested against Ink's own
  // Output with that fix applied, on random frames).
  output: { specifier: /^\.\/output\.js$/, importer: INK_BUILD, replacement: source('ui/ink-patches/row-cached-output.ts') },
  // string-width segments graphemes with Intl.Segmenter on every call that is not plain ASCII, and
  // Ink measures every text node of every frame; ours uses the East Asian Width table instead
  // (tested against string-width in test/core/text/display-width.test.ts).
  stringWidth: { specifier: /^string-width$/, importer: undefined, replacement: source('ui/fast-string-width.ts') },
};

/**
 * A plugin whose patch must apply wherever Ink is bundled: `patch(build, matched)` registers its
 * hooks and calls matched() when one of them applies the patch. At the end of a build that bundled
 * Ink, a patch that never matched, or an input matching `unpatched`, is a build error.
 */
function inkPatch(name, expected, patch, unpatched) {
  return {
    name,
    setup(build) {
      build.initialOptions.metafile = true;
      let matched = false;
      build.onStart(() => {
        matched = false;
      });
      patch(build, () => {
        matched = true;
      });
      build.onEnd(({ metafile }) => {
        const inputs = Object.keys(metafile?.inputs ?? {});
        if (!inputs.some((input) => INK_FILE.test(input))) return undefined;
        const errors = [];
        const where = `${name} (${bundleName(build)})`;
        if (!matched) errors.push(`${where}: expected ${expected} in this bundle of Ink, and found none; Ink changed, re-diff the patch (docs/ink-patches.md)`);
        const original = unpatched && inputs.find((input) => unpatched.test(input));
        if (original) errors.push(`${where}: ${original} is bundled although the patch replaces it; Ink imports it another way now, re-diff the patch (docs/ink-patches.md)`);
        return { errors: errors.map((text) => ({ text })) };
      });
    },
  };
}

const swap = ({ specifier, importer, replacement }) => (build, matched) => {
  build.onResolve({ filter: specifier }, (args) => {
    if (importer && !importer.test(args.importer)) return undefined;
    matched();
    return { path: replacement };
  });
};

// Ink imports its React DevTools bridge (which needs react-devtools-core, a package we do not ship)
// only when DEV=true. esbuild must still resolve it, and marking it external would turn it into a
// static import that fails at start-up, so Ink's bridge module is replaced by an empty one.
const emptyInkDevtools = inkPatch('empty-ink-devtools', "ink/build's import of ./devtools.js", (build, matched) => {
  build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => {
    if (!INK_BUILD.test(args.importer)) return undefined;
    matched();
    return { path: 'ink-devtools', namespace: 'empty' };
  });
  build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
}, /[\\/]ink[\\/]build[\\/]devtools\.js$/);

const fastStringWidth = inkPatch('fast-string-width', 'an import of string-width', swap(inkModuleSwaps.stringWidth), /node_modules[\\/](?:.+[\\/])?string-width[\\/]/);

const rowCachedOutput = inkPatch('row-cached-ink-output', "ink/build's import of ./output.js", swap(inkModuleSwaps.output), /node_modules[\\/]ink[\\/]build[\\/]output\.js$/);

// Yoga's Emscripten loader fetches its inlined (data: URL) wasm with fetch() whenever fetch exists,
// and the first fetch() in Node loads undici, Node's whole HTTP client: 20-35 ms of start-up for
// nothing. With fetch treated as missing, the loader decodes the same base64 itself. And yoga-layout's
// entry awaits the loader at its top level, which a CommonJS script cannot do (the app's code runs as
// CommonJS through V8's code cache, scripts/cached-scripts.mjs): given `instantiateSync`, the loader
// compiles and instantiates the decoded wasm at once, so the module is ready when the call returns.
const YOGA_ENTRY = /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/;
const YOGA_LOADER = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const yogaSync = inkPatch('yoga-sync', "yoga-layout's dist/src/index.js and dist/binaries/yoga-wasm-base64-esm.js", (build, matched) => {
  const done = new Set();
  const both = (part) => {
    done.add(part);
    if (done.size === 2) matched();
  };
  build.onLoad({ filter: YOGA_ENTRY }, async (args) => {
    const text = await readFile(args.path, 'utf8');
    const awaited = 'const Yoga = wrapAssembly(await loadYoga());';
    if (!text.includes(awaited)) throw new Error(`yoga-sync: expected "${awaited}" in ${args.path}; yoga-layout changed, review the patch`);
    both('entry');
    return { contents: text.replace(awaited, 'const yogaModule = { instantiateSync: true };\nloadYoga(yogaModule);\nconst Yoga = wrapAssembly(yogaModule);'), loader: 'js', resolveDir: dirname(args.path) };
  });
  build.onLoad({ filter: YOGA_LOADER }, async (args) => {
    const text = await readFile(args.path, 'utf8');
    const withoutFetch = text.replaceAll('"function"!=typeof fetch', 'true');
    const fetchChecks = (text.length - withoutFetch.length) / ('"function"!=typeof fetch'.length - 'true'.length);
    if (fetchChecks !== 2) throw new Error(`yoga-sync: expected 2 fetch checks in ${args.path}, found ${fetchChecks}; yoga-layout changed, review the patch`);
    // `wa()` decodes the inlined wasm, `d` is the imports object and `a` receives the instance (Emscripten's names in this build).
    const hook = 'if(h.instantiateWasm)try{';
    if (withoutFetch.split(hook).length !== 2 || !withoutFetch.includes('function wa(){')) throw new Error(`yoga-sync: expected one "${hook}" and wa() in ${args.path}; yoga-layout changed, review the patch`);
    both('loader');
    return { contents: withoutFetch.replace(hook, `if(h.instantiateSync){a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d));return{}}${hook}`), loader: 'js' };
  });
}, undefined);

// Ink's reconciler awaits at its top level in two branches that run only with DEV=true (React DevTools, whose
// bridge is emptied above, and the package.json it reports to DevTools). A CommonJS script cannot await there,
// so the bridge is imported without waiting and DevTools is told no package name and version.
const inkWithoutTopLevelAwait = inkPatch('ink-without-top-level-await', "ink/build/reconciler.js's two top-level awaits", (build, matched) => {
  build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
    const text = await readFile(args.path, 'utf8');
    const awaits = ["await import('./devtools.js');", '? await loadPackageJson()'];
    const missing = awaits.filter((awaited) => text.split(awaited).length !== 2);
    if (missing.length > 0) throw new Error(`ink-without-top-level-await: expected ${missing.map((awaited) => `"${awaited}"`).join(' and ')} once in ${args.path}; Ink changed, re-diff the patch (docs/ink-patches.md)`);
    const patched = text.replace(awaits[0], "void import('./devtools.js');").replace(awaits[1], '? { name: undefined, version: undefined }');
    matched();
    return { contents: patched, loader: 'js', resolveDir: dirname(args.path) };
  });
});

// Ink's sanitizeAnsi walks every character of a text node through its ANSI tokenizer, for each node twice a frame (to
// measure it and to paint it): most of the home screen's first frame after Yoga. A text whose only escapes are SGR
// sequences (all the app's colours) comes out unchanged, so it is returned at once (src/ui/ink-patches/sgr-only-text.ts,
// tested against Ink's sanitizeAnsi); any other text still goes through Ink's tokenizer.
const SANITIZE_ANSI = /[\\/]ink[\\/]build[\\/]sanitize-ansi\.js$/;
const sgrTextSanitize = inkPatch('sgr-text-sanitize', "ink/build/sanitize-ansi.js's sanitizeAnsi", (build, matched) => {
  build.onLoad({ filter: SANITIZE_ANSI }, async (args) => {
    const text = await readFile(args.path, 'utf8');
    const head = 'const sanitizeAnsi = (text) => {\n';
    if (text.split(head).length !== 2) throw new Error(`sgr-text-sanitize: expected "${head.trim()}" once in ${args.path}; Ink changed, re-diff the patch (docs/ink-patches.md)`);
    matched();
    const guard = `import { onlySgrControls } from ${JSON.stringify(source('ui/ink-patches/sgr-only-text.ts'))};\n`;
    return { contents: guard + text.replace(head, `${head}    if (onlySgrControls(text)) return text;\n`), loader: 'js', resolveDir: dirname(args.path) };
  });
});

// The patches above were diffed against one Ink; another one may paint differently or import its
// modules differently, so a build that bundles it fails until the patches are re-diffed.
const patchedInkVersion = {
  name: 'patched-ink-version',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd(({ metafile }) => {
      const inkFile = Object.keys(metafile?.inputs ?? {}).find((input) => INK_FILE.test(input));
      if (!inkFile) return undefined;
      const manifest = inkFile.replace(/(node_modules[\\/]ink[\\/]).*$/, '$1package.json');
      const { version } = JSON.parse(readFileSync(isAbsolute(manifest) ? manifest : join(build.initialOptions.absWorkingDir ?? process.cwd(), manifest), 'utf8'));
      if (PATCHED_INK_VERSION.test(version)) return undefined;
      return { errors: [{ text: `patched-ink-version (${bundleName(build)}): the Ink patches were diffed against Ink 6.8.x, but ${manifest} says ${version}; re-diff src/ui/ink-patches/ and scripts/esbuild-plugins.mjs against it (docs/ink-patches.md), then update PATCHED_INK_VERSION` }] };
    });
  },
};

/** The plugins every bundle that contains Ink is built with. */
export const inkBundlePlugins = [patchedInkVersion, emptyInkDevtools, fastStringWidth, rowCachedOutput, yogaSync, inkWithoutTopLevelAwait, sgrTextSanitize];

// Two libraries are built once into dist/vendor/ as CommonJS, and every bundle's import of them becomes
// functions that load that file on their first call: tr46 (UTS #46, for internationalised names) builds its
// mapping tables when evaluated, 7-9 ms that every `sim` run paid although only non-ASCII or xn-- names
// need it, and yaml was packed three times (card parser, world parser, config file). Loud like the Ink
// patches: a bundle that contains either library itself fails.
const VENDORED = {
  tr46: { exports: ['toASCII', 'toUnicode'], classes: [] },
  yaml: { exports: ['parseDocument', 'isAlias', 'isMap', 'isNode', 'isScalar', 'isSeq'], classes: ['LineCounter'] },
};
const VENDORED_FILE = /(?:^|[\\/])node_modules[\\/](tr46|yaml|punycode)[\\/]/;

/** The vendored libraries' CommonJS builds, one entry each: { 'vendor/yaml': 'yaml', ... }. */
export const vendoredEntries = Object.fromEntries(Object.keys(VENDORED).map((name) => [`vendor/${name}`, name]));

/** Routes imports of the vendored libraries to stand-ins that load dist/vendor/<name>.cjs on first use. */
export const vendoredModules = {
  name: 'vendored-modules',
  setup(build) {
    const loader = fileURLToPath(new URL('../src/io/vendored.ts', import.meta.url));
    const names = Object.keys(VENDORED).join('|');
    build.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => (args.namespace === 'vendored' ? undefined : { path: args.path, namespace: 'vendored' }));
    build.onLoad({ filter: /.*/, namespace: 'vendored' }, ({ path }) => {
      const { exports, classes } = VENDORED[path];
      const lines = [`import { requireVendored } from ${JSON.stringify(loader)};`, `const load = () => requireVendored(${JSON.stringify(path)});`];
      for (const name of exports) lines.push(`export const ${name} = (...args) => load().${name}(...args);`);
      // A constructor that returns the library's own instance, so \`new LineCounter()\` works unchanged.
      for (const name of classes) lines.push(`export function ${name}(...args) { return new (load().${name})(...args); }`);
      return { contents: `${lines.join('\n')}\n`, loader: 'js', resolveDir: dirname(loader) };
    });
    build.initialOptions.metafile = true;
    build.onEnd(({ metafile }) => {
      const inside = Object.keys(metafile?.inputs ?? {}).filter((input) => VENDORED_FILE.test(input));
      return inside.length === 0 ? undefined : { errors: [{ text: `vendored-modules (${bundleName(build)}): ${inside[0]} is bundled although it is loaded from dist/vendor/; import it by its package name so the stand-in applies` }] };
    });
  },
};
