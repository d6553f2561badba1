import { describe, expect, it } from 'vitest';
import { DEFAULT_DIG_OPTIONS } from '../../../../src/core/dns-sim/dig/dig-options.js';
import { MAX_SESSION_STEPS, parseSessionFile } from '../../../../src/core/dns-sim/session/session-file.js';

const parse = (text: string) => parseSessionFile(text, 'lesson.yaml');

describe('session files: good input', () => {
  it('reads questions, a resolv.conf change and a wait, each with its line', () => {
    const result = parse(`# a lesson
- ask: www.example.com
- at: 40s
  ask: www.example.com
  client: dig
  dig: +norec +bufsize=4096
- resolv_conf: |
    nameserver 10.0.0.53
    search example.com
- wait: 5m
- ask: mail.example.com.
  type: mx
`);
    expect(result.errors).toEqual([]);
    expect(result.steps).toEqual([
      { kind: 'ask', line: 2, name: 'www.example.com', type: 'A+AAAA' },
      { kind: 'ask', line: 3, atMs: 40_000, name: 'www.example.com', type: 'A', dig: { ...DEFAULT_DIG_OPTIONS, recurse: false, bufsizeBytes: 4096 } },
      { kind: 'resolv-conf', line: 7, conf: expect.objectContaining({ nameservers: ['10.0.0.53'], search: ['example.com'] }) },
      { kind: 'wait', line: 10, waitMs: 300_000 },
      { kind: 'ask', line: 11, name: 'mail.example.com.', type: 'MX' },
    ]);
  });

  it.each([
    ['a list of dig options', 'dig: [+dnssec, +cd]', { ...DEFAULT_DIG_OPTIONS, dnssec: true, checkingDisabled: true }],
    ['no dig options: dig defaults', 'type: AAAA', DEFAULT_DIG_OPTIONS],
  ])('dig with %s', (_what, line, dig) => {
    const result = parse(`- ask: www.example.com\n  client: dig\n  ${line}\n`);
    expect(result.errors).toEqual([]);
    expect(result.steps[0]).toMatchObject({ dig });
  });

  it('reads a change step in the schedule\'s format, at its offset and line', () => {
    const result = parse('- ask: www.example.com\n- at: 30s\n  change:\n    server: ns1.example.com.\n    behaviour: drop\n    rtt_ms: 900\n    note: ns1 fails\n- ask: www.example.com\n');
    expect(result.errors).toEqual([]);
    expect(result.steps[1]).toEqual({ kind: 'change', line: 2, atMs: 30_000, entry: { atMs: 30_000, line: 4, note: 'ns1 fails', change: { kind: 'server', server: 'ns1.example.com', behaviour: 'drop', rttMs: 900 } } });
  });

  it('reads prewarm steps: a question the resolver answered before the session, one type (A unless given)', () => {
    const result = parse('- prewarm: www.example.com.\n  before: 1m\n- prewarm: Example.com\n  type: mx\n  before: 10m\n- ask: www.example.com\n');
    expect(result.errors).toEqual([]);
    expect(result.steps.slice(0, 2)).toEqual([
      { kind: 'prewarm', line: 1, name: 'www.example.com', type: 'A', beforeMs: 60_000 },
      { kind: 'prewarm', line: 3, name: 'example.com', type: 'MX', beforeMs: 600_000 },
    ]);
  });

  it('reads a zone swap step: the zone and the .zone file read later from the world folder', () => {
    const result = parse('- ask: www.example.com\n- at: 1m\n  change: { zone: Example.COM., file: example.com-v2.zone, note: the migration }\n');
    expect(result.errors).toEqual([]);
    expect(result.steps[1]).toEqual({ kind: 'change', line: 2, atMs: 60_000, entry: { atMs: 60_000, line: 3, note: 'the migration', change: { kind: 'zone', zone: 'example.com', file: 'example.com-v2.zone' } } });
  });

  it('a resolv.conf line glibc would clamp is a warning at its line in the session file', () => {
    const result = parse(`- resolv_conf: |\n    nameserver 10.0.0.53\n    options ndots:99\n- ask: www.example.com\n`);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.line)).toEqual([3]);
  });
});

describe('session files: bad input names the file, the line and the rule', () => {
  it.each([
    ['not a list', 'ask: www.example.com\n', 1, 'a session is a YAML list of steps'],
    ['an unknown key', '- ask: www.example.com\n  tpye: A\n', 2, "unknown field 'tpye' in an ask step (known: ask, type, client, dig, at)"],
    ['two actions in one step', '- ask: www.example.com\n  wait: 5s\n', 1, 'ask and wait cannot share a step'],
    ['no action', '- at: 5s\n', 1, 'a step needs one of ask, prewarm, resolv_conf, wait or change'],
    ['a change without at', '- ask: a.example.com\n- change: { server: ns1.example.com, behaviour: drop }\n', 2, "a change step needs 'at'"],
    ['a change with its at inside', '- ask: a.example.com\n- change:\n    at: 5s\n    server: ns1.example.com\n', 3, "'at' belongs to the step, beside 'change', not inside it"],
    ['a zone swap without its file', '- ask: a.example.com\n- at: 5s\n  change: { zone: example.com }\n', 3, "'file' is missing: the zone file of this folder that replaces the zone"],
    ['a zone swap from a path, not a file of the folder', '- ask: a.example.com\n- at: 5s\n  change:\n    zone: example.com\n    file: ../elsewhere/v2.zone\n', 5, 'must be the name of a .zone file in the world folder'],
    ['a zone swap from a file that is not a .zone file', '- ask: a.example.com\n- at: 5s\n  change:\n    zone: example.com\n    file: servers.yaml\n', 5, 'must be the name of a .zone file in the world folder'],
    ['a zone swap with a server\'s key', '- ask: a.example.com\n- at: 5s\n  change:\n    zone: example.com\n    file: v2.zone\n    behaviour: drop\n', 6, "'behaviour' belongs to a server change, not a zone change"],
    ['a change of both a zone and a server', '- ask: a.example.com\n- at: 5s\n  change: { zone: example.com, file: v2.zone, server: ns1.example.com }\n', 3, 'each schedule entry changes one thing'],
    ['a change that is not a mapping', '- ask: a.example.com\n- at: 5s\n  change: down\n', 3, "change takes a mapping in the schedule's format"],
    ['a change with a behaviour that does not exist', '- ask: a.example.com\n- at: 5s\n  change:\n    server: ns1.example.com\n    behaviour: down\n', 5, 'behaviour "down" is not up, drop, refused or unreachable'],
    ['a change with an unknown key', '- ask: a.example.com\n- at: 5s\n  change:\n    server: ns1.example.com\n    behaviour: drop\n    rtt: 800\n', 6, "unknown field 'rtt' (known: at, note, zone, file, server, behaviour, rtt_ms, name, type, ttl, records)"],
    ['a change with nothing to change', '- ask: a.example.com\n- at: 5s\n  change: { server: ns1.example.com }\n', 3, "a server change needs 'behaviour', 'rtt_ms' or both"],
    ['a change past the schedule\'s week', '- ask: a.example.com\n- at: 8d\n  change: { server: ns1.example.com, behaviour: drop }\n', 3, 'is not a time from 0 to 7d'],
    ['a change going back in time', '- ask: a.example.com\n  at: 1m\n- at: 30s\n  change: { server: ns1.example.com, behaviour: drop }\n', 3, "is before the previous step's at"],
    ['an unknown key in a change step', '- ask: a.example.com\n- at: 5s\n  change: { server: ns1.example.com, behaviour: drop }\n  wait: 5s\n', 2, 'a step does one thing: wait and change cannot share a step'],
    ['a prewarm without before', '- prewarm: www.example.com\n- ask: www.example.com\n', 1, "a prewarm step needs 'before'"],
    ['a prewarm before 0s', '- prewarm: www.example.com\n  before: 0s\n- ask: www.example.com\n', 2, 'before must be longer than 0s'],
    ['a prewarm of A+AAAA', '- prewarm: www.example.com\n  type: A+AAAA\n  before: 1m\n- ask: www.example.com\n', 2, 'unknown record type "A+AAAA" for prewarm'],
    ['a prewarm with an at', '- prewarm: www.example.com\n  before: 1m\n  at: 5s\n- ask: www.example.com\n', 3, "unknown field 'at' in a prewarm step (known: prewarm, type, before)"],
    ['only a prewarm, no question', '- prewarm: www.example.com\n  before: 1m\n', 1, 'a session needs at least one ask step'],
    ['a bad name', '- ask: "-bad-.example.com"\n', 1, 'invalid name'],
    ['a bad type', '- ask: www.example.com\n  type: HINFO\n', 2, 'unknown record type "HINFO"'],
    ['a bad client', '- ask: www.example.com\n  client: curl\n', 2, 'client must be stub or dig'],
    ['dig options without dig', '- ask: www.example.com\n  dig: +norec\n', 2, 'dig options need client: dig'],
    ['a bad dig option', '- ask: www.example.com\n  client: dig\n  dig: +trace\n', 3, '+trace is not simulated'],
    ['dig asked for A+AAAA', '- ask: www.example.com\n  client: dig\n  type: A+AAAA\n', 3, 'dig asks one record type'],
    ['a bad duration', '- ask: www.example.com\n  at: soon\n', 2, 'at takes a duration from 0s to 365d'],
    ['a duration past a year', '- wait: 400d\n- ask: www.example.com\n', 1, 'wait takes a duration from 0s to 365d'],
    ['at going back in time', '- ask: a.example.com\n  at: 1m\n- ask: b.example.com\n  at: 30s\n', 4, "is before the previous step's at"],
    ['an at on a wait', '- wait: 5s\n  at: 1m\n- ask: www.example.com\n', 2, "unknown field 'at' in a wait step"],
    ['a broken resolv.conf line, at its own line', '- resolv_conf: |\n    nameserver 10.0.0.53\n    nameserver banana\n- ask: www.example.com\n', 3, "resolv_conf: nameserver 'banana' is not an IPv4 or IPv6 address"],
    ['no question at all', '- wait: 5s\n', 1, 'a session needs at least one ask step'],
    ['a YAML syntax error (reported where the flow list should have closed)', '- ask: [www.example.com\n', 2, 'YAML:'],
    ['a duplicate key', '- ask: a.example.com\n  ask: b.example.com\n', 2, 'YAML:'],
  ])('%s', (_what, text, line, message) => {
    const result = parse(text);
    expect(result.steps).toEqual([]);
    expect(result.errors[0]).toMatchObject({ file: 'lesson.yaml', line });
    expect(result.errors[0]!.message).toContain(message);
  });

  it(`more than ${MAX_SESSION_STEPS} steps are refused`, () => {
    const result = parse('- ask: www.example.com\n'.repeat(MAX_SESSION_STEPS + 1));
    expect(result.errors.map((error) => error.message)).toEqual([`a session has at most ${MAX_SESSION_STEPS} steps, this one has ${MAX_SESSION_STEPS + 1}`]);
  });

  it('an alias bomb is refused, not expanded', () => {
    const lines = ['- &a0 {ask: www.example.com}'];
    for (let level = 1; level < 12; level++) lines.push(`- &a${level} [${Array.from({ length: 8 }, () => `*a${level - 1}`).join(', ')}]`);
    const result = parse(`${lines.join('\n')}\n`);
    expect(result.steps).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/YAML: .*alias/i);
  });
});
