import { validateDomainName } from '../../core/dns-sim/names/domain-name.js';
import type { TraceHeading } from '../../core/dns-sim/report/format-trace.js';
import { CHROME_HOST_CACHE } from '../../core/dns-sim/stub/browser-cache.js';
import { findScenario, scenarioRun, type Scenario } from '../../core/dns-sim/scenarios/scenarios.js';
import { PERSONALITIES } from '../../core/dns-sim/personalities/index.js';
import type { ResolverOptions } from '../../core/dns-sim/resolver/resolver-options.js';
import { repeatedQueries, resolverOptionsFor, simulateSession, type SessionQuery, type SimulationOptions, type SimulationResult } from '../../core/dns-sim/simulate.js';
import type { RecordType, World } from '../../core/dns-sim/world/world.js';
import type { WorldChange } from '../../core/dns-sim/world/world-changes.js';
import { withResolverConfig } from '../../core/dns-sim/world-config/resolver-config-options.js';
import { NO_WHAT_IF, type QueryType, type SimRequest, type TtlOverride, type WhatIf } from './sim-request.js';

/** The seed of a run when neither the request nor a scenario gives one, so plain runs are reproducible. */
export const DEFAULT_SEED = 1;

/** Everything a run needs and what its trace is headed with: the one plan `swelearn sim` and the simulator screen both run. */
export interface PlannedRun {
  /** The world, with the request's TTL changes applied. */
  world: World;
  queries: SessionQuery[];
  options: SimulationOptions;
  seed: number;
  heading: TraceHeading;
  /** What the question is, as asked and in its two forms, for the JSON trace. */
  query: { input: string; ascii: string; unicode: string; type: QueryType };
  title: string;
  scenario?: Scenario;
}

/** A request that cannot run, and why (an unknown scenario, a name that breaks a rule). */
export interface PlanError {
  error: string;
  /** The rule the name breaks, when that is the reason. */
  rule?: string;
}

/** Plans a run from a request: a pure function, so the same world, request and seed give the same walk. */
export function planRun(world: World, request: SimRequest): PlannedRun | PlanError {
  const whatIf = request.whatIf ?? NO_WHAT_IF;
  const scenario = request.source.kind === 'scenario' ? findScenario(request.source.id) : undefined;
  if (request.source.kind === 'scenario' && !scenario) return { error: `there is no scenario "${request.source.id}"` };
  const asked = request.source.kind === 'custom' ? request.source : (request.source.query ?? scenario!.query);
  const name = validateDomainName(asked.name);
  if (!name.ok) return { error: name.message, rule: name.rule };
  const query = { name: `${name.ascii}${name.absolute ? '.' : ''}`, type: asked.type };
  const client = {
    ...(whatIf.personality ? { personality: whatIf.personality } : {}),
    ...(request.browserCache ? { browserCache: CHROME_HOST_CACHE } : {}),
    ...(request.osCache ? { osCache: true } : {}),
  };
  let { queries, options, seed } = scenario
    ? scenarioRun(scenario, world, {
        ...client,
        ...(request.source.kind === 'scenario' && request.source.query ? { query } : {}),
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        ...(request.repeat === undefined ? {} : { repeat: request.repeat }),
        ...(request.afterMs === undefined ? {} : { afterMs: request.afterMs }),
        ...(request.resolvConf ? { resolvConf: request.resolvConf } : {}),
        ...(whatIf.qnameMinimisation === undefined ? {} : { qnameMinimisation: whatIf.qnameMinimisation }),
      })
    : {
        queries: repeatedQueries(query, request.repeat ?? 1, request.afterMs ?? 0),
        options: {
          ...client,
          ...(request.resolvConf ? { resolvConf: request.resolvConf } : {}),
          ...(whatIf.qnameMinimisation === undefined ? {} : { resolver: { qnameMinimisation: whatIf.qnameMinimisation } }),
        } satisfies SimulationOptions,
        seed: request.seed ?? DEFAULT_SEED,
      };
  // The world's resolver configuration lies beneath the run's own: --resolver, a scenario or a what-if wins (docs/world-format.md).
  options = withServerChanges(withResolverConfig(options, world.resolverConfig), whatIf);
  queries = withLaterQuestions(queries, whatIf);
  if (request.dig) queries = queries.map((asked) => ({ ...asked, dig: request.dig! }));
  const shown = `${name.unicode !== name.ascii ? `${name.unicode} (${name.ascii})` : name.ascii}${name.absolute ? '.' : ''} ${asked.type}`;
  const heading: TraceHeading = { query: shown, ...(scenario ? { scenario: { id: scenario.id, title: scenario.title, description: scenario.description, ...(scenario.resolverNotes ? { resolverNotes: scenario.resolverNotes } : {}) } } : {}) };
  return {
    world: withTtls(world, whatIf.ttl),
    queries,
    options,
    seed,
    heading,
    query: { input: asked.name, ascii: query.name, unicode: `${name.unicode}${name.absolute ? '.' : ''}`, type: asked.type },
    title: scenario?.title ?? `Resolve ${shown}`,
    ...(scenario ? { scenario } : {}),
  };
}

/** Runs a plan, under another resolver personality when one is given (`--compare`). */
export function runPlan(plan: PlannedRun, personality?: SimulationOptions['personality']): SimulationResult {
  return simulateSession(plan.world, plan.queries, personality ? { ...plan.options, personality } : plan.options, plan.seed);
}

function withServerChanges(options: SimulationOptions, whatIf: WhatIf): SimulationOptions {
  const changes: WorldChange[] = [
    ...(options.changes ?? []),
    ...whatIf.downServers.map((server): WorldChange => ({ atMs: 0, kind: 'set-behaviour', server, behaviour: 'drop', description: `what-if: ${server} is taken down` })),
    ...whatIf.upServers.map((server): WorldChange => ({ atMs: 0, kind: 'set-behaviour', server, behaviour: 'up', description: `what-if: ${server} is back up` })),
  ];
  return changes.length > 0 ? { ...options, changes } : options;
}

// Each extra question is asked this long after the one before it, the same name and type as the last.
function withLaterQuestions(queries: SessionQuery[], whatIf: WhatIf): SessionQuery[] {
  const last = queries[queries.length - 1]!;
  let askedAt = last.atMs ?? 0;
  const later = whatIf.askAgainAfterMs.map((afterMs) => ({ name: last.name, type: last.type, atMs: (askedAt += afterMs) }));
  return later.length > 0 ? [...queries, ...later] : queries;
}

// A TTL change edits the zone itself, so even answers cached before the scenario starts carry it.
function withTtls(world: World, overrides: readonly TtlOverride[]): World {
  if (overrides.length === 0) return world;
  const ttlOf = (name: string, type: RecordType) => overrides.find((override) => override.name === name && override.type === type)?.ttlSeconds;
  return {
    ...world,
    zones: world.zones.map((zone) => ({
      ...zone,
      records: zone.records.map((record) => {
        const ttlSeconds = ttlOf(record.name, record.type);
        return ttlSeconds === undefined ? record : { ...record, ttlSeconds };
      }),
    })),
  };
}

/** The same plan under every resolver personality, each with the resolver options it ran with (`swelearn sim --compare`). */
export function comparePersonalities(plan: PlannedRun): { result: SimulationResult; options: ResolverOptions }[] {
  return PERSONALITIES.map((personality) => ({
    result: runPlan(plan, personality.id),
    options: resolverOptionsFor({ ...plan.options, personality: personality.id }),
  }));
}
