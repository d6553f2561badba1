import { createContext, useContext } from 'react';
import type { StudyBadge } from '../app/study/card-states.js';
import type { StudyPort } from '../app/study/study-port.js';
import type { Card, CardMeta } from '../core/cards/types.js';
import type { QuizItem } from '../core/quiz/types.js';
import type { World } from '../core/dns-sim/world/world.js';
import type { SearchIndex } from '../core/search/search-index.js';
import type { Feature } from './keymap.js';

/** A timer the UI schedules animation frames with; tests pass a manual one instead of faking timers. */
export interface FrameTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Everything the app reads from the outside world, passed in so every screen can be tested with fakes. */
export interface AppServices {
  cards: Card[];
  /**
   * Set while `cards` is still empty because the cards are read after the first frame (the app opened at a quiz, whose
   * screen names its items' card files and shows no card): every card's metadata, and when the cards are in.
   */
  cardsLater?: { metas: readonly CardMeta[]; loaded: Promise<void> };
  /** The search index over the cards, shared with the commands (and their cache). */
  searchIndex(): Promise<SearchIndex>;
  /** Loads the simulator's world (once; callers cache the promise). */
  loadWorld(): Promise<World>;
  /** The study state of a card, when a test gives it directly. */
  studyState?: (cardId: string) => StudyBadge | undefined;
  /** Quizzes, statistics and study states; without them the study keys are off. */
  study?: StudyPort;
  timer: FrameTimer;
  /** Wall-clock milliseconds, for screens that need the time of day (quizzes). */
  now(): number;
  features: ReadonlySet<Feature>;
  /** The learner's home folder, to show card paths under it as `~/...`. */
  homeDir?: string;
  /** Edits an item's card in the learner's editor and reloads it; without it `e` only says where the item is written. */
  cardEditor?: CardEditor;
}

/** What the quiz's edit key needs from the host: the terminal released around the editor, and the card read again. */
export interface CardEditor {
  /** Where a bundled card should be copied to be edited (the user's cards folder). */
  userCardsDir: string;
  /** Runs `$EDITOR +LINE PATH` with the terminal handed over, and takes the terminal back (repainted) afterwards. */
  edit(path: string, line: number): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** The items of the card read again from its file (the library forgets its copy first). */
  reloadItems(cardId: string): Promise<QuizItem[]>;
}

/** Every card's metadata: the cards' own, or before they are read (see cardsLater) what the first screen was given. */
export function cardMetas(services: Pick<AppServices, 'cards' | 'cardsLater'>): readonly CardMeta[] {
  return services.cardsLater?.metas ?? services.cards;
}

/** Runs `show` once the cards are in: at once, unless they are still being read after the first frame. */
export function whenCardsLoaded(services: Pick<AppServices, 'cardsLater'>, show: () => void): void {
  if (services.cardsLater) void services.cardsLater.loaded.then(show);
  else show();
}

/** The real timer. */
export const SYSTEM_TIMER: FrameTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The study features the app has: on when the study services are wired in. */
export function studyFeatures(study: StudyPort | undefined): Feature[] {
  return study ? ['quiz', 'stats'] : [];
}

/** The services of the running app. */
export const ServicesContext = createContext<AppServices | undefined>(undefined);

/** The app's services; throws when a screen is rendered outside the app (a test without the helper). */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <App>');
  return services;
}
