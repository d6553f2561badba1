import type { QuerySentEvent, ResolutionEvent, ResponseReceivedEvent } from '../../../../src/core/dns-sim/events.js';
import { simulateSession, type SessionQuery, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { FIXED_RTT, TEST_FILES, testWorld } from '../sim-fixture.js';

/** The test world plus a delegation whose only name server lies inside it and has no glue ("missing glue"), and a 4 s record. */
export const WALK_WORLD = testWorld({
  'com.zone': `${TEST_FILES['com.zone']}noglue NS ns1.noglue.com.\n`,
  'example.com.zone': `${TEST_FILES['example.com.zone']}short 4 A 203.0.113.44\n`,
});

/** Runs questions on one resolver personality (seed 1, fixed round trips). */
export function walk(personality: 'unbound' | 'bind' | 'knot', queries: SessionQuery[]): SimulationResult {
  return simulateSession(WALK_WORLD, queries, { ...FIXED_RTT, personality }, 1);
}

const isUpstream = (event: ResolutionEvent): event is QuerySentEvent => event.type === 'query-sent' && event.from.role === 'resolver';

/** The resolver's upstream queries of one question, in order, as "server name type" (lowercase: Knot's 0x20; "tcp" for TCP; root priming left out). */
export function upstream(result: SimulationResult, queryIndex = 0): string[] {
  return result.events
    .filter(isUpstream)
    .filter((event) => event.queryIndex === queryIndex && !(event.message.question.name === '' && event.message.question.type === 'NS'))
    .map((event) => `${event.to.name} ${event.transport === 'tcp' ? 'tcp ' : ''}${event.message.question.name.toLowerCase().replace(/\.$/, '') || '.'} ${event.message.question.type}`);
}

/** The TTLs in the resolver's answers to the stub for one question: answer records, then the SOA of a negative answer. */
export function answeredTtls(result: SimulationResult, queryIndex = 0): number[] {
  return result.events
    .filter((event): event is ResponseReceivedEvent => event.type === 'response-received' && event.from.role === 'resolver' && event.queryIndex === queryIndex)
    .flatMap((event) => [...event.message.answer, ...event.message.authority].map((record) => record.ttlSeconds));
}
