import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkCardFiles } from '../../src/io/walk-card-files.js';

describe('walking a card folder', () => {
  it('names each card by its full path and its path inside the folder, at any depth and through a symlink inside it', () => {
    const root = mkdtempSync(join(tmpdir(), 'swelearn-walk-'));
    for (const relative of ['top.md', 'dns/a.md', 'dns/deep/b.md', 'dns/README.md', '.hidden/c.md', 'worlds/w.md']) {
      mkdirSync(join(root, relative, '..'), { recursive: true });
      writeFileSync(join(root, relative), '# card\n');
    }
    symlinkSync(join(root, 'dns', 'deep'), join(root, 'linked'));
    const { files, problems } = walkCardFiles(root);
    expect(files.map((file) => [file.path, file.relativePath])).toEqual(
      ['dns/a.md', 'dns/deep/b.md', 'linked/b.md', 'top.md'].map((relative) => [join(root, relative), relative]),
    );
    expect(problems).toEqual([]);
  });
});
