import { describe, expect, it } from 'vitest';
import { simulateSession, type SessionQuery, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import type { World } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, TEST_FILES } from '../sim-fixture.js';
import { loadWith, serversYaml } from './config-fixture.js';
import { misbehavingServers } from './misbehaviour-fixture.js';

// A record with TTL 0, so every question about it goes to example.com's servers and meets their rate limit.
const EXAMPLE_WITH_ZERO = `${TEST_FILES['example.com.zone']!}zero 0 A 203.0.113.30\n`;

function world(servers: string, zones: Record<string, string> = {}): World {
  const { world: loaded, errors } = loadWith({ 'servers.yaml': servers, 'example.com.zone': EXAMPLE_WITH_ZERO, ...zones });
  expect(errors).toEqual([]);
  return loaded;
}

const ask = (name: string, atMs: number): SessionQuery => ({ name, type: 'A', atMs });
const run = (w: World, queries: SessionQuery[]): SimulationResult => simulateSession(w, queries, FIXED_RTT, 1);
const answers = (result: SimulationResult) => result.outcomes.map((outcome) => [outcome.status, outcome.addresses]);
const cachedRecords = (result: SimulationResult) => result.events.flatMap((event) => (event.type === 'cache-stored' ? event.cache.flatMap((op) => (op.records ?? []).map((record) => `${record.name} ${record.type} ${record.data}`)) : []));
// example.com delegated to ns1 alone, so the resolver's retries all meet its rate limit.
const ONLY_NS1 = {
  'com.zone': TEST_FILES['com.zone']!.replace('example NS ns2.example.com.\n', ''),
  'example.com.zone': EXAMPLE_WITH_ZERO.replace('@ NS ns2\n', ''),
};
const limitedWorld = (slip: number): World => world(misbehavingServers('ns1', `    rrl: { rate: 1, slip: ${slip} }\n`), ONLY_NS1);

/** What ns1.example.com did with each query about zero.example.com: answered, dropped (the resolver timed out), truncated, or answered over TCP. */
function ns1Replies(result: SimulationResult): string[] {
  return result.events.flatMap((event) => {
    if (event.type === 'query-timed-out' && event.to.name === 'ns1.example.com') return ['timeout'];
    if (event.type !== 'response-received' || event.from.name !== 'ns1.example.com' || event.message.question.name !== 'zero.example.com') return [];
    if (event.transport === 'tcp') return ['tcp answer'];
    return [event.message.flags.tc ? 'TC' : 'ok'];
  });
}
const zeroAsks = Array.from({ length: 4 }, (_, k) => ask('zero.example.com', k * 100));

describe('a misbehaving authoritative server in a run', () => {
  const poisoned = world(misbehavingServers('hoster', '    inject: ["www.example.com. 86400 A 203.0.113.66"]\n'));
  const questions = [ask('www.sibling.com', 0), ask('www.example.com', 1000)];

  it('offers out-of-bailiwick records in its answers; the resolver discards them, caches none, and the answers stay those of the honest world', () => {
    const result = run(poisoned, questions);
    const offered = result.events.filter((event) => event.type === 'response-received' && event.from.name === 'ns1.hoster.net');
    expect(offered.length).toBeGreaterThan(0);
    for (const event of offered) {
      expect(event.type === 'response-received' && event.message.additional.map((record) => `${record.name} ${record.type} ${record.data}`)).toContain('www.example.com A 203.0.113.66');
      expect(event.explanation).toContain('ns1.hoster.net slips in www.example.com A 203.0.113.66, out of its bailiwick: a poisoning attempt');
    }
    const discards = result.events.filter((event) => event.type === 'cache-stored' && event.explanation.includes('discarded www.example.com. A: outside'));
    expect(discards.length).toBe(offered.length);
    expect(cachedRecords(result).filter((record) => record.includes('203.0.113.66'))).toEqual([]);
    expect(answers(result)).toEqual(answers(run(world(serversYaml('')), questions)));
    expect(answers(result)).toEqual([['answer', ['203.0.113.20']], ['answer', ['203.0.113.10']]]);
  });

  // ns1.example.com, example.com's only server here, limited to 1 response per second.
  it.each<[string, number, string[]]>([
    ['slip 2: each limited question\'s first answer is dropped, its retry slips out truncated, and the resolver asks again over TCP', 2, [
      'ok', 'timeout', 'TC', 'tcp answer', 'timeout', 'TC', 'tcp answer', 'timeout', 'TC', 'tcp answer',
    ]],
    ['slip 1: every limited answer slips out truncated and is asked again over TCP', 1, ['ok', 'TC', 'tcp answer', 'TC', 'tcp answer', 'TC', 'tcp answer']],
  ])('rate limits its UDP answers with %s', (_name, slip, expected) => {
    const result = run(limitedWorld(slip), zeroAsks);
    expect(ns1Replies(result)).toEqual(expected);
    expect(result.events.some((event) => event.type === 'query-timed-out' && event.explanation.includes('RRL: over 1 responses per second'))).toBe(slip === 2);
    expect(answers(result)).toEqual(zeroAsks.map(() => ['answer', ['203.0.113.30']]));
  });

  it('rate limits with slip 0: limited answers are only dropped, never truncated, so nothing moves to TCP until credit returns', () => {
    const result = run(limitedWorld(0), zeroAsks);
    const seen = ns1Replies(result);
    expect(seen[0]).toBe('ok');
    expect(seen.filter((reply) => reply === 'timeout').length).toBeGreaterThan(3);
    expect(seen.filter((reply) => reply === 'TC' || reply === 'tcp answer')).toEqual([]);
    const timeouts = result.events.filter((event) => event.type === 'query-timed-out' && event.to.name === 'ns1.example.com');
    expect(timeouts.every((event) => event.explanation.includes('RRL: over 1 responses per second to 10.0.0.0/24: dropped'))).toBe(true);
  });

  it.each<[number, string, string[]]>([
    [300, 'its answers, once its timeout has grown past them, stay in the band Unbound picks from', ['ns1.example.com', 'ns1.example.com', 'ns1.example.com', 'ns2.example.com', 'ns2.example.com']],
    [1000, 'every question it is tried for times out and is answered by the other server', ['ns1.example.com', 'ns1.example.com', 'ns1.example.com', 'ns1.example.com', 'ns1.example.com']],
  ])('a server %i ms slow answers that much after the round trip; %s', (delayMs, _name, expectedAnswers) => {
    const slow = world(misbehavingServers('ns2', `    delay_ms: ${delayMs}\n`));
    const result = run(slow, Array.from({ length: 5 }, (_, k) => ask('zero.example.com', k * 2000)));
    const trips = result.events.flatMap((event) => (event.type === 'query-sent' && event.message.question.name === 'zero.example.com' && event.from.name === 'resolver.test' ? [[event.timeMs, event.to.name]] : []));
    const toSlow = trips.filter(([, name]) => name === 'ns2.example.com').map(([timeMs]) => timeMs as number);
    const fromSlow = result.events.flatMap((event) => (event.type === 'response-received' && event.from.name === 'ns2.example.com' ? [event.timeMs] : []));
    // The fixed 100 ms round trip to an authoritative server, plus the delay.
    expect(fromSlow).toEqual(toSlow.map((timeMs) => timeMs + 100 + delayMs));
    expect(trips[0]).toEqual([81, 'ns1.example.com']);
    const answeredBy = result.events.flatMap((event) => (event.type === 'response-received' && !event.late && event.message.question.name === 'zero.example.com' && event.to.name === 'resolver.test' ? [event.from.name] : []));
    expect(answeredBy).toEqual(expectedAnswers);
    expect(answers(result)).toEqual(Array.from({ length: 5 }, () => ['answer', ['203.0.113.30']]));
  });
});

describe('misbehaviours together on one server', () => {
  it('an answer within the rate limit still says what the server slipped in and how late it was', () => {
    const both = world(misbehavingServers('hoster', '    inject: ["www.example.com. 86400 A 203.0.113.66"]\n    rrl: { rate: 5 }\n    delay_ms: 50\n'));
    const answer = run(both, [ask('www.sibling.com', 0)]).events.find((event) => event.type === 'response-received' && event.from.name === 'ns1.hoster.net');
    expect(answer?.explanation).toContain('ns1.hoster.net slips in www.example.com A 203.0.113.66, out of its bailiwick: a poisoning attempt; ns1.hoster.net is slow: it answers 50 ms after the query arrives; RRL: within 5 responses per second');
  });
});
