import type { QuerySentEvent } from '../events.js';
import type { RecursiveResolver } from '../resolver/resolver-state.js';
import type { SessionQuery, SimulationOptions, SimulationResult } from '../simulation-types.js';
import type { World } from '../world/world.js';

/** What a report may look at besides the result: the run's inputs, the main resolver's counters, and a way to run the same session with other options. */
export interface ReportContext {
  world: World;
  queries: SessionQuery[];
  options: SimulationOptions;
  resolver: RecursiveResolver;
  rerun: (options: SimulationOptions) => SimulationResult;
}

/** Queries the resolver sent to name servers (its own walk, nested lookups, validation), optionally filtered. */
export function upstreamQueries(result: SimulationResult, filter: (event: QuerySentEvent) => boolean = () => true): QuerySentEvent[] {
  return result.events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.role === 'resolver' && ['root', 'tld', 'authoritative'].includes(event.to.role) && filter(event));
}
