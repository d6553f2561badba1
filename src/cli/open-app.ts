import { openCardEditing } from '../app/cards/card-editing.js';
import type { QuizRequest } from '../app/study/quiz-request.js';
import type { StudyStats } from '../core/quiz/progress/stats.js';
import { openStudyPort, type QuizLaunch, type StudyPort } from '../app/study/study-port.js';
import type { WhatIf } from '../app/simulator/sim-request.js';
import type { World } from '../core/dns-sim/world/world.js';
import type { AppState } from '../ui/app-state.js';
import type { SessionSource } from '../ui/screens/simulator/build-run.js';
import type { CliContext } from './context.js';
import { endCodeCaching, resumeCodeCaching } from './startup-done.js';
import { holdCacheWrites } from '../io/cache-space.js';

/** Where the app opens: at home (a bare `swelearn`), or at the screen a command in a terminal asked for. */
export type AppOpening = { at: 'home' } | { at: 'stats' } | { at: 'quiz'; request: QuizRequest; launch: QuizLaunch } | SimulatorOpening;

/** The simulator opened at a session (`swelearn sim --session FILE` in a terminal), in the world the command loaded. */
export interface SimulatorOpening {
  at: 'simulator';
  world: World;
  source: SessionSource;
  seed?: number;
  whatIf: WhatIf;
}

/**
 * Opens the interactive app (the caller has checked that both ends are a terminal). The cards start
 * loading before Ink is imported, so reading the card cache overlaps compiling the UI. Warnings the
 * study services raise while the app has the screen are printed once it is handed back.
 */
export async function openApp(ctx: CliContext, opening: AppOpening = { at: 'home' }): Promise<number> {
  // chalk ignores NO_COLOR and reads FORCE_COLOR once, when Ink is imported: set it first.
  if (!ctx.color) process.env.FORCE_COLOR = '0';
  // A first run's card cache (the bodies file and its index) is written after the first frame, which needs only the cards.
  const releaseCacheWrites = holdCacheWrites();
  const warnings: string[] = [];
  try {
    // Opened at the statistics, no screen of the opening shows a card (its keys lead to no other screen, and leaving it
    // leaves the app), so the cards are not read: 4.5-9 ms of the first frame's CPU. Opened at a quiz, the screen names
    // its items' card files from the cards' metadata, which preparing the quiz has read, and shows a card only from the
    // session's summary: the cards are read after the first frame (the bodies file, 0.7 MB for the bundled cards and 3 MB
    // at 1,000, and the first use of Node's thread pool: about 1.5 ms of the first frame's main thread).
    const cards = opening.at === 'stats' ? Promise.resolve([]) : opening.at === 'quiz' ? undefined : ctx.cards.cards();
    // Rejections are handled when runApp awaits the promise; until then it must not count as unhandled.
    cards?.catch(() => undefined);
    const metas = opening.at === 'quiz' ? ctx.cards.metas() : undefined;
    const port = openStudyPort({ environment: ctx.environment, cards: ctx.cards, warn: (message) => warnings.push(message) }, { burst: (work) => import('../ui/allocation-burst.js').then(({ inAllocationBurst }) => inAllocationBurst(work, endCodeCaching)) });
    // Opened at the statistics, the report starts loading with Ink rather than after the first frame.
    const firstStats = opening.at === 'stats' ? withFirstStats(port) : undefined;
    const study = firstStats?.study ?? port;
    const ui = preloadApp(opening.at);
    const [{ runApp }, initialState, cardMetas] = await Promise.all([ui, initialStateFor(ctx, opening, ui, firstStats), metas]);
    return await runApp({
      loadCards: () => cards ?? ctx.cards.cards(),
      ...(cardMetas ? { cardMetas } : {}),
      searchIndex: () => ctx.cards.searchIndex(INDEX_SLICING),
      // A session runs in the world its command loaded (perhaps --world DIR), already checked.
      loadWorld: opening.at === 'simulator' ? async () => opening.world : async () => (await import('../app/simulator/load-world.js')).loadSimulatorWorld(ctx.environment),
      study,
      cardEditing: openCardEditing(ctx.environment, ctx.cards),
      theme: { colour: ctx.color, ascii: ctx.environment.ascii, reducedMotion: ctx.environment.reducedMotion },
      ...(initialState ? { initialState } : {}),
      onFirstFrame: releaseCacheWrites,
      onStartupDone: endCodeCaching,
      onFlagsSet: resumeCodeCaching,
    });
  } finally {
    releaseCacheWrites();
    for (const message of warnings) ctx.err(`swelearn: ${message}\n`);
  }
}

// An index the app must build (a first start after cards were added) is built 4 ms at a time after the first frame, with
// a turn of the event loop between slices for the keys: built in one go, 1,000 cards held a key pressed then for about 95 ms.
const INDEX_SLICING = { now: () => performance.now(), sliceMs: 4, pause: () => new Promise<void>((resolve) => setImmediate(resolve)) };

let uiLoading: Promise<typeof import('../ui/run-app.js')> | undefined;

/**
 * Starts loading the app's code (Ink, the shell, and the screen it opens at) without waiting for it, so
 * a command can overlap that with its own work (`swelearn quiz` preparing the session); openApp uses
 * the same load. The screen's code is in before the first frame, which is then the screen itself.
 */
export function preloadApp(at: AppOpening['at'] = 'home'): Promise<typeof import('../ui/run-app.js')> {
  uiLoading ??= import('../ui/run-app.js');
  const screen = at === 'home' ? Promise.resolve() : import('../ui/lazy-modules.js').then((lazy): Promise<unknown> => (at === 'quiz' ? lazy.QUIZ.load() : at === 'simulator' ? lazy.SIMULATOR.load() : lazy.STATS.load()));
  const both = Promise.all([uiLoading, screen]).then(([ui]) => ui);
  both.catch(() => undefined);
  return both;
}

// The screen's code loads only for the opening that needs it.
// The statistics wait for the report while the UI loads, so the first frame is the report when it is read in time.
async function initialStateFor(ctx: CliContext, opening: AppOpening, ui: Promise<unknown>, firstStats: FirstStats | undefined): Promise<AppState | undefined> {
  if (opening.at === 'home') return undefined;
  const { appAt } = await import('../ui/app-state.js');
  if (opening.at === 'simulator') return appAt({ kind: 'simulator', sim: (await import('../ui/screens/simulator/simulator-state.js')).openSessionRun(opening.source, opening.seed, opening.whatIf) });
  if (opening.at === 'stats') {
    const stats = await (await import('../ui/screens/stats/stats-state.js')).openedStats(firstStats!.report, ui);
    if (stats.stats) firstStats!.drawn();
    return appAt({ kind: 'stats', stats });
  }
  const [{ openQuiz }, { initialQuizState }] = await Promise.all([import('../ui/screens/quiz/quiz-route.js'), import('../ui/screens/quiz/quiz-state.js')]);
  const nowMs = ctx.environment.clock().now();
  return appAt({ kind: 'quiz', quiz: openQuiz(opening.request, opening.launch, initialQuizState(opening.launch.session, nowMs)) });
}

interface FirstStats {
  study: StudyPort;
  report: Promise<StudyStats>;
  /** The first frame shows the report: the screen reads it again whenever it asks. */
  drawn(): void;
}

// The report loaded with Ink goes to the first frame, or else to the screen when it first asks; later asks read it again.
function withFirstStats(study: StudyPort): FirstStats {
  const report = study.loadStats();
  report.catch(() => undefined);
  let first: Promise<StudyStats> | undefined = report;
  return {
    report,
    drawn: () => (first = undefined),
    study: {
      ...study,
      loadStats() {
        const stats = first ?? study.loadStats();
        first = undefined;
        return stats;
      },
    },
  };
}
