import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type BuildFailure, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { inkBundlePlugins } from '../../scripts/esbuild-plugins.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const MINIMAL_INK_APP = "import { render, Text } from 'ink';\nrender(<Text>hi</Text>).unmount();\n";

/** Bundles `contents` from `dir` with the Ink plugins (and `before` ahead of them); resolves to the build's error texts. */
async function bundleErrors(contents: string, dir = ROOT, before: Plugin[] = []): Promise<string[]> {
  try {
    await build({ stdin: { contents, resolveDir: dir, loader: 'tsx' }, absWorkingDir: dir, bundle: true, platform: 'node', format: 'esm', write: false, jsx: 'automatic', logLevel: 'silent', plugins: [...before, ...inkBundlePlugins] });
    return [];
  } catch (error) {
    return (error as BuildFailure).errors.map((message) => message.text);
  }
}

describe('the Ink bundle plugins', () => {
  it('bundle a minimal Ink app without an error', async () => {
    expect(await bundleErrors(MINIMAL_INK_APP)).toEqual([]);
  });

  it('fail the build, naming the patch, when Ink reaches its Output by a path the patch does not match', async () => {
    const inkOwnOutput: Plugin = {
      name: 'ink-own-output',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/output\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), 'output.js') } : undefined));
      },
    };
    const errors = await bundleErrors(MINIMAL_INK_APP, ROOT, [inkOwnOutput]);
    expect(errors).toEqual([
      expect.stringMatching(/^row-cached-ink-output \(bundle\): expected ink\/build's import of \.\/output\.js in this bundle of Ink, and found none/),
      expect.stringMatching(/^row-cached-ink-output \(bundle\): node_modules\/ink\/build\/output\.js is bundled although the patch replaces it/),
    ]);
  });

  it('fail the build when the bundled Ink is not the 6.8 the patches were diffed against, and when no patch matches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-fake-ink-'));
    mkdirSync(join(dir, 'node_modules', 'ink', 'build'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'ink', 'package.json'), JSON.stringify({ name: 'ink', version: '7.0.0', type: 'module', exports: './build/index.js' }));
    writeFileSync(join(dir, 'node_modules', 'ink', 'build', 'index.js'), 'export const render = () => ({ unmount() {} }); export const Text = () => null;\n');
    const errors = await bundleErrors(MINIMAL_INK_APP.replace('<Text>hi</Text>', 'Text()'), dir);
    expect(errors.find((text) => text.startsWith('patched-ink-version'))).toMatch(/diffed against Ink 6\.8\.x, but node_modules\/ink\/package\.json says 7\.0\.0; re-diff/);
    expect(errors.filter((text) => text.includes('found none')).map((text) => text.split(' ')[0])).toEqual(['empty-ink-devtools', 'fast-string-width', 'row-cached-ink-output', 'yoga-sync', 'ink-without-top-level-await', 'sgr-text-sanitize']);
  });

  it('leave a build without Ink alone', async () => {
    expect(await bundleErrors("export const width = 'abc'.length;\n")).toEqual([]);
  });
});
