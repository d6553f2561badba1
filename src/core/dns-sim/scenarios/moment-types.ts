import type { EventType, ResolutionEvent } from '../events.js';
import type { QueryOutcome } from '../outcome.js';

/** The event type whose `type` is K, e.g. EventOf<'query-sent'> is a QuerySentEvent. */
export type EventOf<K extends EventType> = Extract<ResolutionEvent, { type: K }>;

/** What a moment's question and options may read: the whole run (never shown before the answer). */
export interface MomentRun {
  events: readonly ResolutionEvent[];
  outcomes: readonly QueryOutcome[];
}

/** The options of a moment: the right one, plausible wrong ones, and the text that would give the right one away. */
export interface MomentOptions {
  right: string;
  wrong: string[];
  /**
   * Text that tells the right option apart (an RCODE, a message to the server asked, a TTL, a duration):
   * it must not appear in the context or the scenario's quiz name, and it does appear once the step is played.
   */
  tells: string[];
}

/** A key moment of a scenario as its author writes it: the event it is about, the question and how the options come from the event. */
export interface MomentSpec<K extends EventType> {
  /** The item id's last part: sim/<scenario>/<id>. */
  id: string;
  /** The kind of event the moment is about. */
  kind: K;
  /** Whether this event, given the events before it, is the moment; the first event that matches is asked. */
  when: (event: EventOf<K>, before: readonly ResolutionEvent[]) => boolean;
  /** The earlier event before which the question is put, when the steps up to the event would give the answer away. */
  askAt?: (event: EventOf<K>, before: readonly ResolutionEvent[]) => ResolutionEvent | undefined;
  /** How many events before the question are shown (4 when not given; 0 when the question says it all). */
  contextEvents?: number;
  /** Which events of the step the answer plays (all of the lookup's when not given). */
  shows?: (event: ResolutionEvent) => boolean;
  /** The question, as authored; a function when it names something from the run. */
  ask: string | ((event: EventOf<K>, run: MomentRun) => string);
  options: (event: EventOf<K>, run: MomentRun) => MomentOptions;
  /** Why it happens, shown with the played step after the answer. */
  why: string;
}

/** A key moment with its event type checked once, so moments of different kinds sit in one list. */
export interface Moment {
  id: string;
  kind: EventType;
  matches: (event: ResolutionEvent, before: readonly ResolutionEvent[]) => boolean;
  askAt?: (event: ResolutionEvent, before: readonly ResolutionEvent[]) => ResolutionEvent | undefined;
  contextEvents?: number;
  shows?: (event: ResolutionEvent) => boolean;
  ask: (event: ResolutionEvent, run: MomentRun) => string;
  options: (event: ResolutionEvent, run: MomentRun) => MomentOptions;
  why: string;
}

/** How the quiz shows a scenario: a name that gives nothing away, and the moments it asks about. */
export interface ScenarioQuiz {
  /** Says what is set up, never what happens (the explanatory title stays for `swelearn sim`). */
  name: string;
  moments: readonly Moment[];
}

/** A moment from its spec: the event type is checked before the spec's own predicate sees the event. */
export function moment<K extends EventType>(spec: MomentSpec<K>): Moment {
  const own = (event: ResolutionEvent): event is EventOf<K> => event.type === spec.kind;
  const { askAt, contextEvents, shows, ask, options } = spec;
  return {
    id: spec.id,
    kind: spec.kind,
    why: spec.why,
    matches: (event, before) => own(event) && spec.when(event, before),
    ...(askAt ? { askAt: (event: ResolutionEvent, before: readonly ResolutionEvent[]) => askAt(event as EventOf<K>, before) } : {}),
    ...(contextEvents === undefined ? {} : { contextEvents }),
    ...(shows ? { shows } : {}),
    ask: (event, run) => (typeof ask === 'string' ? ask : ask(event as EventOf<K>, run)),
    options: (event, run) => options(event as EventOf<K>, run),
  };
}

/** The event a moment is about: the first one its predicate accepts, given the events before it; none when the walk has no such moment. */
export function findMoment(moment: Moment, events: readonly ResolutionEvent[]): ResolutionEvent | undefined {
  return events.find((event, index) => moment.matches(event, events.slice(0, index)));
}
