import { moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

/** The quiz of the scenarios about how a signed zone says what is not there: compact answers, and a wildcard's reach. */
export const DENIAL_QUIZ = {
  'compact-denial': {
    name: 'An online signer with compact answers, and a name that is in no zone file',
    moments: [
      moment({
        id: 'compact-answer', kind: 'response-received',
        when: (event) => event.from.role === 'authoritative' && event.to.role === 'resolver' && /^nope\.example\.com$/i.test(event.message.question.name) && event.queryIndex === 0,
        ask: 'example.com signs its answers online with compact denial of existence (RFC 9824). The resolver asks its server, with DO=1, about nope.example.com, a name in no zone file. What comes back?',
        options: () => ({
          right: 'NOERROR with no answer, and one signed NSEC owned by nope.example.com whose types are RRSIG NSEC NXNAME',
          wrong: ['NXDOMAIN, with an NSEC spanning the gap between two names of the zone', 'NXDOMAIN, with NSEC3 records for the closest encloser and the wildcard', 'REFUSED: an online signer answers only for names it has'],
          tells: ['NXNAME'],
        }),
        why: 'A compact answer claims the name exists with no data, so one NSEC whose next name is the name\'s immediate successor (\\000.nope.example.com) proves it and reveals no other name of the zone; the NXNAME type in the NSEC is the only sign that the name does not exist.',
      }),
      moment({
        id: 'per-type', kind: 'cache-checked',
        when: (event) => event.queryIndex === 1 && event.from.role === 'resolver' && event.cache.some((op) => op.op === 'miss' && op.type === 'MX'),
        ask: 'A minute later the application asks for nope.example.com MX. The resolver cached what the first lookup got from the compact answers. What does it find in its cache?',
        options: () => ({
          right: 'nothing for MX: it cached NODATA for A and for AAAA only, so it asks example.com\'s server again',
          wrong: ['an NXDOMAIN for the whole name, so it answers NXDOMAIN at once', 'a NODATA that covers every type, so it answers NOERROR at once', 'nothing, because a signed NODATA is never cached'],
          tells: ['cache miss for nope.example.com. MX'],
        }),
        why: 'A resolver caches NXDOMAIN for the whole name but NODATA per type (RFC 2308). Compact answers turn every nonexistent name into NODATA, so each new type is another trip to the server, and RFC 8020 and aggressive NSEC (RFC 8198) cannot shortcut anything below or beside the name either.',
      }),
    ],
  },
  'wildcard-synthesis': {
    name: 'A signed zone with a wildcard and an empty non-terminal',
    moments: [
      moment({
        id: 'synthesised', kind: 'response-received',
        when: (event) => event.from.role === 'authoritative' && event.kind === 'answer' && /^anything\.example\.io$/i.test(event.message.question.name),
        ask: 'example.io is signed and has *.example.io A 203.0.113.96; no record is named anything.example.io. The resolver asks its server for anything.example.io A, with DO=1. What comes back?',
        options: () => ({
          right: 'A 203.0.113.96 owned by anything.example.io, its RRSIG\'s labels field 2 (one less than the owner\'s), and an NSEC proving anything.example.io itself does not exist',
          wrong: ['A 203.0.113.96 owned by *.example.io, for the resolver to copy to the name', 'NXDOMAIN: a signed zone cannot prove a name it does not hold', 'A 203.0.113.96 with an RRSIG whose labels field is 3, like any record of that name, and nothing more'],
          tells: ['the RRSIG counts 2 labels'],
        }),
        why: 'The server writes the wildcard\'s records under the name asked (RFC 4592), but it cannot sign every possible name: the signature is the wildcard\'s, and its labels field (2) tells the validator a wildcard was expanded. The validator then needs the NSEC that covers the name asked, proving no closer match existed (RFC 4035 sections 3.1.3.3 and 5.3.4).',
      }),
      moment({
        id: 'empty-non-terminal', kind: 'response-received',
        when: (event) => event.to.role === 'stub' && event.queryIndex === 2,
        askAt: (event, before) => before.find((other) => other.type === 'query-sent' && other.from.role === 'stub' && other.queryIndex === event.queryIndex),
        contextEvents: 0,
        ask: 'example.io has *.example.io A 203.0.113.96 and x.b.example.io A 203.0.113.97, and nothing else under b. The application asks for a.b.example.io A. What does it get?',
        options: () => ({
          right: 'NXDOMAIN: b.example.io exists (an empty non-terminal), so it is the closest encloser, and there is no *.b.example.io',
          wrong: ['203.0.113.96: *.example.io matches any name below example.io', '203.0.113.97: the record of x.b.example.io is the nearest', 'NODATA: a.b.example.io exists because b.example.io does'],
          tells: ['NXDOMAIN'],
        }),
        why: 'A wildcard only answers at the closest encloser of the name asked (RFC 4592 section 3.3.1). b.example.io exists with no records because a name below it has some, so it is the closest encloser of a.b.example.io; a wildcard there would have to be *.b.example.io, and there is none.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
