import type { ResolutionEvent } from './events.js';
import { reportAmplification, reportPoisoning } from './report-attacks.js';
import { reportCoalescing, reportOutage, reportPrefetch } from './report-resolver.js';
import { reportClientCaches, reportFailover, reportSteering } from './report-traffic.js';
import type { RecursiveResolver } from './resolver-state.js';
import type { SessionQuery, SimulationOptions, SimulationResult } from './simulate.js';
import type { World } from './world.js';

/** The summaries a scenario can end with. */
export type ReportKind = 'dnssec' | 'poisoning' | 'amplification' | 'outage' | 'prefetch' | 'coalescing' | 'steering' | 'failover' | 'client-caches';

/** A scenario's summary: rows for people and the same numbers for tests and JSON readers. */
export interface SimulationReport {
  title: string;
  rows: { label: string; value: string }[];
  values: Record<string, number | string | boolean>;
}

/** What a report may look at besides the result: the run's inputs and the main resolver's counters. */
export interface ReportContext {
  world: World;
  queries: SessionQuery[];
  options: SimulationOptions;
  seed: number;
  resolver: RecursiveResolver;
}

/** Builds the summary of a run. */
export function buildReport(kind: ReportKind, result: SimulationResult, context: ReportContext): SimulationReport {
  switch (kind) {
    case 'dnssec':
      return reportDnssec(result);
    case 'poisoning':
      return reportPoisoning(result, context);
    case 'amplification':
      return reportAmplification(result, context);
    case 'outage':
      return reportOutage(result, context);
    case 'prefetch':
      return reportPrefetch(result, context);
    case 'coalescing':
      return reportCoalescing(result, context);
    case 'steering':
      return reportSteering(result);
    case 'failover':
      return reportFailover(result, context);
    case 'client-caches':
      return reportClientCaches(result);
  }
}

/** Queries the resolver sent to name servers (its own walk, nested lookups, validation), optionally filtered. */
export function upstreamQueries(result: SimulationResult, filter: (event: ResolutionEvent) => boolean = () => true): ResolutionEvent[] {
  return result.events.filter((event) => event.type === 'query-sent' && event.from.role === 'resolver' && ['root', 'tld', 'authoritative'].includes(event.to.role) && filter(event));
}

function reportDnssec(result: SimulationResult): SimulationReport {
  const all = upstreamQueries(result);
  const dnssec = all.filter((event) => event.message!.question.type === 'DNSKEY' || event.message!.question.type === 'DS');
  const replies = result.events.filter((event) => event.type === 'response-received' && event.to.role === 'resolver' && ['DNSKEY', 'DS'].includes(event.message?.question.type ?? ''));
  const bytes = replies.reduce((sum, event) => sum + event.message!.sizeBytes, 0);
  const outcome = result.outcomes[result.outcomes.length - 1]!;
  return {
    title: 'DNSSEC',
    rows: [
      { label: 'outcome', value: `${outcome.status.toUpperCase()}${outcome.authenticated ? ', AD=1 (validated)' : ''}${outcome.ede ? `, EDE ${outcome.ede.code} ${outcome.ede.name}` : ''}` },
      { label: 'queries sent', value: `${all.length}, of which ${dnssec.length} for DNSKEY and DS records (${bytes} bytes of answers)` },
    ],
    values: { queries: all.length, dnssecQueries: dnssec.length, dnssecBytes: bytes, authenticated: outcome.authenticated === true, status: outcome.status, ede: outcome.ede?.code ?? 0 },
  };
}
