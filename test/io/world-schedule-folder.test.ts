import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorldCached } from '../../src/io/world-cache.js';
import { loadWorldFolder } from '../../src/io/world-folder.js';
import { TEST_FILES } from '../core/dns-sim/sim-fixture.js';
import { serversYaml } from '../core/dns-sim/world-config/config-fixture.js';

const V2 = (address: string): string => `$ORIGIN example.com.\n$TTL 300\n@ SOA ns1.example.com. hostmaster.example.com. 2 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\nwww A ${address}\n`;

function scheduledFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-world-'));
  for (const [name, text] of Object.entries(TEST_FILES)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'servers.yaml'), serversYaml('', 'schedule:\n  - { at: 30s, zone: example.com, file: example.com-v2.zone }\n'));
  return dir;
}

const swappedWww = (world: Awaited<ReturnType<typeof loadWorldFolder>>): unknown => {
  const change = world.schedule?.[0];
  return change?.kind === 'replace-zone' ? change.records.find((record) => record.name === 'www.example.com')?.data : undefined;
};

describe('a world folder with a schedule', () => {
  it('reads the swapped-in zone file with the folder, and the cache sees an edit to it', async () => {
    const dir = scheduledFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    writeFileSync(join(dir, 'example.com-v2.zone'), V2('203.0.113.99'));
    expect(swappedWww(await loadWorldCached(dir, cache))).toBe('203.0.113.99');
    writeFileSync(join(dir, 'example.com-v2.zone'), V2('203.0.113.77'));
    expect(swappedWww(await loadWorldCached(dir, cache))).toBe('203.0.113.77');
  });

  it('refuses a swapped-in file that links out of the folder, naming it', async () => {
    const dir = scheduledFolder();
    const outside = join(mkdtempSync(join(tmpdir(), 'swelearn-outside-')), 'v2.zone');
    writeFileSync(outside, V2('203.0.113.99'));
    symlinkSync(outside, join(dir, 'example.com-v2.zone'));
    await expect(loadWorldFolder(dir)).rejects.toThrow(/example\.com-v2\.zone: is a symbolic link to outside the world folder; refused/);
  });
});
