import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildFailure, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { grayMatterWithoutJsYaml } from '../../scripts/gray-matter-without-js-yaml.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const options: BuildOptions = { bundle: true, platform: 'node', format: 'esm', logLevel: 'silent', plugins: [grayMatterWithoutJsYaml] };

/** Bundles `contents` from `dir`; resolves to the bundle's text and inputs, or to the build's error texts. */
async function bundle(contents: string, dir = ROOT): Promise<{ text?: string; inputs?: string[]; errors?: string[] }> {
  try {
    const result = await build({ ...options, stdin: { contents, resolveDir: dir, loader: 'js' }, absWorkingDir: dir, write: false, metafile: true });
    return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
  } catch (error) {
    return { errors: (error as BuildFailure).errors.map((message) => message.text) };
  }
}

describe('gray-matter without js-yaml', () => {
  it("leaves js-yaml out of a bundle of gray-matter, and a call to gray-matter's own YAML engine throws instead of parsing", async () => {
    const { text, inputs } = await bundle("import matter from 'gray-matter';\nexport const parse = (text) => matter(text);\n");
    expect(inputs!.some((input) => input.includes('node_modules/gray-matter/'))).toBe(true);
    expect(inputs!.filter((input) => input.includes('js-yaml/'))).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'swelearn-gray-matter-')), 'bundle.mjs');
    writeFileSync(file, `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${text}`);
    const { parse } = (await import(pathToFileURL(file).href)) as { parse: (text: string) => unknown };
    expect(() => parse('---\ntitle: x\n---\nbody\n')).toThrow(/js-yaml\.safeLoad\(\) was called through gray-matter, but swelearn does not bundle js-yaml/);
  });

  it('fails the build when gray-matter reaches js-yaml another way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-fake-gray-matter-'));
    for (const [name, main] of [['gray-matter', 'module.exports = require("js-yaml/index.js");\n'], ['js-yaml', 'module.exports = {};\n']] as const) {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
      writeFileSync(join(dir, 'node_modules', name, 'index.js'), main);
    }
    const { errors } = await bundle("import matter from 'gray-matter';\nconsole.log(matter);\n", dir);
    expect(errors).toEqual([
      expect.stringMatching(/^gray-matter-without-js-yaml \(bundle\): gray-matter is bundled but its import of js-yaml was never seen/),
      expect.stringMatching(/^gray-matter-without-js-yaml \(bundle\): node_modules\/js-yaml\/index\.js is bundled; js-yaml must stay out/),
    ]);
  });
});
