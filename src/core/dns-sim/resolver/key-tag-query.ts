import { keyTagOf } from '../world/dnssec-model.js';
import type { WalkContext } from './resolver-state.js';
import type { WalkServices } from './walk-types.js';

/** The RFC 8145 section 5.1 query name for trust anchor key tags: "_ta-" and each tag as four lowercase hex digits, in ascending order. */
export function keyTagQueryName(keyTags: readonly number[]): string {
  return `_ta-${[...keyTags].sort((a, b) => a - b).map((tag) => tag.toString(16).padStart(4, '0')).join('-')}`;
}

/**
 * Signals the root trust anchor's key tag (RFC 8145 section 5) with a `_ta-xxxx. NULL` query that nobody waits for:
 * Unbound sends it beside the trust anchor's DNSKEY query, Knot Resolver after that query's answer (keyTagQuery).
 * The answer is not validated, which keeps the query from needing the keys it is sent beside.
 */
export function signalTrustAnchor(ctx: WalkContext, dnskeySentMs: number, dnskeyAnsweredMs: number, services: WalkServices): void {
  const mode = ctx.resolver.options.keyTagQuery;
  if (mode === 'none') return;
  const name = keyTagQueryName([keyTagOf(ctx.sim.dnssec!, '', true)]);
  const t = mode === 'with-root-dnskey' ? dnskeySentMs : dnskeyAnsweredMs;
  const background: WalkContext = {
    ...ctx, depth: ctx.depth + 1, lookup: `NULL ${name}. (RFC 8145 key-tag signal of the root trust anchor)`, validating: true,
    stack: [`${name}|NULL`], budget: { sent: 0, targets: 0, deadlineMs: t + ctx.resolver.options.queryBudgetMs },
  };
  services.resolve(background, name, 'NULL', t);
}
