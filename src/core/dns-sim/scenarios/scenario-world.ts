import { readYamlMapping, type ServerMapError } from '../world/server-map.js';
import type { SimulationOptions } from '../simulation-types.js';
import type { ResolverConfig, World } from '../world/world.js';
import { RESOLVER_CONFIG_FIELDS, readResolverConfig } from '../world-config/resolver-config.js';
import { withResolverConfig } from '../world-config/resolver-config-options.js';
import { readSchedule, type ScheduleEntry } from '../world-config/schedule.js';
import { resolveSchedule } from '../world-config/schedule-changes.js';
import { readSignedZones, signingModel, type SignedZoneEntry } from '../world-config/signed-zones.js';

/** The servers.yaml keys a bundled scenario writes its setup in: the resolver's configuration, a schedule of server changes, and signed zones with their faults. */
export const SCENARIO_WORLD_FIELDS = ['resolver', 'schedule', 'signed_zones'];

/** A scenario's world settings as read, before they meet the world the scenario runs in, and every problem found reading them. */
export interface ScenarioWorld {
  resolverConfig?: ResolverConfig;
  schedule: ScheduleEntry[];
  signedZones: SignedZoneEntry[];
  errors: ServerMapError[];
}

/** Reads a scenario's world settings: YAML in the format of servers.yaml (docs/world-format.md) under the same readers and rules, without `servers` (the scenario runs on the world's). */
export function readScenarioWorld(text: string, file: string): ScenarioWorld {
  const { data, reader, errors } = readYamlMapping(text, file, `a scenario's world settings must be a mapping of ${SCENARIO_WORLD_FIELDS.join(', ')}`);
  const read: ScenarioWorld = { schedule: [], signedZones: [], errors };
  if (!data) return read;
  for (const key of Object.keys(data)) {
    if (!SCENARIO_WORLD_FIELDS.includes(key)) reader.fail([key], `unknown field '${key}' (known: ${SCENARIO_WORLD_FIELDS.join(', ')})`);
  }
  if (data.resolver !== undefined) {
    const resolver = typeof data.resolver === 'object' && data.resolver !== null && !Array.isArray(data.resolver) ? (data.resolver as Record<string, unknown>) : undefined;
    if (!resolver) reader.fail(['resolver'], `'resolver' must be a mapping of ${RESOLVER_CONFIG_FIELDS.join(', ')}`);
    for (const key of Object.keys(resolver ?? {})) {
      if (!RESOLVER_CONFIG_FIELDS.includes(key)) reader.fail(['resolver', key], `unknown field '${key}' (known: ${RESOLVER_CONFIG_FIELDS.join(', ')})`);
    }
    const config = resolver ? readResolverConfig(resolver, reader) : undefined;
    if (config) read.resolverConfig = config;
  }
  if (data.schedule !== undefined) read.schedule = readSchedule(data.schedule, reader);
  if (data.signed_zones !== undefined) read.signedZones = readSignedZones(data.signed_zones, reader);
  errors.sort((a, b) => a.line - b.line);
  return read;
}

/** The scenario's world settings checked against a world: the problems a user world with the same keys would have (a server it lacks, a signed zone without a file). */
export function scenarioWorldProblems(settings: ScenarioWorld, world: World, file: string): ServerMapError[] {
  const schedule = resolveSchedule(settings.schedule, [], world.servers, file);
  const signing = signingModel(settings.signedZones, world.zones.map((zone) => zone.origin), file);
  return [...settings.errors, ...schedule.errors, ...signing.errors];
}

/**
 * The run's options with the scenario's world settings laid over them, as a user world's servers.yaml would set them:
 * the scenario's own options win, and settings the world does not fit (a server it lacks) are left out, as the world loader would refuse them.
 */
export function withScenarioWorld(options: SimulationOptions, settings: ScenarioWorld, world: World, file: string): SimulationOptions {
  const changes = resolveSchedule(settings.schedule, [], world.servers, file).changes;
  const dnssec = signingModel(settings.signedZones, world.zones.map((zone) => zone.origin), file).model;
  const laid = withResolverConfig(options, settings.resolverConfig);
  // `serve_stale: true` names no setting of its own, so the world's own serve-stale settings still apply beneath it.
  if (laid.serveStaleSettings && laid.serveStaleSettings !== options.serveStaleSettings && Object.keys(laid.serveStaleSettings.profile).length === 0) delete laid.serveStaleSettings;
  return {
    ...laid,
    ...(changes.length > 0 ? { changes: [...(options.changes ?? []), ...changes] } : {}),
    ...(dnssec && !options.dnssec ? { dnssec } : {}),
  };
}
