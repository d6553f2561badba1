import { describe, expect, it } from 'vitest';
import { EXAMPLE_V2_ZONE as V2, loadWith, serversYaml } from './config-fixture.js';


// The servers: list of the fixture ends on line 10 of servers.yaml (3 resolver lines, "servers:", 5 servers, plus one).
const schedule = (entries: string): Record<string, string> => ({ 'servers.yaml': serversYaml('', `schedule:\n${entries}`), 'example.com-v2.zone': V2 });

describe('a schedule in servers.yaml', () => {
  it('reads zone swaps and server changes into world changes in time order, and keeps the swapped-in file out of the start world', () => {
    const { world, errors } = loadWith(schedule(`  - at: 1m
    server: ns1.example.com
    behaviour: drop
    rtt_ms: 400
  - at: 30s
    zone: example.com
    file: example.com-v2.zone
    note: the migration to the new addresses
  - at: 2m30s
    server: ns1.example.com
    behaviour: up
`));
    expect(errors).toEqual([]);
    expect(world.schedule?.map((change) => [change.atMs, change.kind, change.description])).toEqual([
      [30_000, 'replace-zone', 'the migration to the new addresses'],
      [60_000, 'set-behaviour', 'scheduled in servers.yaml line 11'],
      [60_000, 'set-rtt', 'scheduled in servers.yaml line 11'],
      [150_000, 'set-behaviour', 'scheduled in servers.yaml line 19'],
    ]);
    const swap = world.schedule?.[0];
    expect(swap?.kind === 'replace-zone' && swap.records.find((record) => record.name === 'www.example.com')?.data).toBe('203.0.113.99');
    expect(world.zones.map((zone) => zone.file)).not.toContain('example.com-v2.zone');
    expect(world.warnings.filter((warning) => warning.code === 'duplicate-zone')).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['a time without a unit it knows', '  - { at: soon, server: ns1.example.com, behaviour: drop }\n', ['servers.yaml:11: at "soon" is not a time from 0 to 7d such as 30s, 1m30s or 500ms']],
    ['a time past a week', '  - { at: 8d, server: ns1.example.com, behaviour: drop }\n', ['servers.yaml:11: at "8d" is not a time from 0 to 7d such as 30s, 1m30s or 500ms']],
    ['no time', '  - { server: ns1.example.com, behaviour: drop }\n', ["servers.yaml:11: 'at' is missing: when the change happens, such as 30s or 1m30s after the start"]],
    ['an unknown field, with the spelling hint', '  - { at: 1s, server: ns1.example.com, behavior: drop }\n', [
      "servers.yaml:11: unknown field 'behavior' (spelled 'behaviour') (known: at, note, zone, file, server, behaviour, rtt_ms, name, type, ttl, records)",
      "servers.yaml:11: a server change needs 'behaviour', 'rtt_ms' or both",
    ]],
    ['both a zone and a server', '  - { at: 1s, server: ns1.example.com, zone: example.com }\n', ["servers.yaml:11: each schedule entry changes one thing: a zone ('zone' and 'file'), a server ('server' with 'behaviour' or 'rtt_ms') or the records of one name and type ('name', 'type', 'ttl' and 'records', optionally 'zone')"]],
    ['a behaviour that does not exist', '  - { at: 1s, server: ns1.example.com, behaviour: down }\n', ['servers.yaml:11: behaviour "down" is not up, drop, refused or unreachable']],
    ['an RTT out of range', '  - { at: 1s, server: ns1.example.com, rtt_ms: 70000 }\n', ['servers.yaml:11: rtt_ms 70000 is not a whole number from 0 to 60000']],
    ['a server not in servers', '  - { at: 1s, server: ns9.example.com, behaviour: drop }\n', ["servers.yaml:11: schedule: no server named ns9.example.com in 'servers'"]],
    ['a zone change without a file', '  - { at: 1s, zone: example.com }\n', ["servers.yaml:11: 'file' is missing: the zone file of this folder that replaces the zone"]],
    ['a file outside the folder', '  - { at: 1s, zone: example.com, file: ../etc/passwd.zone }\n', ['servers.yaml:11: file "../etc/passwd.zone" must be the name of a .zone file in the world folder']],
    ['a file that is not a zone file', '  - { at: 1s, zone: example.com, file: notes.txt }\n', ['servers.yaml:11: file "notes.txt" must be the name of a .zone file in the world folder']],
    ['a zone file the folder does not have', '  - { at: 1s, zone: example.com, file: missing.zone }\n', ['servers.yaml:11: schedule: missing.zone is not a zone file of the world folder']],
    ['a zone no server serves', '  - { at: 1s, zone: example.org, file: example.com-v2.zone }\n', ["servers.yaml:11: schedule: zone example.org is served by no server in 'servers'"]],
    ['a file whose $ORIGIN is another zone', '  - { at: 1s, zone: hoster.net, file: example.com-v2.zone }\n', ['servers.yaml:11: schedule: example.com-v2.zone is the zone example.com (its $ORIGIN), not hoster.net']],
    ['a server change that also names a file', '  - { at: 1s, server: ns1.example.com, behaviour: drop, file: x.zone }\n', ["servers.yaml:11: 'file' belongs to a zone change, not a server change"]],
    ['a schedule that is not a list', '  at: 1s\n', ["servers.yaml:11: 'schedule' must be a list of changes, each with 'at' and a zone or a server"]],
  ])('refuses %s, naming the file, the line and the rule', (_name, entries, expected) => {
    expect(loadWith(schedule(entries)).errors).toEqual(expected);
  });

  it('reports an error inside the swapped-in zone file at that file and line', () => {
    const files = schedule('  - { at: 1s, zone: example.com, file: example.com-v2.zone }\n');
    files['example.com-v2.zone'] = `${V2}bad MX 10\n`;
    expect(loadWith(files).errors).toEqual(['example.com-v2.zone:9: MX needs a preference and an exchange']);
  });
});
