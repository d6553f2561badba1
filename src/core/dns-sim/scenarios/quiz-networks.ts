import type { ResolutionEvent } from '../events.js';
import { lastCacheCheck } from './moment-events.js';
import { moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const toStub = (event: ResolutionEvent) => event.from.role === 'resolver' && event.to.role === 'stub';
const resolverAsks = (event: ResolutionEvent) => event.type === 'query-sent' && event.from.role === 'resolver';
const question = (event: ResolutionEvent): string => (event.type === 'query-sent' || event.type === 'response-received' ? event.message.question.name.toLowerCase().replace(/\.$/, '') : '');
const firstAnswer = (event: ResolutionEvent) => (event.type === 'response-received' ? (event.message.answer.find((record) => record.type === event.message.question.type)?.data ?? '') : '');
const corpForwarders = ['10.20.0.11', '10.20.0.12'];

/** The quiz of the company-network scenarios: DNS64 synthesis, and a private zone forwarded to its own servers. */
export const NETWORK_QUIZ = {
  'dns64-synthesis': {
    name: 'An IPv6-only laptop and a name with only an IPv4 address',
    moments: [
      moment({
        id: 'a-query', kind: 'query-sent',
        when: (event, before) => event.from.role === 'resolver' && event.message.question.type === 'A' && question(event) === 'legacy.example.com'
          && before.some((other) => other.type === 'response-received' && other.kind === 'nodata' && question(other) === 'legacy.example.com'),
        askAt: lastCacheCheck,
        ask: 'The resolver runs DNS64. ns1.example.com has just answered legacy.example.com AAAA with NOERROR and no records. What does the resolver do next?',
        options: () => ({
          right: 'asks for legacy.example.com A, to build an AAAA from it',
          wrong: ['passes the NODATA to the laptop: there is no IPv6 address', 'asks the NAT64 gateway for the name\'s address', 'answers SERVFAIL: an IPv6-only client cannot use the name'],
          tells: ['legacy.example.com. A '],
        }),
        why: 'A DNS64 treats an empty AAAA answer as the sign of an IPv4-only name (RFC 6147 section 5.1.6): it fetches the A records and builds AAAA records from them, so the IPv6-only client has something to connect to through NAT64.',
      }),
      moment({
        id: 'synthesised', kind: 'response-received',
        when: (event) => toStub(event) && question(event) === 'legacy.example.com',
        // Before the resolver's own note of what it synthesised, which names the address.
        askAt: (_event, before) => before.findLast((other) => other.type === 'cache-checked' && other.explanation.startsWith('dns64: synthesised')),
        ask: 'legacy.example.com has one A record, 203.0.113.30; the NAT64 prefix is the Well-Known Prefix 64:ff9b::/96. What does the laptop get for its AAAA question?',
        options: (event) => ({
          right: `an AAAA record, ${firstAnswer(event)}: the IPv4 address in the last 32 bits of the prefix`,
          wrong: ['an AAAA record, ::ffff:203.0.113.30, an IPv4-mapped address', 'the A record 203.0.113.30, in the answer to an AAAA question', 'NOERROR with no records, and a hint to use IPv4'],
          tells: [firstAnswer(event)],
        }),
        why: 'RFC 6052 puts the 32 bits of the IPv4 address right after a /96 prefix: 203.0.113.30 is cb00:711e in hex. Packets to that address reach the NAT64 gateway, which translates them to IPv4. An IPv4-mapped address (::ffff:0:0/96) is only for a host\'s own dual-stack sockets and never goes on the wire.',
      }),
      moment({
        id: 'real-address', kind: 'response-received',
        when: (event) => toStub(event) && question(event) === 'www.example.com',
        ask: 'www.example.com has an A record, 203.0.113.10, and an AAAA record, 2001:db8::10. What does the DNS64 resolver answer the laptop\'s AAAA question with?',
        options: () => ({
          right: 'the real AAAA record, 2001:db8::10, unchanged',
          wrong: ['64:ff9b::cb00:710a, built from the A record as for every name', 'both: the real AAAA and one built from the A record', 'the A record 203.0.113.10 for the gateway to translate'],
          tells: ['2001:db8::10'],
        }),
        why: 'DNS64 synthesises only when a name has no AAAA (RFC 6147 section 5.1.1): a real IPv6 address is always better than a path through the NAT64 gateway. BIND and Knot can exclude some real addresses (such as ::ffff:0:0/96) and synthesise anyway.',
      }),
    ],
  },
  'conditional-forwarding': {
    name: 'An office resolver with a forward zone for the company zone',
    moments: [
      moment({
        id: 'forwarded', kind: 'query-sent',
        when: (event) => event.from.role === 'resolver' && question(event) === 'intranet.corp.example',
        askAt: lastCacheCheck,
        ask: 'The office resolver has a forward zone: corp.example goes to 10.20.0.11 and 10.20.0.12, its two domain controllers. Its cache is empty. Where does it send intranet.corp.example A?',
        options: (event) => ({
          right: `to ${event.to.name} (${event.to.address}) with RD=1: the controller answers the whole question`,
          wrong: ['to a root server, which refers it down to the controllers', `to ${event.to.name} with RD=0, as to any authoritative server`, 'nowhere: corp.example is not in the public tree, so NXDOMAIN'],
          tells: [event.to.name],
        }),
        why: 'A forward zone skips the walk for the names inside it: the question goes with RD=1 (recursion desired) to the configured servers, so a private zone nothing delegates is still reachable. Every other name is iterated from the root as before.',
      }),
      moment({
        id: 'rest-iterated', kind: 'query-sent',
        when: (event, before) => resolverAsks(event) && event.to.role === 'root' && before.some((other) => other.type === 'lookup-started' && other.queryIndex === event.queryIndex && other.queryIndex === 1),
        askAt: lastCacheCheck,
        ask: 'Next the laptop looks up www.example.com through the same resolver, whose only forward zone is corp.example. Where does the resolver start?',
        options: () => ({
          right: 'at a root server: names outside the forward zone are iterated as usual',
          wrong: ['at a domain controller with RD=1: a forwarder takes every question once one is set', 'at the com servers, which it learnt from the controllers', 'at the laptop\'s search domain, corp.example'],
          tells: ['a root server'],
        }),
        why: 'Conditional forwarding applies to the zone named and below it, nothing else. A resolver told to forward "." instead sends everything to its forwarders, and then depends on them for every name.',
      }),
      moment({
        id: 'forwarder-down', kind: 'query-timed-out',
        when: (event) => event.from.role === 'resolver' && corpForwarders.includes(event.to.address) && event.queryIndex === 2,
        askAt: (_event, before) => before.findLast((other) => other.type === 'query-sent' && other.from.role === 'resolver' && other.queryIndex === 2),
        ask: (event) => `A minute in, the resolver sends files.corp.example A to ${event.to.name}, which was rebooted 30 s ago and drops every packet. What happens to the question?`,
        options: (event) => ({
          right: `it waits out ${event.to.name}'s timeout, then asks the other controller, which answers`,
          wrong: ['SERVFAIL at once: the controller that went quiet owned the zone', 'it falls back to iterating corp.example from the root', 'the laptop gets NXDOMAIN until the controller is back'],
          tells: [`no answer from ${event.to.name}`],
        }),
        why: 'A forward zone lists several servers, and the resolver fails over between them as between any authoritative servers, after a timeout. Until it has learnt to avoid the dead one, each question in the zone pays that wait, which is why forwarder health matters as much as the zone\'s own.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
