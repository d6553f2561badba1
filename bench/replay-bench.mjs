// Opening a 1,000,000-answer review log: `stats` to its first line, cold (no snapshot: the whole log is
// replayed and the snapshot written) and then with the snapshot (only the check of its last 64 KiB).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLog } from './generate-log.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'swelearn.js');
const answers = Number(process.env.BENCH_REPLAY_ANSWERS ?? 1_000_000);
const rounds = Number(process.env.BENCH_REPLAY_ROUNDS ?? 5);
const LIMIT_MS = 1000;

const home = mkdtempSync(join(tmpdir(), 'swelearn-replay-bench-'));
mkdirSync(join(home, 'progress'));
const log = join(home, 'progress', 'reviews.jsonl');
writeFileSync(log, generateLog(answers));
const env = { ...process.env, SWELEARN_HOME: home, SWELEARN_NOW: '2026-01-01T00:00:00Z', CI: 'true' };
delete env.FORCE_COLOR;

function statsFirstLine() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, 'stats'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let firstLineMs;
    child.stdout.on('data', (data) => {
      output += data;
      if (firstLineMs === undefined && output.includes('\n')) firstLineMs = Number(process.hrtime.bigint() - started) / 1e6;
    });
    child.stderr.on('data', (data) => (errors += data));
    child.on('close', (code) => (code === 0 && firstLineMs !== undefined ? resolve(firstLineMs) : reject(new Error(`stats exited ${code}: ${errors}`))));
  });
}

try {
  rmSync(join(home, 'cache'), { recursive: true, force: true });
  const coldMs = await statsFirstLine();
  const warm = [];
  for (let round = 0; round < rounds; round++) warm.push(await statsFirstLine());
  const medianMs = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)];
  const round1 = (value) => Math.round(value * 10) / 10;
  console.log(JSON.stringify({ figure: `stats first line, ${answers.toLocaleString('en')}-answer log, with its snapshot`, medianMs: round1(medianMs), coldMs: round1(coldMs), logMiB: round1(statSync(log).size / 2 ** 20), rounds, limitMs: LIMIT_MS, ok: medianMs <= LIMIT_MS }));
} finally {
  rmSync(home, { recursive: true, force: true });
}
