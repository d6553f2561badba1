import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeUnshownWarnings } from '../../../src/app/simulator/world-warnings.js';
import type { World } from '../../../src/core/dns-sim/world/world.js';

const WARNING = { code: 'cname-and-other-data', message: 'www has a CNAME and also A records' };
const world = (warnings = [WARNING]) => ({ warnings }) as unknown as World;

describe('world warnings, once per version of a world folder', () => {
  it('gives them once for a version, again for the next version, and again for the first when it comes back', () => {
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-warned-'));
    expect(takeUnshownWarnings(cache, '/w', { world: world(), key: 'v1' })).toEqual([WARNING]);
    expect(takeUnshownWarnings(cache, '/w', { world: world(), key: 'v1' })).toEqual([]);
    expect(takeUnshownWarnings(cache, '/w', { world: world(), key: 'v2' })).toEqual([WARNING]);
    expect(takeUnshownWarnings(cache, '/w', { world: world(), key: 'v1' })).toEqual([WARNING]);
    expect(takeUnshownWarnings(cache, '/other', { world: world(), key: 'v1' })).toEqual([WARNING]);
  });

  it('gives them every time when the world has no cache key, and records nothing for a world without warnings', () => {
    const cache = mkdtempSync(join(tmpdir(), 'swelearn-warned-'));
    expect(takeUnshownWarnings(cache, '/w', { world: world() })).toEqual([WARNING]);
    expect(takeUnshownWarnings(cache, '/w', { world: world() })).toEqual([WARNING]);
    expect(takeUnshownWarnings(cache, '/w', { world: world([]), key: 'v1' })).toEqual([]);
    expect(readdirSync(cache)).toEqual([]);
  });
});
