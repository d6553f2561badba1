import type { ResponseReceivedEvent } from '../events.js';
import { upstreamQueries, type ReportContext } from './report-context.js';
import { reportAmplification, reportPoisoning } from './report-attacks.js';
import { reportCoalescing, reportOutage, reportPrefetch } from './report-resolver.js';
import { reportClientCaches, reportFailover, reportSteering } from './report-traffic.js';
import type { ReportKind, SimulationReport } from './report-types.js';
import type { SimulationResult } from '../simulation-types.js';

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

function reportDnssec(result: SimulationResult): SimulationReport {
  const all = upstreamQueries(result);
  const dnssec = all.filter((event) => event.message.question.type === 'DNSKEY' || event.message.question.type === 'DS');
  const replies = result.events.filter((event): event is ResponseReceivedEvent => event.type === 'response-received' && event.to.role === 'resolver' && ['DNSKEY', 'DS'].includes(event.message.question.type));
  const bytes = replies.reduce((sum, event) => sum + event.message.sizeBytes, 0);
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
