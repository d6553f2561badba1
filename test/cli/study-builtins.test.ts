import { describe, expect, it } from 'vitest';
import { homeWithRecordedLog, runCliListingBuiltins } from './run-cli.js';

// node:crypto (or the Web Crypto global) takes about 2 ms to load, and `swelearn quiz` and `swelearn stats` open their
// screens after the same work as these commands do in a pipe: the replay's snapshot check, the study caches' keys, the
// session's id and seed. With the caches warm, none of it hashes with node:crypto or draws from the Web Crypto global.
describe('the study commands with warm caches', () => {
  const crypto = (builtins: string[]) => builtins.filter((name) => /crypto/.test(name));

  it.each([
    ['stats', ['stats']],
    ['a quiz prepared and asked (no answer typed)', ['quiz', '--count', '2', '--json']],
  ])('%s loads no crypto module, with or without a fixed seed', (_name, args) => {
    const home = homeWithRecordedLog();
    const env = { SWELEARN_HOME: home, SWELEARN_NOW: '2026-12-07T10:00:00Z' };
    // The first run fills the caches (the card cache checks the cards' bytes with node:crypto then).
    expect(runCliListingBuiltins(args, { env }).code).toBe(0);
    const warm = runCliListingBuiltins(args, { env });
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.builtins).toContain('NativeModule fs');
    expect(crypto(warm.builtins)).toEqual([]);
    const seeded = runCliListingBuiltins(args, { env: { ...env, SWELEARN_SEED: '3' } });
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(crypto(seeded.builtins)).toEqual([]);
  });
});
