import { describe, expect, it } from 'vitest';
import { runSimWorkload } from '../../src/cli/commands/sim-workload.js';
import { PROGRESS_CHUNK_QUERIES } from '../../src/core/dns-sim/workload/workload-progress.js';
import { testContext } from './test-context.js';

const ARGS = ['--workload', 'zipf', '--queries', String(2 * PROGRESS_CHUNK_QUERIES), '--names', '500', '--ttl', '60'];

async function run(stderrIsTTY: boolean, stepMs: number): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  let now = 0;
  const ctx = testContext({ out: (text) => void (out += text), err: (text) => void (err += text), stderrIsTTY, elapsedMs: () => (now += stepMs) }, {});
  expect(await runSimWorkload(ARGS, ctx)).toBe(0);
  return { out, err };
}

describe('sim --workload progress', () => {
  it('rewrites one stderr line in place on a terminal once the run passes two seconds, and erases it at the end', async () => {
    const { out, err } = await run(true, 1500);
    expect(err).toBe(`\r\u001b[2Ksimulating baseline: 100% (524,288 of 524,288 queries)\r\u001b[2K`);
    expect(out).toBe((await run(false, 1500)).out);
  });

  it.each([
    ['piped, however long it runs', false, 10_000],
    ['on a terminal, for a run under two seconds', true, 500],
  ])('shows nothing %s', async (_name, tty, stepMs) => {
    expect((await run(tty, stepMs)).err).toBe('');
  });
});
