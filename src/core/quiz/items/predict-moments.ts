import type { ResolutionEvent } from '../../dns-sim/events.js';
import { relativeTimeLabel } from '../../dns-sim/scenarios/moment-labels.js';
import { findMoment, type Moment, type MomentOptions, type MomentRun, type ScenarioQuiz } from '../../dns-sim/scenarios/moment-types.js';

/** A moment found in a run: its event, where the question is put, the options, what is shown before and what is played after. */
export interface AskedMoment {
  moment: Moment;
  event: ResolutionEvent;
  /** The event the question is put before: the moment's event, or an earlier one that would give the answer away. */
  askedAt: ResolutionEvent;
  question: string;
  options: MomentOptions;
  /** The events shown before the question. */
  shown: ResolutionEvent[];
  /** Those events, one line each, timed from the start of the question's lookup. */
  context: string[];
  /** The step played after the answer: the events from the question to the moment's event, in full. */
  played: string[];
}

const CONTEXT_EVENTS = 4;
const PLAYED_EVENTS = 8;

/** Finds each of a scenario's moments in its run and puts its question; the ids of moments the run does not have come back as missing. */
export function askMoments(quiz: ScenarioQuiz, run: MomentRun): { asked: AskedMoment[]; missing: string[] } {
  const asked: AskedMoment[] = [];
  const missing: string[] = [];
  for (const moment of quiz.moments) {
    const event = findMoment(moment, run.events);
    if (!event) {
      missing.push(moment.id);
      continue;
    }
    const askedAt = moment.askAt?.(event, run.events.slice(0, event.seq)) ?? event;
    const origin = questionStart(event, run.events);
    const line = (shown: ResolutionEvent) => describeEvent(shown, origin);
    const shown = contextBefore(run.events, askedAt, moment.contextEvents ?? CONTEXT_EVENTS);
    asked.push({
      moment, event, askedAt,
      question: moment.ask(event, run),
      options: moment.options(event, run),
      shown,
      context: shown.map(line),
      played: run.events.slice(askedAt.seq, event.seq + 1).filter((step) => step.queryIndex === event.queryIndex && step.type !== 'world-changed' && (moment.shows?.(step) ?? true)).slice(-PLAYED_EVENTS).map(line),
    });
  }
  return { asked, missing };
}

/** When the question's own lookup started: context times count from there, so no timestamp gives a duration away. */
function questionStart(event: ResolutionEvent, events: readonly ResolutionEvent[]): number {
  const own = events.filter((other) => other.queryIndex === event.queryIndex && other.type !== 'world-changed' && other.seq <= event.seq);
  // An attacker's queries share the victim's query index but start no lookup: they count from their first event.
  return (own.find((other) => other.type === 'lookup-started') ?? own[0] ?? event).timeMs;
}

/** The last few events before the question, and every change to the world before it (the setup the question rests on). */
function contextBefore(events: readonly ResolutionEvent[], askedAt: ResolutionEvent, count: number): ResolutionEvent[] {
  if (count === 0) return [];
  const before = events.slice(0, askedAt.seq);
  const recent = before.filter((event) => event.type !== 'world-changed').slice(-count);
  return before.filter((event) => event.type === 'world-changed' || recent.includes(event));
}

/** One event as a line: its time from the question's start, who talks to whom, and the simulator's explanation in full. */
export function describeEvent(event: ResolutionEvent, originMs: number): string {
  const route = event.from.name === event.to.name ? event.from.name : `${event.from.name} → ${event.to.name}`;
  return `${relativeTimeLabel(event.timeMs - originMs)}  ${route}: ${event.explanation}`;
}
