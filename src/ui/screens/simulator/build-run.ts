import type { RecordType, World } from '../../../core/dns-sim/world/world.js';
import { validateDomainName } from '../../../core/dns-sim/names/domain-name.js';
import { findScenario, scenarioRun, type Scenario } from '../../../core/dns-sim/scenarios/scenarios.js';
import { simulateSession, type SessionQuery, type SimulationOptions, type SimulationResult } from '../../../core/dns-sim/simulate.js';
import type { TraceHeading } from '../../../core/dns-sim/report/format-trace.js';
import type { WorldChange } from '../../../core/dns-sim/world/world-changes.js';
import type { QueryType, SimSource, TtlOverride, WhatIf } from './sim-source.js';

export { NO_WHAT_IF, type SimSource, type TtlOverride, type WhatIf } from './sim-source.js';

/** A finished simulation and what its header and transcript say about it. */
export interface SimRun {
  result: SimulationResult;
  heading: TraceHeading;
  title: string;
  description?: string;
  scenario?: Scenario;
}

/** Runs the source with the seed and the what-ifs: a pure function, so the same inputs replay the same run. */
export function buildRun(world: World, source: SimSource, seed: number | undefined, whatIf: WhatIf): SimRun | { error: string } {
  let queries: SessionQuery[];
  let options: SimulationOptions;
  let runSeed: number;
  let scenario: Scenario | undefined;
  let asked: { name: string; type: QueryType };
  if (source.kind === 'scenario') {
    scenario = findScenario(source.id);
    if (!scenario) return { error: `there is no scenario "${source.id}"` };
    const run = scenarioRun(scenario, world, {
      ...(seed === undefined ? {} : { seed }),
      ...(whatIf.qnameMinimisation === undefined ? {} : { qnameMinimisation: whatIf.qnameMinimisation }),
      ...(whatIf.personality ? { personality: whatIf.personality } : {}),
    });
    ({ queries, options, seed: runSeed } = run);
    asked = scenario.query;
  } else {
    const checked = validateDomainName(source.name);
    if (!checked.ok) return { error: checked.message };
    queries = [{ name: checked.ascii + (checked.absolute ? '.' : ''), type: source.type }];
    options = {
      ...(whatIf.qnameMinimisation === undefined ? {} : { resolver: { qnameMinimisation: whatIf.qnameMinimisation } }),
      ...(whatIf.personality ? { personality: whatIf.personality } : {}),
    };
    runSeed = seed ?? 1;
    asked = source;
  }
  const changes: WorldChange[] = [
    ...(options.changes ?? []),
    ...whatIf.downServers.map((server): WorldChange => ({ atMs: 0, kind: 'set-behaviour', server, behaviour: 'drop', description: `what-if: ${server} is taken down` })),
    ...whatIf.upServers.map((server): WorldChange => ({ atMs: 0, kind: 'set-behaviour', server, behaviour: 'up', description: `what-if: ${server} is back up` })),
  ];
  if (changes.length > 0) options = { ...options, changes };
  const last = queries[queries.length - 1]!;
  let askedAt = last.atMs ?? 0;
  for (const afterMs of whatIf.askAgainAfterMs) {
    askedAt += afterMs;
    queries = [...queries, { name: last.name, type: last.type, atMs: askedAt }];
  }
  const result = simulateSession(withTtls(world, whatIf.ttl), queries, options, runSeed);
  const query = traceQuery(asked.name, asked.type);
  const heading: TraceHeading = scenario ? { query, scenario: { id: scenario.id, title: scenario.title, description: scenario.description } } : { query };
  return { result, heading, title: scenario?.title ?? `Resolve ${query}`, ...(scenario ? { description: scenario.description, scenario } : {}) };
}

// The question as `swelearn sim` heads its trace: the Unicode form with punycode beside it, the dot kept, then the type.
function traceQuery(input: string, type: QueryType): string {
  const name = validateDomainName(input);
  if (!name.ok) return `${input} ${type}`;
  const shown = name.unicode !== name.ascii ? `${name.unicode} (${name.ascii})` : name.ascii;
  return `${shown}${name.absolute ? '.' : ''} ${type}`;
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

const runs = new WeakMap<World, Map<string, SimRun | { error: string }>>();

/** buildRun, remembered per world for the last few inputs, so replaying, going back and what-if previews cost nothing. */
export function cachedRun(world: World, source: SimSource, seed: number | undefined, whatIf: WhatIf): SimRun | { error: string } {
  const key = JSON.stringify([source, seed ?? null, whatIf]);
  let perWorld = runs.get(world);
  if (!perWorld) runs.set(world, (perWorld = new Map()));
  let run = perWorld.get(key);
  if (!run) {
    run = buildRun(world, source, seed, whatIf);
    if (perWorld.size >= 16) perWorld.delete(perWorld.keys().next().value!);
    perWorld.set(key, run);
  }
  return run;
}
