import type { PersonalityId } from '../personalities/types.js';
import type { ResolverOptions } from '../resolver/resolver-options.js';
import type { SimulationOptions } from '../simulation-types.js';
import type { ResolverConfig } from '../world/world.js';

/** The run's options with the world's resolver configuration beneath them: a personality or setting the run gives itself (`--resolver`, a scenario, a what-if) wins. */
export function withResolverConfig(options: SimulationOptions, config: ResolverConfig | undefined): SimulationOptions {
  if (!config) return options;
  const personality = options.personality ?? config.personality;
  const resolver: Partial<ResolverOptions> = {
    ...(config.qnameMinimisation === undefined ? {} : { qnameMinimisation: config.qnameMinimisation }),
    ...(config.serveStale === undefined ? {} : { serveStale: config.serveStale !== false }),
    ...(config.forwardZones.length > 0 ? { forwardZones: config.forwardZones } : {}),
    ...(config.stubZones.length > 0 ? { stubZones: config.stubZones } : {}),
    ...(config.dnssecValidation === undefined ? {} : { dnssecValidation: config.dnssecValidation }),
    ...(config.trustAnchor === undefined ? {} : { trustAnchor: config.trustAnchor }),
    ...(config.dns64 === undefined ? {} : { dns64: config.dns64 }),
    ...options.resolver,
  };
  return {
    ...options,
    ...(personality ? { personality } : {}),
    ...(Object.keys(resolver).length > 0 ? { resolver } : {}),
    ...(config.ede === undefined || options.ede !== undefined ? {} : { ede: config.ede }),
    ...(config.serveStale && !options.serveStaleSettings ? { serveStaleSettings: config.serveStale } : {}),
  };
}

/** What a run's EDE switch and serve-stale settings change in a personality's options; settings written for another program are left out. */
export function configuredOptions(base: ResolverOptions, personality: PersonalityId, options: Pick<SimulationOptions, 'ede' | 'serveStaleSettings'>): Partial<ResolverOptions> {
  const settings = options.serveStaleSettings?.program === personality ? options.serveStaleSettings.profile : {};
  // EDE off means none at all: also Knot's EDE 22 and the stale-answer EDE 3 each program attaches on its own.
  const edeOff = options.ede === false ? { staleAnswerEde: false } : {};
  const serveStaleProfile = { ...base.serveStaleProfile, ...settings, ...edeOff };
  const ede = options.ede === undefined ? {} : options.ede ? { extendedErrors: 'all' as const } : { extendedErrors: 'none' as const, unreachableAuthorityEde: false };
  return { ...ede, serveStaleProfile };
}
