import { render } from 'ink';
import type { CardEditing } from '../app/cards/card-editing.js';
import type { StudyPort } from '../app/study/study-port.js';
import type { Card, CardMeta } from '../core/cards/types.js';
import type { World } from '../core/dns-sim/world/world.js';
import type { SearchIndex } from '../core/search/search-index.js';
import { App } from './app.js';
import type { AppState } from './app-state.js';
import { MAX_FRAMES_PER_SECOND } from './frame-rate.js';
import { studyFeatures, SYSTEM_TIMER, type AppServices, type CardEditor } from './services.js';
import { makeTheme, type ThemeOptions } from './theme.js';
import { limitYoungGeneration } from './young-generation.js';

/** How the app is started: where its data comes from, how it looks, and the screen it opens at. */
export interface RunAppOptions {
  /** The cards (problems with card files are reported before the app takes the screen). */
  loadCards(): Promise<Card[]>;
  /**
   * Every card's metadata, given when the first screen needs no more of the cards (the app opened at a quiz names its
   * items' card files): the cards are then read once the first frame is out, and a card opens once they are in.
   */
  cardMetas?: readonly CardMeta[];
  searchIndex(): Promise<SearchIndex>;
  loadWorld(): Promise<World>;
  /** Quizzes, statistics and study states; without them the app has no study keys. */
  study?: StudyPort;
  theme: ThemeOptions;
  /** The screen to open at (`swelearn quiz` in a terminal); home otherwise. */
  initialState?: AppState;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Editing cards from the quiz (`e`); without it the key only says where the item is written. */
  cardEditing?: CardEditing;
  /** Route stray console output above the app (default true; tests whose runner owns the console turn it off). */
  patchConsole?: boolean;
  /** Called once Ink has written the first frame (work that must not delay it waits for this). */
  onFirstFrame?: () => void;
  /**
   * Called once Ink has written the first frame, before the app changes V8's flags: the code compiled so far is what
   * the next start needs, and the code cache must store it now (V8 rejects code cached under other flags).
   */
  onStartupDone?: () => void;
  /** Called once the app has set the V8 flags it keeps after its first frame (the code cache may cache again under them). */
  onFlagsSet?: () => void;
}

// xterm's alternate screen (like less and vim): the shell's scrollback is untouched and comes back on exit.
const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?25h\u001b[?1049l';
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Runs the interactive app full-screen until the user quits; resolves with the exit code (130 after Ctrl-C). */
export async function runApp(options: RunAppOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const later = options.cardMetas && cardsLater(options.cardMetas);
  const services: AppServices = {
    cards: later ? [] : await options.loadCards(),
    ...(later ? { cardsLater: later.slot } : {}),
    searchIndex: once(options.searchIndex),
    // The world loader (and the zone-file parser behind it) loads when the simulator first opens.
    loadWorld: once(options.loadWorld),
    ...(options.study ? { study: options.study } : {}),
    timer: SYSTEM_TIMER,
    now: () => Date.now(),
    features: new Set(studyFeatures(options.study)),
    ...(process.env.HOME ? { homeDir: process.env.HOME } : {}),
  };
  let instance: ReturnType<typeof render> | undefined;
  if (options.cardEditing) services.cardEditor = cardEditor(options.cardEditing, stdin, stdout, () => instance);
  const theme = makeTheme(options.theme);

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  process.once('exit', restore);
  return new Promise<number>((resolve, reject) => {
    let finished = false;
    const handlers = (Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]).map((signal) => [signal, () => finish(SIGNAL_CODES[signal])] as const);
    const finish = (code: number, error?: unknown) => {
      if (finished) return;
      finished = true;
      for (const [signal, handler] of handlers) process.off(signal, handler);
      instance?.unmount();
      restore();
      process.off('exit', restore);
      if (error) reject(error);
      else resolve(code);
    };
    for (const [signal, handler] of handlers) process.on(signal, handler);
    try {
      const app = <App services={services} theme={theme} onExit={(code) => finish(code)} {...(options.initialState ? { initialState: options.initialState } : {})} />;
      // The alternate screen and Ink's first frame (the cursor hidden, the frame between the terminal's synchronized-output
      // marks) go out in one write, not five, each of which woke the terminal's reader: the quiz's first frame reached the
      // terminal 0.6 ms sooner (110.4 against 109.8 ms, 40 interleaved rounds), and no terminal paints a part of it.
      stdout.cork();
      try {
        stdout.write(ENTER_ALT_SCREEN);
        instance = render(app, { stdin, stdout, exitOnCtrlC: false, patchConsole: options.patchConsole ?? true, maxFps: MAX_FRAMES_PER_SECOND });
      } finally {
        stdout.uncork();
      }
      // Ink has written the first frame; from here on the app's bursts must not grow the heap it keeps.
      options.onStartupDone?.();
      limitYoungGeneration();
      options.onFlagsSet?.();
      options.onFirstFrame?.();
      if (later) {
        options.loadCards().then(
          (cards) => {
            services.cards = cards;
            delete services.cardsLater;
            later.loaded();
          },
          (error: unknown) => finish(1, error),
        );
      }
    } catch (error) {
      // Whatever stops Ink from starting, the terminal is handed back before the error is reported.
      finish(1, error);
      return;
    }
    instance.waitUntilExit().then(
      () => finish(0),
      (error: unknown) => finish(1, error),
    );
  });
}

// What the services say of cards read after the first frame, and the call that says they are in.
function cardsLater(metas: readonly CardMeta[]): { slot: NonNullable<AppServices['cardsLater']>; loaded: () => void } {
  let loaded!: () => void;
  const promise = new Promise<void>((resolve) => (loaded = resolve));
  return { slot: { metas, loaded: promise }, loaded };
}

/**
 * The quiz's card editor over the host's terminal. Ink has no suspend, so the host does it: after a pause for
 * Ink to paint the "opening" notice, raw mode and the alternate screen are left (the cursor shown) while the
 * editor runs, then taken back and Ink's record of what it drew is cleared, so the next frame repaints the screen whole.
 */
function cardEditor(editing: CardEditing, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, ink: () => ReturnType<typeof render> | undefined): CardEditor {
  return {
    userCardsDir: editing.userCardsDir,
    reloadItems: (cardId) => editing.reloadItems(cardId),
    async edit(path, line) {
      await new Promise((resolve) => setTimeout(resolve, 3 * (1000 / MAX_FRAMES_PER_SECOND)));
      const raw = stdin.isTTY && stdin.isRaw;
      if (raw) stdin.setRawMode(false);
      stdout.write(LEAVE_ALT_SCREEN);
      try {
        return editing.editAt(path, line);
      } finally {
        stdout.write(`${ENTER_ALT_SCREEN}\u001b[2J`);
        if (raw) stdin.setRawMode(true);
        ink()?.clear();
      }
    },
  };
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}
