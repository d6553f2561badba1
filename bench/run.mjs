// `npm run bench`: one JSON line per figure, each compared with a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
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

// The interactive app: start-up against a minimal Ink app, memory, idle CPU, keystroke and animation latency.
const ui = spawnSync(process.execPath, [join(root, 'bench', 'ui-bench.mjs')], { encoding: 'utf8', env });
for (const line of ui.stdout.split('\n').filter((text) => text.startsWith('{'))) report(JSON.parse(line));
if (ui.status !== 0 && !ui.stdout.includes('"ok":false')) throw new Error(`ui bench failed: ${ui.stderr}`);

function round1(value) { return Math.round(value * 10) / 10; }
function round2(value) { return Math.round(value * 100) / 100; }
process.exitCode = failures > 0 ? 1 : 0;
