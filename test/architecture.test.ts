import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

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
  it('keeps src/core pure: no disk, process, clock, randomness, React or Ink', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'core'))) {
      const text = readFileSync(file, 'utf8');
      const forbidden = /from '(node:fs|fs|node:child_process|react|ink|node:process)'|from '\.\.\/(\.\.\/)*(ui|io|cli)\/|\bprocess\.(env|argv|stdout|exit)|Date\.now\(|Math\.random\(/;
      if (forbidden.test(text)) offenders.push(`${file}: ${forbidden.exec(text)![0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps io free of ui and cli', () => {
    const offenders = sourceFiles(join(SRC, 'io')).filter((file) => /from '\.\.\/(ui|cli)\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
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
