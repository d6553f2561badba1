// esbuild plugins shared by the product build and the benchmarks, so both bundle Ink the same way.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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

// string-width segments graphemes with Intl.Segmenter on every call that is not plain ASCII, and
// Ink calls it for every text node of every frame. The bundle uses our East-Asian-Width based
// measure instead (tested against string-width in test/core/text/display-width.test.ts).
const fastStringWidth = {
  name: 'fast-string-width',
  setup(build) {
    const replacement = fileURLToPath(new URL('../src/ui/fast-string-width.ts', import.meta.url));
    build.onResolve({ filter: /^string-width$/ }, () => ({ path: replacement }));
  },
};

// Ink's Output rebuilds and re-tokenises every row of the screen on every frame. The bundle uses a
// drop-in that remembers rows across frames (src/ui/ink-patches/row-cached-output.ts, tested against
// Ink's own Output on random frames).
const rowCachedOutput = {
  name: 'row-cached-ink-output',
  setup(build) {
    const replacement = fileURLToPath(new URL('../src/ui/ink-patches/row-cached-output.ts', import.meta.url));
    build.onResolve({ filter: /^\.\/output\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: replacement } : undefined));
  },
};

// Yoga's Emscripten loader fetches its inlined (data: URL) wasm with fetch() whenever fetch exists,
// and the first fetch() in Node loads undici, Node's whole HTTP client: 20-35 ms of start-up for
// nothing. With fetch treated as missing, the loader decodes the same base64 itself, synchronously.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', 'true');
      const replaced = (source.length - patched.length) / ('"function"!=typeof fetch'.length - 'true'.length);
      if (replaced !== 2) throw new Error(`yoga-without-fetch: expected 2 fetch checks in ${args.path}, found ${replaced}; yoga-layout changed, review the patch`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/** The plugins every bundle that contains Ink is built with. */
export const inkBundlePlugins = [emptyInkDevtools, fastStringWidth, rowCachedOutput, yogaWithoutFetch];
