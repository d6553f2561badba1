import { describe, expect, it } from 'vitest';
import { simulateResolution } from '../../../../src/core/dns-sim/simulate.js';
import { TEST_FILES, FIXED_RTT, testWorld } from '../sim-fixture.js';

const NS_COUNT = 2000;
const nsLines = (owner: string, target: (i: number) => string) => Array.from({ length: NS_COUNT }, (_, i) => `${owner} NS ${target(i)}`).join('\n');
// wide.com is delegated to 2,000 names in hoster.net that exist but have no address (NODATA): the NXNSAttack's
// shape, a referral that makes the resolver chase many names. (NODATA, not NXDOMAIN, so Unbound's separate cap on
// NXDOMAIN lookups, MAX_TARGET_NX, which the simulator does not model, stays out of the way.)
const nxnsWorld = testWorld({
  'com.zone': `${TEST_FILES['com.zone']}${nsLines('wide', (i) => `nx${i}.hoster.net.`)}\n`,
  'hoster.net.zone': `${TEST_FILES['hoster.net.zone']}${Array.from({ length: NS_COUNT }, (_, i) => `nx${i} TXT "no address"`).join('\n')}\n`,
});
// many.com is delegated to 2,000 names with glue, all at ns1.example.com's address, which serves many.com: the
// referral is 2,000 NS and 2,000 A records, more than 65,535 bytes, so the glue that does not fit is left out over TCP.
const glueWorld = testWorld({
  'com.zone': `${TEST_FILES['com.zone']}${nsLines('many', (i) => `x${i}.many.com.`)}\n${Array.from({ length: NS_COUNT }, (_, i) => `x${i}.many A 192.0.2.1`).join('\n')}\n`,
  'many.com.zone': `$ORIGIN many.com.\n$TTL 3600\n@ SOA x0 hostmaster 1 7200 3600 1209600 300\n${nsLines('@', (i) => `x${i}`)}\n${Array.from({ length: NS_COUNT }, (_, i) => `x${i} A 192.0.2.1`).join('\n')}\nwww A 203.0.113.30\n`,
  'servers.yaml': TEST_FILES['servers.yaml']!.replace('zones: [example.com] }', 'zones: [example.com, many.com] }'),
});

const chasedNames = (result: ReturnType<typeof simulateResolution>): Set<string> =>
  new Set(result.events.flatMap((event) => (event.type === 'query-sent' && /^nx\d+\.hoster\.net$/i.test(event.message.question.name) ? [event.message.question.name.toLowerCase()] : [])));

describe('the NS names a resolver chases per referral are capped, as each program caps them (NXNSAttack)', () => {
  it.each([
    // Unbound 1.17.1 MAX_DP_TARGET_COUNT: a lookup is refused once 16 were made, so 17.
    ['unbound', 17],
    // BIND 9.18 NS_FAIL_LIMIT: no fetch once more than 4 names had no address, in a set of more than NS_RR_LIMIT (5).
    ['bind', 5],
    // Knot Resolver 5.6 KR_COUNT_NO_NSADDR_LIMIT: 5 lookups in a row without a server to ask.
    ['knot', 5],
  ] as const)('%s looks up at most %i of 2,000 NS names and answers SERVFAIL', (personality, cap) => {
    const result = simulateResolution(nxnsWorld, { name: 'www.wide.com', type: 'A' }, { ...FIXED_RTT, personality }, 1);
    expect(chasedNames(result).size).toBe(cap);
    expect(result.outcomes[0]!.status).not.toBe('answer');
  });

  it('BIND uses only the first 20 NS names of a delegation (NS_PROCESSING_LIMIT) and says so', () => {
    const result = simulateResolution(glueWorld, { name: 'www.many.com', type: 'A' }, { ...FIXED_RTT, personality: 'bind' }, 1);
    const note = result.events.find((event) => event.type === 'cache-stored' && /uses the first 20 of 2000 NS names/.test(event.explanation));
    expect(note?.explanation).toContain('BIND NS_PROCESSING_LIMIT');
  });

  it.each(['unbound', 'bind', 'knot'] as const)('%s resolves a name under 2,000 NS, writing each referral once per response', (personality) => {
    const result = simulateResolution(glueWorld, { name: 'www.many.com', type: 'A' }, { ...FIXED_RTT, personality }, 1);
    expect(result.outcomes[0]!.addresses).toEqual(['203.0.113.30']);
    const referrals = result.events.filter((event) => event.type === 'response-received' && event.message.authority.length >= 20 && event.message.question.name.toLowerCase().endsWith('many.com'));
    expect(referrals.length).toBeGreaterThan(0);
    expect(result.work.responseEncodes).toBe(result.work.responses);
  });
});
