import type { AttackPlan } from '../attacks/attack-rounds.js';
import { bindRrl } from '../servers/rrl.js';
import type { ScenarioSetup } from './scenario-types.js';

// Zones signed under the signed root (servers.yaml's signed_zones), validation switched on as an operator does; which Extended
// DNS Error (if any) reaches the stub is the resolver's own. The wall clock is the signed world's, 2024-06-15 00:00 UTC.
const validating = (zones: string): string => `
resolver: { dnssec_validation: true }
signed_zones:
  - zone: "."
${zones}`;
// com, example.com and acme-widgets.com.
const signed = (acmeWidgets: string): string => validating(`  - zone: com\n  - zone: example.com\n  - zone: acme-widgets.com${acmeWidgets}\n`);
const SIGNED = signed('');
const EXPIRED = signed('\n    fault: expired-signatures');
// example.com signed online with compact answers (RFC 9824).
const COMPACT = validating('  - zone: com\n  - zone: example.com\n    denial: compact\n');
const NOPE = 'nope.example.com.';
// example.io (its *.example.io wildcard and the empty non-terminal b.example.io) signed with NSEC.
const WILDCARD = validating('  - zone: io\n  - zone: example.io\n');

const ATTACK: AttackPlan = {
  zone: 'bank-example.com', packetsPerSecond: 50_000, nsName: 'ns1.bank-example.com', address: '203.0.113.66',
  outOfBailiwick: { name: 'www.example.com', type: 'A', ttlSeconds: 86400, data: '203.0.113.66' },
  attackerAddress: '198.51.100.99', rounds: 40, startMs: 0, intervalMs: 250,
};
const ATTACKER_NS = { name: 'attacker\'s name server', address: '203.0.113.66', zone: 'bank-example.com', answerAddress: '203.0.113.66', forgeAll: true };
const VICTIM = { name: 'www.bank-example.com', type: 'A' as const };

/** The security scenarios of part two: DNSSEC, cache poisoning, bailiwick scrubbing, amplification. */
export const SECURITY_SCENARIOS: readonly ScenarioSetup[] = [
  {
    id: 'dnssec-valid', cardId: 'dnssec', seed: 1,
    title: 'DNSSEC: a signed zone validates, AD=1',
    description: 'The root, com and example.com are signed and the resolver validates. The referrals carry each child\'s DS record; the resolver asks each zone for its DNSKEY set, checks that the key matches the DS, then that the RRSIG over the answer was made by that key and has not expired. The stub gets AD=1. The cost: three DNSKEY queries the first time, none while the keys are cached.',
    query: { name: 'www.example.com', type: 'A' },
    resolvConf: { edns0: true },
    world: SIGNED,
    run: { report: 'dnssec' },
  },
  {
    id: 'dnssec-bogus-expired', cardId: 'dnssec', seed: 1,
    title: 'DNSSEC: an expired signature is SERVFAIL',
    description: 'acme-widgets.com is signed, but its signer stopped re-signing: every RRSIG expired a day ago. The chain from the root is intact, so the data is not insecure but bogus. The validating resolver answers SERVFAIL. Because the stub sends EDNS, the resolver may say why with an Extended DNS Error (RFC 8914): Unbound 1.17 sends none with its defaults, and 9, DNSKEY Missing, only with ede: yes; BIND 9.18 sends none; Knot Resolver sends 7, Signature Expired. This is how a forgotten re-signing job takes a whole domain offline.',
    query: { name: 'www.acme-widgets.com', type: 'A' },
    resolvConf: { edns0: true },
    world: EXPIRED,
    run: { report: 'dnssec' },
  },
  {
    id: 'dnssec-cd-bit', cardId: 'dnssec', seed: 1,
    title: 'DNSSEC: CD=1 returns the unvalidated data',
    description: 'The same broken acme-widgets.com, asked as `dig +cd` does: with Checking Disabled (CD=1) the resolver skips validation (RFC 4035 section 3.2.2) and hands over the data with AD=0. It makes no DNSKEY lookups. This is how an operator sees what a bogus zone contains, and why a client that sets CD must validate for itself.',
    query: { name: 'www.acme-widgets.com', type: 'A' },
    resolvConf: { edns0: true },
    queries: [{ name: 'www.acme-widgets.com', type: 'A', checkingDisabled: true }],
    world: EXPIRED,
    run: { report: 'dnssec' },
  },
  {
    id: 'compact-denial', cardId: 'compact-denial', seed: 1,
    title: 'Compact denial: a name that does not exist comes back NOERROR',
    description: 'example.com is signed online with compact denial of existence (RFC 9824): instead of NXDOMAIN and NSEC records that span the gap between two real names, its server says that nope.example.com exists with no data, NOERROR, and signs one NSEC owned by the name asked, whose next name is its immediate successor (\\000.nope.example.com) and whose types are RRSIG NSEC NXNAME. The validating resolver checks the signature and, knowing nothing of NXNAME, passes on NOERROR with AD=1 and caches NODATA for A and for AAAA, each on its own. The application gets "no address" rather than "no such name", and a minute later an MX question for the same name goes back to the server: no name-wide NXDOMAIN was cached.',
    query: { name: NOPE, type: 'A+AAAA' },
    resolvConf: { edns0: true },
    queries: [{ name: NOPE, type: 'A+AAAA' }, { name: NOPE, type: 'MX', atMs: 60_000 }],
    world: COMPACT,
    run: { report: 'dnssec' },
  },
  {
    id: 'wildcard-synthesis', cardId: 'wildcards', seed: 1,
    title: 'A wildcard answers, but not below an empty non-terminal',
    description: 'example.io has *.example.io A 203.0.113.96 and x.b.example.io A 203.0.113.97, so b.example.io exists with no records of its own (an empty non-terminal). anything.example.io is in no zone file, so the wildcard answers for it (RFC 4592): the server writes the record with the name asked as its owner. The zone is signed, so the RRSIG\'s labels field is 2, the wildcard\'s labels without the *, one less than the owner\'s 3, and an NSEC proves that anything.example.io itself does not exist (RFC 4035 section 3.1.3.3); the validator needs both before it sets AD. Then b.example.io: it exists, so the wildcard does not apply, and the answer is NODATA. Then a.b.example.io: its closest encloser is b.example.io, where there is no *.b.example.io, so *.example.io does not reach it, and the answer is NXDOMAIN (RFC 4592 section 2.2.2).',
    query: { name: 'anything.example.io.', type: 'A' },
    resolvConf: { edns0: true },
    queries: [{ name: 'anything.example.io.', type: 'A' }, { name: 'b.example.io.', type: 'A' }, { name: 'a.b.example.io.', type: 'A' }],
    world: WILDCARD,
    run: { report: 'dnssec' },
  },
  {
    id: 'poisoning-txid-only', cardId: 'cache-poisoning', seed: 1,
    title: 'Cache poisoning: only the 16-bit transaction id stands in the way',
    description: 'A resolver that sends every query from the same source port (as before 2008). The attacker makes it look up random names under bank-example.com and, in each 80 ms window, floods 4,000 forged answers claiming the zone\'s name server is 203.0.113.66. A forgery needs the right id (1 in 65,536) and server (1 in 2): P_s = 4000 / (2 x 65536), about 3% a round (RFC 5452 section 7). Within a few seconds one lands, and the victim\'s lookup of www.bank-example.com goes to the attacker.',
    query: VICTIM, queries: [{ ...VICTIM, atMs: 12_000 }],
    run: { resolver: { sourcePortRandomisation: false }, attack: ATTACK, rogueServers: [ATTACKER_NS], report: 'poisoning' },
  },
  {
    id: 'poisoning-port-random', cardId: 'cache-poisoning', seed: 1,
    title: 'Cache poisoning: random source ports make the race hopeless',
    description: 'The same attack against a resolver that picks a random source port for each query, as every resolver has since 2008 (RFC 5452 section 9.2). The attacker must now guess the port too, one of 64,512, so each round succeeds with about 1 in 2 million. The 40 rounds all fail, the report works out how long even odds would take, and the victim gets the bank\'s real address.',
    query: VICTIM, queries: [{ ...VICTIM, atMs: 12_000 }],
    run: { attack: ATTACK, rogueServers: [ATTACKER_NS], report: 'poisoning' },
  },
  {
    id: 'poisoning-0x20', cardId: 'cache-poisoning', seed: 1,
    title: 'Cache poisoning: 0x20 mixes the case of the name',
    description: 'A resolver with a fixed source port but 0x20 on (Unbound\'s use-caps-for-id, on by default in Knot Resolver): it writes each letter of the query name in random case, and a reply must echo it exactly. Each of the 15 letters of r0001.bank-example.com doubles what the attacker must guess, so 3% a round becomes about 1 in a million, and the poisoning fails without touching the ports.',
    query: VICTIM, queries: [{ ...VICTIM, atMs: 12_000 }],
    run: { resolver: { sourcePortRandomisation: false, caseRandomisation: true }, attack: ATTACK, rogueServers: [ATTACKER_NS], report: 'poisoning' },
  },
  {
    id: 'bailiwick-scrubbing', cardId: 'cache-poisoning', seed: 1,
    title: 'Bailiwick: records for other zones are thrown away',
    description: 'evil-example.net\'s own name server is run by an attacker. Its answer for www.evil-example.net is genuine, but it also slips "www.example.com A 203.0.113.66" into the additional section. The resolver asked about evil-example.net, so it keeps only records inside that zone and discards the rest (the bailiwick rule). A minute later, www.example.com is looked up at example.com\'s own servers and the answer is the real one.',
    query: { name: 'www.evil-example.net', type: 'A' },
    queries: [{ name: 'www.evil-example.net', type: 'A' }, { name: 'www.example.com', type: 'A', atMs: 60_000 }],
    run: { rogueServers: [{ name: 'ns1.evil-example.net', address: '203.0.113.66', zone: 'evil-example.net', answerAddress: '203.0.113.66', extraAdditional: [{ name: 'www.example.com', type: 'A', ttlSeconds: 86400, data: '203.0.113.66' }] }] },
  },
  {
    id: 'amplification-open-resolver', cardId: 'amplification-attacks', seed: 1,
    title: 'Amplification: an open resolver reflects big answers at a victim',
    description: 'An open Unbound 1.17 resolver answers anyone, and its max-udp-size was still 4096 bytes (1232 from Unbound 1.18.0). The attacker sends 30 small queries for big.example.com TXT with the victim\'s address as the source; each answer, about 32 times larger, goes to the victim. The report adds up the bytes in and out. A second of this from a thousand resolvers is a flood the victim cannot stop.',
    resolverNotes: {
      bind: 'BIND 9.18 caps its UDP answers at 1232 bytes (max-udp-size), so each 1.4 KB answer leaves truncated (TC=1, no records) and is no larger than the query: factor 1.',
      knot: 'Knot Resolver 5.6 caps its UDP answers at 1232 bytes, so each 1.4 KB answer leaves truncated (TC=1, no records) and is no larger than the query: factor 1.',
    },
    query: { name: 'www.example.com', type: 'A' },
    queries: [{ name: 'www.example.com', type: 'A', atMs: 2_000 }],
    run: { resolver: { ednsBufferBytes: 4096 }, reflection: { victimAddress: '203.0.113.99', name: 'big.example.com', type: 'TXT', queries: 30, startMs: 0, intervalMs: 20, ednsUdpPayloadBytes: 4096 }, report: 'amplification' },
  },
  {
    id: 'amplification-rrl', cardId: 'amplification-attacks', seed: 1,
    title: 'Amplification with response rate limiting (RRL)',
    description: 'The same reflection against a resolver with BIND\'s rate-limit { responses-per-second 5; } and the defaults slip 2 and window 15. After the first few answers the account for the victim\'s /24 is in debt: every second limited response "slips" out truncated (TC=1, no data, so a real client would retry over TCP) and the others are dropped. The factor collapses.',
    query: { name: 'www.example.com', type: 'A' },
    queries: [{ name: 'www.example.com', type: 'A', atMs: 2_000 }],
    run: { resolver: { ednsBufferBytes: 4096 }, rrl: bindRrl(5), reflection: { victimAddress: '203.0.113.99', name: 'big.example.com', type: 'TXT', queries: 30, startMs: 0, intervalMs: 20, ednsUdpPayloadBytes: 4096 }, report: 'amplification' },
  },
];
