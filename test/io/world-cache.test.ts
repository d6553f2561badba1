import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FREE_SPACE_FLOOR_BYTES, STALE_TEMP_AGE_MS } from '../../src/io/cache-space.js';
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

  it("removes its folder's cache files of other formats when it writes its own, and leaves other folders' alone", async () => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    await loadWorldCached(dir, cache);
    const current = readdirSync(cache).find((name) => name.startsWith('world-'))!;
    const [, format, key] = /^world-(\d+)-([0-9a-f]{16})\.json$/.exec(current)!;
    const older = [`world-${Number(format) - 1}-${key}.json`, `world-1-${key}.json`];
    const others = [`world-${Number(format) - 1}-0123456789abcdef.json`, `cards-${Number(format) - 1}-${key}.json`];
    for (const name of [...older, ...others]) writeFileSync(join(cache, name), '{}');
    // A changed world file makes the cache write its own file again.
    writeFileSync(join(dir, Object.keys(TEST_FILES)[0]!), `${Object.values(TEST_FILES)[0]!}\n`);
    expect(await loadWorldCached(dir, cache)).toEqual(await loadWorldFolder(dir));
    const left = readdirSync(cache);
    expect(left.filter((name) => older.includes(name))).toEqual([]);
    expect(left.filter((name) => others.includes(name)).sort()).toEqual([...others].sort());
    expect(left).toContain(current);
  });

  it('serves the cached world while no world file changes (a touch is no change), and reloads when one does', async () => {
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
    expect((await loadWorldCached(dir, cache)).warnings).toEqual([{ code: 'marker', message: 'from the cache' }]);
    writeFileSync(join(dir, 'com.zone'), `${readFileSync(join(dir, 'com.zone'), 'utf8')}; an edit\n`);
    expect((await loadWorldCached(dir, cache)).warnings).toEqual([]);
  });

  it('reloads after an edit that keeps the file size and the mtime: the key is the bytes, not the stat', async () => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    const zone = join(dir, 'example.com.zone');
    const whole = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    utimesSync(zone, whole, whole);
    const before = statSync(zone);
    expect(JSON.stringify(await loadWorldCached(dir, cache))).toContain('203.0.113.10');
    writeFileSync(zone, readFileSync(zone, 'utf8').replace('203.0.113.10', '203.0.113.99'));
    utimesSync(zone, before.atime, before.mtime);
    expect(statSync(zone).size).toBe(before.size);
    expect(statSync(zone).mtimeMs).toBe(before.mtimeMs);
    const world = await loadWorldCached(dir, cache);
    expect(world).toEqual(await loadWorldFolder(dir));
    expect(JSON.stringify(world)).toContain('203.0.113.99');
    expect(JSON.stringify(world)).not.toContain('203.0.113.10');
  });

  it('removes only its own temp files older than the bound, on start', async () => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    const now = Date.now();
    const old = new Date(now - STALE_TEMP_AGE_MS - 60_000);
    const files = {
      'world-2-0123456789abcdef.json.4242.tmp': old, // a write cut off by a full disk: removed
      'render-cache.json.17.tmp': old, // any cache's temp name: removed
      'world-2-0123456789abcdef.json.4243.tmp': new Date(now - 1000), // a write that may be in flight: kept
      'notes.tmp': old, // not a name the program writes: kept
      'world-2-0123456789abcdef.json': old, // a cache entry, not a temp: kept
      'user.json.1.tmp.bak': old, // kept
    };
    for (const [name, time] of Object.entries(files)) {
      writeFileSync(join(cache, name), 'x');
      utimesSync(join(cache, name), time, time);
    }
    mkdirSync(join(cache, 'folder.json.1.tmp'));
    utimesSync(join(cache, 'folder.json.1.tmp'), old, old);
    await loadWorldCached(dir, cache, { nowMs: now });
    const left = readdirSync(cache);
    expect(left).not.toContain('world-2-0123456789abcdef.json.4242.tmp');
    expect(left).not.toContain('render-cache.json.17.tmp');
    for (const kept of ['world-2-0123456789abcdef.json.4243.tmp', 'notes.tmp', 'world-2-0123456789abcdef.json', 'user.json.1.tmp.bak', 'folder.json.1.tmp']) {
      expect(left).toContain(kept);
    }
    expect(left.filter((name) => name.endsWith('.tmp'))).toHaveLength(3);
  });

  it.each([
    ['just above the floor plus the entry', CACHE_FREE_SPACE_FLOOR_BYTES + 1024 * 1024, 1],
    ['just below the floor plus the entry', CACHE_FREE_SPACE_FLOOR_BYTES + 10, 0],
    ['far below the floor', 4096, 0],
    ['unknown (statfs failed)', undefined, 1],
  ])('writes its entry only above the free-space floor: free space %s', async (_name, free, entries) => {
    const dir = worldFolder();
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-cache-'));
    const asked: string[] = [];
    const world = await loadWorldCached(dir, cache, { freeBytes: async (at) => (asked.push(at), free) });
    expect(world).toEqual(await loadWorldFolder(dir));
    expect(asked).toEqual([cache]);
    expect(readdirSync(cache)).toHaveLength(entries);
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
