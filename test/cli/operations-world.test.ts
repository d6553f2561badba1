import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledContentDir } from '../../src/io/package-paths.js';
import { freshHome, runCli } from './run-cli.js';

// The example world of docs/world-format.md's features together: a schedule, a signed zone with a
// fault, a forward zone, and a session that asks across them on one resolver cache.
const WORLD = join(bundledContentDir(), 'worlds', 'operations');

interface Trace {
  outcomes: { status: string; addresses: string[] }[];
  events: { type: string; timeMs: number; from?: { address?: string }; to?: { address?: string }; message?: { question?: { name: string }; flags?: { rd: boolean } } }[];
}

const run = (...extra: string[]) => runCli(['sim', '--world', WORLD, '--session', join(WORLD, 'session.yaml'), ...extra], { env: { SWELEARN_HOME: freshHome() } });

describe('the operations example world', () => {
  it('loads without a warning and runs its session: migration, forwarding, a broken signature, an outage', () => {
    const result = run('--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const trace = JSON.parse(result.stdout) as Trace & { warnings: unknown[] };
    expect(trace.warnings).toEqual([]);
    expect(trace.outcomes.map((outcome) => [outcome.status, outcome.addresses])).toEqual([
      ['answer', ['192.0.2.10']],
      // cluster.local is forwarded to the cluster's DNS, not iterated from the root
      ['answer', ['10.96.12.7']],
      // partner.net's signer stopped re-signing: bogus
      ['servfail', []],
      // after the migration at 2 min the cache still holds the old address for the rest of its hour
      ['answer', ['192.0.2.10']],
      // the only name server of example.com is off from 5 min: the stub gives up after 2 x 2 s
      ['timeout', []],
    ]);
    expect(trace.events.filter((event) => event.type === 'world-changed').map((event) => event.timeMs)).toEqual([120_000, 300_000]);
    // The cluster's names go with RD=1 to its DNS, never to the root (the validator still asks the root for the DS of cluster.local, and learns there is none).
    const clusterQuestions = trace.events.filter((event) => event.type === 'query-sent' && event.message?.question?.name === 'api.default.svc.cluster.local' && event.from?.address === '10.0.0.53');
    expect(clusterQuestions.map((event) => [event.to?.address, event.message?.flags?.rd])).toEqual([['10.96.0.10', true], ['10.96.0.10', true]]);
  });

  it("prints dig's own header with the extended error of the bogus answer", () => {
    const result = run();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL');
    expect(result.stdout).toMatch(/; EDE: 9 \(DNSKEY Missing\): \(the RRSIG over partner\.net\. DNSKEY expired/);
  });
});
