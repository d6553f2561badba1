import { join } from 'node:path';
import { build, type BuildFailure } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { vendoredModules } from '../../scripts/esbuild-plugins.mjs';
import { readBuildMetafile } from '../cli/build-metafile.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function bundle(contents: string): Promise<{ text: string; inputs: string[] } | { errors: string[] }> {
  try {
    const result = await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent', metafile: true, plugins: [vendoredModules] });
    return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
  } catch (error) {
    return { errors: (error as BuildFailure).errors.map((message) => message.text) };
  }
}

describe('the vendored libraries (yaml, tr46)', () => {
  it('are imported through stand-ins that load dist/vendor/<name>.cjs on first call, not bundled', async () => {
    const built = await bundle("import { parseDocument, LineCounter } from 'yaml';\nimport { toASCII } from 'tr46';\nexport const f = () => [parseDocument('a: 1', { lineCounter: new LineCounter() }), toASCII('b.example')];\n");
    if ('errors' in built) throw new Error(built.errors.join('\n'));
    expect(built.inputs.filter((input) => input.includes('node_modules/'))).toEqual([]);
    expect(built.text).toContain('requireVendored("yaml")');
    expect(built.text).toContain('requireVendored("tr46")');
  });

  it('fail the build, naming the file, when a library is reached by a path the stand-in does not cover', async () => {
    const built = await bundle("import { parseDocument } from './node_modules/yaml/dist/index.js';\nexport const f = parseDocument;\n");
    expect('errors' in built && built.errors[0]).toMatch(/^vendored-modules \(bundle\): node_modules\/yaml\/dist\/.* is bundled although it is loaded from dist\/vendor\//);
  });

  it('are built once each: in the shipped dist/, yaml and tr46 are in dist/vendor/ and nowhere else', () => {
    const { outputs } = readBuildMetafile();
    const holders = (name: string) => Object.entries(outputs).filter(([, output]) => Object.keys(output.inputs).some((input) => input.includes(`node_modules/${name}/`))).map(([file]) => file);
    expect(holders('yaml')).toEqual(['dist/vendor/yaml.cjs']);
    expect(holders('tr46')).toEqual(['dist/vendor/tr46.cjs']);
  });
});
