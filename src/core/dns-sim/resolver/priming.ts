import { fqdn } from '../names/names.js';
import type { WalkServices } from './walk-types.js';
import { iterate } from './iterate.js';
import type { WalkContext } from './resolver-state.js';
import { emit } from '../sim-state.js';

const HOW: Record<'blocking' | 'background' | 'start-up', string> = {
  blocking: 'the question waits until it is answered (Unbound: iterator.c prime_root)',
  background: 'the question goes on from the hints meanwhile (BIND: dns_resolver_prime)',
  'start-up': 'sent once when the resolver starts (Knot Resolver\'s priming module)',
};

/**
 * RFC 8109 priming: asks a root server from the hints for the root's own NS set, so the resolver
 * works from the current list rather than the hints file. Returns when the answer arrived.
 */
export function primeRoot(ctx: WalkContext, t: number, services: WalkServices, mode: 'blocking' | 'background' | 'start-up'): number {
  const resolver = ctx.resolver;
  resolver.primingStartedMs = t;
  const lookup = 'NS . (root priming, RFC 8109)';
  const depth = mode === 'start-up' ? 1 : ctx.depth + 1;
  emit(ctx.sim, {
    type: 'cache-checked', timeMs: t, from: resolver.endpoint, to: resolver.endpoint, transport: 'local', depth, lookup, cache: [{ op: 'miss', name: '', type: 'NS', ttlSeconds: 0 }],
    explanation: `no root NS set in the cache, only the ${new Set(resolver.rootHints.map((hint) => hint.name)).size} root hints: primes with a ${fqdn('')} NS query; ${HOW[mode]}`,
  });
  const nested: WalkContext = { ...ctx, depth, lookup, stack: ['|NS'], budget: { sent: 0, targets: 0, deadlineMs: t + resolver.options.queryBudgetMs } };
  const hints = { zone: '', nsNames: [...new Set(resolver.rootHints.map((hint) => hint.name))] };
  return iterate(nested, '', 'NS', t, hints, services).atMs;
}
