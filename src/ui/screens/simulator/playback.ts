import { clamp } from '../../components/window.js';

/** Where playback is: the current step, whether it plays, its speed, and how far the current message has travelled. */
export interface Playback {
  cursor: number;
  playing: boolean;
  speedIndex: number;
  /** Animation frames done for the current step, up to TRAVEL_FRAMES (arrived). */
  frame: number;
}

/** The speeds offered, as multiples of normal. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Frames a message takes to travel its arrow. */
export const TRAVEL_FRAMES = 8;
const FRAME_MS = 45;
const DWELL_MS = 700;

/** Something that moves the playback cursor. */
export type PlaybackAction =
  | { type: 'toggle' }
  | { type: 'step'; by: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'faster' }
  | { type: 'slower' }
  | { type: 'tick' }
  | { type: 'restart'; playing: boolean; cursor?: number };

/** What the reducer needs to know about the run: its length, which steps travel an arrow, and whether motion is off. */
export interface PlaybackContext {
  stepCount: number;
  travels: (index: number) => boolean;
  reducedMotion: boolean;
}

/** Paused at the first step, which is shown whole. */
export const INITIAL_PLAYBACK: Playback = { cursor: 0, playing: false, speedIndex: 2, frame: TRAVEL_FRAMES };

/** The next playback state; pure, ticks included, so animation is tested without a clock. */
export function playbackReducer(state: Playback, action: PlaybackAction, context: PlaybackContext): Playback {
  const last = Math.max(0, context.stepCount - 1);
  const arriveAt = (cursor: number, playing: boolean): Playback => ({
    ...state, cursor, playing, frame: context.reducedMotion || !context.travels(cursor) ? TRAVEL_FRAMES : 0,
  });
  switch (action.type) {
    case 'toggle':
      if (state.playing) return { ...state, playing: false };
      // Play at the end starts over, like a media player.
      return state.cursor >= last ? arriveAt(0, true) : { ...state, playing: true };
    case 'step':
      if (action.by < 0) return { ...state, playing: false, cursor: Math.max(0, state.cursor - 1), frame: TRAVEL_FRAMES };
      return state.cursor >= last ? { ...state, playing: false, frame: TRAVEL_FRAMES } : arriveAt(state.cursor + 1, false);
    case 'first':
      return { ...state, cursor: 0, playing: false, frame: TRAVEL_FRAMES };
    case 'last':
      return { ...state, cursor: last, playing: false, frame: TRAVEL_FRAMES };
    case 'faster':
      return { ...state, speedIndex: clamp(state.speedIndex + 1, 0, SPEEDS.length - 1) };
    case 'slower':
      return { ...state, speedIndex: clamp(state.speedIndex - 1, 0, SPEEDS.length - 1) };
    case 'tick':
      if (state.frame < TRAVEL_FRAMES) return { ...state, frame: state.frame + 1 };
      if (!state.playing) return state;
      return state.cursor >= last ? { ...state, playing: false } : arriveAt(state.cursor + 1, true);
    case 'restart':
      return arriveAt(clamp(action.cursor ?? 0, 0, last), action.playing);
  }
}

/** Milliseconds until the next tick, or undefined when nothing moves (paused and arrived: no timer at all). */
export function nextTickMs(state: Playback, reducedMotion: boolean): number | undefined {
  const speed = SPEEDS[state.speedIndex] ?? 1;
  if (state.frame < TRAVEL_FRAMES && !reducedMotion) return Math.round(FRAME_MS / speed);
  if (state.playing) return Math.round(DWELL_MS / speed);
  return undefined;
}

/** How far the current message has travelled, 0 to 1. */
export function travelProgress(state: Playback): number {
  return Math.min(1, state.frame / TRAVEL_FRAMES);
}
