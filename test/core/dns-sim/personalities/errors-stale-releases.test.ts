import { describe, expect, it } from 'vitest';
import { findPersonality } from '../../../../src/core/dns-sim/personalities/index.js';
import { keyTagQueryName } from '../../../../src/core/dns-sim/resolver/key-tag-query.js';
import type { ResolverOptions } from '../../../../src/core/dns-sim/resolver/resolver-options.js';
import { resolverOptionsFor } from '../../../../src/core/dns-sim/simulate.js';
import { keyTagOf } from '../../../../src/core/dns-sim/world/dnssec-model.js';
import { findScenario, scenarioRun } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';
import { replies, scenarioUnder, upstream } from './scenario-under.js';

type Id = 'unbound' | 'bind' | 'knot';
const run = await scenarioUnder();
const world = await loadWorldFolder(bundledWorldDir());

describe('the Extended DNS Error each resolver sends for expired RRSIGs (scenario dnssec-bogus-expired)', () => {
  it.each([
    // Measured: Unbound 1.17.1 with its defaults (ede: no) sent no EDE.
    ['unbound', {}, undefined],
    // Measured: Unbound 1.17.1 with ede: yes sent EDE 9, DNSKEY Missing, with "... while building chain of trust".
    ['unbound', { extendedErrors: 'all' }, { code: 9, name: 'DNSKEY Missing', text: expect.stringMatching(/RRSIG over acme-widgets\.com\. DNSKEY expired .* while building chain of trust$/) as string }],
    // Measured: BIND 9.18.49 sent no EDE.
    ['bind', {}, undefined],
    // Measured: Knot Resolver 5.6.0 sent EDE 7, Signature Expired.
    ['knot', {}, { code: 7, name: 'Signature Expired' }],
  ] as [Id, Partial<ResolverOptions>, object | undefined][])('%s %j: SERVFAIL with EDE %j', (id, operator, ede) => {
    const result = run('dnssec-bogus-expired', id, operator);
    const reply = replies(result.events).find((event) => event.to.role === 'stub')!;
    expect(reply.message.rcode).toBe('SERVFAIL');
    if (ede) expect(reply.message.ede).toEqual([expect.objectContaining(ede)]);
    else expect(reply.message.ede).toBeUndefined();
    expect(result.outcomes[0]!.status).toBe('servfail');
  });

  it.each(['unbound', 'bind', 'knot'] as const)('%s: no scenario of DNSSEC or serve-stale shows an EDE the program does not send', (id) => {
    // Knot also sends 22, No Reachable Authority, when its time limit ends a request (measured, 5.6.0): in serve-stale, a
    // wait for the second dead server that ends past 10 s.
    const sends: Record<string, number[]> = { unbound: [], bind: [3], knot: [3, 6, 7, 9, 10, 22] };
    for (const scenario of ['dnssec-valid', 'dnssec-bogus-expired', 'dnssec-cd-bit', 'serve-stale']) {
      const codes = replies(run(scenario, id).events).flatMap((event) => (event.message.ede ?? []).map((error) => error.code));
      expect(codes.filter((code) => !sends[id]!.includes(code)), `${id} ${scenario}`).toEqual([]);
    }
  });
});

describe('the RFC 8145 key-tag query while validating (scenario dnssec-valid)', () => {
  // The root's keys are drawn from the run's seed: the signal names the root KSK of the scenario's own seed.
  const valid = scenarioRun(findScenario('dnssec-valid')!, world, {});
  const anchor = keyTagQueryName([keyTagOf({ ...valid.options.dnssec!, keySeed: valid.seed }, '', true)]);
  it('is named for the root trust anchor\'s key tag in four hex digits, tags ascending', () => {
    expect(anchor).toMatch(/^_ta-[0-9a-f]{4}$/);
    expect(keyTagQueryName([20326, 38696])).toBe('_ta-4f66-9728');
  });

  it.each([
    // Measured: Unbound 1.17.1 sent it (beside the root DNSKEY query, validator.c prime_trust_anchor). Its QNAME
    // minimisation hides the type one label below the zone cut (iterator.c processQueryTargets: labdiff 1, qtype not A
    // or DS, so qinfo_out.qtype stays A), and the root's signed NXDOMAIN ends the query there (iq->dnssec_expected).
    ['unbound', 'with', 'A'],
    // Measured: Knot Resolver 5.6.0 sent it (after the root DNSKEY answer, modules/ta_signal_query).
    ['knot', 'after', 'NULL'],
    // Measured: BIND 9.18.49 did not, in the walk (its trust-anchor-telemetry runs from a timer).
    ['bind', 'none', undefined],
  ] as const)('%s sends _ta-xxxx to the root: %s the root DNSKEY query, as type %s', (id, when, type) => {
    const sent = upstream(run('dnssec-valid', id).events);
    const signal = sent.filter((event) => event.message.question.name.toLowerCase().startsWith('_ta-'));
    if (when === 'none') {
      expect(signal).toEqual([]);
      return;
    }
    expect(signal).toHaveLength(1);
    expect(signal[0]!.message.question.name.toLowerCase()).toBe(anchor);
    expect(signal[0]!.message.question.type).toBe(type);
    expect(signal[0]!.to.role).toBe('root');
    const dnskey = sent.find((event) => event.message.question.type === 'DNSKEY' && event.message.question.name === '')!;
    if (when === 'with') expect(signal[0]!.timeMs).toBe(dnskey.timeMs);
    else expect(signal[0]!.timeMs).toBeGreaterThan(dnskey.timeMs);
    expect(run('dnssec-valid', id).outcomes[0]).toMatchObject({ status: 'answer', authenticated: true });
  });
});

describe('NSD\'s EDE 20 on a lame REFUSED (scenario lame-delegation)', () => {
  it.each(['unbound', 'bind', 'knot'] as const)('%s receives REFUSED with EDE 20 from the lame server and passes no upstream EDE to its client', (id) => {
    // ede: yes for Unbound and 'all' for the others: even a resolver that sends every EDE it has does not forward NSD's.
    const result = run('lame-delegation', id, { extendedErrors: 'all' });
    const refused = result.events.filter((event) => event.type === 'response-received' && event.kind === 'refused' && event.to.role === 'resolver');
    const answers = replies(result.events);
    // The Unbound walk does not reach the lame server with this seed (moments.test.ts NOT_IN_WALK).
    if (id !== 'unbound') expect(refused.length).toBeGreaterThan(0);
    for (const event of refused) expect(event.type === 'response-received' && event.message.ede).toEqual([{ code: 20, name: 'Not Authoritative' }]);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.flatMap((event) => event.message.ede ?? [])).toEqual([]);
  });
});

describe('the releases modelled, and the defaults that differ from later ones', () => {
  it.each([
    ['unbound', 'Unbound 1.17.1', 4096, 'A', { replyTtlSeconds: 30, maxStaleSeconds: 0, clientResponseTimerMs: 1800, staleAnswerEde: false }],
    ['bind', 'BIND 9.18.49', 1232, 'NS', { replyTtlSeconds: 30, maxStaleSeconds: 86400, refreshRetrySeconds: 30, clientResponseTimerMs: 1800, staleAnswerEde: true }],
    ['knot', 'Knot Resolver 5.6.0', 1232, 'NS', { replyTtlSeconds: 1, maxStaleSeconds: 86400, clientResponseTimerMs: 3000, timerChecked: 'at-next-query', staleAnswerEde: true }],
  ] as const)('%s is %s: max-udp-size %i, minimised queries %s, serve-stale values %j', (id, name, maxUdp, qminType, stale) => {
    expect(findPersonality(id)!.name).toBe(name);
    const options = resolverOptionsFor({ personality: id });
    expect(options.maxUdpSizeBytes).toBe(maxUdp);
    expect(options.minimisedQueryType).toBe(qminType);
    expect(options.serveStaleProfile).toMatchObject(stale);
    expect(options.serveStale).toBe(false);
  });

  it.each([
    // Measured: Unbound 1.17.1 (max-udp-size 4096 until 1.18.0) sent a 3 KB answer to the victim over UDP.
    ['unbound', 'answer'],
    // BIND 9.18 (max-udp-size 1232) and Knot 5.6 (net.bufsize 1232) send a truncated reply instead.
    ['bind', 'truncated'],
    ['knot', 'truncated'],
  ] as const)('amplification-open-resolver under %s: the victim gets a UDP %s', (id, kind) => {
    const toVictim = replies(run('amplification-open-resolver', id).events).filter((event) => event.to.address === '203.0.113.99');
    expect(toVictim).toHaveLength(30);
    expect(new Set(toVictim.map((event) => event.kind))).toEqual(new Set([kind]));
    expect(toVictim.every((event) => event.transport === 'udp')).toBe(true);
    if (kind === 'answer') expect(Math.min(...toVictim.map((event) => event.message.sizeBytes))).toBeGreaterThan(1232);
    else expect(Math.max(...toVictim.map((event) => event.message.sizeBytes))).toBeLessThanOrEqual(1232);
  });
});
