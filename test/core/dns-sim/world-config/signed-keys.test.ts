import { describe, expect, it } from 'vitest';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { dnskeySet, dsSet, keyTagOf } from '../../../../src/core/dns-sim/world/dnssec-model.js';
import type { DnssecModel } from '../../../../src/core/dns-sim/world/world.js';
import { SIGNED_WORLD_EPOCH_SECONDS } from '../../../../src/core/dns-sim/world-config/signed-zones.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { loadWith, serversYaml } from './config-fixture.js';

const ZONES = ['', 'com', 'example.com'];
const model = (keySeed: number | undefined): DnssecModel => ({ signedZones: ZONES, epochSeconds: SIGNED_WORLD_EPOCH_SECONDS, ...(keySeed === undefined ? {} : { keySeed }) });
const keysOf = (keySeed: number, zone: string): string[] => dnskeySet(model(keySeed), zone).map((record) => (record.data as { key: string }).key);

describe('the keys of a signed zone come from the run\'s seed and the zone\'s name', () => {
  it.each([1, 2, 77, 0x7fffffff])('seed %i gives the same keys, tags and DS every time', (seed) => {
    for (const zone of ZONES) {
      expect(keysOf(seed, zone)).toEqual(keysOf(seed, zone));
      expect(dsSet(model(seed), zone)).toEqual(dsSet(model(seed), zone));
      // The DS the parent publishes names the child's KSK in the same run.
      expect((dsSet(model(seed), zone)[0]!.data as { keyTag: number }).keyTag).toBe(keyTagOf(model(seed), zone, true));
    }
  });

  it.each([[1, 2], [2, 3], [1, 1001]])('seeds %i and %i give two different key sets for every zone', (a, b) => {
    for (const zone of ZONES) {
      expect(keysOf(a, zone)).not.toEqual(keysOf(b, zone));
      expect(dsSet(model(a), zone)[0]!.data).not.toEqual(dsSet(model(b), zone)[0]!.data);
    }
  });

  it('two zones of one run have different keys', () => {
    expect(keysOf(5, 'com')).not.toEqual(keysOf(5, 'example.com'));
  });

  it('a model outside a run (no seed yet) has the keys of seed 0', () => {
    expect(dnskeySet(model(undefined), 'com')).toEqual(dnskeySet(model(0), 'com'));
  });
});

const SIGNED = 'signed_zones:\n  - { zone: "." }\n  - { zone: com }\n  - { zone: example.com }\n';

function run(seed: number): SimulationResult {
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml('  personality: knot\n', SIGNED) });
  expect(errors).toEqual([]);
  return simulateSession(world, [{ name: 'www.example.com', type: 'A', atMs: 0 }], FIXED_RTT, seed);
}

// The key tag the DS of example.com names, and the DNSKEY records example.com's server sent, as the trace shows them.
function servedKeys(result: SimulationResult): { dsTag: string | undefined; dnskeys: string[]; ad: boolean } {
  const received = result.events.flatMap((event) => (event.type === 'response-received' && event.to.role === 'resolver' ? [event.message] : []));
  const ds = received.flatMap((message) => [...message.answer, ...message.authority]).find((record) => record.type === 'DS' && record.name.toLowerCase() === 'example.com');
  const dnskeys = received.filter((message) => message.question.type === 'DNSKEY' && message.question.name.toLowerCase() === 'example.com').flatMap((message) => message.answer.filter((record) => record.type === 'DNSKEY').map((record) => record.data));
  const reply = result.events.find((event) => event.type === 'response-received' && event.from.role === 'resolver');
  return { dsTag: ds?.data.split(' ')[0], dnskeys, ad: reply?.type === 'response-received' && reply.message.flags.ad };
}

describe('a signed user world validates under any seed, with keys of that seed', () => {
  it.each([1, 2, 3, 4242])('seed %i: the DS names the KSK served in the run, and the answer is secure', (seed) => {
    const served = servedKeys(run(seed));
    expect(served.ad).toBe(true);
    expect(served.dsTag).toBe(String(keyTagOf({ ...model(seed) }, 'example.com', true)));
    expect(served.dnskeys).toHaveLength(2);
    expect(served.dnskeys.some((data) => data.includes(keysOf(seed, 'example.com')[0]!))).toBe(true);
  });

  it('one seed gives the same trace twice; two seeds serve different keys', () => {
    expect(run(9).events).toEqual(run(9).events);
    expect(servedKeys(run(9)).dnskeys).not.toEqual(servedKeys(run(10)).dnskeys);
  });
});
