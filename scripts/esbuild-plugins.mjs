// esbuild plugins shared by the product build and the benchmarks, so both bundle Ink the same way.
// Every patch is loud (docs/ink-patches.md): in a build whose inputs include Ink, a patch that
// never matched, or that let the module it replaces into the bundle anyway, fails the build, and
// so does an Ink other than the one the patches were diffed against.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
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
// nothing. With fetch treated as missing, the loader decodes the same base64 itself, synchronously.
const yogaWithoutFetch = inkPatch('yoga-without-fetch', "yoga-layout's dist/binaries/yoga-wasm-base64-esm.js", (build, matched) => {
  build.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
    const text = await readFile(args.path, 'utf8');
    const patched = text.replaceAll('"function"!=typeof fetch', 'true');
    const replaced = (text.length - patched.length) / ('"function"!=typeof fetch'.length - 'true'.length);
    if (replaced !== 2) throw new Error(`yoga-without-fetch: expected 2 fetch checks in ${args.path}, found ${replaced}; yoga-layout changed, review the patch`);
    matched();
    return { contents: patched, loader: 'js' };
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
export const inkBundlePlugins = [patchedInkVersion, emptyInkDevtools, fastStringWidth, rowCachedOutput, yogaWithoutFetch];

// tr46 (UTS #46, for internationalised names) builds its mapping tables when it is first evaluated, 7-9 ms
// that every `sim` run paid although only names with non-ASCII or xn-- labels need it. In the bundle its
// import from src/core/dns-sim/names/idna.ts becomes functions that evaluate tr46 on their first call.
/** Evaluates tr46 on first use instead of at start-up. */
export const lazyTr46 = {
  name: 'lazy-tr46',
  setup(build) {
    let matched = false;
    build.onResolve({ filter: /^tr46$/ }, (args) => {
      if (!/[\\/]src[\\/]core[\\/]dns-sim[\\/]names[\\/]idna\.ts$/.test(args.importer)) return undefined;
      matched = true;
      return { path: 'tr46', namespace: 'lazy-tr46' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-tr46' }, () => ({
      contents: "let tr46;\nconst load = () => (tr46 ??= require('tr46'));\nexport const toASCII = (...args) => load().toASCII(...args);\nexport const toUnicode = (...args) => load().toUnicode(...args);\n",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    }));
    // Loud like the Ink patches: a bundle with tr46 in it must have gone through here.
    build.initialOptions.metafile = true;
    build.onStart(() => {
      matched = false;
    });
    build.onEnd(({ metafile }) => {
      const bundled = Object.keys(metafile?.inputs ?? {}).some((input) => /node_modules[\\/]tr46[\\/]/.test(input));
      return bundled && !matched ? { errors: [{ text: `lazy-tr46 (${bundleName(build)}): tr46 is bundled but not through src/core/dns-sim/names/idna.ts; make that import lazy too` }] } : undefined;
    });
  },
};

