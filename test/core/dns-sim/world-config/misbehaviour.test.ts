import { describe, expect, it } from 'vitest';
import { loadWith } from './config-fixture.js';
import { misbehavingServers } from './misbehaviour-fixture.js';

const hoster = (extra: string) => loadWith({ 'servers.yaml': misbehavingServers('hoster', extra) });

describe('misbehaving authoritative servers in servers.yaml', () => {
  it('reads injected records, response rate limiting with BIND\'s defaults filled in, and a delay', () => {
    const { world, errors } = hoster('    inject:\n      - "www.example.com. 86400 A 203.0.113.66"\n      - "example.com. NS ns.evil.net."\n    rrl: { rate: 5 }\n    delay_ms: 250\n');
    expect(errors).toEqual([]);
    const server = world.servers.find((candidate) => candidate.name === 'ns1.hoster.net');
    expect(server?.inject?.map((record) => [record.name, record.type, record.ttlSeconds, record.data, record.source])).toEqual([
      ['www.example.com', 'A', 86400, '203.0.113.66', 'servers.yaml:13'],
      ['example.com', 'NS', 86400, 'ns.evil.net', 'servers.yaml:14'],
    ]);
    expect(server?.rrl).toEqual({ responsesPerSecond: 5, windowSeconds: 15, slip: 2, ipv4PrefixLength: 24 });
    expect(server?.delayMs).toBe(250);
    expect(world.servers.find((candidate) => candidate.name === 'ns1.example.com')).toEqual({ name: 'ns1.example.com', address: '192.0.2.1', zones: ['example.com'], behaviour: 'up' });
  });

  it('takes the window and the slip as written', () => {
    const { world, errors } = hoster('    rrl: { rate: 1, window: 5, slip: 0 }\n');
    expect(errors).toEqual([]);
    expect(world.servers.find((candidate) => candidate.name === 'ns1.hoster.net')?.rrl).toEqual({ responsesPerSecond: 1, windowSeconds: 5, slip: 0, ipv4PrefixLength: 24 });
  });

  it.each<[string, string, string[]]>([
    ['an unknown key in rrl', '    rrl: { rate: 5, burst: 3 }\n', ["servers.yaml:12: unknown field 'burst' in rrl (known: rate, window, slip)"]],
    ['rrl without a rate', '    rrl: { slip: 2 }\n', ["servers.yaml:12: 'rrl' needs 'rate': the identical responses per second one client network may get"]],
    ['a rate of 0', '    rrl: { rate: 0 }\n', ['servers.yaml:12: rrl rate 0 is not a whole number from 1 to 1000']],
    ['a slip past BIND\'s 10', '    rrl: { rate: 5, slip: 11 }\n', ['servers.yaml:12: rrl slip 11 is not a whole number from 0 to 10']],
    ['a window of 0', '    rrl: { rate: 5, window: 0 }\n', ['servers.yaml:12: rrl window 0 is not a whole number from 1 to 3600']],
    ['rrl that is not a mapping', '    rrl: 5\n', ["servers.yaml:12: 'rrl' must be a mapping with 'rate' (responses per second) and optionally 'window' and 'slip'"]],
    ['inject that is not a list', '    inject: "www.example.com. A 203.0.113.66"\n', [`servers.yaml:12: 'inject' must be a list of records, each one zone-file line such as "www.example.com. 86400 A 203.0.113.66"`]],
    ['an injected record with a relative owner', '    inject: ["www A 203.0.113.66"]\n', ['servers.yaml:12: inject: each record is one zone-file line whose owner ends in a dot, such as "www.example.com. 86400 A 203.0.113.66", got "www A 203.0.113.66"']],
    ['an injected record with bad data', '    inject:\n      - "www.example.com. A 203.0.113.666"\n', ["servers.yaml:13: inject: A address '203.0.113.666' is not an IPv4 dotted quad (four numbers 0-255, no leading zeros)"]],
    ['an injected record inside a zone the server serves', '    inject: ["www.sibling.com. A 203.0.113.66"]\n', ['servers.yaml:12: inject: www.sibling.com. is inside sibling.com, a zone this server serves: write it in the zone file (injected records must be out of bailiwick)']],
    ['a negative delay', '    delay_ms: -5\n', ['servers.yaml:12: delay_ms -5 is not a whole number from 0 to 60000']],
    ['a delay that is not a number', '    delay_ms: slow\n', ['servers.yaml:12: delay_ms "slow" is not a whole number from 0 to 60000']],
    ['a misspelt key', '    delay: 300\n', ["servers.yaml:12: unknown field 'delay' (known: name, address, zones, behaviour, rtt_ms, udp_limit, inject, rrl, delay_ms)"]],
  ])('refuses %s, naming the file, the line and the rule', (_name, extra, expected) => {
    expect(hoster(extra).errors).toEqual(expected);
  });

  it('refuses more than 20 injected records', () => {
    const records = Array.from({ length: 21 }, (_, k) => `      - "h${k}.example.com. A 203.0.113.66"\n`).join('');
    expect(hoster(`    inject:\n${records}`).errors).toEqual(["servers.yaml:13: 'inject' has 21 records; at most 20 are allowed"]);
  });
});
