// esbuild plugins shared by the product build and the benchmarks, so both bundle Ink the same way.
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

/** The plugins every bundle that contains Ink is built with. */
export const inkBundlePlugins = [emptyInkDevtools, fastStringWidth, rowCachedOutput];
