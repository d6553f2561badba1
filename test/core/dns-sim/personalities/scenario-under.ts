import type { QuerySentEvent, ResolutionEvent, ResponseReceivedEvent } from '../../../../src/core/dns-sim/events.js';
import type { PersonalityId } from '../../../../src/core/dns-sim/personalities/index.js';
import type { ResolverOptions } from '../../../../src/core/dns-sim/resolver/resolver-options.js';
import { findScenario, scenarioRun } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';

/** Runs a bundled scenario as `swelearn sim <id> --resolver <personality>` does, with resolver settings an operator would add. */
export async function scenarioUnder(): Promise<(id: string, personality: PersonalityId, operator?: Partial<ResolverOptions>) => SimulationResult> {
  const world = await loadWorldFolder(bundledWorldDir());
  return (id, personality, operator = {}) => {
    const run = scenarioRun(findScenario(id)!, world, { personality });
    return simulateSession(world, run.queries, { ...run.options, resolver: { ...run.options.resolver, ...operator } }, run.seed);
  };
}

/** Queries the resolver sent upstream, in time order. */
export const upstream = (events: readonly ResolutionEvent[]): QuerySentEvent[] =>
  events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.role === 'resolver' && event.to.role !== 'stub' && event.to.role !== 'client');

/** The resolver's replies to its clients. */
export const replies = (events: readonly ResolutionEvent[]): ResponseReceivedEvent[] =>
  events.filter((event): event is ResponseReceivedEvent => event.type === 'response-received' && event.from.role === 'resolver');
