import type { ReportContext } from './report-context.js';
import type { SimulationReport } from './report-types.js';
import { failoverAtMs } from '../servers/steering.js';
import type { SimulationResult } from '../simulation-types.js';

/** Which answer each client got first, and how often each address came first. */
export function reportSteering(result: SimulationResult): SimulationReport {
  const counts = new Map<string, number>();
  for (const outcome of result.outcomes) {
    const first = outcome.addresses[0] ?? outcome.status;
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const rows = result.outcomes.map((outcome, index) => ({ label: `question ${index + 1} at ${Math.round(outcome.startedAtMs / 1000)} s`, value: `${outcome.addresses.join(', ') || outcome.status}` }));
  return {
    title: 'Traffic steering',
    rows: [...rows, { label: 'first address', value: [...counts].map(([address, count]) => `${address} x${count}`).join(', ') }],
    values: Object.fromEntries([...counts].map(([address, count]) => [address, count])),
  };
}

/** The failover timeline: when the primary died, when DNS changed, and when each client moved. */
export function reportFailover(result: SimulationResult, context: ReportContext): SimulationReport {
  const steering = context.options.steering?.find((spec) => spec.policy.kind === 'failover');
  if (!steering || steering.policy.kind !== 'failover') return { title: 'Failover', rows: [], values: {} };
  const policy = steering.policy;
  const secondary = steering.pools.find((pool) => pool.name === policy.secondary)!.addresses;
  const clients = [...new Set(context.queries.map((query) => query.client?.name ?? 'application'))];
  const moved = clients.map((name) => {
    const mine = result.outcomes.filter((_, index) => (context.queries[index]?.client?.name ?? 'application') === name);
    const first = mine.find((outcome) => outcome.addresses.some((address) => secondary.includes(address)));
    return { name, atMs: first?.startedAtMs };
  });
  const last = Math.max(...moved.map((client) => client.atMs ?? Infinity));
  const failedAt = policy.failsAtMs;
  const flippedAt = failoverAtMs(policy);
  const ttl = steering.ttlSeconds;
  const browser = context.options.browserCache?.ttlSeconds ?? 0;
  const detect = policy.failureThreshold * policy.checkIntervalMs;
  return {
    title: 'Health-checked failover timeline',
    rows: [
      { label: 'primary fails', value: `${failedAt / 1000} s` },
      { label: 'DNS answers change', value: `${flippedAt / 1000} s: checks every ${policy.checkIntervalMs / 1000} s, ${policy.failureThreshold} failures in a row` },
      { label: 'worst case', value: `up to ${detect / 1000} s to detect (${policy.failureThreshold} checks x ${policy.checkIntervalMs / 1000} s) + ${ttl} s TTL in resolvers + ${browser} s in browsers = ${detect / 1000 + ttl + browser} s after the failure, plus however long a client waits before it asks again` },
      ...moved.map((client) => ({ label: `${client.name} moves`, value: client.atMs === undefined ? 'not within the run' : `${client.atMs / 1000} s` })),
      { label: 'last client moved', value: Number.isFinite(last) ? `${last / 1000} s after the start, ${(last - failedAt) / 1000} s after the failure` : 'not within the run' },
    ],
    values: { failedAtMs: failedAt, flippedAtMs: flippedAt, worstCaseMs: detect + (ttl + browser) * 1000, lastMovedAtMs: Number.isFinite(last) ? last : -1, ...Object.fromEntries(moved.map((client) => [client.name, client.atMs ?? -1])) },
  };
}

/** Which layer answered each question: the browser cache, the OS cache, or the recursive resolver. */
export function reportClientCaches(result: SimulationResult): SimulationReport {
  const layer = (index: number): string => result.outcomes[index]!.cacheLayer ?? 'resolver';
  const packets = (index: number): number => result.events.filter((event) => event.queryIndex === index && event.type === 'query-sent').length;
  const rows = result.outcomes.map((outcome, index) => ({ label: `question ${index + 1} at ${Math.round(outcome.startedAtMs / 1000)} s`, value: `${layer(index) === 'browser' ? 'browser cache' : layer(index) === 'os' ? 'systemd-resolved cache' : 'the resolver'}, ${packets(index)} DNS messages sent, ${outcome.durationMs} ms` }));
  return {
    title: 'Client-side caches',
    rows,
    values: Object.fromEntries(result.outcomes.map((_, index) => [`q${index + 1}`, layer(index)])),
  };
}
