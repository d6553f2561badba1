import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/core/search/search-index.js';
import { quizRequest } from '../../src/app/study/quiz-request.js';
import type { Card } from '../../src/core/cards/types.js';
import { appAt } from '../../src/ui/app-state.js';
import { openQuiz } from '../../src/ui/screens/quiz/quiz-route.js';
import { initialQuizState } from '../../src/ui/screens/quiz/quiz-state.js';
import { sessionCard, setup } from '../core/quiz/session-fixtures.js';
import { runApp, type RunAppOptions } from '../../src/ui/run-app.js';
import { bundledContent } from './app-harness.js';

class FakeTtyIn extends EventEmitter {
  isTTY = true;
  rawMode = false;
  private queue: string[] = [];
  setRawMode(mode: boolean) {
    this.rawMode = mode;
    return this;
  }
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return this.queue.shift() ?? null;
  }
  type(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
}

function fakeTtyOut(): Writable & { text: () => string; columns: number; rows: number; isTTY: boolean } {
  const chunks: string[] = [];
  const out = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) }) as Writable & { text: () => string; columns: number; rows: number; isTTY: boolean };
  return Object.assign(out, { columns: 80, rows: 24, isTTY: true, text: () => chunks.join('') });
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the app is started with here: its content, no colour, and the console left to the test runner. */
async function options(): Promise<Omit<RunAppOptions, 'stdin' | 'stdout'>> {
  const { cards, world } = await bundledContent();
  return { loadCards: async () => cards, searchIndex: async () => buildSearchIndex(cards), loadWorld: async () => world, patchConsole: false, theme: { colour: false, ascii: false, reducedMotion: false } };
}

async function start() {
  const stdin = new FakeTtyIn();
  const stdout = fakeTtyOut();
  const exit = runApp({ ...(await options()), stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream });
  await until(() => stdin.rawMode);
  return { stdin, stdout, exit };
}

describe('runApp', () => {
  it('takes the alternate screen, and on Ctrl-C gives it back, shows the cursor, leaves raw mode and resolves 130', async () => {
    const { stdin, stdout, exit } = await start();
    expect(stdout.text().startsWith('\u001b[?1049h')).toBe(true);
    stdin.type('\u0003');
    await expect(exit).resolves.toBe(130);
    expect(stdout.text()).toContain('\u001b[?25h\u001b[?1049l');
    expect(stdin.rawMode).toBe(false);
  });

  it('q on the home screen resolves 0 and restores the screen once', async () => {
    const { stdin, stdout, exit } = await start();
    stdin.type('q');
    await expect(exit).resolves.toBe(0);
    expect(stdout.text().split('\u001b[?1049l')).toHaveLength(2);
  });

  it('SIGTERM while running restores the terminal and resolves 143', async () => {
    // Compared by identity, not by count: with CI=true Ink's signal-exit adds a listener of its own.
    const before = process.listeners('SIGTERM');
    const { stdout, exit } = await start();
    const added = process.listeners('SIGTERM').filter((listener) => !before.includes(listener));
    expect(added.length).toBeGreaterThanOrEqual(1);
    // signal-exit (Ink's, active when CI=true) re-raises SIGTERM once it is the last listener, which
    // would kill this test worker; a bystander listener keeps the process alive for the assertions.
    const bystander = () => undefined;
    process.on('SIGTERM', bystander);
    try {
      process.emit('SIGTERM');
      await expect(exit).resolves.toBe(143);
    } finally {
      process.off('SIGTERM', bystander);
    }
    expect(stdout.text()).toContain('\u001b[?1049l');
    // runApp's own handler is gone once it has restored the terminal; at most Ink's signal-exit stays.
    const remaining = process.listeners('SIGTERM').filter((listener) => added.includes(listener));
    expect(remaining.length).toBeLessThan(added.length);
  });
});

describe('runApp writing its first frame', () => {
  // Under CI=true Ink paints only at exit, so the batch then holds the alternate screen alone; in a terminal, Ink's frame too.
  it('writes the alternate screen and whatever Ink draws at its first render to the terminal as one batch', async () => {
    const batches: string[][] = [];
    const stdout = Object.assign(
      new Writable({
        write: (chunk, _encoding, done) => (batches.push([String(chunk)]), done()),
        writev: (chunks, done) => (batches.push(chunks.map(({ chunk }) => String(chunk))), done()),
      }),
      { columns: 80, rows: 24, isTTY: true },
    );
    const writes: { text: string; corked: number }[] = [];
    const write = stdout.write.bind(stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stdout.write = ((chunk: unknown, ...rest: unknown[]) => (writes.push({ text: String(chunk), corked: stdout.writableCorked }), write(chunk, ...rest))) as typeof stdout.write;
    const stdin = new FakeTtyIn();
    const exit = runApp({ ...(await options()), stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream });
    await until(() => stdin.rawMode);
    expect(writes[0]).toEqual({ text: '\u001b[?1049h\u001b[H', corked: 1 });
    const held = writes.filter((one) => one.corked > 0).map((one) => one.text);
    expect(batches[0]).toEqual(held);
    expect(stdout.writableCorked).toBe(0);
    // Ink's own test of CI (is-in-ci): there it draws nothing until exit; anywhere else the first frame is in the batch.
    const inkWaitsForExit = ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in process.env && process.env[key] !== '0' && process.env[key] !== 'false');
    if (!inkWaitsForExit) expect(held.join('')).toContain(`${(await bundledContent()).cards.length} cards`);
    stdin.type('\u0003');
    await expect(exit).resolves.toBe(130);
  });
});

describe("runApp given the cards' metadata (the app opened at a quiz)", () => {
  it('reads the cards only once Ink has written the first frame', async () => {
    const stdin = new FakeTtyIn();
    const stdout = fakeTtyOut();
    const card = { ...sessionCard, origin: 'user' as const, path: '/learner/cards/ttl.md' };
    const session = setup('flashcard');
    const launch = { session, record: () => ({ ok: true as const }), clockOffsetMs: 0, close: () => undefined };
    const calls: string[] = [];
    const loadCards = async (): Promise<Card[]> => {
      calls.push('cards read');
      return [card];
    };
    const initialState = appAt({ kind: 'quiz', quiz: openQuiz(quizRequest(), launch, initialQuizState(session, Date.now())) });
    const exit = runApp({
      ...(await options()), loadCards, cardMetas: [card], initialState, onFirstFrame: () => calls.push('first frame'),
      stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream,
    });
    await until(() => calls.length === 2);
    expect(calls).toEqual(['first frame', 'cards read']);
    stdin.type('\u0003');
    await expect(exit).resolves.toBe(130);
  });
});

describe('runApp when Ink cannot start', () => {
  it('hands the terminal back before the error is reported', async () => {
    const stdout = fakeTtyOut();
    // An input that is not a terminal at all: Ink refuses it; the alternate screen must not be left behind.
    const stdin = { isTTY: true } as unknown as NodeJS.ReadStream;
    const exit = runApp({ ...(await options()), loadCards: async () => [], stdin, stdout: stdout as unknown as NodeJS.WriteStream });
    await expect(exit).rejects.toThrow();
    expect(stdout.text()).toMatch(/\u001b\[\?1049h.*\u001b\[\?1049l/s);
  });
});
