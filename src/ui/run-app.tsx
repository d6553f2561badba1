import { render } from 'ink';
import type { Card } from '../core/cards/types.js';
import { resolveDataPaths } from '../io/data-paths.js';
import { bundledWorldDir } from '../io/package-paths.js';
import { App } from './app.js';
import { studyFeatures } from './screens/study-slots.js';
import { SYSTEM_TIMER, type AppServices } from './services.js';
import type { StudyPort } from './study.js';
import { makeTheme } from './theme.js';
import { MAX_FRAMES_PER_SECOND } from './frame-rate.js';

/** How the CLI starts the app: where the cards come from and the display preferences it decided. */
export interface RunAppOptions {
  /** Loads the cards (errors about bad card files are printed before the app takes the screen). */
  loadCards(): Promise<{ cards: Card[] }>;
  env: NodeJS.ProcessEnv;
  colour: boolean;
  ascii: boolean;
  reducedMotion: boolean;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** The progress store's quizzes, statistics and study states; without it the app has no study keys. */
  study?: StudyPort;
  /** Route stray console output above the app (default true; tests whose runner owns the console turn it off). */
  patchConsole?: boolean;
}

// xterm's alternate screen (like less and vim): the shell's scrollback is untouched and comes back on exit.
const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?25h\u001b[?1049l';
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Runs the interactive app full-screen until the user quits; resolves with the exit code (130 after Ctrl-C). */
export async function runApp(options: RunAppOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const { cards } = await options.loadCards();
  const services: AppServices = {
    cards,
    // The world loader (and the zone-file parser behind it) loads when the simulator first opens.
    loadWorld: once(async () => (await import('../io/world-cache.js')).loadWorldCached(bundledWorldDir(), resolveDataPaths(options.env).cache)),
    ...(options.study ? { study: options.study } : {}),
    timer: SYSTEM_TIMER,
    now: () => Date.now(),
    features: new Set(studyFeatures(options.study)),
  };
  const theme = makeTheme({ colour: options.colour, ascii: options.ascii, reducedMotion: options.reducedMotion });

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  stdout.write(ENTER_ALT_SCREEN);
  process.once('exit', restore);
  return new Promise<number>((resolve, reject) => {
    let finished = false;
    let instance: ReturnType<typeof render> | undefined;
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
      instance = render(<App services={services} theme={theme} onExit={(code) => finish(code)} />, {
        stdin,
        stdout,
        exitOnCtrlC: false,
        patchConsole: options.patchConsole ?? true,
        maxFps: MAX_FRAMES_PER_SECOND,
      });
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

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

