import type { Endpoint, ResolutionEvent } from '../events.js';
import type { QueryOutcome } from '../outcome.js';
import type { SimulationReport } from './report-types.js';
import type { SimulationResult } from '../simulation-types.js';
import type { ResolvConf, WorldWarning } from '../world/world.js';

/** Version of the JSON trace format (docs/trace-format.md); raised on any incompatible change. */
export const TRACE_FORMAT_VERSION = 1;

/** The JSON document `swelearn sim --json` prints. */
export interface TraceDocument {
  version: number;
  kind: 'swelearn-sim-trace';
  query: { input: string; ascii: string; unicode: string; type: string };
  /** The scenario run, with what this resolver does differently in it (`resolverNote`) when it differs. */
  scenario: { id: string; title: string; cardId: string; resolverNote?: string } | null;
  seed: number;
  resolver: Endpoint;
  /** The resolver program imitated: --resolver, else Unbound. */
  resolverModel?: { id: string; name: string; summary: string };
  qnameMinimisation: boolean;
  resolvConf: ResolvConf;
  outcomes: QueryOutcome[];
  events: ResolutionEvent[];
  warnings: WorldWarning[];
  /** A scenario's summary in numbers (odds, bytes, timelines), when it has one. */
  report?: SimulationReport;
  /** For `sim --session`: the file and its steps, each with its line and the question (queryIndex) it became. */
  session?: { file: string; steps: { index: number; line: number; kind: string; atMs?: number; waitMs?: number; beforeMs?: number; queryIndex?: number }[] };
}

/** Builds the JSON document for a run; key order is fixed, so equal runs give byte-identical JSON. */
export function toTraceDocument(result: SimulationResult, query: TraceDocument['query'], scenario: TraceDocument['scenario'], session?: TraceDocument['session']): TraceDocument {
  return {
    version: TRACE_FORMAT_VERSION,
    kind: 'swelearn-sim-trace',
    query,
    scenario,
    seed: result.seed,
    resolver: result.resolver,
    resolverModel: result.resolverModel,
    qnameMinimisation: result.qnameMinimisation,
    resolvConf: result.resolvConf,
    outcomes: result.outcomes,
    events: result.events,
    warnings: result.warnings,
    ...(result.report ? { report: result.report } : {}),
    ...(session ? { session } : {}),
  };
}

/** Serialises a trace document: two-space indented JSON and a final newline. */
export function formatTraceJson(document: TraceDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
