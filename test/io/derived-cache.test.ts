import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDerived, writeDerived } from '../../src/io/derived-cache.js';

afterEach(() => vi.restoreAllMocks());

describe('the derived-value cache', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'swelearn-derived-'));
  const big = { items: Array.from({ length: 2000 }, (_, n) => ({ id: `card/kp-${n}`, text: `point ${n}` })) };

  it.each([
    ['the same key, from the cache folder', 'k1', 'k1', undefined, big],
    ['another key, and no seed', 'k1', 'k2', undefined, undefined],
  ])('%s', (_name, written, wanted, _seed, expected) => {
    const cache = folder();
    writeDerived(cache, 'items', written, big);
    expect(readDerived(cache, 'items', wanted, undefined)).toEqual(expected);
  });

  it('falls back to the seed under the same key', () => {
    const cache = folder();
    const seed = folder();
    writeDerived(seed, 'items', 'k3', big);
    writeDerived(cache, 'items', 'old', { stale: true });
    expect(readDerived(cache, 'items', 'k3', seed)).toEqual(big);
  });

  it('never parses a stored value of another key (the key comes first in the file)', () => {
    const cache = folder();
    const seed = folder();
    writeDerived(cache, 'items', 'old-cards', big);
    writeDerived(seed, 'items', 'bundled-cards', big);
    const parse = vi.spyOn(JSON, 'parse');
    expect(readDerived(cache, 'items', 'users-cards', seed)).toBeUndefined();
    expect(parse).not.toHaveBeenCalled();
  });

  it('treats a damaged file as missing', () => {
    const cache = folder();
    writeFileSync(join(cache, 'items.json'), '{"key":"k1","value":{"cut');
    expect(readDerived(cache, 'items', 'k1', undefined)).toBeUndefined();
  });
});
