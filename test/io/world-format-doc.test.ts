import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWorldFiles } from '../../src/core/dns-sim/world/world-files.js';
import { parseZoneFile } from '../../src/core/dns-sim/world/zone-file.js';
import { simulateSession } from '../../src/core/dns-sim/simulate.js';
import { DEFAULT_RESOLV_CONF } from '../../src/core/dns-sim/world/resolv-conf.js';
import { withResolverConfig } from '../../src/core/dns-sim/world-config/resolver-config-options.js';

const docPath = join(import.meta.dirname, '..', '..', 'docs', 'world-format.md');

/** The fenced blocks of a Markdown section that follow a "`file`:" line, keyed by that file name. */
function filesIn(section: string): { name: string; text: string }[] {
  return [...section.matchAll(/^`([^`]+)`:\n\n```[a-z]*\n([\s\S]*?)```/gm)].map((m) => ({ name: m[1] as string, text: m[2] as string }));
}

/** The text of a "## " section, up to the next one. */
function section(doc: string, heading: string): string {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = doc.indexOf('\n## ', start + heading.length);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe('docs/world-format.md stays true', () => {
  it('the complete small world loads without errors or warnings', async () => {
    const doc = await readFile(docPath, 'utf8');
    const files = filesIn(doc.slice(doc.indexOf('## A complete small world')));
    expect(files.map((f) => f.name)).toEqual(['servers.yaml', 'root.zone', 'com.zone', 'example.com.zone', 'resolv.conf']);
    const { world, errors } = parseWorldFiles(files);
    expect([errors, world.warnings]).toEqual([[], []]);
    expect(world.rootHints).toEqual([{ name: 'a.root-servers.net', address: '198.41.0.4' }]);
  });

  it('the resolver configuration example loads with every key read (the root zone of the small world beside it)', async () => {
    const doc = await readFile(docPath, 'utf8');
    const small = filesIn(doc.slice(doc.indexOf('## A complete small world')));
    const files = filesIn(section(doc, '## Resolver configuration'));
    expect(files.map((f) => f.name)).toEqual(['servers.yaml']);
    const { world, errors } = parseWorldFiles([...files, ...small.filter((f) => f.name === 'root.zone')]);
    expect(errors).toEqual([]);
    expect(world.resolverConfig).toEqual({
      personality: 'bind', qnameMinimisation: false, ede: true,
      serveStale: { program: 'bind', profile: { replyTtlSeconds: 30, clientResponseTimerMs: 1800, maxStaleSeconds: 86400, refreshRetrySeconds: 30 } },
      forwardZones: [{ zone: 'cluster.local', addresses: ['10.96.0.10'] }], stubZones: [{ zone: 'corp.example', addresses: ['192.0.2.53'] }],
      dns64: { text: '64:ff9b::/96', octets: [0, 0x64, 0xff, 0x9b, ...new Array<number>(12).fill(0)], length: 96 },
    });
  });

  it('the schedule example loads with the small world\'s zones, its swapped-in file held back until 30 s', async () => {
    const doc = await readFile(docPath, 'utf8');
    const small = filesIn(doc.slice(doc.indexOf('## A complete small world'))).filter((f) => f.name.endsWith('.zone'));
    const files = filesIn(section(doc, '## A schedule of changes'));
    expect(files.map((f) => f.name)).toEqual(['servers.yaml', 'example.com-v2.zone']);
    const { world, errors } = parseWorldFiles([...files, ...small]);
    expect(errors).toEqual([]);
    expect(world.zones.map((zone) => zone.file)).toEqual(['com.zone', 'example.com.zone', 'root.zone']);
    expect(world.schedule?.map((change) => [change.atMs, change.kind])).toEqual([
      [30_000, 'replace-zone'], [60_000, 'set-rtt'], [90_000, 'set-records'], [120_000, 'set-behaviour'], [600_000, 'set-behaviour'], [600_000, 'set-rtt'],
    ]);
    expect(world.schedule?.find((change) => change.kind === 'set-records')).toMatchObject({
      zone: 'example.com', name: 'mail.example.com', type: 'A',
      records: [{ name: 'mail.example.com', type: 'A', ttlSeconds: 300, data: '192.0.2.25' }, { name: 'mail.example.com', type: 'A', ttlSeconds: 300, data: '192.0.2.26' }],
    });
  });

  it('the signed-zones example loads with the small world\'s zones and ends as the text says: SERVFAIL with EDE 9 after three DNSKEY queries', async () => {
    const doc = await readFile(docPath, 'utf8');
    const small = filesIn(doc.slice(doc.indexOf('## A complete small world'))).filter((f) => f.name.endsWith('.zone'));
    const files = filesIn(section(doc, '## Signed zones'));
    expect(files.map((f) => f.name)).toEqual(['servers.yaml']);
    const { world, errors } = parseWorldFiles([...files, ...small]);
    expect([errors, world.warnings]).toEqual([[], []]);
    expect(world.dnssec).toEqual({ signedZones: ['', 'com', 'example.com'], mismatchedDsZones: ['example.com'], epochSeconds: 1_718_409_600 });
    const client = { resolvConf: { ...DEFAULT_RESOLV_CONF, nameservers: ['10.0.0.53'], edns0: true } };
    const result = simulateSession(world, [{ name: 'www.example.com', type: 'A', atMs: 0 }], withResolverConfig(client, world.resolverConfig), 1);
    const reply = result.events.find((event) => event.type === 'response-received' && event.from.role === 'resolver');
    expect(reply?.type === 'response-received' ? [reply.message.rcode, reply.message.ede?.map((ede) => ede.code)] : []).toEqual(['SERVFAIL', [9]]);
    const keyQueries = result.events.flatMap((event) => (event.type === 'query-sent' && event.message.question.type === 'DNSKEY' ? [event.message.question.name.toLowerCase()] : []));
    expect(keyQueries).toEqual(['', 'com', 'example.com']);
  });

  it.each<[string, string, 'NSEC3' | 'NSEC', object, [string, boolean], RegExp]>([
    ['NSEC3', '## Signed zones with NSEC3', 'NSEC3', { nsec3Zones: [{ zone: 'com', iterations: 0, salt: '' }, { zone: 'example.com', iterations: 0, salt: '' }] }, ['NXDOMAIN', true], /^(\S+)\. 300 IN NSEC3 (.*)$/m],
    ['compact-denial', '## Compact denial of existence', 'NSEC', { compactZones: ['example.com'] }, ['NOERROR', true], /^(\S+)\.\t300\tIN\tNSEC\t(.*)$/m],
  ])('the %s example loads, and nope.example.com ends as the text says, with the denial it prints for seed 1', async (_name, heading, type, model, ending, printedLine) => {
    const doc = await readFile(docPath, 'utf8');
    const small = filesIn(doc.slice(doc.indexOf('## A complete small world'))).filter((f) => f.name.endsWith('.zone'));
    const text = section(doc, heading);
    const files = filesIn(text);
    expect(files.map((f) => f.name)).toEqual(['servers.yaml']);
    const { world, errors } = parseWorldFiles([...files, ...small]);
    expect([errors, world.warnings]).toEqual([[], []]);
    expect(world.dnssec).toMatchObject(model);
    const result = simulateSession(world, [{ name: 'nope.example.com', type: 'A', atMs: 0 }], { resolvConf: { ...DEFAULT_RESOLV_CONF, nameservers: ['10.0.0.53'] } }, 1);
    const reply = result.events.find((event) => event.type === 'response-received' && event.from.role === 'resolver');
    expect(reply?.type === 'response-received' ? [reply.message.rcode, reply.message.flags.ad] : []).toEqual(ending);
    const denial = result.events.flatMap((event) => (event.type === 'response-received' && event.from.name === 'ns1.example.com' ? event.message.authority.filter((record) => record.type === type) : []));
    const printed = printedLine.exec(text)!;
    expect(denial.map((record) => [record.name, record.data])).toEqual([[printed[1], printed[2]]]);
  });

  it('the misbehaving-server example loads with the small world\'s zones, its injected record, RRL and delay read', async () => {
    const doc = await readFile(docPath, 'utf8');
    const small = filesIn(doc.slice(doc.indexOf('## A complete small world'))).filter((f) => f.name.endsWith('.zone'));
    const files = filesIn(section(doc, '## Misbehaving authoritative servers'));
    expect(files.map((f) => f.name)).toEqual(['servers.yaml']);
    const { world, errors } = parseWorldFiles([...files, ...small]);
    expect([errors, world.warnings]).toEqual([[], []]);
    const server = world.servers.find((candidate) => candidate.name === 'ns1.example.com');
    expect(server?.inject?.map((record) => `${record.name} ${record.ttlSeconds} ${record.type} ${String(record.data)}`)).toEqual(['www.bank.com 86400 A 203.0.113.66']);
    expect([server?.rrl, server?.delayMs]).toEqual([{ responsesPerSecond: 5, windowSeconds: 15, slip: 2, ipv4PrefixLength: 24 }, 250]);
  });

  it('the zone-file example parses without errors, every type included', async () => {
    const doc = await readFile(docPath, 'utf8');
    const section = doc.slice(doc.indexOf('## Zone files'));
    const text = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const { zone, errors } = parseZoneFile(text, { file: 'example.com.zone' });
    expect(errors).toEqual([]);
    expect(new Set(zone.records.map((r) => r.type))).toEqual(new Set(['SOA', 'NS', 'A', 'CNAME', 'MX', 'TXT', 'SRV', 'AAAA', 'PTR', 'CAA']));
  });
});
