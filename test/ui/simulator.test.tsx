import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
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
  await app.waitForFrame('step 1/18');
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
    await app.waitForFrame(/Cold cache: the full walk from the root\s+seed 1 · step 1\/18/);
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
    await app.waitForFrame('step 1/18');
    await app.press('escape');
    await app.waitForFrame('pick a scenario');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });
});

describe('simulator: playback', () => {
  it('steps forward with l and →, the message travelling along its arrow until it arrives; paused, no timer is left', async () => {
    const sim = await coldCache();
    await sim.press('l');
    let frame = await sim.waitForFrame('step 2/18');
    expect(frame).toContain('●');
    expect(sim.timer.pending()).toBe(1);
    await sim.timer.advance(1000);
    frame = await sim.waitForFrame((text) => text.includes('A? www.example.com') && !text.includes('●'));
    expect(frame).toMatch(/│─+▶│ A\? www\.example\.com/);
    expect(sim.timer.pending()).toBe(0);
    await sim.press('right');
    await sim.waitForFrame('step 3/18');
  });

  it('h and ← step back, g and G go to the ends; at the end the outcome is shown', async () => {
    const sim = await coldCache();
    await sim.press('G');
    let frame = await sim.waitForFrame('step 18/18');
    expect(frame).toMatch(/Done: ANSWER in 248 ms \(203\.0\.113\.10\)/);
    await sim.press('h');
    await sim.waitForFrame('step 17/18');
    await sim.press('left');
    await sim.waitForFrame('step 16/18');
    await sim.press('g');
    frame = await sim.waitForFrame('step 1/18');
    expect(frame).toContain('Space plays');
    await sim.press('end');
    await sim.waitForFrame('step 18/18');
    await sim.press('home');
    await sim.waitForFrame('step 1/18');
  });

  it('space and p play and pause; playing advances on the timer, paused it schedules nothing', async () => {
    const sim = await coldCache();
    await sim.press('space');
    await sim.waitForFrame('▶ playing 1x');
    await sim.timer.advance(3000);
    const playing = await sim.waitForFrame(/step [4-6]\/18/);
    const step = /step (\d+)\/18/.exec(playing)![1];
    await sim.press('p');
    await sim.waitForFrame('⏸ paused');
    await sim.timer.advance(5000);
    expect(sim.timer.pending()).toBe(0);
    expect(sim.frameText()).toContain(`step ${step}/18`);
  });

  it('plays to the end and stops; play at the end starts over', async () => {
    const sim = await coldCache();
    await sim.press('space');
    await sim.waitForFrame('playing');
    // Every step, and the travel frames between them, on the app's timer until nothing more is scheduled.
    for (let ticks = 0; ticks < 2000 && sim.timer.pending() > 0; ticks++) await sim.timer.advance(100);
    const end = await sim.waitForFrame(/step 18\/18.*paused/);
    expect(end).not.toContain('playing');
    expect(sim.timer.pending()).toBe(0);
    await sim.press('space');
    await sim.waitForFrame(/step 1\/18.*playing/);
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
    const frame = await sim.waitForFrame('step 2/18');
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
    await sim.waitForFrame(/before: ANSWER 248 ms, 4 upstream, 0 hits {2}→ {2}now: ANSWER \d+ ms/);
  });
});

describe('simulator: panels', () => {
  it('the timeline shows each step with the virtual time and, with room for it, the time since the step before', async () => {
    const sim = await coldCache({ columns: 120 });
    await sim.press('G');
    const frame = await sim.waitForFrame('Timeline  (step 18 of 18)');
    expect(frame).toMatch(/246 ms\s+\+167 ms\s+auth → resolver\s+ANSWER 1 rec/);
  });

  it('the cache fills as answers arrive, and TTLs count down on the virtual clock', async () => {
    app = await renderApp({ initialState: simulatorAt('stale-after-migration'), columns: 140, rows: 34 });
    await app.waitForFrame('step 1/');
    // Step 10: after priming the root, the com referral is cached.
    await app.press('l', 'l', 'l', 'l', 'l', 'l', 'l', 'l', 'l');
    await app.waitForFrame(/step 10\/.*com NS\s+86400 s/s);
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
    await sim.waitForFrame('step 1/18');
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
      const lines = (await sim.waitForFrame(`Timeline  (step ${index + 1} of 18)`)).split('\n');
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
    // The servers the run asked come first, in the world's order: two roots (priming, then com.), a com server, ns1.
    await sim.press('j', 'j', 'j');
    await sim.waitForFrame(/› up {4}ns1\.example\.com/);
    await sim.press('enter');
    frame = await sim.waitForFrame(/› DOWN {2}ns1\.example\.com/);
    expect(frame).toContain('what-if: ns1.example.com is down; running again');
    await sim.press('escape', 'escape', 'G');
    frame = await sim.waitForFrame('before: ANSWER 248 ms, 4 upstream, 0 hits');
    // Unbound tries the silent ns1 four times before ns2 answers, too late for the client (its 1.9 s discard-timeout):
    // the stub's own retry after 5 s finds the answer in the cache.
    expect(frame).toMatch(/now: ANSWER 5\.00 s, 8 upstream, 1 hit/);
    expect(frame).toMatch(/no reply: timeout/);
  });

  it('keeps the cursor on the server just switched when the run asks other servers, so Enter again brings it back', async () => {
    const sim = await coldCache();
    await sim.press('w', 'enter', 'j', 'j');
    await sim.waitForFrame(/› up {4}d\.gtld-servers\.net/);
    await sim.press('enter');
    // With d.gtld down the run asks another com server, which now lists before it.
    let frame = await sim.waitForFrame(/› DOWN {2}d\.gtld-servers\.net/);
    expect(frame).toMatch(/up {4}b\.gtld-servers\.net\s+asked in this run[^\n]*\n[^\n]*DOWN {2}d\.gtld-servers\.net/);
    await sim.press('enter');
    frame = await sim.waitForFrame('what-if: d.gtld-servers.net is up; running again');
    expect(frame).toMatch(/› up {4}d\.gtld-servers\.net/);
    expect(frame).not.toContain('DOWN');
  });

  it('changes a TTL with + and -, asks again later, and the cache answers with the TTL counted down', async () => {
    const sim = await coldCache();
    await sim.press('w', 'j', 'enter');
    // The root's NS set from priming is the first authoritative answer of the walk, shown by its name ".".
    await sim.waitForFrame(/› \. NS\s+TTL 518400 s/);
    await sim.press('j');
    await sim.waitForFrame(/› www\.example\.com A\s+TTL 300 s/);
    await sim.press('+');
    await sim.waitForFrame(/www\.example\.com A\s+TTL 900 s/);
    await sim.press('-', '-');
    await sim.waitForFrame(/www\.example\.com A\s+TTL 60 s/);
    await sim.press('escape', 'j', 'j', 'enter', 'j', 'enter');
    await sim.waitForFrame(/the same question again 1 minute later.*|step 19\/23/);
    await sim.press('G');
    const frame = await sim.waitForFrame('step 23/23');
    // The answer cached with the new 60 s TTL is asked for again a minute later: 1 s is left, and the cache answers.
    expect(frame).toMatch(/www\.example\.com A\s+1 s\s+203\.0\.113\.10/);
    expect(frame).toContain('cache hit');
    expect(frame).toMatch(/now: ANSWER, ANSWER \d+ ms, 4 upstream, 1 hit/);
  });

  it('switches QNAME minimisation off, and undoes every what-if', async () => {
    const sim = await coldCache();
    // Step 8, after priming the root: the query to the root, as the timeline's current row shows it.
    const step8 = async () => {
      const lines = (await sim.waitForFrame('Timeline  (step 8 of 18)')).split('\n');
      const current = lines.findIndex((line) => line.startsWith('›'));
      return `${lines[current]}\n${lines[current + 1]}`;
    };
    await sim.press('l', 'l', 'l', 'l', 'l', 'l', 'l');
    expect(await step8()).toMatch(/resolver → root\s+A\? com\s*$/);
    await sim.press('w', 'j', 'j', 'j');
    await sim.waitForFrame('› QNAME minimisation: on');
    await sim.press('enter');
    await sim.waitForFrame('QNAME minimisation off; running again');
    await sim.press('p', 'g', 'l', 'l', 'l', 'l', 'l', 'l', 'l');
    expect(await step8()).toMatch(/resolver → root\s+A\? www\.example\.com\s*$/);
    await sim.press('w', 'j', 'j', 'j', 'j', 'j', 'enter');
    await sim.waitForFrame('every what-if undone');
    await sim.press('w', 'j', 'j', 'j');
    await sim.waitForFrame('› QNAME minimisation: on');
  });

  it.each([
    // Rows down from the top of the list (Unbound, the default, in use), the program and its --resolver id, its steps in the cold walk, and the change line
    // (Knot primes at start-up, so its root NS set is a cache hit rather than a query).
    [0, 'Unbound 1.17.1', 'unbound', 18, 'no change: ANSWER 248 ms, 4 upstream, 0 hits'],
    [1, 'BIND 9.18.49', 'bind', 25, 'now: ANSWER 273 ms, 6 upstream, 0 hits'],
    [2, 'Knot Resolver 5.6.0', 'knot', 18, 'now: ANSWER 215 ms, 4 upstream, 1 hit'],
  ] as const)('switches the resolver program (row %i: %s), and the run is the one that program would do', async (moves, name, id, steps, change) => {
    const sim = await coldCache();
    await sim.press('w', 'j', 'j', 'j', 'j');
    await sim.waitForFrame('› Resolver program: Unbound 1.17.1');
    await sim.press('enter');
    const menu = await sim.waitForFrame('Which resolver program?');
    expect(menu).toMatch(/› in use {2}Unbound 1\.17\.1/);
    expect(menu).toMatch(/ {8}BIND 9\.18\.49/);
    expect(menu).toMatch(/ {8}Knot Resolver 5\.6\.0/);
    await sim.press(...Array<string>(moves).fill('j'), 'enter');
    const frame = await sim.waitForFrame(`what-if: the resolver behaves like ${name}; running again`);
    expect(frame).not.toContain('Which resolver program?');
    expect(frame).toContain(`step 1/${steps}`);
    const { world } = await bundledContent();
    const expected = buildRun(world, { kind: 'scenario', id: 'cold-cache' }, undefined, { ...NO_WHAT_IF, personality: id });
    if ('error' in expected) throw new Error(expected.error);
    expect(expected.result.events).toHaveLength(steps);
    await sim.press('p', 'G');
    await sim.waitForFrame(`step ${steps}/${steps}`);
    await sim.waitForFrame(change);
    await sim.press('w', 'j', 'j', 'j', 'j');
    await sim.waitForFrame(`› Resolver program: ${name}`);
    await sim.press('enter');
    expect(await sim.waitForFrame('Which resolver program?')).toContain(`in use  ${name}`);
  });
});
