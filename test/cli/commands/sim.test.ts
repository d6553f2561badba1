import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSim } from '../../../src/cli/commands/sim.js';
import { testContext } from '../test-context.js';
import type { CliContext } from '../../../src/cli/context.js';
import { UsageError, UserError } from '../../../src/app/errors.js';
import { SCENARIO_IDS } from '../../../src/core/dns-sim/scenarios/scenario-ids.js';

interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs the command function with a fake context, mapping errors to exit codes as cli/main.ts does. */
const home = mkdtempSync(join(tmpdir(), 'swelearn-sim-home-'));

async function sim(argv: string[], options: { color?: boolean; cwd?: string } = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const ctx: CliContext = testContext({ out: (text) => void (out += text), err: (text) => void (err += text), color: options.color ?? false, width: 100 }, { SWELEARN_HOME: home }, options.cwd);
  try {
    return { code: await runSim(argv, ctx), out, err };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, out, err: `${err}swelearn: ${error.message}\n` };
    if (error instanceof UserError) return { code: error.exitCode, out, err: `${err}swelearn: ${error.message}\n` };
    throw error;
  }
}

describe('swelearn sim', () => {
  it('--list prints one line per scenario, with its card', async () => {
    const run = await sim(['--list']);
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines).toHaveLength(SCENARIO_IDS.length);
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual([...SCENARIO_IDS]);
    expect(lines[0]).toMatch(/^cold-cache +Cold cache: .+\(card resolution-flow\)$/);
  });

  it('--list --json prints the scenarios as a JSON array', async () => {
    const list = JSON.parse((await sim(['--list', '--json'])).out) as { id: string; cardId: string }[];
    expect(list.map((entry) => entry.id)).toEqual([...SCENARIO_IDS]);
  });

  it('prints a text trace for a name, ending with the answer', async () => {
    const run = await sim(['www.example.com', '--type', 'a']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out).toContain(';; swelearn sim www.example.com A, seed 1');
    // Unbound primes the root first: . NS, then the walk.
    expect(run.out).toContain(';; question 1: www.example.com A -> ANSWER in 248 ms');
    expect(run.out).not.toMatch(/\u001b\[/);
  });

  it('--scenario ID --json prints the versioned trace document of the scenario', async () => {
    const run = await sim(['--scenario', 'nxdomain-negative-cache', '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.out);
    expect(document).toMatchObject({ version: 1, kind: 'swelearn-sim-trace', seed: 1, scenario: { id: 'nxdomain-negative-cache', cardId: 'negative-caching' } });
    expect(document.outcomes.map((outcome: { status: string; durationMs: number }) => [outcome.status, outcome.durationMs])).toEqual([['nxdomain', 248], ['nxdomain', 4]]);
  });

  it('gives the same JSON for the same seed and different JSON for another', async () => {
    const a = await sim(['www.example.org', '--json', '--seed', '9']);
    const b = await sim(['www.example.org', '--json', '--seed', '9']);
    const c = await sim(['www.example.org', '--json', '--seed', '10']);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
  });

  it('honours --no-qname-minimisation, --repeat and --after', async () => {
    const document = JSON.parse((await sim(['www.example.com', '--type', 'A', '--no-qname-minimisation', '--repeat', '2', '--after', '10m', '--json'])).out);
    expect(document.qnameMinimisation).toBe(false);
    // The first root query that is not Unbound's priming query (. NS).
    const rootQuestion = document.events.find((event: { type: string; to: { role: string }; message: { question: { name: string } } }) => event.type === 'query-sent' && event.to.role === 'root' && event.message.question.name !== '');
    expect(rootQuestion.message.question.name).toBe('www.example.com');
    expect(document.outcomes.map((outcome: { startedAtMs: number }) => outcome.startedAtMs)).toEqual([0, 600_000]);
  });

  it('shows an internationalised name both ways and resolves its punycode form', async () => {
    const run = await sim(['bücher.example.com', '--type', 'A']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('bücher.example.com (xn--bcher-kva.example.com) A');
    const document = JSON.parse((await sim(['bücher.example.com', '--json'])).out);
    expect(document.query).toMatchObject({ input: 'bücher.example.com', ascii: 'xn--bcher-kva.example.com', unicode: 'bücher.example.com' });
  });

  it('reads a resolv.conf given with --resolv-conf', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-sim-'));
    writeFileSync(join(dir, 'resolv.conf'), 'nameserver 10.0.0.2\nnameserver 10.0.0.53\noptions timeout:2 attempts:1\n');
    const document = JSON.parse((await sim(['www.example.com', '--resolv-conf', 'resolv.conf', '--json'], { cwd: dir })).out);
    expect(document.resolvConf).toMatchObject({ nameservers: ['10.0.0.2', '10.0.0.53'], timeoutSeconds: 2, attempts: 1 });
    expect(document.outcomes[0].durationMs).toBeGreaterThan(2000);
  });

  it.each([
    [['www..example.com'], /^swelearn: invalid name "www\.\.example\.com": RFC 1035 3\.1: label 2 is empty/],
    [[`${'a'.repeat(64)}.com`], /^swelearn: invalid name .+63/],
    [['www.example.com', '--type', 'BOGUS'], /^swelearn: unknown record type "BOGUS"/],
    [['--scenario', 'nope'], /^swelearn: unknown scenario "nope" \(swelearn sim --list shows them\)/],
    [['www.example.com', '--frobnicate'], /^swelearn: unknown option --frobnicate/],
    [['www.example.com', '--seed', '1.5'], /^swelearn: --seed takes a whole number from 0 to 2147483647, got "1\.5"/],
    [['www.example.com', '--seed', '-1'], /^swelearn: .*--seed/],
    [['www.example.com', '--repeat', '0'], /^swelearn: --repeat takes a whole number from 1 to 100/],
    [['www.example.com', '--after', 'soon'], /^swelearn: --after takes a duration/],
    [['www.example.com', '--after', '366d'], /^swelearn: --after takes a duration from 0s to 365d, such as 30s, 5m or 1h, got "366d"/],
    [[], /^swelearn: sim needs a name to resolve, or --scenario ID/],
    [['a.example', 'b.example'], /^swelearn: sim takes one name/],
  ])('%j is a usage error: exit 2, one line, no stack trace', async (argv, message) => {
    const run = await sim(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
    expect(run.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports a malformed resolv.conf line with file and line: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-sim-'));
    writeFileSync(join(dir, 'resolv.conf'), 'nameserver 10.0.0.53\nnameserver not-an-address\n');
    const run = await sim(['www.example.com', '--resolv-conf', join(dir, 'resolv.conf')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/resolv\.conf:2: /);
    expect(run.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports a missing resolv.conf or world folder as a user error: exit 1', async () => {
    expect((await sim(['www.example.com', '--resolv-conf', '/nonexistent/resolv.conf'])).code).toBe(1);
    const world = await sim(['www.example.com', '--world', '/nonexistent/world']);
    expect(world.code).toBe(1);
    expect(world.err).toMatch(/cannot load the world/);
  });
});
