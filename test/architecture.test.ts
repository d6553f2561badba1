import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture } from './architecture/architecture-rules.js';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string, pattern = /\.tsx?$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name), pattern) : pattern.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

// A quoted specifier after from, import, import( or require(; its package is its first segment (two when scoped).
const IMPORT_SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)'([^']+)'/g;
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*/;

describe('architecture', () => {
  // The rules and the probes that prove each one bites are in test/architecture/.
  it('holds in src: layers point down (cli -> ui -> app -> io -> core, ui never io), the core is pure, no import cycle, no folder past 25 files', () => {
    expect(checkArchitecture(SRC)).toEqual([]);
  });

  it('sees every file of src, so a move cannot empty what it checks', () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(300);
  });

  // Everything is bundled, so every package lives in devDependencies; one that is only there because
  // another package depends on it (strip-ansi, once) breaks the build the day that package drops it.
  it('declares in package.json every package the code, scripts, benchmarks and tests import', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
    const files = [...['bin', 'bench', 'scripts', 'src', 'test'].flatMap((dir) => sourceFiles(join(ROOT, dir), /\.(tsx?|m?js)$/)), join(ROOT, 'vitest.config.ts')];
    const undeclared = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)]
        .map(([, specifier]) => specifier!)
        .filter((specifier) => !isBuiltin(specifier))
        .map((specifier) => PACKAGE_NAME.exec(specifier)?.[0])
        .filter((name) => name !== undefined && !declared.has(name))
        .map((name) => `${relative(ROOT, file)}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });
});
