import { fqdn, isInZone } from '../names/names.js';
import { iterate } from './iterate.js';
import type { ResolutionOutcome, WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import type { IterationResult, WalkServices } from './walk-types.js';

/**
 * Finds a name server's address the way BIND 9.18's ADB does (lib/dns/adb.c fetch_name): a fetch for the
 * full name ("We're not minimizing this query"), which the walk waits for. A name outside the zone it
 * serves starts at the closest cached cut; a name inside it (start_at_zone) starts at the root hints,
 * because dns_view_findzonecut() is called there with use_cache false.
 */
export function adbFetch(ctx: WalkContext, nsName: string, zone: string, t: number, services: WalkServices): { outcome: ResolutionOutcome; atMs: number } {
  const nested: WalkContext = { ...ctx, unminimised: true };
  if (zone === '' || !isInZone(nsName, zone)) return services.resolve(nested, nsName, 'A', t);
  const hints = { zone: '', nsNames: [...new Set(ctx.resolver.rootHints.map((hint) => hint.name))] };
  emitCheck(nested, t, [], `${fqdn(nsName)} lies inside ${fqdn(zone)}, the zone it serves: BIND's ADB fetch starts at the root hints, not at a cached delegation, and asks the full name`, false);
  const walked = iterate(nested, nsName, 'A', t, hints, services);
  return { outcome: toOutcome(walked, nsName), atMs: walked.atMs };
}

// BIND's ADB does not follow a CNAME for a name server ("skipping nameserver ... because it is a CNAME", resolver.c findname).
function toOutcome(walked: IterationResult, nsName: string): ResolutionOutcome {
  switch (walked.kind) {
    case 'answer':
      return { kind: 'answer', records: walked.records };
    case 'cname':
      return { kind: 'servfail', records: [], reason: `${fqdn(nsName)} is a CNAME, which a name server may not be` };
    case 'servfail':
      return { kind: 'servfail', records: [], reason: walked.reason };
    default:
      return { kind: walked.kind, records: [] };
  }
}
