import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, runCli } from '../run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'swelearn-session-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('swelearn sim --client dig (the built binary)', () => {
  it('+norec after a cold start: a referral from the cache, printed as dig prints it', () => {
    const run = runCli(['sim', 'www.example.com', '--client', 'dig', '+norec']);
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('; <<>> DiG 9.18 (simulated by swelearn) <<>> www.example.com A +norec');
    expect(run.stdout).toMatch(/;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n;; flags: qr ra; QUERY: 1, ANSWER: 0, AUTHORITY: \d+, ADDITIONAL: \d+\n/);
    expect(run.stdout).toContain(';; AUTHORITY SECTION:\n.\t\t\t');
    expect(run.stdout).toContain(';; SERVER: 10.0.0.53#53(10.0.0.53) (UDP)');
  });

  it('--json: the query bits in the trace, and the same bytes for the same seed', () => {
    const args = ['sim', 'www.example.com', '--client', 'dig', '+bufsize=4096', '+dnssec', '+cd', '--json', '--seed', '7'];
    const first = runCli(args);
    expect(first.code).toBe(0);
    const trace = JSON.parse(first.stdout);
    const query = trace.events.find((event: { type: string; from: { role: string } }) => event.type === 'query-sent' && event.from.role === 'stub');
    expect(query.message).toMatchObject({ flags: { rd: true, cd: true, ad: true }, ednsUdpPayloadBytes: 4096, dnssecOk: true });
    expect(trace.outcomes[0]).toMatchObject({ type: 'A', dig: { flags: ['+bufsize=4096', '+dnssec', '+cd'] } });
    expect(runCli(args).stdout).toBe(first.stdout);
  });

  it.each([
    [['sim', 'www.example.com', '+norec'], '+norec is a dig option: add --client dig'],
    [['sim', 'www.example.com', '--client', 'dig', '+trace'], '+trace is not simulated'],
    [['sim', 'www.example.com', '--client', 'dig', '--type', 'A+AAAA'], 'dig asks one record type'],
    [['sim', '--scenario', 'nxdomain-negative-cache', '--client', 'dig'], 'it does not run a scenario'],
  ])('%j is a usage error', (args, message) => {
    const run = runCli(args);
    expectNoCrashText(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('swelearn sim --session (the built binary)', () => {
  const lesson = file('lesson.yaml', '- ask: www.example.com\n  type: A\n- at: 40s\n  ask: www.example.com\n  client: dig\n  dig: +norec\n');

  it('one text output: the stub question, then dig +norec answered from the cache the first one filled', () => {
    const run = runCli(['sim', '--session', lesson]);
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(';; question 2 of 2, at 40 s');
    expect(run.stdout).toMatch(/;; flags: qr ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n/);
  });

  it('one JSON trace: the steps with their lines, the events of each question by queryIndex', () => {
    const trace = JSON.parse(runCli(['sim', '--session', lesson, '--json']).stdout);
    expect(trace.session.steps).toEqual([{ index: 0, line: 1, kind: 'ask', queryIndex: 0 }, { index: 1, line: 3, kind: 'ask', atMs: 40_000, queryIndex: 1 }]);
    expect(trace.outcomes.map((outcome: { startedAtMs: number }) => outcome.startedAtMs)).toEqual([0, 40_000]);
    expect(new Set(trace.events.map((event: { queryIndex: number }) => event.queryIndex))).toEqual(new Set([0, 1]));
  });

  it('--compare runs the whole session under each resolver', () => {
    const run = runCli(['sim', '--session', lesson, '--compare', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).runs.map((entry: { outcomes: unknown[] }) => entry.outcomes.length)).toEqual([2, 2, 2]);
  });

  it.each([
    ['an unknown key', file('typo.yaml', '- ask: www.example.com\n  tpye: A\n'), "typo.yaml:2: unknown field 'tpye' in an ask step"],
    ['a symbolic link', (() => { const link = join(dir, 'link.yaml'); symlinkSync(lesson, link); return link; })(), 'a session file cannot be a symbolic link'],
    ['a file over the size limit', file('huge.yaml', `# ${'x'.repeat(300 * 1024)}\n- ask: www.example.com\n`), 'is larger than 256 KiB'],
    ['a missing file', join(dir, 'nope.yaml'), 'no such file'],
  ])('%s is refused with exit 1, naming the file', (_what, path, message) => {
    const run = runCli(['sim', '--session', path]);
    expectNoCrashText(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('a change step takes example.com\'s servers down between two questions: world-changed events, the change step listed, the second question times out', () => {
    const outage = file('outage.yaml', '- ask: www.example.com\n  type: A\n- at: 10s\n  change: { server: ns1.example.com, behaviour: drop }\n- at: 10s\n  change: { server: ns2.example.com, behaviour: drop }\n- wait: 1h\n- ask: www.example.com\n  type: A\n');
    const run = runCli(['sim', '--session', outage, '--json']);
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    const trace = JSON.parse(run.stdout);
    expect(trace.session.steps.filter((step: { kind: string }) => step.kind === 'change')).toEqual([{ index: 1, line: 3, kind: 'change', atMs: 10_000 }, { index: 2, line: 5, kind: 'change', atMs: 10_000 }]);
    expect(trace.events.filter((event: { type: string }) => event.type === 'world-changed').map((event: { timeMs: number }) => event.timeMs)).toEqual([10_000, 10_000]);
    expect(trace.outcomes.map((outcome: { status: string }) => outcome.status)).toEqual(['answer', 'timeout']);
  });

  it('a change step naming a server the world lacks is refused with exit 1, naming the session file and line', () => {
    const run = runCli(['sim', '--session', file('ghost.yaml', '- ask: www.example.com\n- at: 5s\n  change: { server: ns9.example.com, behaviour: drop }\n')]);
    expectNoCrashText(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ghost.yaml:3: change: no server named ns9.example.com in 'servers'");
  });

  it('a question of its own beside --session is a usage error', () => {
    const run = runCli(['sim', 'www.example.com', '--session', lesson]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--session asks the session's own questions");
  });
});
