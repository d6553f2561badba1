import { parseWorldFiles } from '../../../../src/core/dns-sim/world/world-files.js';
import { formatFileError } from '../../../../src/core/dns-sim/world/file-error.js';
import type { RecordType, World } from '../../../../src/core/dns-sim/world/world.js';
import { answerAsServer } from '../../../../src/core/dns-sim/servers/authoritative.js';
import type { DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import { TEST_FILES } from '../sim-fixture.js';

/** The test world's servers.yaml with its resolver line replaced by `resolver` and `tail` appended (a schedule, more servers). */
export function serversYaml(resolver: string, tail = ''): string {
  const base = TEST_FILES['servers.yaml']!.replace('resolver: { name: resolver.test, address: 10.0.0.53 }\n', '');
  return `resolver:\n  name: resolver.test\n  address: 10.0.0.53\n${resolver}${base}${tail}`;
}

/** Loads the test world with the given files changed; the world and its errors formatted as file:line: message. */
export function loadWith(changes: Record<string, string>): { world: World; errors: string[] } {
  const files = { ...TEST_FILES, ...changes };
  const { world, errors } = parseWorldFiles(Object.entries(files).map(([name, text]) => ({ name, text })));
  return { world, errors: errors.map(formatFileError) };
}

/** A second version of the test world's example.com (www moved to 203.0.113.99): six records, for a scheduled swap. */
export const EXAMPLE_V2_ZONE = `$ORIGIN example.com.
$TTL 300
@ SOA ns1.example.com. hostmaster.example.com. 2 7200 3600 1209600 300
@ NS ns1
@ NS ns2
ns1 A 192.0.2.1
ns2 A 192.0.2.2
www A 203.0.113.99
`;

/** What a server of a signed world answers a validating resolver (DO=1 unless told otherwise), signed with seed 1's keys at time 0. */
export function askSigned(world: World, server: string, name: string, type: RecordType, dnssecOk = true): DnsMessage {
  const query: DnsMessage = { id: 7, qr: false, rd: false, rcode: 'NOERROR', question: { name, type }, answer: [], authority: [], additional: [], ednsUdpPayloadBytes: 1232, ...(dnssecOk ? { dnssecOk: true as const } : {}) };
  const reply = answerAsServer(world, world.servers.find((candidate) => candidate.name === server)!, query, 'tcp', { model: { ...world.dnssec!, keySeed: 1 }, nowMs: 0 });
  if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
  return reply.message;
}
