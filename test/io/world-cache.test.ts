import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorldCached } from '../../src/io/world-cache.js';
import { loadWorldFolder } from '../../src/io/world-folder.js';
import { TEST_FILES } from '../core/dns-sim/sim-fixture.js';

function worldFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-world-'));
  for (const [name, text] of Object.entries(TEST_FILES)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('world cache', () => {
  it('loads the same world as the folder loader, and writes one cache file', async () => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    expect(await loadWorldCached(dir, cache)).toEqual(await loadWorldFolder(dir));
    expect(readdirSync(cache).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  it('serves the cached world while no world file changes, and reloads when one does', async () => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    await loadWorldCached(dir, cache);
    const file = join(cache, readdirSync(cache)[0]!);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.world.warnings = [{ code: 'marker', message: 'from the cache' }];
    writeFileSync(file, JSON.stringify(stored));
    expect((await loadWorldCached(dir, cache)).warnings).toEqual([{ code: 'marker', message: 'from the cache' }]);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'com.zone'), later, later);
    expect((await loadWorldCached(dir, cache)).warnings).toEqual([]);
  });

  it('falls back to a plain load when the cache is damaged or cannot be written', async () => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    await loadWorldCached(dir, cache);
    writeFileSync(join(cache, readdirSync(cache)[0]!), '{not json');
    expect((await loadWorldCached(dir, cache)).zones.length).toBe(6);
    const notAFolder = join(cache, 'a-file');
    writeFileSync(notAFolder, 'x');
    expect((await loadWorldCached(dir, join(notAFolder, 'cache'))).zones.length).toBe(6);
  });

  it('reports a broken folder exactly as the folder loader does', async () => {
    await expect(loadWorldCached('/nonexistent/world', mkdtempSync(join(tmpdir(), 'c-')))).rejects.toThrow(/cannot load the world/);
  });
});
