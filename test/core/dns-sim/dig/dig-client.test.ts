import { describe, expect, it } from 'vitest';
import { DEFAULT_DIG_OPTIONS, parseDigFlags, type DigOptions } from '../../../../src/core/dns-sim/dig/dig-options.js';
import { formatDigOutput } from '../../../../src/core/dns-sim/dig/format-dig.js';
import type { QuerySentEvent, ResolutionEvent } from '../../../../src/core/dns-sim/events.js';
import { defaultResolvConf, simulateSession, type SessionQuery } from '../../../../src/core/dns-sim/simulate.js';
import type { RecordType } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, steps, TEST_FILES, testWorld } from '../sim-fixture.js';

const world = testWorld();
const dig = (flags: string[]): DigOptions => {
  const parsed = parseDigFlags(flags);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.options;
};
const ask = (name: string, type: RecordType, flags: string[], atMs = 0): SessionQuery => ({ name, type, atMs, dig: dig(flags) });
const stubQueries = (events: ResolutionEvent[]): QuerySentEvent[] => events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.role === 'stub');

describe('dig +options', () => {
  it.each([
    [[], DEFAULT_DIG_OPTIONS],
    [['+norec'], { ...DEFAULT_DIG_OPTIONS, recurse: false }],
    [['+norecurse', '+rec'], DEFAULT_DIG_OPTIONS],
    [['+bufsize=4096'], { ...DEFAULT_DIG_OPTIONS, bufsizeBytes: 4096 }],
    [['+bufsize=0'], { ...DEFAULT_DIG_OPTIONS, bufsizeBytes: 0 }],
    [['+bufsize=4096', '+bufsize'], DEFAULT_DIG_OPTIONS],
    [['+dnssec', '+cd'], { ...DEFAULT_DIG_OPTIONS, dnssec: true, checkingDisabled: true }],
    [['+tcp', '+ignore'], { ...DEFAULT_DIG_OPTIONS, tcp: true, ignoreTruncation: true }],
    [['+TCP', '+notcp'], DEFAULT_DIG_OPTIONS],
  ])('%j', (flags, expected) => {
    expect(parseDigFlags(flags)).toEqual({ ok: true, options: expected });
  });

  it.each([
    [['+bufsize=65536'], '+bufsize takes a size from 0 to 65535 bytes'],
    [['+bufsize=big'], '+bufsize takes a size from 0 to 65535 bytes'],
    [['+trace'], '+trace is not simulated'],
    [['+short'], 'unknown dig option "+short"'],
    [['+norec=1'], 'unknown dig option "+norec=1"'],
    [['norec'], 'is not a dig option'],
  ])('%j is refused', (flags, message) => {
    const parsed = parseDigFlags(flags);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});

describe("the query dig sends (the trace's message)", () => {
  it.each([
    [[], { rd: true, cd: false, ad: true }, 1232, undefined, 'udp'],
    [['+norec'], { rd: false, cd: false, ad: true }, 1232, undefined, 'udp'],
    [['+bufsize=4096'], { rd: true, cd: false }, 4096, undefined, 'udp'],
    [['+dnssec'], { rd: true }, 1232, true, 'udp'],
    [['+cd'], { rd: true, cd: true }, 1232, undefined, 'udp'],
    [['+tcp'], { rd: true }, 1232, undefined, 'tcp'],
  ])('%j', (flags, bits, payload, dnssecOk, transport) => {
    const result = simulateSession(world, [ask('www.example.com', 'A', flags)], FIXED_RTT, 1);
    const [first, ...rest] = stubQueries(result.events);
    expect(rest).toEqual([]);
    expect(first!.message.flags).toMatchObject({ qr: false, ...bits });
    expect(first!.message.ednsUdpPayloadBytes).toBe(payload);
    expect(first!.message.dnssecOk).toBe(dnssecOk);
    expect(first!.transport).toBe(transport);
    expect(first!.message.question).toEqual({ name: 'www.example.com', type: 'A' });
  });

  it('asks the name as given: no search list, no A/AAAA pair, no /etc/hosts', () => {
    const conf = { ...defaultResolvConf('10.0.0.53'), search: ['example.com'], ndots: 5 };
    const result = simulateSession(world, [ask('www', 'A', [])], { ...FIXED_RTT, resolvConf: conf, hosts: [{ address: '192.0.2.99', names: ['www'] }] }, 1);
    expect(stubQueries(result.events).map((event) => `${event.message.question.name} ${event.message.question.type}`)).toEqual(['www A']);
    expect(result.events.some((event) => event.type === 'hosts-checked' || event.type === 'name-expanded')).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'nxdomain', dig: { flags: [] } });
  });
});

describe('RD=0 at the resolver (dig +norec): the cache only', () => {
  it('a cached answer comes back with its TTL counted down and no query leaves the resolver', () => {
    const result = simulateSession(world, [ask('www.example.com', 'A', []), ask('www.example.com', 'A', ['+norec'], 100_000)], FIXED_RTT, 1);
    const second = steps(result, (event) => event.queryIndex === 1);
    expect(second).toEqual(['laptop (dig 9.18) > resolver.test www.example.com A', 'resolver.test > laptop (dig 9.18) answer']);
    expect(result.outcomes[1]).toMatchObject({ status: 'answer', records: [{ name: 'www.example.com', type: 'A', ttlSeconds: 201, data: '203.0.113.10' }] });
  });

  it.each([
    ['a name under a cached zone: a referral to it', 'mail.example.com', ['example.com', 'example.com']],
    ['a name in no cached zone: a referral to the root', 'www.example.org', ['']],
  ])('%s', (_what, name, owners) => {
    const result = simulateSession(world, [ask('www.example.com', 'A', []), ask(name, 'A', ['+norec'], 10_000)], FIXED_RTT, 1);
    expect(steps(result, (event) => event.queryIndex === 1)).toHaveLength(2);
    const response = result.events.filter((event) => event.type === 'response-received' && event.queryIndex === 1).at(-1);
    expect(response?.type === 'response-received' && response.message.authority.map((record) => `${record.name} ${record.type}`)).toEqual(owners.map((owner) => `${owner} NS`));
    expect(result.outcomes[1]).toMatchObject({ status: 'nodata', records: [] });
  });
});

describe('truncation: TCP retry unless +ignore', () => {
  it.each([
    [['+bufsize=512'], ['udp', 'tcp'], 2, false],
    [['+bufsize=512', '+ignore'], ['udp'], 0, true],
    [['+tcp'], ['tcp'], 2, false],
  ])('%j', (flags, transports, answers, tc) => {
    const result = simulateSession(world, [ask('big.example.com', 'TXT', flags)], FIXED_RTT, 1);
    expect(stubQueries(result.events).map((event) => event.transport)).toEqual(transports);
    expect(result.outcomes[0]!.records).toHaveLength(answers);
    expect(formatDigOutput(result.outcomes[0]!, result.events).some((line) => line.startsWith(';; flags: qr tc'))).toBe(tc);
  });
});

describe("dig's printed output", () => {
  it('a recursive answer: header, OPT pseudosection, question and answer at their columns, statistics', () => {
    const result = simulateSession(world, [ask('www.example.com', 'A', [])], FIXED_RTT, 1);
    const id = stubQueries(result.events)[0]!.message.id;
    expect(formatDigOutput(result.outcomes[0]!, result.events)).toEqual([
      '',
      '; <<>> DiG 9.18 (simulated by swelearn) <<>> www.example.com A',
      ';; global options: +cmd',
      ';; Got answer:',
      `;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ${id}`,
      ';; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1',
      '',
      ';; OPT PSEUDOSECTION:',
      '; EDNS: version: 0, flags:; udp: 1232',
      ';; QUESTION SECTION:',
      ';www.example.com.\t\tIN\tA',
      '',
      ';; ANSWER SECTION:',
      'www.example.com.\t300\tIN\tA\t203.0.113.10',
      '',
      ';; Query time: 182 msec',
      ';; SERVER: 10.0.0.53#53(10.0.0.53) (UDP)',
      ';; MSG SIZE  rcvd: 60',
      '',
    ]);
  });

  it.each([
    ['+norec: no rd, a referral in AUTHORITY and glue in ADDITIONAL', ['+norec'], 'mail.example.com', [';; flags: qr ra; QUERY: 1, ANSWER: 0, AUTHORITY: 2, ADDITIONAL: 3', ';; AUTHORITY SECTION:', 'example.com.\t\t86391\tIN\tNS\tns1.example.com.', ';; ADDITIONAL SECTION:']],
    ['+dnssec: the DO bit comes back', ['+dnssec'], 'www.example.com', ['; EDNS: version: 0, flags: do; udp: 1232']],
    ['+cd: the CD bit comes back', ['+cd'], 'www.example.com', [';; flags: qr rd ra cd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1']],
    ['NXDOMAIN: the SOA in AUTHORITY', [], 'nothing.example.com', [';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id:', ';; AUTHORITY SECTION:']],
    ['+tcp: the server line says TCP', ['+tcp'], 'www.example.com', [';; SERVER: 10.0.0.53#53(10.0.0.53) (TCP)']],
  ])('%s', (_what, flags, name, expected) => {
    const result = simulateSession(world, [ask('www.example.com', 'A', []), ask(name, 'A', flags, 10_000)], FIXED_RTT, 1);
    const text = formatDigOutput(result.outcomes[1]!, result.events);
    for (const line of expected) expect(text.some((printed) => printed.startsWith(line))).toBe(true);
    expect(text.some((printed) => printed.startsWith(';; ANSWER SECTION:'))).toBe(result.outcomes[1]!.records.length > 0);
  });

  it('a dead nameserver: three tries of 5 s each, then "no servers could be reached"', () => {
    const conf = { ...defaultResolvConf('10.9.9.9') };
    const result = simulateSession(world, [ask('www.example.com', 'A', [])], { ...FIXED_RTT, resolvConf: conf }, 1);
    expect(result.outcomes[0]).toMatchObject({ status: 'timeout', durationMs: 15_000 });
    const text = formatDigOutput(result.outcomes[0]!, result.events);
    expect(text.filter((line) => line === ';; communications error to 10.9.9.9#53: timed out')).toHaveLength(3);
    expect(text.at(-2)).toBe(';; no servers could be reached');
  });

  it('past a column, one tab or space to the next position (masterdump.c indent): a 31-character owner, then a TTL that overruns the class column', () => {
    const result = simulateSession(testWorld({ 'example.com.zone': `${TEST_FILES['example.com.zone']}a-rather-long-name.example.com. 60 A 192.0.2.7\n` }), [ask('a-rather-long-name.example.com', 'A', [])], FIXED_RTT, 1);
    expect(formatDigOutput(result.outcomes[0]!, result.events)).toContain('a-rather-long-name.example.com.\t60 IN\tA\t192.0.2.7');
  });
});
