import { afterEach, describe, expect, it } from 'vitest';
import { formatTraceText } from '../../src/core/dns-sim/report/format-trace.js';
import { INITIAL_APP, type AppState } from '../../src/ui/app-state.js';
import { buildRun, NO_WHAT_IF } from '../../src/ui/screens/simulator/build-run.js';
import { openSimulator } from '../../src/ui/screens/simulator/simulator-state.js';
import { stepLabel } from '../../src/ui/screens/simulator/step-label.js';
import { bundledContent, renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

function simulatorAt(scenarioId?: string): AppState {
  return { ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'simulator', sim: openSimulator(scenarioId) }] };
}

async function coldCache(options: { columns?: number; rows?: number; reducedMotion?: boolean } = {}): Promise<Harness> {
  app = await renderApp({ initialState: simulatorAt('cold-cache'), columns: options.columns ?? 100, rows: options.rows ?? 30, theme: { reducedMotion: options.reducedMotion ?? false } });
  await app.waitForFrame('step 1/14');
  return app;
}

describe('simulator: choosing what to run', () => {
  it('lists the scenarios with the selected one described, and Enter runs it', async () => {
    app = await renderApp({ initialState: simulatorAt() });
    let frame = await app.waitForFrame('pick a scenario');
    expect(frame).toMatch(/› cold-cache\s+Cold cache: the full walk from the root/);
    expect(frame).toContain('knows only the root hints');
    await app.press('j');
    frame = await app.waitForFrame(/› warm-cache/);
    expect(frame).toContain('Someone asked for www.example.com a minute ago');
    await app.press('k', 'enter');
    await app.waitForFrame(/Cold cache: the full walk from the root\s+seed 1 · step 1\/14/);
  });

  it('resolves a typed name with the chosen record type, and rejects a malformed name with the rule it breaks', async () => {
    app = await renderApp({ initialState: simulatorAt() });
    await app.press('c');
    await app.waitForFrame('Name:');
    await app.press(...'www.example.org'.split(''), 'down');
    await app.waitForFrame('[AAAA]');
    await app.press('enter');
    await app.waitForFrame(/Resolve www\.example\.org AAAA\s+seed 1 · step 1\//);
    await app.press('escape', 'c', 'ctrl-u', ...'a..b'.split(''), 'enter');
    await app.waitForFrame(/RFC 1035/);
    await app.press('escape');
    await app.waitForFrame('pick a scenario');
  });

  it('Esc goes from a run chosen here back to the list, then home', async () => {
    app = await renderApp({ initialState: simulatorAt() });
    await app.press('enter');
    await app.waitForFrame('step 1/14');
    await app.press('escape');
    await app.waitForFrame('pick a scenario');
    await app.press('escape');
    await app.waitForFrame('32 cards');
  });
});

describe('simulator: playback', () => {
  it('steps forward with l and →, the message travelling along its arrow until it arrives; paused, no timer is left', async () => {
    const sim = await coldCache();
    await sim.press('l');
    let frame = await sim.waitForFrame('step 2/14');
    expect(frame).toContain('●');
    expect(sim.timer.pending()).toBe(1);
    await sim.timer.advance(1000);
    frame = await sim.waitForFrame((text) => text.includes('A? www.example.com') && !text.includes('●'));
    expect(frame).toMatch(/│─+▶│ A\? www\.example\.com/);
    expect(sim.timer.pending()).toBe(0);
    await sim.press('right');
    await sim.waitForFrame('step 3/14');
  });

  it('h and ← step back, g and G go to the ends; at the end the outcome is shown', async () => {
    const sim = await coldCache();
    await sim.press('G');
    let frame = await sim.waitForFrame('step 14/14');
    expect(frame).toMatch(/Done: ANSWER in 257 ms \(203\.0\.113\.10\)/);
    await sim.press('h');
    await sim.waitForFrame('step 13/14');
    await sim.press('left');
    await sim.waitForFrame('step 12/14');
    await sim.press('g');
    frame = await sim.waitForFrame('step 1/14');
    expect(frame).toContain('Space plays');
    await sim.press('end');
    await sim.waitForFrame('step 14/14');
    await sim.press('home');
    await sim.waitForFrame('step 1/14');
  });

  it('space and p play and pause; playing advances on the timer, paused it schedules nothing', async () => {
    const sim = await coldCache();
    await sim.press('space');
    await sim.waitForFrame('▶ playing 1x');
    await sim.timer.advance(3000);
    const playing = await sim.waitForFrame(/step [4-6]\/14/);
    const step = /step (\d+)\/14/.exec(playing)![1];
    await sim.press('p');
    await sim.waitForFrame('⏸ paused');
    await sim.timer.advance(5000);
    expect(sim.timer.pending()).toBe(0);
    expect(sim.frameText()).toContain(`step ${step}/14`);
  });

  it('plays to the end and stops; play at the end starts over', async () => {
    const sim = await coldCache();
    await sim.press('space');
    await sim.waitForFrame('playing');
    // Every step, and the travel frames between them, on the app's timer until nothing more is scheduled.
    for (let ticks = 0; ticks < 2000 && sim.timer.pending() > 0; ticks++) await sim.timer.advance(100);
    const end = await sim.waitForFrame(/step 14\/14.*paused/);
    expect(end).not.toContain('playing');
    expect(sim.timer.pending()).toBe(0);
    await sim.press('space');
    await sim.waitForFrame(/step 1\/14.*playing/);
  });

  it('+ and - change the speed', async () => {
    const sim = await coldCache();
    await sim.press('+');
    await sim.waitForFrame('paused 2x');
    await sim.press('=', '=');
    await sim.waitForFrame('paused 4x');
    await sim.press('-', '-', '-', '_');
    await sim.waitForFrame('paused 0.25x');
  });

  it('with reduced motion a step appears whole at once and no animation timer runs', async () => {
    const sim = await coldCache({ reducedMotion: true });
    await sim.press('l');
    const frame = await sim.waitForFrame('step 2/14');
    expect(frame).not.toContain('●');
    expect(frame).toMatch(/─+▶│ A\? www\.example\.com/);
    expect(sim.timer.pending()).toBe(0);
  });

  it('r restarts with a new seed and, at the end, says what changed', async () => {
    const sim = await coldCache();
    await sim.press('r');
    await sim.waitForFrame(/seed 2 · step 1\//);
    await sim.waitForFrame('new seed 2');
    await sim.press('G');
    await sim.waitForFrame(/before: ANSWER 257 ms, 3 upstream, 0 hits {2}→ {2}now: ANSWER \d+ ms/);
  });
});

describe('simulator: panels', () => {
  it('the timeline shows each step with the virtual time and, with room for it, the time since the step before', async () => {
    const sim = await coldCache({ columns: 120 });
    await sim.press('G');
    const frame = await sim.waitForFrame('Timeline  (step 14 of 14)');
    expect(frame).toMatch(/255 ms\s+\+179 ms\s+auth → resolver\s+ANSWER 1 rec/);
  });

  it('the cache fills as answers arrive, and TTLs count down on the virtual clock', async () => {
    app = await renderApp({ initialState: simulatorAt('stale-after-migration'), columns: 140, rows: 34 });
    await app.waitForFrame('step 1/');
    await app.press('l', 'l', 'l', 'l', 'l', 'l');
    await app.waitForFrame(/com NS\s+86400 s/);
    await app.press('G');
    const frame = await app.waitForFrame(/Cache at 62\.\d min|Cache at 1\.0 h|Cache at 62 min/);
    expect(frame).toMatch(/com NS\s+8\d{4} s/);
    expect(frame).not.toMatch(/com NS\s+86400 s/);
  });

  it('the packet inspector shows the header flags as 1/0, the question, the sections and the size; x shows the hex bytes', async () => {
    const sim = await coldCache();
    await sim.press('i');
    await sim.press('l');
    let frame = await sim.waitForFrame('Packet: query stub -> resolver over UDP');
    expect(frame).toMatch(/QR=0 AA=0 TC=0 RD=1 RA=0 AD=0 CD=0/);
    expect(frame).toMatch(/question\s+www\.example\.com A/);
    expect(frame).toMatch(/33 bytes/);
    await sim.press('x');
    frame = await sim.waitForFrame(/0000 {2}[0-9a-f]{2} [0-9a-f]{2}/);
    await sim.press('i');
    await sim.waitForFrame('Cache at');
  });

  it('T shows the plain transcript, the same text `swelearn sim --scenario cold-cache` prints', async () => {
    const sim = await coldCache({ columns: 120, rows: 40 });
    await sim.press('T');
    const frame = await sim.waitForFrame('transcript: lines 1-');
    const { world } = await bundledContent();
    const run = buildRun(world, { kind: 'scenario', id: 'cold-cache' }, undefined, NO_WHAT_IF);
    if ('error' in run) throw new Error(run.error);
    const expected = formatTraceText(run.result, run.heading, { color: false }).split('\n').slice(0, 12);
    const shown = frame.split('\n').slice(0, 12).map((line) => line.trimEnd());
    expect(shown).toEqual(expected.map((line) => line.trimEnd()));
    await sim.press('G');
    await sim.waitForFrame(';; question 1: www.example.com A -> ANSWER');
    await sim.press('escape');
    await sim.waitForFrame('step 1/14');
  });
});

describe('simulator at 80x24', () => {
  it('shows every step\'s label whole in the timeline, and its explanation whole above the diagram', async () => {
    const sim = await coldCache({ columns: 80, rows: 24, reducedMotion: true });
    const { world } = await bundledContent();
    const run = buildRun(world, { kind: 'scenario', id: 'cold-cache' }, undefined, NO_WHAT_IF);
    if ('error' in run) throw new Error(run.error);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const [index, event] of run.result.events.entries()) {
      if (index > 0) await sim.press('l');
      const lines = (await sim.waitForFrame(`Timeline  (step ${index + 1} of 14)`)).split('\n');
      const current = lines.findIndex((line) => line.startsWith('›'));
      expect(`${lines[current]}\n${lines[current + 1]}`, `step ${index + 1}`).toContain(stepLabel(event));
      expect(oneLine(lines.slice(1, 5).join(' ')), `step ${index + 1}`).toContain(oneLine(event.explanation));
    }
  });
});

describe('simulator: what-if', () => {
  it('takes a server down and runs again, then shows what changed', async () => {
    const sim = await coldCache();
    await sim.press('w');
    await sim.waitForFrame('What if');
    await sim.press('enter');
    let frame = await sim.waitForFrame('Take a server down');
    expect(frame).toMatch(/up {4}ns1\.example\.com\s+asked in this run/);
    await sim.press('j', 'j', 'enter');
    frame = await sim.waitForFrame(/DOWN {2}ns1\.example\.com/);
    expect(frame).toContain('what-if: ns1.example.com is down; running again');
    await sim.press('escape', 'escape', 'G');
    frame = await sim.waitForFrame('before: ANSWER 257 ms, 3 upstream');
    expect(frame).toMatch(/now: ANSWER \d+ ms, 4 upstream, 0 hits/);
    expect(frame).toMatch(/no reply: timeout/);
  });

  it('changes a TTL with + and -, asks again later, and the cache answers with the TTL counted down', async () => {
    const sim = await coldCache();
    await sim.press('w', 'j', 'enter');
    await sim.waitForFrame(/www\.example\.com A\s+TTL 300 s/);
    await sim.press('+');
    await sim.waitForFrame(/www\.example\.com A\s+TTL 900 s/);
    await sim.press('-', '-');
    await sim.waitForFrame(/www\.example\.com A\s+TTL 60 s/);
    await sim.press('escape', 'j', 'j', 'enter', 'j', 'enter');
    await sim.waitForFrame(/the same question again 1 minute later.*|step 15\/19/);
    await sim.press('G');
    const frame = await sim.waitForFrame('step 19/19');
    // The answer cached with the new 60 s TTL is asked for again a minute later: 1 s is left, and the cache answers.
    expect(frame).toMatch(/www\.example\.com A\s+1 s\s+203\.0\.113\.10/);
    expect(frame).toContain('cache hit');
    expect(frame).toMatch(/now: ANSWER, ANSWER \d+ ms, 3 upstream, 1 hit/);
  });

  it('switches QNAME minimisation off, and undoes every what-if', async () => {
    const sim = await coldCache();
    await sim.press('w', 'j', 'j', 'j');
    await sim.waitForFrame('› QNAME minimisation: on');
    await sim.press('enter');
    await sim.waitForFrame('QNAME minimisation off; running again');
    await sim.press('l', 'l', 'l');
    let frame = await sim.waitForFrame('step 4/');
    expect(frame).toContain('A? www.example.com');
    await sim.press('w', 'j', 'j', 'j', 'j', 'j', 'enter');
    frame = await sim.waitForFrame('every what-if undone');
    await sim.press('w', 'j', 'j', 'j');
    await sim.waitForFrame('› QNAME minimisation: on');
  });

  it('switches the resolver program, and the run is the one that program would do', async () => {
    const sim = await coldCache();
    await sim.press('w', 'j', 'j', 'j', 'j');
    await sim.waitForFrame('› Resolver program: reference model');
    await sim.press('enter');
    const menu = await sim.waitForFrame('Which resolver program?');
    expect(menu).toMatch(/in use {2}reference model/);
    expect(menu).toMatch(/BIND/);
    await sim.press('j', 'j', 'enter');
    const frame = await sim.waitForFrame(/what-if: the resolver behaves like BIND[^;]*; running again/);
    expect(frame).not.toContain('Which resolver program?');
    await sim.press('w', 'j', 'j', 'j', 'j');
    await sim.waitForFrame(/› Resolver program: BIND/);
  });
});
