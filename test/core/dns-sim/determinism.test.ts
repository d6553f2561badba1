import { beforeAll, describe, expect, it } from 'vitest';
import { isPacketEvent } from '../../../src/core/dns-sim/events.js';
import { findScenario, scenarioRun } from '../../../src/core/dns-sim/scenarios/scenarios.js';
import { simulateResolution, simulateSession } from '../../../src/core/dns-sim/simulate.js';
import { formatTraceJson, toTraceDocument } from '../../../src/core/dns-sim/report/trace-json.js';
import type { World } from '../../../src/core/dns-sim/world/world.js';
import { bundledWorldDir } from '../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../src/io/world-folder.js';

let world: World;
beforeAll(async () => {
  world = await loadWorldFolder(bundledWorldDir());
});

const json = (seed: number, name = 'www.shop.example.com'): string => {
  const result = simulateResolution(world, { name, type: 'A+AAAA' }, {}, seed);
  return formatTraceJson(toTraceDocument(result, { input: name, ascii: name, unicode: name, type: 'A+AAAA' }, null));
};
const rtts = (seed: number): number[] => {
  const result = simulateResolution(world, { name: 'www.example.com', type: 'A' }, {}, seed);
  return result.events.filter((event) => event.type === 'response-received').map((event) => event.timeMs);
};

describe('determinism', () => {
  it.each([1, 7, 123456])('seed %i: the same inputs give byte-identical JSON', (seed) => {
    expect(json(seed)).toBe(json(seed));
  });

  it('a different seed gives different round-trip times', () => {
    expect(rtts(1)).not.toEqual(rtts(2));
    expect(json(1)).not.toBe(json(2));
  });

  it('runs a whole scenario session identically twice, world changes and prewarming included', () => {
    const scenario = findScenario('stale-after-migration')!;
    const once = scenarioRun(scenario, world);
    const twice = scenarioRun(scenario, world);
    expect(JSON.stringify(simulateSession(world, once.queries, once.options, once.seed))).toBe(JSON.stringify(simulateSession(world, twice.queries, twice.options, twice.seed)));
  });

  it('never changes the world it is given', () => {
    const before = JSON.stringify(world);
    const scenario = findScenario('lowered-ttl-migration')!;
    const run = scenarioRun(scenario, world);
    simulateSession(world, run.queries, run.options, run.seed);
    simulateResolution(world, { name: 'big.example.com', type: 'TXT' }, {}, 3);
    expect(JSON.stringify(world)).toBe(before);
  });

  it('keeps events in time order with consecutive sequence numbers', () => {
    const result = simulateResolution(world, { name: 'www.example.org', type: 'A+AAAA' }, {}, 4);
    result.events.forEach((event, index) => {
      expect(event.seq).toBe(index);
      if (index > 0) expect(event.timeMs).toBeGreaterThanOrEqual(result.events[index - 1]!.timeMs);
    });
  });

  it('carries the real wire bytes of every message: size and hex agree', () => {
    const result = simulateResolution(world, { name: 'www.example.com', type: 'A' }, {}, 1);
    for (const event of result.events) {
      if (!isPacketEvent(event)) continue;
      expect(event.message.hex.length).toBe(event.message.sizeBytes * 2);
    }
  });
});
