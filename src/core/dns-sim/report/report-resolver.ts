import type { QueryOutcome } from '../outcome.js';
import { upstreamQueries, type ReportContext } from './report-context.js';
import type { SimulationReport } from './report-types.js';
import type { SimulationResult } from '../simulation-types.js';

/** An outage in numbers: what the clients got, and the queries the resolver spent on the dark servers and on the parent zone. */
export function reportOutage(result: SimulationResult, context: ReportContext): SimulationReport {
  const count = (status: string): number => result.outcomes.filter((outcome) => outcome.status === status).length;
  // Counted by the resolver, not by EDE 3: Unbound marks no stale answer unless ede and ede-serve-expired are on.
  const stale = context.resolver.stats.staleAnswers;
  const profile = context.resolver.options.serveStaleProfile;
  const upstream = upstreamQueries(result);
  const dark = new Set(context.world.servers.filter((server) => server.behaviour !== 'up').map((server) => server.address));
  for (const change of context.options.changes ?? []) if (change.kind === 'set-behaviour' && change.behaviour !== 'up') dark.add(context.world.servers.find((server) => server.name === change.server)?.address ?? change.server);
  const toDark = upstream.filter((event) => dark.has(event.to.address)).length;
  const toParent = upstream.filter((event) => event.to.role === 'tld').length;
  const toRoot = upstream.filter((event) => event.to.role === 'root').length;
  return {
    title: 'An authoritative going dark',
    rows: [
      { label: 'client questions', value: `${result.outcomes.length}: ${count('answer') - stale} fresh answers, ${stale} stale answers (TTL ${profile.replyTtlSeconds} s, ${profile.staleAnswerEde ? 'EDE 3' : 'no EDE'}), ${count('servfail')} SERVFAIL, ${count('timeout')} no answer` },
      { label: 'queries to the dark servers', value: String(toDark) },
      { label: 'queries to the parent (TLD)', value: `${toParent}, and ${toRoot} to the root` },
      { label: 'SERVFAIL replies', value: String(count('servfail')) },
    ],
    values: { questions: result.outcomes.length, answers: count('answer') - stale, stale, servfail: count('servfail'), toDark, toParent, toRoot },
  };
}

/** Prefetch in numbers: how long clients waited with it, and (the same session run again) without it. */
export function reportPrefetch(result: SimulationResult, context: ReportContext): SimulationReport {
  const without = context.rerun({ ...context.options, resolver: { ...context.options.resolver, prefetch: false }, report: undefined } as typeof context.options);
  const slow = (outcomes: QueryOutcome[]): number => outcomes.filter((outcome) => outcome.durationMs > 20).length;
  const worst = (outcomes: QueryOutcome[]): number => Math.max(...outcomes.map((outcome) => outcome.durationMs));
  return {
    title: 'Prefetch',
    rows: [
      { label: 'with prefetch', value: `${context.resolver.stats.prefetches} background refreshes; ${slow(result.outcomes)} of ${result.outcomes.length} questions waited for a walk; slowest ${worst(result.outcomes)} ms` },
      { label: 'without prefetch', value: `${slow(without.outcomes)} of ${without.outcomes.length} questions waited for a walk; slowest ${worst(without.outcomes)} ms` },
    ],
    values: { prefetches: context.resolver.stats.prefetches, slowWith: slow(result.outcomes), slowWithout: slow(without.outcomes), worstWith: worst(result.outcomes), worstWithout: worst(without.outcomes) },
  };
}

/** Coalescing in numbers: client questions, upstream queries, and how many questions joined one already in flight. */
export function reportCoalescing(result: SimulationResult, context: ReportContext): SimulationReport {
  const upstream = upstreamQueries(result).length;
  const joined = context.resolver.stats.joined;
  const clients = result.outcomes.length;
  const perWalk = clients > joined ? upstream / (clients - joined) : upstream;
  return {
    title: 'Coalescing identical questions',
    rows: [
      { label: 'client questions', value: `${clients} from ${new Set(context.queries.map((query) => query.client?.address)).size} clients` },
      { label: 'upstream queries', value: `${upstream} (${joined} questions joined one already in flight)` },
      { label: 'without coalescing', value: `about ${Math.round(perWalk * clients)} upstream queries` },
    ],
    values: { clients, upstream, joined, withoutCoalescing: Math.round(perWalk * clients) },
  };
}
