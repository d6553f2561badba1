import { BIND } from './bind.js';
import { KNOT } from './knot.js';
import type { PersonalityId, ResolverPersonality } from './types.js';
import { UNBOUND } from './unbound.js';

export type { PersonalityId, ResolverPersonality };

/** The resolver a walk imitates when no --resolver is given: Unbound, the most common open-source recursive resolver. */
export const DEFAULT_PERSONALITY: ResolverPersonality = UNBOUND;

/** The programs --resolver accepts, in the order --compare shows them (the default first). */
export const PERSONALITIES: readonly ResolverPersonality[] = [UNBOUND, BIND, KNOT];

/** Finds a personality by id. */
export function findPersonality(id: string): ResolverPersonality | undefined {
  return PERSONALITIES.find((personality) => personality.id === id);
}
