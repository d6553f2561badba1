import { afterEach, describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/core/dns-sim/session/session-file.js';
import { INITIAL_APP, type AppState } from '../../src/ui/app-state.js';
import { buildRun, NO_WHAT_IF, type WhatIf } from '../../src/ui/screens/simulator/build-run.js';
import { openSessionRun } from '../../src/ui/screens/simulator/simulator-state.js';
import { bundledContent, renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

function sessionAt(text: string): AppState {
  const parsed = parseSessionFile(text, 'lesson.yaml');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0]!.message);
  const sim = openSessionRun({ kind: 'session', session: { file: 'lesson.yaml', steps: parsed.steps, warnings: [] } }, undefined);
  return { ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'simulator', sim }] };
}

const TWO_QUESTIONS = '- ask: www.example.com\n  type: A\n- wait: 1m\n- ask: www.example.com\n  type: A\n';
const DIG = '- ask: www.example.com\n  type: A\n- ask: www.example.com\n  client: dig\n  dig: +norec\n';

describe('simulator: a session', () => {
  it('plays both questions as one animation, the step list following the question that plays', async () => {
    app = await renderApp({ initialState: sessionAt(TWO_QUESTIONS), columns: 100, rows: 30 });
    let frame = await app.waitForFrame('Session lesson.yaml');
    expect(frame).toMatch(/question 1 of 2: ›1 www\.example\.com A\s+2 wait 60\.0 s\s+3 www\.example\.com A/);
    await app.press('space');
    await app.timer.advance(120_000);
    frame = await app.waitForFrame('Done: ANSWER');
    const frames = app.frames();
    // The first question's walk from the root plays under its own entry of the list, then the second question's.
    const first = frames.findIndex((shown) => shown.includes('question 1 of 2') && shown.includes('REFERRAL'));
    const second = frames.findIndex((shown) => shown.includes('question 2 of 2') && shown.includes('›3 www.example.com A'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(frame).toContain('Done: ANSWER in 248 ms (203.0.113.10); ANSWER in');
  });

  it("answers the second question from the cache the first one filled, the TTL counted down over the wait", async () => {
    app = await renderApp({ initialState: sessionAt(TWO_QUESTIONS), columns: 100, rows: 30 });
    await app.waitForFrame('question 1 of 2');
    await app.press('G');
    const frame = await app.waitForFrame('question 2 of 2');
    expect(frame).toContain('cache hit');
    // Stored at 0.25 s with 300 s, looked up a minute after the first question ended.
    expect(frame).toMatch(/www\.example\.com A\s+240 s\s+203\.0\.113\.10/);
  });

});

describe('simulator: what-if for a session', () => {
  const runOf = async (whatIf: Partial<WhatIf>, seed?: number) => {
    const { world } = await bundledContent();
    const parsed = parseSessionFile(TWO_QUESTIONS, 'lesson.yaml');
    const run = buildRun(world, { kind: 'session', session: { file: 'lesson.yaml', steps: parsed.steps, warnings: [] } }, seed, { ...NO_WHAT_IF, ...whatIf });
    if ('error' in run) throw new Error(run.error);
    return run;
  };

  it('w offers what applies to the whole session (QNAME minimisation, the resolver program, a new seed, undo), not the one-question what-ifs', async () => {
    app = await renderApp({ initialState: sessionAt(TWO_QUESTIONS), columns: 100, rows: 30 });
    await app.waitForFrame('question 1 of 2');
    await app.press('w');
    const frame = await app.waitForFrame('› QNAME minimisation: on');
    expect(frame).toContain('Resolver program: Unbound 1.17.1');
    expect(frame).toContain('New seed (now 1)');
    expect(frame).toContain('Undo every what-if');
    expect(frame).not.toContain('Take a server down');
    expect(frame).not.toContain('Advance the clock');
  });

  it.each([
    [1, 'BIND 9.18.49', 'bind'],
    [2, 'Knot Resolver 5.6.0', 'knot'],
  ] as const)('switching the resolver program (row %i, %s) reruns both questions as that program, on one cache', async (moves, name, id) => {
    app = await renderApp({ initialState: sessionAt(TWO_QUESTIONS), columns: 100, rows: 30 });
    await app.waitForFrame('question 1 of 2');
    await app.press('w', 'j', 'enter');
    await app.waitForFrame('Which resolver program?');
    await app.press(...Array<string>(moves).fill('j'), 'enter');
    await app.waitForFrame(`what-if: the resolver behaves like ${name}; running again`);
    const expected = await runOf({ personality: id });
    expect(expected.result.resolverModel.name).toBe(name);
    await app.press('p', 'G');
    const last = expected.result.events.length;
    const frame = await app.waitForFrame(`step ${last}/${last}`);
    expect(frame).toContain('question 2 of 2');
    await app.press('w');
    await app.waitForFrame(`Resolver program: ${name}`);
  });

  it('QNAME minimisation off reruns the session without it: the first question asks the root for the full name', async () => {
    app = await renderApp({ initialState: sessionAt(TWO_QUESTIONS), columns: 100, rows: 30 });
    await app.waitForFrame('question 1 of 2');
    await app.press('w', 'enter');
    await app.waitForFrame('what-if: QNAME minimisation off; running again');
    const expected = await runOf({ qnameMinimisation: false });
    // The first query to a root server after priming (whose question is the root itself).
    const toRoot = expected.result.events.find((event) => event.type === 'query-sent' && event.to.role === 'root' && event.queryIndex === 0 && event.message.question.name !== '');
    expect(toRoot?.type === 'query-sent' && toRoot.message.question.name).toBe('www.example.com');
    await app.press('p', 'G');
    await app.waitForFrame(`step ${expected.result.events.length}/${expected.result.events.length}`);
    await app.press('w');
    await app.waitForFrame('› QNAME minimisation: off');
  });

  it('a new seed from the menu reruns the whole session with the next seed, and the menu then shows that seed', async () => {
    app = await renderApp({ initialState: sessionAt(TWO_QUESTIONS), columns: 100, rows: 30 });
    await app.waitForFrame('question 1 of 2');
    await app.press('w', 'j', 'j', 'enter');
    await app.waitForFrame('new seed 2: servers and round-trip times drawn again');
    const frame = await app.waitForFrame((shown) => !shown.includes('What if'));
    expect(frame).toMatch(/seed 2 · step 1\/\d+/);
    expect(frame).toContain('question 1 of 2');
    await app.press('w');
    await app.waitForFrame('New seed (now 2)');
  });
});

describe('simulator: a dig question', () => {
  it("shows dig's header and sections once the reply reaches dig, and the panels again before it", async () => {
    app = await renderApp({ initialState: sessionAt(DIG), columns: 100, rows: 40 });
    await app.waitForFrame('question 1 of 2');
    await app.press('G');
    let frame = await app.waitForFrame('What dig prints for question 2');
    expect(frame).toMatch(/›2 dig www\.example\.com A \+norec/);
    expect(frame).toContain('; <<>> DiG 9.18 (simulated by swelearn) <<>> www.example.com A +norec');
    expect(frame).toMatch(/;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+/);
    expect(frame).toContain(';; flags: qr ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1');
    expect(frame).toContain(';; ANSWER SECTION:');
    // dig's columns, its tabs as spaces: TTL at 24, class at 32, type at 40, data at 48.
    const record = frame.split('\n').find((line) => line.startsWith('www.example.com.'))!;
    expect([record.indexOf('300'), record.indexOf('IN'), record.indexOf(' A ') + 1, record.indexOf('203.0.113.10')]).toEqual([24, 32, 40, 48]);
    await app.press('h', 'h');
    frame = await app.waitForFrame((shown) => !shown.includes('What dig prints'));
    expect(frame).toContain('Timeline');
  });

  it("shows no dig printout for the stub's question", async () => {
    app = await renderApp({ initialState: sessionAt(DIG), columns: 100, rows: 40 });
    await app.waitForFrame('question 1 of 2');
    for (let step = 0; step < 17; step++) await app.press('l');
    const frame = await app.waitForFrame('step 18/');
    expect(frame).toContain('question 1 of 2');
    expect(frame).not.toContain('What dig prints');
  });
});
