import { describe, expect, it } from 'vitest';
import { simulateSession } from '../../../../src/core/dns-sim/simulate.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { loadWith, serversYaml } from './config-fixture.js';

// The servers: list of the fixture ends on line 10 of servers.yaml, so the first entry is on line 11.
const load = (entries: string) => loadWith({ 'servers.yaml': serversYaml('', `schedule:\n${entries}`) });

describe('a schedule entry that sets the records of one name and type', () => {
  it.each([
    ['an address, the zone found from the servers', '  - { at: 30s, name: www.example.com, type: A, ttl: 300, records: [192.0.2.77] }\n', { zone: 'example.com', name: 'www.example.com', type: 'A', records: [{ name: 'www.example.com', type: 'A', ttlSeconds: 300, data: '192.0.2.77' }] }],
    ['two addresses, the TTL in units, the zone named', '  - { at: 30s, zone: example.com, name: WWW.example.com., type: aaaa, ttl: 1h, records: ["2001:db8::7", "2001:db8::8"] }\n', { zone: 'example.com', name: 'www.example.com', type: 'AAAA', records: [{ name: 'www.example.com', type: 'AAAA', ttlSeconds: 3600, data: '2001:db8::7' }, { name: 'www.example.com', type: 'AAAA', ttlSeconds: 3600, data: '2001:db8::8' }] }],
    ['an MX, its exchange an absolute name', '  - { at: 30s, name: example.com, type: MX, ttl: 300, records: ["10 mail.example.net"] }\n', { zone: 'example.com', name: 'example.com', type: 'MX', records: [{ name: 'example.com', type: 'MX', ttlSeconds: 300, data: { preference: 10, exchange: 'mail.example.net' } }] }],
    ['no records: the RRset is removed', '  - { at: 30s, name: www.example.com, type: AAAA, ttl: 300, records: [] }\n', { zone: 'example.com', name: 'www.example.com', type: 'AAAA', records: [] }],
  ])('reads %s', (_what, entries, expected) => {
    const { world, errors } = load(entries);
    expect(errors).toEqual([]);
    expect(world.schedule).toEqual([{ atMs: 30_000, kind: 'set-records', description: 'scheduled in servers.yaml line 11', ...expected }]);
  });

  it.each<[string, string, string[]]>([
    ['no type', '  - { at: 1s, name: www.example.com, ttl: 300, records: [192.0.2.7] }\n', ["servers.yaml:11: 'type' is missing: the record type whose records are set, such as A"]],
    ['a type the simulator does not have', '  - { at: 1s, name: www.example.com, type: HINFO, ttl: 300, records: [x] }\n', ['servers.yaml:11: type "HINFO" is not one of A, AAAA, CNAME, NS, MX, TXT, SRV, PTR, CAA (a zone\'s SOA changes with the zone file)']],
    ['no TTL', '  - { at: 1s, name: www.example.com, type: A, records: [192.0.2.7] }\n', ["servers.yaml:11: 'ttl' is missing: the records' TTL, such as 300 or 1h"]],
    ['no records', '  - { at: 1s, name: www.example.com, type: A, ttl: 300 }\n', ["servers.yaml:11: 'records' is missing: the records' data as in a zone file, such as [192.0.2.20], or [] to remove them"]],
    ['a record that does not parse, at its own line', '  - at: 1s\n    name: www.example.com\n    type: A\n    ttl: 300\n    records:\n      - 192.0.2.7\n      - 192.0.2.999\n', ['servers.yaml:17: record "192.0.2.999": ']],
    ['a record that tries to add a line of its own', '  - { at: 1s, name: www.example.com, type: TXT, ttl: 300, records: ["a\\nevil A 192.0.2.66"] }\n', ["servers.yaml:11: record \"a\\nevil A 192.0.2.66\": one record's data on one line, without parentheses"]],
    ['a server key beside the records', '  - { at: 1s, name: www.example.com, type: A, ttl: 300, records: [192.0.2.7], server: ns1.example.com }\n', ["servers.yaml:11: each schedule entry changes one thing"]],
    ['a records key on a server change', '  - { at: 1s, server: ns1.example.com, behaviour: drop, ttl: 300 }\n', ["servers.yaml:11: 'ttl' belongs to a change of records ('name', 'type', 'ttl', 'records')"]],
    ['a zone no server serves', '  - { at: 1s, zone: example.org, name: www.example.org, type: A, ttl: 300, records: [192.0.2.7] }\n', ["servers.yaml:11: schedule: zone example.org is served by no server in 'servers'"]],
    ['a name outside the zone named', '  - { at: 1s, zone: example.com, name: www.hoster.net, type: A, ttl: 300, records: [192.0.2.7] }\n', ['servers.yaml:11: schedule: www.hoster.net is not in the zone example.com']],
  ])('refuses %s, naming the file, the line and the rule', (_what, entries, expected) => {
    const { errors } = load(entries);
    expect(errors).toHaveLength(expected.length);
    errors.forEach((error, index) => expect(error).toContain(expected[index]));
  });

  it('a question after the change and past the old TTL gets the new address; the trace names the records set, not a file', () => {
    const { world } = load('  - { at: 30s, name: www.example.com, type: A, ttl: 60, records: [192.0.2.77], note: www moves }\n');
    const result = simulateSession(world, [{ name: 'www.example.com', type: 'A', atMs: 0 }, { name: 'www.example.com', type: 'A', atMs: 60_000 }, { name: 'www.example.com', type: 'A', atMs: 600_000 }], FIXED_RTT, 1);
    expect(result.events.flatMap((event) => (event.type === 'world-changed' ? [[event.timeMs, event.explanation]] : []))).toEqual([[30_000, 'www moves (www.example.com. A now 192.0.2.77)']]);
    expect(result.outcomes.map((outcome) => outcome.addresses)).toEqual([['203.0.113.10'], ['203.0.113.10'], ['192.0.2.77']]);
  });
});
