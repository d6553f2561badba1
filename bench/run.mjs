// `npm run bench`: one JSON line per figure, each compared with a baseline measured in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'swelearn.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'swelearn-bench-'));
const env = { ...process.env, SWELEARN_HOME: home, CI: 'true' };
delete env.FORCE_COLOR;
let failures = 0;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOnce(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Launch to the first complete line on stdout, with stdin held open like a script that has not answered yet. */
function timeFirstLine(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env: { ...env, SWELEARN_SEED: '7' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let firstLineMs;
    child.stdout.on('data', (data) => {
      output += data;
      if (firstLineMs === undefined && output.includes('\n')) {
        firstLineMs = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (data) => (errors += data));
    child.on('error', reject);
    child.on('close', () => (firstLineMs === undefined ? reject(new Error(`${args.join(' ')} printed no line: ${errors}`)) : resolve(firstLineMs)));
  });
}

function report(line) {
  if (line.ok === false) failures++;
  console.log(JSON.stringify(line));
}

// Start-up figures: rounds interleave the commands so machine noise hits them all alike.
const commands = {
  'node -e 0': ['-e', '0'],
  'swelearn --version': [bin, '--version'],
  'swelearn search dns': [bin, 'search', 'dns'],
  'swelearn show resolution-flow': [bin, 'show', 'resolution-flow'],
  'swelearn sim --scenario cold-cache --json': [bin, 'sim', '--scenario', 'cold-cache', '--json'],
};
const limits = { 'swelearn --version': 1.3, 'swelearn search dns': 2, 'swelearn show resolution-flow': 2, 'swelearn sim --scenario cold-cache --json': 2 };
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (const args of Object.values(commands)) timeOnce(args); // warm the disk and the card cache
for (let round = 0; round < rounds; round++) for (const [name, args] of Object.entries(commands)) times[name].push(timeOnce(args));
const baseline = median(times['node -e 0']);
report({ figure: 'node -e 0', medianMs: round1(baseline), rounds });
for (const [name, limit] of Object.entries(limits)) {
  const value = median(times[name]);
  report({ figure: name, medianMs: round1(value), baselineMs: round1(baseline), ratio: round2(value / baseline), limitRatio: limit, ok: value / baseline <= limit });
}

// The study commands in a pipe: launch to the first line a script reads (the quiz then waits for an
// answer, so the process is stopped there). Rounds interleave them with `node -e 0`, the baseline.
const firstLineCommands = {
  'swelearn quiz, first line in a pipe': [bin, 'quiz'],
  'swelearn stats, first line in a pipe': [bin, 'stats'],
};
const firstLineTimes = Object.fromEntries([['node -e 0', []], ...Object.keys(firstLineCommands).map((name) => [name, []])]);
for (const args of Object.values(firstLineCommands)) await timeFirstLine(args);
for (let round = 0; round < rounds; round++) {
  firstLineTimes['node -e 0'].push(timeOnce(commands['node -e 0']));
  for (const [name, args] of Object.entries(firstLineCommands)) firstLineTimes[name].push(await timeFirstLine(args));
}
const firstLineBaseline = median(firstLineTimes['node -e 0']);
for (const name of Object.keys(firstLineCommands)) {
  const value = median(firstLineTimes[name]);
  report({ figure: name, medianMs: round1(value), baselineMs: round1(firstLineBaseline), ratio: round2(value / firstLineBaseline) });
}

// Search on generated card sets, in a child process running the real loader and index.
const work = join(root, '.bench-tmp');
mkdirSync(work, { recursive: true });
const script = join(work, 'search-bench.mjs');
await build({
  stdin: { contents: `import { benchSearch } from './bench/search-bench.ts';\nawait benchSearch(1000, 16, undefined, ${JSON.stringify(work)});\nawait benchSearch(10000, 100, 500, ${JSON.stringify(work)});\n`, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const child = spawnSync(process.execPath, [script], { encoding: 'utf8', env });
if (child.status !== 0) throw new Error(child.stderr);
for (const line of child.stdout.trim().split('\n')) report(JSON.parse(line));

// Workload mode: simulated client queries per second of wall time, and memory against N.
const workload = spawnSync(process.execPath, [join(root, 'bench', 'workload-bench.mjs')], { encoding: 'utf8', env });
if (!workload.stdout.trim()) throw new Error(`workload bench printed nothing: ${workload.stderr}`);
for (const line of workload.stdout.trim().split('\n')) report(JSON.parse(line));

// A zone delegated to 2,000 NS names resolved end to end: under 1 s (issue 19).
const nsFanout = spawnSync(process.execPath, [join(root, 'bench', 'ns-fanout-bench.mjs')], { encoding: 'utf8', env });
if (nsFanout.status !== 0) throw new Error(`NS fan-out bench failed: ${nsFanout.stderr}`);
for (const line of nsFanout.stdout.trim().split('\n')) report(JSON.parse(line));

// A 1,000,000-answer review log opened by `stats`, cold and with the replay snapshot (target: under 1 s).
const replay = spawnSync(process.execPath, [join(root, 'bench', 'replay-bench.mjs')], { encoding: 'utf8', env });
if (!replay.stdout.trim()) throw new Error(`replay bench printed nothing: ${replay.stderr}`);
for (const line of replay.stdout.trim().split('\n')) report(JSON.parse(line));

// The interactive app: start-up against a minimal Ink app, memory, idle CPU, keystroke and animation latency.
const ui = spawnSync(process.execPath, [join(root, 'bench', 'ui-bench.mjs')], { encoding: 'utf8', env });
for (const line of ui.stdout.split('\n').filter((text) => text.startsWith('{'))) report(JSON.parse(line));
if (ui.status !== 0 && !ui.stdout.includes('"ok":false')) throw new Error(`ui bench failed: ${ui.stderr}`);

function round1(value) { return Math.round(value * 10) / 10; }
function round2(value) { return Math.round(value * 100) / 100; }
process.exitCode = failures > 0 ? 1 : 0;
