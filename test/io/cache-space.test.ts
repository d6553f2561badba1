import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FREE_SPACE_FLOOR_BYTES, removeStaleCacheTemps, STALE_TEMP_AGE_MS, writeCacheFile, writeCacheFileSync } from '../../src/io/cache-space.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'swelearn-cache-space-'));
const DATA = 'x'.repeat(1000);

describe('cache writes and the free-space floor', () => {
  it.each([
    ['well above the floor', CACHE_FREE_SPACE_FLOOR_BYTES * 4, true],
    ['exactly the floor plus the entry', CACHE_FREE_SPACE_FLOOR_BYTES + DATA.length, true],
    ['one byte short of the floor plus the entry', CACHE_FREE_SPACE_FLOOR_BYTES + DATA.length - 1, false],
    ['nearly full', 0, false],
    ['unknown', undefined, true],
  ])('writes (sync and async) only when the floor stays free: %s', async (_name, free, written) => {
    const dir = scratch();
    writeCacheFileSync(join(dir, 'sync.json'), DATA, () => free);
    await writeCacheFile(join(dir, 'async.json'), DATA, async () => free);
    expect(readdirSync(dir).sort()).toEqual(written ? ['async.json', 'sync.json'] : []);
    if (written) expect(readFileSync(join(dir, 'sync.json'), 'utf8')).toBe(DATA);
  });

  it('removes its temp file when the write fails, and reports the failure', async () => {
    const dir = scratch();
    // A folder where the file should go makes the rename fail after the temp file is written.
    mkdirSync(join(dir, 'entry.json'));
    expect(() => writeCacheFileSync(join(dir, 'entry.json'), DATA, () => undefined)).toThrow();
    await expect(writeCacheFile(join(dir, 'entry.json'), DATA, async () => undefined)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['entry.json']);
  });
});

describe('stale temp files', () => {
  it("removes only the caches' own temp names older than the bound, in the cache folder and its rendered and code folders", async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'rendered'));
    mkdirSync(join(dir, 'code'));
    const now = Date.now();
    const old = new Date(now - STALE_TEMP_AGE_MS - 1000);
    const young = new Date(now - STALE_TEMP_AGE_MS + 60_000);
    const files: [string, Date, boolean][] = [
      ['cards-2-abc.json.77.tmp', old, true],
      ['search-index-0123.bin.77.tmp', old, true],
      ['rendered/dns-ttl.json.77.tmp', old, true],
      ['code/swelearn.cjs.stats.bin.77.tmp', old, true],
      ['code/swelearn.cjs.stats.bin', old, false],
      ['cards-2-abc.json.78.tmp', young, false],
      ['cards-2-abc.json', old, false],
      ['progress.jsonl.77.tmp', old, false],
      ['cards.json.tmp', old, false],
      ['my-notes.txt', old, false],
    ];
    for (const [name, time] of files) {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), time, time);
    }
    const removed = await removeStaleCacheTemps(dir, now);
    expect(removed.sort()).toEqual(files.filter(([, , gone]) => gone).map(([name]) => name).sort());
    for (const [name, , gone] of files) expect(existsSync(join(dir, name))).toBe(!gone);
  });

  it('finds nothing to do in a cache folder that does not exist yet', async () => {
    expect(await removeStaleCacheTemps(join(scratch(), 'missing'), Date.now())).toEqual([]);
  });
});

describe('loading cards', () => {
  it('removes stale cache temp files on start and keeps a fresh one', async () => {
    const { loadCards } = await import('../../src/io/load-cards.js');
    const cache = scratch();
    const old = new Date(Date.now() - STALE_TEMP_AGE_MS - 1000);
    writeFileSync(join(cache, 'cards-2-abc.json.9.tmp'), 'x');
    utimesSync(join(cache, 'cards-2-abc.json.9.tmp'), old, old);
    writeFileSync(join(cache, 'cards-2-abc.json.10.tmp'), 'x');
    await loadCards([{ dir: join(cache, 'no-cards'), origin: 'user', optional: true }], { cacheDir: cache, scenarioIds: new Set() });
    expect(readdirSync(cache)).toEqual(['cards-2-abc.json.10.tmp']);
  });

  it('leaves them while cache writes are held (the app, until its first frame is out), and removes them once released', async () => {
    const { loadCards } = await import('../../src/io/load-cards.js');
    const { holdCacheWrites } = await import('../../src/io/cache-space.js');
    const cache = scratch();
    const old = new Date(Date.now() - STALE_TEMP_AGE_MS - 1000);
    writeFileSync(join(cache, 'cards-2-abc.json.9.tmp'), 'x');
    utimesSync(join(cache, 'cards-2-abc.json.9.tmp'), old, old);
    const release = holdCacheWrites();
    try {
      await loadCards([{ dir: join(cache, 'no-cards'), origin: 'user', optional: true }], { cacheDir: cache, scenarioIds: new Set() });
      expect(readdirSync(cache)).toEqual(['cards-2-abc.json.9.tmp']);
    } finally {
      release();
    }
    expect(readdirSync(cache)).toEqual([]);
  });
});
