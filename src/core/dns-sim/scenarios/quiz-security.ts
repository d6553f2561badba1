import type { QuerySentEvent, ResolutionEvent } from '../events.js';
import { lastCacheCheck } from './moment-events.js';
import { moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const toVictim = (event: ResolutionEvent) => event.from.role === 'resolver' && event.to.role === 'client';
const spoofedQueries = (before: readonly ResolutionEvent[]) => before.filter((other): other is QuerySentEvent => other.type === 'query-sent' && other.from.role === 'client');

/** The quiz of the DNSSEC and amplification scenarios: validation, a bogus zone, CD=1, reflection and rate limiting. */
export const SECURITY_QUIZ = {
  'dnssec-valid': {
    name: 'A signed zone and a validating resolver',
    moments: [
      moment({
        id: 'chain-of-trust', kind: 'query-sent',
        when: (event) => event.message.question.type === 'DNSKEY',
        askAt: lastCacheCheck,
        ask: 'The resolver validates. The answer for www.example.com has come with its RRSIG, and the referrals brought the DS records of com and example.com. What does the resolver ask for next?',
        options: (event) => {
          const zone = event.message.question.name.replace(/\.$/, '');
          return {
            right: `the ${zone === '' ? 'root zone\'s' : `${zone}.`} DNSKEY set, from ${event.to.name}`,
            wrong: ['nothing: the RRSIG alone proves the answer', 'example.com\'s DS record, from ns1.example.com', 'the root zone\'s DS record, from a root server'],
            tells: [`${zone}. DNSKEY`],
          };
        },
        why: 'A signature is checked with the zone\'s DNSKEY, and each DNSKEY set with the DS from its parent: the resolver fetches the keys from the trust anchor (the root) down.',
      }),
      moment({
        id: 'validated', kind: 'lookup-finished',
        when: () => true,
        askAt: (event, before) => before.find((other) => other.type === 'response-received' && other.to.role === 'stub' && other.queryIndex === event.queryIndex),
        ask: 'Every signature checks out, from the root\'s key down to the answer. What does the stub get?',
        options: () => ({
          right: 'the answer with AD=1: the resolver vouches that it validated it',
          wrong: ['the answer with AD=0: only the stub can claim validation', 'the answer with its RRSIG and the DNSKEYs, for the stub to check', 'the answer with CD=1'],
          tells: ['AD=1'],
        }),
        why: 'A validating resolver sets AD (Authenticated Data) when the whole chain verified; a stub that trusts its path to the resolver can rely on that bit.',
      }),
    ],
  },
  'dnssec-bogus-expired': {
    name: 'A signed zone whose re-signing job stopped',
    moments: [
      moment({
        id: 'bogus', kind: 'response-received',
        when: (event) => event.to.role === 'stub' && event.kind === 'servfail',
        ask: 'acme-widgets.com is signed and its DS is in com, but its signer stopped: every RRSIG in the zone expired a day ago. The resolver validates. What does it answer the stub?',
        options: (event) => {
          // Which EDE comes with the SERVFAIL is the resolver's own: Knot 7, Unbound 9 only with ede: yes, BIND 9.18 none (measured).
          const ede = event.message.ede?.[0];
          return {
            right: ede ? `SERVFAIL, with Extended DNS Error ${ede.code} (${ede.name})` : 'SERVFAIL, with no Extended DNS Error to say why',
            wrong: ['the answer with AD=0, as for an unsigned zone', 'the answer with AD=1: the keys still match the DS', 'NXDOMAIN: the records cannot be proven'],
            tells: ['SERVFAIL'],
          };
        },
        why: 'The chain of DS records says the zone is signed, so data that fails validation is bogus, not insecure: a validating resolver refuses to pass it on and answers SERVFAIL. Whether an Extended DNS Error says why depends on the resolver: Knot Resolver sends 7 (Signature Expired), Unbound 9 (DNSKEY Missing) only with ede: yes, BIND 9.18 none.',
      }),
    ],
  },
  'dnssec-cd-bit': {
    name: 'dig +cd against a zone whose signatures expired',
    moments: [
      moment({
        id: 'unchecked', kind: 'response-received',
        when: (event) => event.to.role === 'stub' && event.kind === 'answer',
        askAt: (_event, before) => before.find((other) => other.type === 'response-received' && other.kind === 'answer' && other.from.role === 'authoritative'),
        ask: 'acme-widgets.com is signed, but every RRSIG in it expired a day ago. The query comes from dig +cd: CD=1, checking disabled. What does the validating resolver send back?',
        options: () => ({
          right: 'the records, unvalidated, with AD=0',
          wrong: ['SERVFAIL with EDE 7, as without CD', 'the records with AD=1', 'REFUSED: a validating resolver never hands out bogus data'],
          tells: ['answer for www.acme-widgets.com. A'],
        }),
        why: 'CD=1 asks the resolver to skip validation (RFC 4035 section 3.2.2): it hands over the data with AD=0, and the client that set CD must validate for itself.',
      }),
    ],
  },
  'amplification-open-resolver': {
    name: 'Spoofed queries to an open resolver',
    moments: [
      moment({
        id: 'reflected', kind: 'response-received',
        // The first reply to the victim: the whole answer where the resolver's UDP cap allows it (Unbound 1.17's
        // max-udp-size 4096), a truncated one where it does not (BIND 9.18 and Knot 5.6 cap at 1232 bytes).
        when: (event) => toVictim(event) && (event.kind === 'answer' || event.kind === 'truncated'),
        ask: (_event, run) => {
          const bytes = spoofedQueries(run.events)[0]?.message.sizeBytes;
          return `The attacker sends ${bytes}-byte queries for big.example.com TXT (about 1.4 KB of records) with the victim's address, 203.0.113.99, as the source and an EDNS buffer of 4096 bytes. The resolver answers anyone. What reaches 203.0.113.99 for each query?`;
        },
        options: (event, run) => {
          const bytes = spoofedQueries(run.events)[0]?.message.sizeBytes ?? 1;
          const whole = `the whole answer, ${event.message.sizeBytes} bytes: about ${Math.round(event.message.sizeBytes / bytes)} times the query`;
          const truncated = `a truncated answer (TC=1) of ${event.message.sizeBytes} bytes: the resolver caps its UDP replies below the answer's size`;
          return event.kind === 'answer'
            ? { right: whole, wrong: [`a truncated answer (TC=1) of about ${bytes} bytes`, 'nothing: a resolver only answers its own clients', 'the answer, but sent to the attacker\'s real address'], tells: [`${event.message.sizeBytes} bytes`] }
            : { right: truncated, wrong: ['the whole answer, about 1.5 KB of records: dozens of times the query', 'nothing: a resolver only answers its own clients', 'the answer, but sent to the attacker\'s real address'], tells: ['TC=1'] };
        },
        why: 'UDP has no handshake, so the answer goes to whatever source the query claimed; an open resolver that sends large UDP replies (Unbound up to 1.17: max-udp-size 4096) turns each small spoofed query into a big answer aimed at the victim. BIND 9.18 and Knot Resolver 5.6 cap UDP replies at 1232 bytes, so the victim gets a small truncated answer.',
      }),
    ],
  },
  'amplification-rrl': {
    name: 'Spoofed queries to a resolver with rate limiting',
    moments: [
      moment({
        id: 'slip', kind: 'response-received',
        when: (event) => toVictim(event) && event.kind === 'truncated',
        ask: (event, run) => `Response rate limiting: 5 responses per second per /24, slip 2. Answers to 203.0.113.99's /24 have used up this second's allowance when spoofed query ${spoofedQueries(run.events.slice(0, event.seq)).length} arrives. What does the resolver send to 203.0.113.99?`,
        options: () => ({
          right: 'a truncated answer (TC=1) with no records: a "slip"',
          wrong: ['the whole answer: the limit only counts queries', 'nothing: every answer over the limit is dropped', 'REFUSED, so the victim knows to stop'],
          tells: ['TC=1'],
        }),
        why: 'Over the limit, RRL drops most answers but lets every slip-th one out truncated: a spoofed victim gets almost nothing, while a real client sees TC=1 and retries over TCP, which cannot be spoofed.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
