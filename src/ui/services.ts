import { createContext, useContext } from 'react';
import type { Card } from '../core/cards/types.js';
import type { World } from '../core/dns-sim/world/world.js';
import type { Feature } from './keymap.js';
import type { StudyPort } from './study.js';

/** A short study-state label for a card in the list ("due", "new", "learning"), from the progress store. */
export interface StudyBadge {
  label: string;
  tone: 'good' | 'warn' | 'bad' | 'muted';
}

/** A timer the UI schedules animation frames with; tests pass a manual one instead of faking timers. */
export interface FrameTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Everything the app reads from the outside world, passed in so every screen can be tested with fakes. */
export interface AppServices {
  cards: Card[];
  /** Loads the simulator's world (once; callers cache the promise). */
  loadWorld(): Promise<World>;
  /** The study state of a card, when the progress store is available. */
  studyState?: (cardId: string) => StudyBadge | undefined;
  /** Quizzes, statistics and study states from the progress store; without it the study keys are off. */
  study?: StudyPort;
  timer: FrameTimer;
  /** Wall-clock milliseconds, for screens that need the time of day (quizzes). */
  now(): number;
  features: ReadonlySet<Feature>;
}

/** The real timer. */
export const SYSTEM_TIMER: FrameTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The services of the running app. */
export const ServicesContext = createContext<AppServices | undefined>(undefined);

/** The app's services; throws when a screen is rendered outside the app (a test without the helper). */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <App>');
  return services;
}
