import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, parseConfigText, readConfigFile } from '../../src/io/config-file.js';

const dir = mkdtempSync(join(tmpdir(), 'swelearn-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('reading a config file as YAML data', () => {
  it('gives each top-level key with its value and line', () => {
    expect(parseConfigText('# settings\ncount: 12\n\ncolour: never\nascii: true\nnew-per-day: 0\n')).toEqual({
      entries: [
        { key: 'count', value: 12, line: 2 },
        { key: 'colour', value: 'never', line: 4 },
        { key: 'ascii', value: true, line: 5 },
        { key: 'new-per-day', value: 0, line: 6 },
      ],
      problems: [],
    });
  });

  it.each([['an empty file', ''], ['only comments', '# nothing yet\n']])('reads %s as no settings', (_name, text) => {
    expect(parseConfigText(text)).toEqual({ entries: [], problems: [] });
  });

  it.each<[string, string, number, RegExp]>([
    ['a syntax error', 'count: [1, 2\n', 2, /./],
    ['a list instead of a mapping', '- count\n- 5\n', 1, /must be a mapping of settings/],
    ['an alias', 'count: &n 5\nnew-per-day: *n\n', 2, /aliases and tags are not read/],
    ['a custom tag', 'count: !!js/function "return 1"\n', 1, /./],
    ['a key that is not a word', '[a]: 1\n', 1, /a setting is named by a plain word/],
  ])('reports %s at its line', (_name, text, line, message) => {
    const { problems } = parseConfigText(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(line);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(message);
  });

  it('keeps a nested value only as a marker for the checks to refuse', () => {
    expect(parseConfigText('count:\n  deep: [1, 2]\n').entries).toEqual([{ key: 'count', value: {}, line: 1 }]);
  });

  it('says a missing file does not exist, and refuses a folder or a file past the size limit', () => {
    expect(readConfigFile(join(dir, 'none.yaml'), dir)).toEqual({ path: join(dir, 'none.yaml'), exists: false });
    mkdirSync(join(dir, 'folder.yaml'));
    expect(readConfigFile(join(dir, 'folder.yaml'), dir)).toMatchObject({ exists: true, problems: [{ line: 0, message: 'is not a file' }] });
    const big = file('big.yaml', `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
    expect(readConfigFile(big, dir)).toMatchObject({ exists: true, entries: [], problems: [{ line: 0, message: expect.stringMatching(/limited to 64 KiB/) }] });
  });

  it('never throws on bytes that are not YAML', () => {
    const garbage = file('garbage.yaml', Buffer.from([0, 1, 2, 255, 254, 10, 58, 58, 91, 123]).toString('latin1'));
    expect(() => readConfigFile(garbage, dir)).not.toThrow();
    expect(readConfigFile(garbage, dir).exists).toBe(true);
  });
});
