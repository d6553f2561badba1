import { describe, expect, it } from 'vitest';
import type { ResolverConfig } from '../../../../src/core/dns-sim/world/world.js';
import { loadWith, serversYaml } from './config-fixture.js';

const load = (resolver: string) => loadWith({ 'servers.yaml': serversYaml(resolver) });

describe('resolver configuration in servers.yaml', () => {
  it.each<[string, string, ResolverConfig | undefined]>([
    ['nothing but a name and an address', '', undefined],
    ['a personality, QNAME minimisation off and EDE on', '  personality: bind\n  qname_minimisation: false\n  ede: true\n', { personality: 'bind', qnameMinimisation: false, ede: true, forwardZones: [], stubZones: [] }],
    ['serve-stale on with the program defaults', '  serve_stale: true\n', { serveStale: { program: 'unbound', profile: {} }, forwardZones: [], stubZones: [] }],
    ['serve-stale off', '  serve_stale: false\n', { serveStale: false, forwardZones: [], stubZones: [] }],
    ['Unbound serve-expired settings', '  serve_stale:\n    serve-expired-ttl: 3600\n    serve-expired-client-timeout: 0\n    ede-serve-expired: true\n', {
      serveStale: { program: 'unbound', profile: { maxStaleSeconds: 3600, clientResponseTimerMs: 0, staleAnswerEde: true } }, forwardZones: [], stubZones: [],
    }],
    ['BIND stale-answer settings', '  personality: bind\n  serve_stale:\n    stale-answer-ttl: 5\n    stale-answer-client-timeout: off\n    stale-refresh-time: 0\n', {
      personality: 'bind', serveStale: { program: 'bind', profile: { replyTtlSeconds: 5, clientResponseTimerMs: 'off', refreshRetrySeconds: 0 } }, forwardZones: [], stubZones: [],
    }],
    ['forward and stub zones, names normalised and addresses deduplicated', '  forward_zones:\n    - { zone: Cluster.Local., addresses: [10.96.0.10, 10.96.0.10] }\n    - { zone: ".", addresses: ["2001:DB8::1"] }\n  stub_zones:\n    - { zone: corp.example, addresses: [192.0.2.53] }\n', {
      forwardZones: [{ zone: 'cluster.local', addresses: ['10.96.0.10'] }, { zone: '', addresses: ['2001:db8::1'] }], stubZones: [{ zone: 'corp.example', addresses: ['192.0.2.53'] }],
    }],
    ['DNS64 with the Well-Known Prefix', '  dns64: true\n', { dns64: { text: '64:ff9b::/96', octets: [0, 0x64, 0xff, 0x9b, ...new Array<number>(12).fill(0)], length: 96 }, forwardZones: [], stubZones: [] }],
    ['DNS64 off', '  dns64: false\n', { forwardZones: [], stubZones: [] }],
  ])('reads %s', (_name, resolver, expected) => {
    const { world, errors } = load(resolver);
    expect(errors).toEqual([]);
    expect(world.resolverConfig).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['an unknown key', '  qname_minimization: false\n', ["servers.yaml:4: unknown field 'qname_minimization' (known: name, address, personality, qname_minimisation, ede, serve_stale, forward_zones, stub_zones, dnssec_validation, trust_anchor, dns64)"]],
    ['a personality that is not modelled', '  personality: powerdns\n', ['servers.yaml:4: personality "powerdns" is not unbound, bind or knot']],
    ['a switch written as yes', '  ede: "yes"\n', ['servers.yaml:4: ede "yes" must be true or false']],
    ['another program\'s serve-stale setting', '  serve_stale:\n    stale-answer-ttl: 30\n', ["servers.yaml:5: unknown serve-stale setting 'stale-answer-ttl' for Unbound ('stale-answer-ttl' is BIND's; set personality: bind to use it) (known: serve-expired-ttl, serve-expired-reply-ttl, serve-expired-client-timeout, ede-serve-expired)"]],
    ['a Knot serve_stale setting', '  personality: knot\n  serve_stale:\n    timeout: 3000\n', ["servers.yaml:6: unknown serve-stale setting 'timeout' for Knot Resolver (known: none: Knot Resolver's serve_stale module has no settings, write serve_stale: true)"]],
    ['a setting out of range', '  personality: bind\n  serve_stale:\n    stale-answer-ttl: 0\n', ['servers.yaml:6: stale-answer-ttl 0 is not a whole number from 1 to 2147483647']],
    ['serve_stale as a word', '  serve_stale: yes\n', ["servers.yaml:4: 'serve_stale' must be true, false, or a mapping of the resolver program's own serve-stale settings"]],
    ['forward zones that are not a list', '  forward_zones: cluster.local\n', ["servers.yaml:4: 'forward_zones' must be a list of {zone, addresses}"]],
    ['a forward zone without addresses', '  forward_zones:\n    - { zone: cluster.local, addresses: [] }\n', ["servers.yaml:5: 'addresses' must be a list of 1 to 13 IP addresses"]],
    ['a forwarder that is not an address', '  forward_zones:\n    - { zone: cluster.local, addresses: [kube-dns] }\n', ['servers.yaml:5: address "kube-dns" is not an IPv4 or IPv6 address']],
    ['an unknown key in a forward zone', '  forward_zones:\n    - { zone: cluster.local, addresses: [10.96.0.10], forward_first: true }\n', ["servers.yaml:5: unknown field 'forward_first' (known: zone, addresses)"]],
    ['a bad zone name', '  stub_zones:\n    - { zone: "a..example", addresses: [192.0.2.53] }\n', ["servers.yaml:5: name 'a..example.': RFC 1035 3.1: label 2 is empty (two dots in a row, or a leading dot); only the root has an empty label"]],
    ['a zone listed twice', '  forward_zones:\n    - { zone: cluster.local, addresses: [10.96.0.10] }\n    - { zone: cluster.local., addresses: [10.96.0.11] }\n', ["servers.yaml:6: zone cluster.local is listed twice in 'forward_zones'"]],
    ['a zone both forwarded and stubbed', '  forward_zones:\n    - { zone: corp.example, addresses: [10.96.0.10] }\n  stub_zones:\n    - { zone: corp.example, addresses: [192.0.2.53] }\n', ['servers.yaml:7: zone corp.example is both a forward zone and a stub zone']],
    ['DNS64 as a word', '  dns64: on\n', ['servers.yaml:4: dns64 "on" must be true, false or a NAT64 prefix such as "64:ff9b::/96"']],
    ['a DNS64 prefix of a length RFC 6052 does not allow', '  dns64: "64:ff9b::/80"\n', ['servers.yaml:4: prefix length /80 is not one RFC 6052 section 2.2 allows (/32, /40, /48, /56, /64, /96)']],
  ])('refuses %s, naming the file, the line and the rule', (_name, resolver, expected) => {
    expect(load(resolver).errors).toEqual(expected);
  });
});
