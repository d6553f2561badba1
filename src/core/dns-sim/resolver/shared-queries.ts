import type { ServerChoice } from './delegation.js';
import type { ExchangeResult } from '../exchange.js';
import { ask } from './iterate-ask.js';
import { fqdn } from '../names/names.js';
import type { DelegationPoint, WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import type { WalkTimeouts } from './server-wait.js';
import type { RecordType } from '../world/world.js';

/**
 * Sends one query of a walk, or waits on the same question already in flight to a server of the same zone
 * (shareInflightQueries). The stub's A and AAAA questions reach the resolver together, and their walks share
 * the delegation queries: Unbound's outside_network reuses a serviced query with the same question, BIND
 * shares a fetch with the same name and type, and the measured Knot Resolver sent no duplicates either.
 */
export function askOrJoin(ctx: WalkContext, server: ServerChoice, point: DelegationPoint, outName: string, outType: RecordType, qname: string, t: number, note: string, walk: WalkTimeouts): ExchangeResult {
  const resolver = ctx.resolver;
  if (!resolver.options.shareInflightQueries) return ask(ctx, server, point, outName, outType, qname, t, note, walk);
  const shared = (resolver.upstreamQueries ??= []);
  const joined = shared.find((query) => query.name === outName && query.type === outType && query.zone === point.zone && query.sentMs <= t && t < query.result.atMs);
  if (joined) {
    emitCheck(ctx, t, [], `${fqdn(outName)} ${outType} was sent to ${joined.result.to.name} at ${joined.sentMs} ms by another walk and is still in flight: this walk waits for that answer instead of asking again`, false);
    return joined.result;
  }
  const sent = ask(ctx, server, point, outName, outType, qname, t, note, walk);
  if (sent.kind === 'response') shared.push({ name: outName, type: outType, zone: point.zone, sentMs: t, result: sent });
  return sent;
}

/** Whether a blocking priming query another walk started is still in flight at t; if so, this walk waits for it too (shareInflightQueries). */
export function primingInFlight(ctx: WalkContext, t: number): boolean {
  const { options, primingDoneMs } = ctx.resolver;
  if (!options.shareInflightQueries || primingDoneMs === undefined || primingDoneMs <= t) return false;
  emitCheck(ctx, t, [], `the root priming query another walk sent is still in flight: this walk waits for its answer at ${primingDoneMs} ms too`, false);
  return true;
}
