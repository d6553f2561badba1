import { render } from 'ink-testing-library';
import type { Card } from '../../src/core/cards/types.js';
import type { World } from '../../src/core/dns-sim/world/world.js';
import { loadWorldFolder } from '../../src/io/world-folder.js';
import { bundledWorldDir } from '../../src/io/package-paths.js';
import { App } from '../../src/ui/app.js';
import type { AppState } from '../../src/ui/app-state.js';
import type { Feature } from '../../src/ui/keymap.js';
import type { StudyBadge } from '../../src/app/study/card-states.js';
import type { StudyPort } from '../../src/app/study/study-port.js';
import { buildSearchIndex } from '../../src/core/search/search-index.js';
import type { AppServices, CardEditor, FrameTimer } from '../../src/ui/services.js';
import { makeTheme, type ThemeOptions } from '../../src/ui/theme.js';
import { loadBundledCards } from '../content/load-bundled.js';

/** Key names the harness understands; anything else is typed as it is. */
const KEYS: Record<string, string> = {
  up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D', enter: '\r', escape: '\u001b', tab: '\t', 'shift-tab': '\u001b[Z',
  backspace: '\u007f', space: ' ', pageup: '\u001b[5~', pagedown: '\u001b[6~', home: '\u001b[H', end: '\u001b[F',
  'ctrl-c': '\u0003', 'ctrl-d': '\u0004', 'ctrl-u': '\u0015', 'ctrl-w': '\u0017', 'ctrl-n': '\u000e', 'ctrl-p': '\u0010', 'ctrl-z': '\u001a',
};

/** A timer the test advances by hand, so animation is tested without faking the clocks React needs. */
export interface ManualTimer extends FrameTimer {
  /** Runs the callbacks due within the next ms milliseconds in time order, letting the app render (and re-arm) after each. */
  advance(ms: number): Promise<void>;
  /** How many callbacks are waiting: 0 means the app has no timer at all. */
  pending(): number;
  /** Milliseconds advanced so far. */
  elapsed(): number;
}

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** Creates a manual timer. */
export function manualTimer(): ManualTimer {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...queue.entries()].filter(([, entry]) => entry.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await settle();
      }
      now = until;
    },
    pending: () => queue.size,
    elapsed: () => now,
  };
}

let shared: Promise<{ cards: Card[]; world: World }> | undefined;

/** The bundled cards and world, loaded once per test file. */
export function bundledContent(): Promise<{ cards: Card[]; world: World }> {
  shared ??= Promise.all([loadBundledCards(), loadWorldFolder(bundledWorldDir())]).then(([loaded, world]) => ({ cards: loaded.cards, world }));
  return shared;
}

/** How a test starts the app. */
export interface HarnessOptions {
  columns?: number;
  rows?: number;
  cards?: Card[];
  theme?: Partial<ThemeOptions>;
  initialState?: AppState;
  features?: Feature[];
  studyState?: (cardId: string) => StudyBadge | undefined;
  loadWorld?: () => Promise<World>;
  study?: StudyPort;
  /** The wall clock at the start; it moves only with `timer.advance`. */
  startMs?: number;
  cardEditor?: CardEditor;
  /** The cards' metadata while the cards themselves are still read (see AppServices.cardsLater). */
  cardsLater?: AppServices['cardsLater'];
}

/** The running app under test: keys in, frames out. */
export interface Harness {
  /** Sends keys one at a time ("j", "enter", "ctrl-c"), letting Ink read each alone; unknown names are typed as text. */
  press(...keys: string[]): Promise<void>;
  /** Sends text in one read, as a fast typist or a paste does. */
  typeFast(text: string): Promise<void>;
  /** Polls until the frame (without colours) matches, then returns it; fails with the last frame after the timeout. */
  waitForFrame(expected: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  /** The last frame, without colours. */
  frameText(): string;
  /** Every frame Ink wrote so far, without colours. */
  frames(): string[];
  resize(columns: number, rows: number): Promise<void>;
  exits: number[];
  timer: ManualTimer;
  unmount(): void;
}

/** Renders the whole app with the bundled content (or given cards) at a fixed terminal size. */
export async function renderApp(options: HarnessOptions = {}): Promise<Harness> {
  const content = await bundledContent();
  const timer = manualTimer();
  const exits: number[] = [];
  const cards = options.cards ?? content.cards;
  const services: AppServices = {
    cards,
    searchIndex: async () => buildSearchIndex(cards),
    loadWorld: options.loadWorld ?? (async () => content.world),
    ...(options.studyState ? { studyState: options.studyState } : {}),
    ...(options.study ? { study: options.study } : {}),
    timer,
    now: () => (options.startMs ?? 0) + timer.elapsed(),
    features: new Set(options.features ?? (options.study ? ['quiz', 'stats'] : [])),
    ...(options.cardEditor ? { cardEditor: options.cardEditor } : {}),
    ...(options.cardsLater ? { cardsLater: options.cardsLater } : {}),
  };
  const theme = makeTheme({ colour: true, ascii: false, reducedMotion: false, ...options.theme });
  const instance = render(<App services={services} theme={theme} onExit={(code) => exits.push(code)} {...(options.initialState ? { initialState: options.initialState } : {})} />);
  const stdout = instance.stdout as unknown as NodeJS.EventEmitter & { columns: number; rows: number };
  const frameText = () => stripAnsi(instance.lastFrame() ?? '');
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const harness: Harness = {
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(KEYS[key] ?? key);
        // Ink flushes a lone Esc on the next turn; waiting keeps Esc and the next key apart.
        await tick();
        await tick();
      }
    },
    async typeFast(text) {
      instance.stdin.write(text);
      await tick();
      await tick();
    },
    async waitForFrame(expected, timeoutMs = 3000) {
      const matches = typeof expected === 'string' ? (frame: string) => frame.includes(expected) : expected instanceof RegExp ? (frame: string) => expected.test(frame) : expected;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = frameText();
        if (matches(frame)) return frame;
        if (Date.now() > deadline) throw new Error(`frame never matched ${String(expected)}; last frame:\n${frame}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    frameText,
    frames: () => instance.frames.map(stripAnsi),
    async resize(columns, rows) {
      Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
      stdout.emit('resize');
      await tick();
    },
    exits,
    timer,
    unmount: () => instance.unmount(),
  };
  await harness.resize(options.columns ?? 100, options.rows ?? 30);
  return harness;
}

/** Text without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g, '');
}
