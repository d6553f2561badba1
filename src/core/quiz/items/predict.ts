import type { Card } from '../../cards/types.js';
import { cacheOperationsOf, type CacheCheckedEvent, type CacheStoredEvent, type QueryTimedOutEvent, type ResolutionEvent, type ResponseReceivedEvent } from '../../dns-sim/events.js';
import type { SimulationResult } from '../../dns-sim/simulate.js';
import {
  CONFUSABLE, RESPONSE_LABELS, cacheHitLabel, cacheStoreLabel, durationDistractors, durationLabel, endpointLabel, outcomeLabel,
} from './predict-options.js';
import { shuffled } from './random.js';
import type { QuizItem } from '../types.js';

/** The parts of a simulator scenario a predict item needs. */
export interface ScenarioInfo {
  id: string;
  title: string;
  cardId: string;
}

interface Step {
  key: string;
  event: ResolutionEvent;
  question: string;
  correct: string;
  distractors: string[];
  reveal?: string;
}

const CONTEXT_EVENTS = 3;

/** Predict-the-next-step items from one scenario's events: which server is asked, what comes back, what is cached, what the application sees, how long it takes. */
export function predictItems(scenario: ScenarioInfo, result: SimulationResult, card: Card): QuizItem[] {
  const events = result.events;
  const steps = [nextServerStep(events), responseStep(events), cacheStep(events), ...outcomeSteps(result)].filter((step): step is Step => step !== undefined);
  const section = card.sections[0];
  return steps.flatMap((step) => {
    const distractors = [...new Set(step.distractors)].filter((option) => option !== step.correct).slice(0, 3);
    if (distractors.length < 2) return [];
    const id = `sim/${scenario.id}/${step.key}`;
    const choices = shuffled([step.correct, ...distractors], 0, id);
    const context = events.slice(Math.max(0, step.event.seq - CONTEXT_EVENTS), step.event.seq).map(describeEvent);
    const prompt = [`Scenario: ${scenario.title}`, ...(context.length > 0 ? ['So far:', ...context.map((line) => `  ${line}`)] : []), `Next: ${step.question[0]!.toUpperCase()}${step.question.slice(1)}`].join('\n');
    const reveal = step.reveal ?? describeEvent(step.event);
    return [{
      id, kind: 'predict' as const, cardId: card.id, cardTitle: card.title, topic: card.topic, tags: card.tags, difficulty: card.difficulty,
      source: { cardId: card.id, sectionName: section?.name ?? 'Overview', line: section?.line ?? 1 },
      text: `${scenario.title}: ${step.question} ${step.correct}`,
      front: prompt, back: `${step.correct}. ${reveal}`,
      predict: { scenarioId: scenario.id, eventSeq: step.event.seq, context, question: step.question, choices, correctIndex: choices.indexOf(step.correct), reveal },
    }];
  });
}

function nextServerStep(events: readonly ResolutionEvent[]): Step | undefined {
  const failover = events.find((event, index) => event.type === 'query-sent' && event.from.role === 'stub' && events.slice(0, index).some((earlier) => earlier.type === 'query-timed-out'));
  const walk = events.find((event) => event.type === 'query-sent' && event.depth >= 1 && ['root', 'tld', 'authoritative'].includes(event.to.role));
  const event = failover ?? walk;
  if (!event) return undefined;
  const servers = new Map<string, ResolutionEvent['to']>();
  for (const other of events) if (other.type === 'query-sent' && other.to.name !== event.to.name && other.to.name !== event.from.name && other.to.role !== 'client') servers.set(other.to.name, other.to);
  const byRole = [...servers.values()].sort((a, b) => Number(a.role === event.to.role) - Number(b.role === event.to.role));
  const fallback = event.from.role === 'stub' ? 'nobody: glibc gives up and returns an error' : 'nobody: it answers from its own cache';
  return { key: 'next-server', event, question: `which server does ${event.from.name} ask next?`, correct: endpointLabel(event.to), distractors: [...byRole.map(endpointLabel).slice(0, 2), fallback, ...byRole.map(endpointLabel).slice(2)] };
}

function responseStep(events: readonly ResolutionEvent[]): Step | undefined {
  const servers = ['root', 'tld', 'authoritative'];
  const answered = (event: ResolutionEvent): event is ResponseReceivedEvent | QueryTimedOutEvent => (event.type === 'response-received' && servers.includes(event.from.role)) || event.type === 'query-timed-out';
  const answers = events.filter(answered);
  const interesting = answers.find((event) => !['referral', 'answer', 'cache-hit'].includes(event.kind));
  const event = interesting ?? answers.find((event) => event.kind === 'referral');
  if (!event || !RESPONSE_LABELS[event.kind]) return undefined;
  const kind = event.kind;
  const asked = event.type === 'query-timed-out' ? event.to : event.from;
  const about = event.type === 'response-received' ? `${event.message.question.name} ${event.message.question.type}` : event.lookup;
  return {
    key: 'response', event, question: `what comes back from ${asked.name} for ${about}?`, correct: RESPONSE_LABELS[kind]!,
    distractors: (CONFUSABLE[kind] ?? []).map((other) => RESPONSE_LABELS[other]!).filter(Boolean),
  };
}

function cacheStep(events: readonly ResolutionEvent[]): Step | undefined {
  const negativeStore = events.find((event): event is CacheStoredEvent => event.type === 'cache-stored' && event.cache.some((op) => op.op === 'store' && op.negative));
  const hit = events.find((event): event is CacheCheckedEvent => event.type === 'cache-checked' && event.cache.some((op) => op.op === 'hit'));
  if (hit && !negativeStore) {
    const op = hit.cache.find((entry) => entry.op === 'hit')!;
    const opposite = op.negative ? `a hit: ${op.name} ${op.type} with its records` : `a negative entry: ${op.name} does not exist`;
    return { key: 'cache', event: hit, question: `${hit.from.name} looks in its cache for ${op.name} ${op.type}: what does it find?`, correct: cacheHitLabel(op), distractors: ['a miss: it has to ask the name servers', opposite, `an entry that has expired (0 of ${op.ttlSeconds} s left)`] };
  }
  const finalStore = negativeStore ?? events.filter((event): event is CacheStoredEvent => event.type === 'cache-stored' && event.depth >= 1).at(-1);
  const op = finalStore?.cache.find((entry) => entry.op === 'store' && (finalStore !== negativeStore || entry.negative !== undefined));
  if (!finalStore || !op) return undefined;
  const otherTtls = new Set<number>();
  for (const event of events) for (const entry of cacheOperationsOf(event)) if (entry.op === 'store' && entry.ttlSeconds !== op.ttlSeconds) otherTtls.add(entry.ttlSeconds);
  const ttls = [...otherTtls, op.ttlSeconds * 12, Math.max(1, Math.round(op.ttlSeconds / 10))].filter((ttl) => ttl !== op.ttlSeconds);
  const distractors = [...(op.negative ? ['nothing: a negative answer is not cached'] : []), ...ttls.map((ttl) => cacheStoreLabel(op, ttl))];
  return { key: 'cache', event: finalStore, question: `what does ${finalStore.from.name} cache now, and for how long?`, correct: cacheStoreLabel(op), distractors };
}

function outcomeSteps(result: SimulationResult): (Step | undefined)[] {
  const finished = result.events.filter((event) => event.type === 'lookup-finished');
  const event = finished.at(-1);
  const outcome = event ? result.outcomes[event.queryIndex] : undefined;
  if (!event || !outcome) return [];
  const again = event.queryIndex > 0 ? ' (asked again)' : '';
  const others = result.outcomes.filter((other) => other !== outcome).map(outcomeLabel);
  const statuses = (['answer', 'nxdomain', 'nodata', 'servfail', 'timeout'] as const).filter((status) => status !== outcome.status);
  const generic = statuses.map((status) => (status === 'answer' ? 'the answer: 192.0.2.1' : outcomeLabel({ status, addresses: [], records: [] })));
  return [
    { key: 'outcome', event, question: `what does the application get${again}?`, correct: outcomeLabel(outcome), distractors: [...others, ...generic] },
    { key: 'duration', event, question: `how long does the application wait for it${again}?`, correct: durationLabel(outcome.durationMs), distractors: durationDistractors(outcome.durationMs) },
  ];
}

function describeEvent(event: ResolutionEvent): string {
  const route = event.from.name === event.to.name ? event.from.name : `${event.from.name} → ${event.to.name}`;
  const text = `${event.timeMs} ms  ${route}: ${event.explanation}`;
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
