import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshHome, runCli } from './run-cli.js';

// Preloaded into the spawned CLI: records which of process.stdin and process.stderr were asked for.
const PROBE = `
const { writeFileSync } = require('node:fs');
const touched = new Set();
for (const name of ['stdin', 'stderr']) {
  const original = Object.getOwnPropertyDescriptor(process, name);
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get() { touched.add(name); return original.get.call(process); } });
}
process.on('exit', () => writeFileSync(process.env.STREAM_PROBE_OUT, [...touched].sort().join(',')));
`;

function streamsTouched(args: string[], home: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-probe-'));
  writeFileSync(join(dir, 'probe.cjs'), PROBE);
  const out = join(dir, 'touched');
  const run = runCli(args, { env: { SWELEARN_HOME: home, NODE_OPTIONS: `--require ${join(dir, 'probe.cjs')}`, STREAM_PROBE_OUT: out } });
  expect(run.code).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('a command in a pipe makes only the streams it uses', () => {
  it('stats and plan, warning of nothing, never make process.stdin or process.stderr (1-2 ms each)', () => {
    const home = freshHome();
    runCli(['stats'], { env: { SWELEARN_HOME: home } });
    expect(streamsTouched(['stats'], home)).toBe('');
    expect(streamsTouched(['plan'], home)).toBe('');
  });

  it('the probe sees a command that reads its input', () => {
    expect(streamsTouched(['quiz', '--count', '1'], freshHome())).toContain('stdin');
  });
});
