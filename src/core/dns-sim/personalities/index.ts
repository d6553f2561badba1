import { BIND } from './bind.js';
import { KNOT } from './knot.js';
import type { PersonalityId, ResolverPersonality } from './types.js';
import { UNBOUND } from './unbound.js';

export type { PersonalityId, ResolverPersonality };

/** The simulator's reference model: what a resolver does when no --resolver is given (part one's behaviour). */
export const DEFAULT_PERSONALITY: ResolverPersonality = {
  id: 'default',
  name: 'reference model',
  summary: 'mostly Unbound\'s values, no priming shown, RFC 8020 on minimised NXDOMAIN, no DNSSEC',
  options: {},
};

/** The programs --resolver accepts, in the order --compare shows them. */
export const PERSONALITIES: readonly ResolverPersonality[] = [UNBOUND, BIND, KNOT];

/** Finds a personality by id (the reference model included). */
export function findPersonality(id: string): ResolverPersonality | undefined {
  return id === 'default' ? DEFAULT_PERSONALITY : PERSONALITIES.find((personality) => personality.id === id);
}
