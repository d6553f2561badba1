// In-process UI latency for bench/ui-bench.mjs: the real app rendered by Ink into a fake 100x30 terminal.
// Prints one JSON line per figure. Bundled by ui-bench.mjs; run as `node ui-latency.mjs WORK_DIR`.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { render } from 'ink';
import { SCENARIO_IDS } from '../src/core/dns-sim/scenarios/scenario-ids.js';
import type { World } from '../src/core/dns-sim/world/world.js';
import type { Card } from '../src/core/cards/types.js';
import { loadCards } from '../src/io/load-cards.js';
import { bundledContentDir, bundledWorldDir } from '../src/io/package-paths.js';
import { loadSearchIndex } from '../src/io/search-index-cache.js';
import { loadWorldFolder } from '../src/io/world-folder.js';
import { App } from '../src/ui/app.js';
import { INITIAL_APP, type AppState } from '../src/ui/app-state.js';
import { MAX_FRAMES_PER_SECOND } from '../src/ui/frame-rate.js';
import { openSimulator } from '../src/ui/screens/simulator/simulator-state.js';
import type { AppServices, FrameTimer } from '../src/ui/services.js';
import { makeTheme } from '../src/ui/theme.js';
import { generateCards } from './generate-cards.js';

class FakeTerminalIn extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    return this.queue.shift() ?? null;
  }
  type(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
}

class FakeTerminalOut extends EventEmitter {
  isTTY = true;
  columns = Number(process.env.BENCH_COLUMNS ?? 100);
  rows = 30;
  frames: { at: number; text: string }[] = [];
  write(text: string) {
    this.frames.push({ at: performance.now(), text: text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '') });
    return true;
  }
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a frame written after `since` that satisfies the test; returns when it was written. */
async function frameAfter(out: FakeTerminalOut, since: number, test: (text: string) => boolean): Promise<number> {
  const deadline = performance.now() + 5000;
  for (;;) {
    const frame = out.frames.find((candidate) => candidate.at >= since && test(candidate.text));
    if (frame) return frame.at;
    if (performance.now() > deadline) throw new Error(`no frame matched after ${since}; last: ${out.frames.at(-1)?.text.slice(0, 400)}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function manualTimer(): FrameTimer & { fireNext(): boolean } {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (callback) => {
      queue.set(next, callback);
      return next++;
    },
    clearTimeout: (handle) => void queue.delete(handle as number),
    fireNext() {
      const first = queue.entries().next().value;
      if (!first) return false;
      queue.delete(first[0]);
      first[1]();
      return true;
    },
  };
}

function mount(cards: Card[], world: World, timer: FrameTimer, initialState?: AppState) {
  const stdin = new FakeTerminalIn();
  const stdout = new FakeTerminalOut();
  // The index as the app gets it from the card service: read from the cache the commands share.
  const searchIndex = async () => loadSearchIndex(cards, join(work, 'cache-index'));
  const services: AppServices = { cards, searchIndex, loadWorld: async () => world, timer, now: () => Date.now(), features: new Set() };
  const theme = makeTheme({ colour: true, ascii: false, reducedMotion: false });
  const instance = render(<App services={services} theme={theme} onExit={() => undefined} {...(initialState ? { initialState } : {})} />, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: Number(process.env.BENCH_MAX_FPS ?? MAX_FRAMES_PER_SECOND),
  });
  return { stdin, stdout, instance };
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const round1 = (value: number) => Math.round(value * 10) / 10;

// Typed the way a person types: a key, the list updates, a pause, the next key.
const QUERIES = ['negative caching', 'glue records', 'kubernets ndots', 'ttl', 'anycast bgp'];

async function typingLatency(cards: Card[], world: World, label: string): Promise<void> {
  // The real timer, as in the app: the preview beside the list follows the selection on it.
  const app = mount(cards, world, { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) });
  await frameAfter(app.stdout, 0, (text) => text.includes('cards'));
  await idle(300); // the search index is loaded in the idle time after the first frame
  const latencies: number[] = [];
  for (const query of QUERIES) {
    app.stdin.type('/');
    await frameAfter(app.stdout, 0, (text) => text.includes('Search:'));
    for (let length = 1; length <= query.length; length++) {
      await idle(25);
      const typed = query.slice(0, length);
      const started = performance.now();
      app.stdin.type(query[length - 1]!);
      const painted = await frameAfter(app.stdout, started, (text) => text.includes(`Search: ${typed}`) && /results?|No card matches/.test(text));
      latencies.push(painted - started);
      if (process.env.BENCH_VERBOSE) {
        const before = app.stdout.frames.filter((frame) => frame.at < started).at(-1);
        const between = app.stdout.frames.filter((frame) => frame.at >= started && frame.at < painted).length;
        process.stderr.write(`${typed}: ${(painted - started).toFixed(1)} (previous frame ${before ? (started - before.at).toFixed(1) : '-'} ms before, ${between} frames between)\n`);
      }
    }
    await idle(25);
    app.stdin.type('\u001b');
    await idle(25);
  }
  app.instance.unmount();
  // Without study data and without a terminal: the app's own rendering cost, beside the terminal figures.
  console.log(JSON.stringify({ figure: 'keystroke to frame, in-process, no study data', cards: label, keys: latencies.length, p95Ms: round1(p95(latencies)), maxMs: round1(Math.max(...latencies)) }));
}

async function animationFrames(cards: Card[], world: World): Promise<void> {
  const timer = manualTimer();
  const state: AppState = { ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'simulator', sim: openSimulator('k8s-ndots') }] };
  const app = mount(cards, world, timer, state);
  await frameAfter(app.stdout, 0, (text) => text.includes('step 1/'));
  app.stdin.type(' ');
  await frameAfter(app.stdout, 0, (text) => text.includes('playing'));
  const latencies: number[] = [];
  for (let frame = 0; frame < 200; frame++) {
    await idle(17);
    const started = performance.now();
    if (!timer.fireNext()) break;
    const count = app.stdout.frames.length;
    const painted = await frameAfter(app.stdout, started, () => app.stdout.frames.length > count);
    latencies.push(painted - started);
  }
  app.instance.unmount();
  console.log(JSON.stringify({ figure: 'simulator animation frame', frames: latencies.length, p95Ms: round1(p95(latencies)), maxMs: round1(Math.max(...latencies)), target: 'p95 <= 16 ms', ok: p95(latencies) <= 16 }));
}

const work = process.argv[2] ?? '.bench-tmp';
const scenarioIds = new Set<string>(SCENARIO_IDS);
const world = await loadWorldFolder(bundledWorldDir());
const bundled = await loadCards([{ dir: bundledContentDir(), origin: 'bundled' }], { scenarioIds });
await typingLatency(bundled.cards, world, `${bundled.cards.length} bundled`);
const generated = await loadCards([{ dir: generateCards(join(work, 'cards-1000'), 1000), origin: 'content' }], { cacheDir: join(work, 'cache-1000'), scenarioIds });
await typingLatency(generated.cards, world, '1000 generated');
await animationFrames(bundled.cards, world);
