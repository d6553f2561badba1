import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDerived, readDerivedRecords, writeDerived, writeDerivedRecords } from '../../src/io/derived-cache.js';

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

describe('derived records: heads parsed on every read, each body only when read', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'swelearn-records-'));
  const heads = [['a', 1], ['b', 2], ['c', 3]];
  const bodies = [{ text: 'first, with a line\nbreak and "quotes"' }, ['second', 'ünïcode ✓'], { text: 'third' }];

  it('reads back every head, and each body on its own, counting the bytes it parses', () => {
    const cache = folder();
    writeDerivedRecords(cache, 'records', 'k1', heads, bodies);
    const work = { bytesParsed: 0 };
    const read = readDerivedRecords(cache, 'records', 'k1', undefined, work)!;
    expect(read.heads).toEqual(heads);
    const headBytes = work.bytesParsed;
    expect(read.body(1)).toEqual(bodies[1]);
    expect(work.bytesParsed - headBytes).toBe(Buffer.byteLength(JSON.stringify(bodies[1])));
    expect([0, 1, 2].map((index) => read.body(index))).toEqual(bodies);
  });

  it.each([
    ['another key', (cache: string) => writeDerivedRecords(cache, 'records', 'old', heads, bodies)],
    ['a file cut short', (cache: string) => {
      writeDerivedRecords(cache, 'records', 'k1', heads, bodies);
      const file = join(cache, 'records.json');
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, -3));
    }],
    ['a whole-JSON file of the same key', (cache: string) => writeDerived(cache, 'records', 'k1', heads)],
  ])('treats %s as missing', (_name, write) => {
    const cache = folder();
    write(cache);
    expect(readDerivedRecords(cache, 'records', 'k1', undefined)).toBeUndefined();
  });

  // At 1,000 cards a quiz read the whole item file (3.5 MB, bodies 2.9 MB of it) to ask a few dozen items.
  it('reads the heads\' line and then only the bodies asked for', () => {
    const cache = folder();
    const many = Array.from({ length: 2000 }, (_, n) => ({ text: `point ${n} `.repeat(20) }));
    writeDerivedRecords(cache, 'records', 'k1', many.map((_, n) => [`card/kp-${n}`]), many);
    const file = join(cache, 'records.json');
    const lineBytes = readFileSync(file).indexOf(0x0a);
    const work = { bytesRead: 0 };
    const read = readDerivedRecords(cache, 'records', 'k1', undefined, work)!;
    expect(read.heads).toHaveLength(2000);
    expect(work.bytesRead).toBeGreaterThan(lineBytes);
    expect(work.bytesRead).toBeLessThan(lineBytes + 64 * 1024);
    const before = work.bytesRead;
    expect(read.body(1234)).toEqual(many[1234]);
    expect(work.bytesRead - before).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(many[1234])));
    expect(work.bytesRead - before).toBeLessThanOrEqual(32 * 1024);
    expect(statSync(file).size - work.bytesRead).toBeGreaterThan(350_000);
  });

  it('reads the file in a few reads for a pass over every body', () => {
    const cache = folder();
    const many = Array.from({ length: 3000 }, (_, n) => ({ text: `point ${n}` }));
    writeDerivedRecords(cache, 'records', 'k1', many.map((_, n) => [n]), many);
    const work = { bytesRead: 0, reads: 0 };
    const read = readDerivedRecords(cache, 'records', 'k1', undefined, work)!;
    expect(many.map((_, index) => read.body(index))).toEqual(many);
    expect(work.reads).toBeLessThan(10);
    expect(work.bytesRead).toBeLessThan(2 * statSync(join(cache, 'records.json')).size);
  });

  it('reads a body from the file its heads came from, after that file was replaced by another key\'s', () => {
    const cache = folder();
    writeDerivedRecords(cache, 'records', 'k1', heads, bodies);
    const read = readDerivedRecords(cache, 'records', 'k1', undefined)!;
    writeDerivedRecords(cache, 'records', 'k2', [['x', 9]], [{ text: 'another deck' }]);
    expect([0, 1, 2].map((index) => read.body(index))).toEqual(bodies);
  });

  it('falls back to the seed under the same key', () => {
    const cache = folder();
    const seed = folder();
    writeDerivedRecords(seed, 'records', 'k1', heads, bodies);
    writeDerivedRecords(cache, 'records', 'stale', [], []);
    expect(readDerivedRecords(cache, 'records', 'k1', seed)?.body(2)).toEqual(bodies[2]);
  });
});

