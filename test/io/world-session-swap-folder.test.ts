import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorldKeyed } from '../../src/io/world-cache.js';
import { TEST_FILES } from '../core/dns-sim/sim-fixture.js';
import { serversYaml } from '../core/dns-sim/world-config/config-fixture.js';

const V2 = `$ORIGIN example.com.\n$TTL 300\n@ SOA ns1.example.com. hostmaster.example.com. 2 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\nwww A 203.0.113.99\n`;

function folder(v2: (path: string) => void = (path) => writeFileSync(path, V2)): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-world-'));
  for (const [name, text] of Object.entries(TEST_FILES)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'servers.yaml'), serversYaml(''));
  v2(join(dir, 'example.com-v2.zone'));
  return dir;
}

const www = (world: Awaited<ReturnType<typeof loadWorldKeyed>>['world']): unknown[] =>
  world.zones.flatMap((zone) => zone.records.filter((record) => record.name === 'www.example.com' && record.type === 'A').map((record) => record.data));

describe('a world folder read for a session that swaps a zone in', () => {
  it('the swapped-in file is no zone of the world at the start, and its text is handed back', async () => {
    const loaded = await loadWorldKeyed(folder(), undefined, { laterZoneFiles: ['example.com-v2.zone'] });
    expect(www(loaded.world)).toEqual(['203.0.113.10']);
    expect(loaded.world.warnings.map((warning) => warning.code)).not.toContain('duplicate-zone');
    expect(loaded.laterFiles).toEqual([{ name: 'example.com-v2.zone', text: V2 }]);
  });

  it('the cache keeps a world loaded with the file apart from one loaded without it', async () => {
    const dir = folder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    const without = await loadWorldKeyed(dir, cache);
    expect(without.world.warnings.map((warning) => warning.code)).toContain('duplicate-zone');
    const withSwap = await loadWorldKeyed(dir, cache, { laterZoneFiles: ['example.com-v2.zone'] });
    expect(withSwap.key).not.toBe(without.key);
    expect(withSwap.world.warnings.map((warning) => warning.code)).not.toContain('duplicate-zone');
  });

  it.each([
    ['a symbolic link out of the folder', (path: string) => {
      const outside = join(mkdtempSync(join(tmpdir(), 'swelearn-outside-')), 'v2.zone');
      writeFileSync(outside, V2);
      symlinkSync(outside, path);
    }, /example\.com-v2\.zone: is a symbolic link to outside the world folder; refused/],
    ['a file over the 1 MiB limit', (path: string) => writeFileSync(path, `; ${'x'.repeat(1024 * 1024)}\n`), /example\.com-v2\.zone: is 1\.0 MiB; world files are limited to 1 MiB/],
  ])('%s is refused, naming the file', async (_what, write, message) => {
    await expect(loadWorldKeyed(folder(write), undefined, { laterZoneFiles: ['example.com-v2.zone'] })).rejects.toThrow(message);
  });
});
