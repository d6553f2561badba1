import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSim } from '../../../src/cli/commands/sim.js';
import { testContext } from '../test-context.js';
import type { CliContext } from '../../../src/cli/context.js';
import { UsageError, UserError } from '../../../src/app/errors.js';
import { expectNoCrashText, freshHome, runCli } from '../run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'swelearn-sim2-home-'));

async function sim(argv: string[], width = 100): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = testContext({ out: (text) => void (out += text), err: (text) => void (err += text), width: width ?? 100 }, { SWELEARN_HOME: home });
  try {
    return { code: await runSim(argv, ctx), out, err };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, out, err: `swelearn: ${error.message}\n` };
    if (error instanceof UserError) return { code: error.exitCode, out, err: `swelearn: ${error.message}\n` };
    throw error;
  }
}

describe('swelearn sim --resolver', () => {
  it.each([
    ['unbound', 'Unbound 1.17.1', 'A'],
    ['bind', 'BIND 9.18.49', 'NS'],
    ['knot', 'Knot Resolver 5.6.0', 'NS'],
  ])('--resolver %s names the program in the header and the JSON, and minimises with %s queries', async (id, name, type) => {
    const text = await sim(['www.example.com', '--type', 'A', '--resolver', id]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`as ${name} (--resolver ${id})`);
    const json = JSON.parse((await sim(['www.example.com', '--type', 'A', '--resolver', id, '--json'])).out);
    expect(json.resolverModel).toMatchObject({ id, name });
    const minimised = json.events.find((event: { type: string; message?: { question: { name: string; type: string } } }) => event.type === 'query-sent' && event.message?.question.name.toLowerCase() === 'com');
    expect(minimised.message.question.type).toBe(type);
  });

  it('runs Unbound when no --resolver is given, and says so in the JSON', async () => {
    const json = JSON.parse((await sim(['www.example.com', '--type', 'A', '--json'])).out);
    expect(json.resolverModel).toMatchObject({ id: 'unbound', name: 'Unbound 1.17.1' });
    expect(json.events).toEqual(JSON.parse((await sim(['www.example.com', '--type', 'A', '--json', '--resolver', 'unbound'])).out).events);
  });

  it.each([
    [['www.example.com', '--resolver', 'powerdns'], /--resolver must be one of unbound, bind, knot, got "powerdns"/],
    [['www.example.com', '--resolver', 'bind', '--compare'], /--compare runs every resolver; leave out --resolver/],
  ])('%j is a usage error', async (argv, message) => {
    const run = await sim(argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });
});

describe('swelearn sim --compare', () => {
  it.each([80, 100, 160])('prints the three resolvers side by side or stacked within %i columns, with the differences', async (width) => {
    const run = await sim(['www.example.org', '--type', 'A', '--compare'], width);
    expect(run.code).toBe(0);
    for (const name of ['Unbound 1.17.1', 'BIND 9.18.49', 'Knot Resolver 5.6.0']) expect(run.out).toContain(name);
    expect(run.out).toMatch(/;; differences: priming, minimised type, 0x20/);
    expect(run.out).toMatch(/queries upstream/);
    for (const line of run.out.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
  });

  it('shows the failure handling each program has, and a scenario\'s note on each program that differs in it', async () => {
    const run = await sim(['--scenario', 'dead-authoritative', '--compare'], 100);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^silent server +asks it twice +asks it once +asks it once$/m);
    expect(run.out).toMatch(/^gives up +no reply at 1\.9 s +SERVFAIL at 10 s +SERVFAIL past 10 s$/m);
    expect(run.out).toMatch(/^EDE sent +none +none +DNSSEC, 22$/m);
    expect(run.out).toMatch(/^;; BIND 9\.18\.49: BIND 9\.18 waits 800 ms/m);
    expect(run.out).toMatch(/^;; Knot Resolver 5\.6\.0: Knot Resolver waits 400 ms/m);
    expect(run.out).not.toMatch(/^;; Unbound 1\.17\.1:/m);
    const json = JSON.parse((await sim(['--scenario', 'dead-authoritative', '--compare', '--json'])).out);
    expect(json.runs.map((entry: { note?: string }) => entry.note?.slice(0, 12))).toEqual([undefined, 'BIND 9.18 wa', 'Knot Resolve']);
  });

  it.each([
    ['bind', /^;; BIND 9\.18 waits 800 ms for a server it has not measured/m, 'BIND 9.18 waits 800 ms'],
    ['unbound', null, undefined],
  ] as const)('a scenario trace under %s carries that program\'s note, in the text and the JSON', async (resolver, text, json) => {
    const run = await sim(['--scenario', 'dead-authoritative', '--resolver', resolver]);
    if (text) expect(run.out).toMatch(text);
    else expect(run.out).not.toMatch(/^;; (BIND|Knot Resolver) .* waits/m);
    const document = JSON.parse((await sim(['--scenario', 'dead-authoritative', '--resolver', resolver, '--json'])).out);
    expect(document.scenario.resolverNote?.slice(0, 22)).toBe(json);
  });

  it('--compare --json summarises each run', async () => {
    const json = JSON.parse((await sim(['www.example.com', '--type', 'A', '--compare', '--json'])).out);
    expect(json.kind).toBe('swelearn-sim-compare');
    expect(json.runs.map((run: { resolverModel: { id: string } }) => run.resolverModel.id)).toEqual(['unbound', 'bind', 'knot']);
    expect(json.runs.every((run: { answer: string }) => run.answer === '203.0.113.10')).toBe(true);
  });
});

describe('part-two scenarios and client caches from the command line', () => {
  it('prints a scenario report in the text and the JSON', async () => {
    const text = await sim(['--scenario', 'poisoning-port-random']);
    expect(text.out).toMatch(/;; Cache poisoning race \(RFC 5452 section 7\)/);
    expect(text.out).toMatch(/P_s = 1 in 2\.11 million/);
    const json = JSON.parse((await sim(['--scenario', 'amplification-rrl', '--json'])).out);
    expect(json.report.values).toMatchObject({ full: 5, slipped: 12, dropped: 13 });
  });

  it('--browser-cache and --os-cache put Chrome and systemd-resolved in front of the stub', async () => {
    const json = JSON.parse((await sim(['www.example.com', '--repeat', '3', '--after', '40s', '--browser-cache', '--os-cache', '--json'])).out);
    expect(json.outcomes.map((outcome: { cacheLayer?: string }) => outcome.cacheLayer ?? 'resolver')).toEqual(['resolver', 'browser', 'os']);
    expect(json.resolvConf.nameservers).toEqual(['127.0.0.53']);
  });

  it('the built binary runs a part-two scenario and the comparison without a stack trace', async () => {
    const env = { SWELEARN_HOME: freshHome() };
    const scenario = await runCli(['sim', '--scenario', 'dnssec-bogus-expired', '--resolver', 'knot'], { env });
    expect(scenario.code).toBe(0);
    expect(scenario.stdout).toContain('EDE 7 Signature Expired');
    const compare = await runCli(['sim', 'www.example.com', '--compare'], { env });
    expect(compare.code).toBe(0);
    expectNoCrashText(scenario);
    expectNoCrashText(compare);
  });
});
