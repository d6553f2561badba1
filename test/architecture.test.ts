import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

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
});
