// Split bundles that run as CommonJS scripts through V8's code cache (src/io/bundles/code-cache.ts), for the
// interactive app and, in the bench, the minimal Ink app it is compared with. esbuild splits code only in ES module
// output, and Node 20 keeps no compiled code for ES modules between runs, so each file esbuild writes is turned into a
// CommonJS body afterwards: its static imports of the other files become require() calls, which the code cache's loader
// answers with the other scripts, and every import() goes through the loader's host (`__swelearnHost.import`): Node 20
// loses the import() callback of a script whose code came from the cache. Files are named .cjs so that nothing loads
// them as ES modules by mistake.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build, transform } from 'esbuild';

/**
 * Builds `options` (an esbuild build with splitting; `format`, `outExtension` and `write` are set here) and writes
 * each file as a CommonJS body for the code cache. Resolves to the build's result, its metafile naming the .cjs files.
 */
export async function buildCachedScripts(options) {
  const result = await build({
    ...options,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.cjs' },
    write: false,
    define: { ...options.define, 'import.meta.url': '__swelearnHost.url' },
  });
  await Promise.all(
    result.outputFiles.map(async (file) => {
      const { code } = await transform(file.text, {
        format: 'cjs',
        target: options.target,
        // import() stays import(), routed to the host below; esbuild would otherwise make it a require().
        supported: { 'dynamic-import': true },
        minifyWhitespace: options.minifyWhitespace,
        minifySyntax: options.minifySyntax,
        logLevel: 'warning',
      });
      const text = code.replace(/(?<![\w$.])import\(/g, '__swelearnHost.import(');
      if (/\bimport\s*\(|import\.meta|^\s*(?:import|export)\s/m.test(text.replaceAll('__swelearnHost.import(', ''))) throw new Error(`${file.path}: module syntax or an import() was left for the code cache`);
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, text);
    }),
  );
  return result;
}
