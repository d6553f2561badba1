import { describe, expect, it } from 'vitest';
import { parseServerMap } from '../../../../src/core/dns-sim/world/server-map.js';
import { formatFileError } from '../../../../src/core/dns-sim/world/file-error.js';

const GOOD = `resolver:
  name: resolver.isp.net
  address: 10.0.0.53
servers:
  - name: a.root-servers.net
    address: 198.41.0.4
    zones: ["."]
  - name: NS1.Example.COM.
    address: 2001:DB8::53
    zones: [example.com., Example.ORG]
    behaviour: refused
    rtt_ms: 120
    udp_limit: 1232
  - name: lame.example.net
    address: 192.0.2.9
`;

describe('parseServerMap', () => {
  it('reads the resolver and every server, normalising names and applying defaults', () => {
    expect(parseServerMap(GOOD)).toEqual({
      resolver: { name: 'resolver.isp.net', address: '10.0.0.53' },
      servers: [
        { name: 'a.root-servers.net', address: '198.41.0.4', zones: [''], behaviour: 'up' },
        { name: 'ns1.example.com', address: '2001:db8::53', zones: ['example.com', 'example.org'], behaviour: 'refused', rttMs: 120, udpLimitBytes: 1232 },
        { name: 'lame.example.net', address: '192.0.2.9', zones: [], behaviour: 'up' },
      ],
      errors: [],
    });
  });

  it('the resolver is optional', () => {
    const result = parseServerMap('servers: []\n');
    expect([result.resolver, result.servers, result.errors]).toEqual([undefined, [], []]);
  });

  it('formats an error the way the brief shows it', () => {
    const text = 'servers:\n  - name: a.example\n    address: 192.0.2.1\n    zones: [example]\n  - name: b.example\n    address: 192.0.2.2\n    behaviour: down\n';
    expect(parseServerMap(text).errors.map(formatFileError)).toEqual(['servers.yaml:7: behaviour "down" is not up, drop, refused or unreachable']);
  });

  const server = (extra: string): string => `servers:\n  - name: a.example\n    address: 192.0.2.1\n${extra}`;
  const cases: { name: string; text: string; line: number; message: string | RegExp }[] = [
    { name: 'YAML syntax error', text: 'servers:\n  - name: [unclosed\n', line: 3, message: /^YAML: / },
    { name: 'duplicate keys', text: 'servers: []\nservers: []\n', line: 2, message: /^YAML: .*[Uu]nique/ },
    { name: 'not a mapping', text: '- just\n- a list\n', line: 1, message: /must be a mapping with a 'servers' list/ },
    { name: 'missing servers', text: 'resolver:\n  name: r.example\n  address: 10.0.0.1\n', line: 1, message: "'servers' must be a list of name servers" },
    { name: 'servers not a list', text: 'servers: 3\n', line: 1, message: "'servers' must be a list of name servers" },
    { name: 'unknown top-level field', text: 'server: []\nservers: []\n', line: 1, message: "unknown field 'server' (known: resolver, servers, schedule, signed_zones)" },
    { name: 'a server that is not a mapping', text: 'servers:\n  - 3\n', line: 2, message: /each server must be a mapping/ },
    { name: 'missing address', text: 'servers:\n  - name: a.example\n    zones: [example]\n', line: 2, message: "'address' is missing (an IPv4 or IPv6 address)" },
    { name: 'bad address', text: server('    zones: [x]\n').replace('192.0.2.1', '192.0.2.300'), line: 3, message: 'address "192.0.2.300" is not an IPv4 or IPv6 address' },
    { name: 'missing name', text: 'servers:\n  - address: 192.0.2.1\n', line: 2, message: /'name' must be a host name/ },
    { name: 'bad name', text: 'servers:\n  - name: a..example\n    address: 192.0.2.1\n', line: 2, message: /label 2 is empty/ },
    { name: 'zones not a list', text: server('    zones: example\n'), line: 4, message: /'zones' must be a list of zone origins/ },
    { name: 'a zone that is not a name', text: server('    zones: [example, 3]\n'), line: 4, message: /zone 3 must be a name/ },
    { name: 'American spelling gets a hint', text: server('    behavior: up\n'), line: 4, message: "unknown field 'behavior' (spelled 'behaviour') (known: name, address, zones, behaviour, rtt_ms, udp_limit, inject, rrl, delay_ms)" },
    { name: 'rtt_ms negative', text: server('    rtt_ms: -5\n'), line: 4, message: 'rtt_ms -5 is not a whole number from 0 to 60000' },
    { name: 'udp_limit below 512', text: server('    udp_limit: 300\n'), line: 4, message: 'udp_limit 300 is not a whole number from 512 to 65535' },
    { name: 'duplicate server names', text: `${server('')}  - name: a.example\n    address: 192.0.2.2\n`, line: 4, message: 'server name a.example is already used on line 2' },
    { name: 'duplicate addresses', text: `${server('')}  - name: b.example\n    address: 192.0.2.1\n`, line: 5, message: 'address 192.0.2.1 is already used by server a.example' },
    { name: 'resolver sharing an address', text: `resolver:\n  name: r.example\n  address: 192.0.2.1\n${server('')}`, line: 6, message: 'address 192.0.2.1 is already used by the resolver r.example' },
    { name: 'resolver not a mapping', text: 'resolver: 10.0.0.1\nservers: []\n', line: 1, message: "'resolver' must be a mapping with a name and an address" },
    { name: 'too many aliases', text: `a: &a [x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(10).fill('*b').join(', ')}]\nservers: []\n`, line: 1, message: /^YAML: .*[Aa]lias/ },
  ];
  it.each(cases)('$name', ({ text, line, message }) => {
    const { errors } = parseServerMap(text);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({ file: 'servers.yaml', line });
    expect(errors[0]?.message).toMatch(message);
  });

  it('reports every bad server, not just the first', () => {
    const text = 'servers:\n  - name: a.example\n    address: x\n  - name: b.example\n    address: 192.0.2.2\n    behaviour: dead\n';
    const result = parseServerMap(text);
    expect(result.errors.map((e) => e.line)).toEqual([3, 6]);
    expect(result.servers).toEqual([]);
  });
});
