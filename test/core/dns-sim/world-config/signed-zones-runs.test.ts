import { describe, expect, it } from 'vitest';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { withResolverConfig } from '../../../../src/core/dns-sim/world-config/resolver-config-options.js';
import { DEFAULT_RESOLV_CONF } from '../../../../src/core/dns-sim/world/resolv-conf.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { loadWith, serversYaml } from './config-fixture.js';

// The stub sends EDNS, so an Extended DNS Error can reach it (RFC 8914).
const CLIENT = { ...FIXED_RTT, resolvConf: { ...DEFAULT_RESOLV_CONF, nameservers: ['10.0.0.53'], edns0: true } };

function run(resolver: string, signed: string): SimulationResult {
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml(resolver, signed) });
  expect(errors).toEqual([]);
  return simulateSession(world, [{ name: 'www.example.com', type: 'A', atMs: 0 }], withResolverConfig(CLIENT, world.resolverConfig), 1);
}

// What the stub got: rcode, AD, and the EDE code or null; and the DS and DNSKEY queries the resolver sent (Knot's 0x20 case undone).
function ending(result: SimulationResult): { reply: [string, boolean, number | null]; chain: string[] } {
  const reply = result.events.find((event) => event.type === 'response-received' && event.from.role === 'resolver');
  if (reply?.type !== 'response-received') throw new Error('the stub got no reply');
  const chain = result.events.flatMap((event) => (event.type === 'query-sent' && ['DS', 'DNSKEY'].includes(event.message.question.type) ? [`${event.message.question.type} ${event.message.question.name.toLowerCase() || '.'}`] : []));
  return { reply: [reply.message.rcode, reply.message.flags.ad, reply.message.ede?.[0]?.code ?? null], chain };
}

const CHAIN = 'signed_zones:\n  - { zone: "." }\n  - { zone: com }\n';
const signedExample = (fault: string) => `${CHAIN}  - { zone: example.com${fault === 'no fault' ? '' : `, fault: ${fault}`} }\n`;
// BIND also looks up a.gtld-servers.net's address in net and validates it, which takes net's DS (none: net is unsigned).
const KEYS = { unbound: ['DNSKEY .', 'DNSKEY com', 'DNSKEY example.com'], bind: ['DNSKEY .', 'DS net', 'DNSKEY com', 'DNSKEY example.com'], knot: ['DNSKEY .', 'DNSKEY com', 'DNSKEY example.com'] };
const NO_DS = { unbound: ['DNSKEY .', 'DNSKEY com', 'DS example.com'], bind: ['DNSKEY .', 'DS net', 'DNSKEY com', 'DS example.com'], knot: ['DNSKEY .', 'DNSKEY com', 'DS example.com'] };

describe('a signed zone of a user world, under each resolver personality', () => {
  it.each<[string, string, 'unbound' | 'bind' | 'knot', string, [string, boolean, number | null], string[]]>([
    ['valid', 'no fault', 'unbound', 'defaults', ['NOERROR', true, null], KEYS.unbound],
    ['valid', 'no fault', 'bind', 'defaults', ['NOERROR', true, null], KEYS.bind],
    ['valid', 'no fault', 'knot', 'defaults', ['NOERROR', true, null], KEYS.knot],
    // The measured endings of an expired zone (docs/resolvers.md): Unbound and BIND send no EDE, Knot 7, Unbound with ede: yes 9.
    ['expired signatures', 'expired-signatures', 'unbound', 'defaults', ['SERVFAIL', false, null], KEYS.unbound],
    ['expired signatures', 'expired-signatures', 'unbound', 'ede: true', ['SERVFAIL', false, 9], KEYS.unbound],
    ['expired signatures', 'expired-signatures', 'bind', 'defaults', ['SERVFAIL', false, null], KEYS.bind],
    ['expired signatures', 'expired-signatures', 'knot', 'defaults', ['SERVFAIL', false, 7], KEYS.knot],
    // No DS in a signed parent is an insecure delegation, not a failure: the answer, without AD, after the DS query proved it absent.
    ['a missing DS', 'missing-ds', 'unbound', 'ede: true', ['NOERROR', false, null], NO_DS.unbound],
    ['a missing DS', 'missing-ds', 'bind', 'defaults', ['NOERROR', false, null], NO_DS.bind],
    ['a missing DS', 'missing-ds', 'knot', 'defaults', ['NOERROR', false, null], NO_DS.knot],
    // A DS whose key tag no DNSKEY has: bogus, reported as DNSKEY Missing where a program reports DNSSEC failures at all.
    ['a DS that matches no key', 'ds-mismatch', 'unbound', 'defaults', ['SERVFAIL', false, null], KEYS.unbound],
    ['a DS that matches no key', 'ds-mismatch', 'unbound', 'ede: true', ['SERVFAIL', false, 9], KEYS.unbound],
    ['a DS that matches no key', 'ds-mismatch', 'bind', 'defaults', ['SERVFAIL', false, null], KEYS.bind],
    ['a DS that matches no key', 'ds-mismatch', 'knot', 'defaults', ['SERVFAIL', false, 9], KEYS.knot],
  ])('%s (%s) ends under %s with %s as the program ends it', (_name, fault, personality, settings, reply, chain) => {
    const ede = settings === 'ede: true' ? '  ede: true\n' : '';
    expect(ending(run(`  personality: ${personality}\n${ede}`, signedExample(fault)))).toEqual({ reply, chain });
  });

  it('with validation off, the expired zone is answered without AD and no key is fetched', () => {
    expect(ending(run('  dnssec_validation: false\n', signedExample('expired-signatures')))).toEqual({ reply: ['NOERROR', false, null], chain: [] });
  });

  it.each<[string, string, [string, boolean, number | null], string[]]>([
    ['trusting example.com\'s key, validates it with AD and asks only for its keys', '  trust_anchor: example.com\n', ['NOERROR', true, null], ['DNSKEY example.com']],
    ['with the default root anchor, finds the root unsigned and answers without AD', '', ['NOERROR', false, null], []],
  ])('below an unsigned root, a validator %s', (_name, resolver, reply, chain) => {
    expect(ending(run(resolver, 'signed_zones:\n  - { zone: example.com }\n'))).toEqual({ reply, chain });
  });

  it('a trust anchor on a zone with expired signatures fails there, not above it', () => {
    expect(ending(run('  personality: knot\n  trust_anchor: example.com\n', 'signed_zones:\n  - { zone: example.com, fault: expired-signatures }\n'))).toEqual({ reply: ['SERVFAIL', false, 7], chain: ['DNSKEY example.com'] });
  });
});
