import { parseWorldFiles } from '../../../src/core/dns-sim/world/world-files.js';
import type { World } from '../../../src/core/dns-sim/world/world.js';
import type { SimulationOptions, SimulationResult } from '../../../src/core/dns-sim/simulate.js';
import type { PortUnreachableEvent, QuerySentEvent, QueryTimedOutEvent, ResolutionEvent, ResponseReceivedEvent } from '../../../src/core/dns-sim/events.js';

/** Round trips fixed by role, so expected times in tests can be worked out by hand. */
export const FIXED_RTT: SimulationOptions = { network: { lossRate: 0, fixedRttByRole: { resolver: 2, root: 20, tld: 40, authoritative: 100 } } };

/** A small world: one root server, one server for com and net, example.com with two servers, and a few broken zones. */
export const TEST_FILES: Record<string, string> = {
  'root.zone': `$ORIGIN .
$TTL 86400
@ 86400 SOA a.root-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400
@ NS a.root-servers.net.
a.root-servers.net. A 198.41.0.4
com. 172800 NS a.gtld-servers.net.
net. 172800 NS a.gtld-servers.net.
a.gtld-servers.net. 172800 A 192.5.6.30
`,
  'com.zone': `$ORIGIN com.
$TTL 172800
@ 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400
@ NS a.gtld-servers.net.
example NS ns1.example.com.
example NS ns2.example.com.
ns1.example A 192.0.2.1
ns2.example A 192.0.2.2
sibling NS ns1.hoster.net.
`,
  'net.zone': `$ORIGIN net.
$TTL 172800
@ 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400
@ NS a.gtld-servers.net.
a.gtld-servers A 192.5.6.30
hoster NS ns1.hoster.net.
ns1.hoster A 192.0.2.53
`,
  'example.com.zone': `$ORIGIN example.com.
$TTL 3600
@ 3600 SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
@ NS ns1
@ NS ns2
ns1 A 192.0.2.1
ns2 A 192.0.2.2
www 300 A 203.0.113.10
www 300 AAAA 2001:db8::10
alias CNAME www
a.b.c A 203.0.113.11
chain0 CNAME chain1
chain1 CNAME chain2
chain2 CNAME chain3
chain3 CNAME www
*.wild A 203.0.113.12
big TXT "${'a'.repeat(250)}" "${'b'.repeat(250)}" "${'c'.repeat(250)}"
big TXT "${'d'.repeat(250)}" "${'e'.repeat(250)}"
`,
  'hoster.net.zone': `$ORIGIN hoster.net.
$TTL 3600
@ 600 SOA ns1.hoster.net. hostmaster.hoster.net. 1 7200 3600 1209600 3600
@ NS ns1
ns1 A 192.0.2.53
`,
  'sibling.com.zone': `$ORIGIN sibling.com.
$TTL 3600
@ 3600 SOA ns1.hoster.net. hostmaster.sibling.com. 1 7200 3600 1209600 300
@ NS ns1.hoster.net.
www A 203.0.113.20
`,
  'servers.yaml': `resolver: { name: resolver.test, address: 10.0.0.53 }
servers:
  - { name: a.root-servers.net, address: 198.41.0.4, zones: ["."] }
  - { name: a.gtld-servers.net, address: 192.5.6.30, zones: [com, net] }
  - { name: ns1.example.com, address: 192.0.2.1, zones: [example.com] }
  - { name: ns2.example.com, address: 192.0.2.2, zones: [example.com] }
  - { name: ns1.hoster.net, address: 192.0.2.53, zones: [hoster.net, sibling.com] }
`,
};

/** Builds a world from files (TEST_FILES by default, with changes); fails the test on any load error. */
export function testWorld(changes: Record<string, string | undefined> = {}): World {
  const files = { ...TEST_FILES, ...changes };
  const { world, errors } = parseWorldFiles(Object.entries(files).flatMap(([name, text]) => (text === undefined ? [] : [{ name, text }])));
  if (errors.length > 0) throw new Error(errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n'));
  return world;
}

type MessageStepEvent = QuerySentEvent | ResponseReceivedEvent | QueryTimedOutEvent | PortUnreachableEvent;

/** A compact, assertable form of the message events: "sender > receiver kind" (queries show their question). */
export function steps(result: SimulationResult, filter: (event: ResolutionEvent) => boolean = () => true): string[] {
  return result.events
    .filter((event): event is MessageStepEvent => ['query-sent', 'response-received', 'query-timed-out', 'port-unreachable'].includes(event.type) && filter(event))
    .map((event) =>
      event.type === 'query-sent'
        ? `${event.from.name} > ${event.to.name} ${event.transport === 'tcp' ? 'tcp ' : ''}${event.message.question.name} ${event.message.question.type}`
        : `${event.from.name} > ${event.to.name} ${event.kind}${event.type === 'response-received' && event.late ? ' late' : ''}`,
    );
}

/** The virtual times of the events of one type. */
export function timesOf(result: SimulationResult, type: ResolutionEvent['type']): number[] {
  return result.events.filter((event) => event.type === type).map((event) => event.timeMs);
}
