// The interactive app's speed figures (issue 6), one JSON line each, like bench/run.mjs.
// Start-up, memory and idle CPU are measured on the built app in a real pseudo-terminal (util-linux
// `script`), against a minimal bundled Ink app measured in the same run; keystroke and animation
// latency are measured in-process on the real components with a fake terminal.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inkBundlePlugins } from '../scripts/esbuild-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'swelearn.js');
const work = join(root, '.bench-tmp');
mkdirSync(work, { recursive: true });
const rounds = Number(process.env.BENCH_UI_ROUNDS ?? process.env.BENCH_ROUNDS ?? 15);
const home = mkdtempSync(join(tmpdir(), 'swelearn-ui-bench-'));
// Ink prints only its last frame when CI is set: the app must run as in a person's terminal.
const env = { ...process.env, SWELEARN_HOME: home, TERM: 'xterm-256color' };
delete env.CI;
delete env.FORCE_COLOR;
let failures = 0;

/** Prints one figure; a figure with ok: false makes the bench fail. */
function report(line) {
  if (line.ok === false) failures++;
  console.log(JSON.stringify(line));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (value) => Math.round(value * 10) / 10;

// Bundled with the product's own plugins, so the baseline and the app are built the same way.
const bundle = (source, outfile) =>
  build({
    ...(source.entry ? { entryPoints: [source.entry] } : { stdin: { contents: source.contents, resolveDir: root, loader: 'tsx' } }),
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning', plugins: inkBundlePlugins, jsx: 'automatic',
    minifyWhitespace: true, minifySyntax: true, define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });

/** Runs a command in a pseudo-terminal of 80x24 (the default terminal, and the size the issue calls comfortable); resolves when `marker` is painted, with the time and a handle to go on. */
function startInTerminal(command, marker) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('script', ['-qfec', `stty rows 24 cols 80; exec ${command}`, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let waiting = { marker, resolve: (ms) => resolve({ ms, startedAt: started, child, pid: childPid(child.pid), send, waitFor }) };
    const timeout = setTimeout(() => reject(new Error(`${command}: "${marker}" never appeared; output:\n${output.slice(-2000)}`)), 15_000);
    const send = (keys) => child.stdin.write(keys);
    // Every later marker has the same 15 s bound, so a screen that changed fails the bench instead of hanging it.
    const waitFor = (next) => new Promise((done, fail) => {
      const bound = setTimeout(() => fail(new Error(`${command}: "${next}" never appeared; output:\n${output.slice(-2000)}`)), 15_000);
      waiting = { marker: next, resolve: (ms) => { clearTimeout(bound); done(ms); } };
      check();
    });
    const check = () => {
      if (waiting && output.includes(waiting.marker)) {
        const { resolve: done } = waiting;
        waiting = undefined;
        clearTimeout(timeout);
        done(performance.now() - started);
      }
    };
    child.stdout.on('data', (data) => {
      output += data;
      check();
    });
    child.on('error', reject);
  });
}

function childPid(scriptPid) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const pid = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').trim().split(/\s+/)[0];
      if (pid) return Number(pid);
    } catch {
      // script has not started its child yet
    }
    spawnSync('sleep', ['0.01']);
  }
  return undefined;
}

function stopped(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
  });
}

const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const memoryMb = (pid, field) => Number(/(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((line) => line.startsWith(field)))[1]) / 1024;

const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) {
  report({ figure: 'ui-startup', skipped: 'util-linux script is not installed' });
} else {
  // Start-up: launch to the first painted home frame, against a minimal bundled Ink app that renders one
  // line and exits, timed from launch to exit as bench/run.mjs times every command; its own first frame
  // is reported too. Rounds interleave the two so machine noise hits both alike.
  const baseline = join(work, 'min-ink.mjs');
  await bundle({ contents: "import { render, Text } from 'ink';\nconst app = render(<Text>swelearn-baseline-frame</Text>);\napp.unmount();\n" }, baseline);
  const appCommand = `node ${bin}`;
  const baselineCommand = `node ${baseline}`;
  const appOnce = async () => {
    const run = await startInTerminal(appCommand, '32 cards');
    run.send('q');
    await stopped(run.child);
    return run.ms;
  };
  const baselineOnce = async () => {
    const run = await startInTerminal(baselineCommand, 'swelearn-baseline-frame');
    const code = await stopped(run.child);
    // A baseline that crashes can still print its marker (in the stack trace's source line); only a clean exit counts.
    if (code !== 0) throw new Error(`the minimal Ink app exited with ${code}: the baseline is broken`);
    return { frameMs: run.ms, exitMs: performance.now() - run.startedAt };
  };
  // `swelearn quiz` and `swelearn stats` in a terminal: launch to the first item ("1/20" in its header) and to
  // the first line of the report. A fixed seed and an empty progress store make every round ask the same item.
  const studyOnce = async (args, marker) => {
    const run = await startInTerminal(`env SWELEARN_SEED=7 node ${bin} ${args}`, marker);
    run.send('\u0003');
    await stopped(run.child);
    return run.ms;
  };
  const quizOnce = () => studyOnce('quiz', '1/20');
  const statsOnce = () => studyOnce('stats', 'Progress');
  await appOnce(); // fills the card cache, as any second start finds it
  await baselineOnce();
  await quizOnce();
  await statsOnce();
  const times = { app: [], baselineFrame: [], baselineExit: [], quiz: [], stats: [] };
  for (let round = 0; round < rounds; round++) {
    const base = await baselineOnce();
    times.baselineFrame.push(base.frameMs);
    times.baselineExit.push(base.exitMs);
    times.app.push(await appOnce());
    times.quiz.push(await quizOnce());
    times.stats.push(await statsOnce());
  }
  const app = median(times.app);
  const base = median(times.baselineExit);
  const ratio = (value, to) => Math.round((value / to) * 100) / 100;
  report({ figure: 'ui-baseline: minimal bundled Ink app, launch to exit', medianMs: round1(base), firstFrameMs: round1(median(times.baselineFrame)), rounds });
  report({ figure: 'ui-first-frame: launch to the painted home screen', medianMs: round1(app), baselineMs: round1(base), ratio: ratio(app, base), ratioToBaselineFrame: ratio(app, median(times.baselineFrame)), limitRatio: 1.2, limitMs: 350, ok: app / base <= 1.2 && app <= 350 });
  for (const [name, values] of [['swelearn quiz in a terminal: launch to the first item', times.quiz], ['swelearn stats in a terminal: launch to the report', times.stats]]) {
    const value = median(values);
    report({ figure: name, medianMs: round1(value), baselineMs: round1(base), ratio: ratio(value, base), ratioToBaselineFrame: ratio(value, median(times.baselineFrame)) });
  }

  // Memory and idle CPU of the running app: browse, search, read, then a paused simulation.
  const run = await startInTerminal(appCommand, '32 cards');
  const step = async (keys, marker) => {
    for (const key of keys) run.send(key);
    await run.waitFor(marker);
  };
  await step(['/'], 'Search:');
  await step(['n', 'e', 'g', 'a', 't', 'i', 'v', 'e'], 'results');
  await step(['\r'], 'Reader');
  await step(['s'], 'Scenarios of this card');
  await step(['\r'], 'step 1/23');
  await step(['G'], 'step 23/23');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = cpuMs(run.pid);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = cpuMs(run.pid) - before;
  report({ figure: 'ui-idle-cpu (paused simulator, 2 s)', cpuMs: round1(idle), limitMs: 20, ok: idle <= 20 });
  const rss = memoryMb(run.pid, 'VmRSS:');
  const peak = memoryMb(run.pid, 'VmHWM:');
  report({ figure: 'ui-memory', rssMb: round1(rss), peakRssMb: round1(peak), limitMb: 120, ok: peak <= 120 });
  run.send('\u0003');
  const code = await stopped(run.child);
  report({ figure: 'ui-ctrl-c-exit-code', code, ok: code === 130 });
}

// In-process: keystrokes in the search box and animation frames, on the real components.
const inProcess = join(work, 'ui-latency.mjs');
await bundle({ entry: join(root, 'bench', 'ui-latency.tsx') }, inProcess);
const child = spawnSync(process.execPath, [inProcess, work], { encoding: 'utf8', env: { ...env, SWELEARN_BENCH_ROOT: root } });
if (child.status !== 0) throw new Error(child.stderr || child.stdout);
// Only the JSON lines: Ink may leave a cursor-show sequence on the child's stdout as it exits.
for (const line of child.stdout.split('\n').filter((text) => text.startsWith('{'))) report(JSON.parse(line));

process.exitCode = failures > 0 ? 1 : 0;
