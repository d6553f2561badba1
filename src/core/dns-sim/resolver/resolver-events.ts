import type { CacheOperation } from '../events.js';
import type { WalkContext } from './resolver-state.js';
import { emit } from '../sim-state.js';

/** Records a cache-checked event of the resolver (kind cache-hit when the cache answered). */
export function emitCheck(ctx: WalkContext, t: number, cache: CacheOperation[], explanation: string, hit: boolean): void {
  emit(ctx.sim, {
    type: 'cache-checked',
    timeMs: t,
    from: ctx.resolver.endpoint,
    to: ctx.resolver.endpoint,
    transport: 'local',
    cache,
    ...(hit ? { kind: 'cache-hit' as const } : {}),
    depth: ctx.depth,
    lookup: ctx.lookup,
    explanation,
  });
}
