/** The summaries a scenario can end with. */
export type ReportKind = 'dnssec' | 'poisoning' | 'amplification' | 'outage' | 'prefetch' | 'coalescing' | 'steering' | 'failover' | 'client-caches';

/** A scenario's summary: rows for people and the same numbers for tests and JSON readers. */
export interface SimulationReport {
  title: string;
  rows: { label: string; value: string }[];
  values: Record<string, number | string | boolean>;
}
