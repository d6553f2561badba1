import type { ServerChoice } from './delegation.js';
import { exchange, type ExchangeRequest, type ExchangeResult } from '../exchange.js';
import { observe } from './infra-cache.js';
import type { WalkContext } from './resolver-state.js';

/** What one walk remembers about its failed waits: how many ran out, per server, and whether TCP already failed (Knot's force_udp). */
export interface WalkTimeouts {
  total: number;
  byAddress: Map<string, number>;
  forceUdp: boolean;
}

/** A fresh record of a walk's timeouts. */
export function createWalkTimeouts(): WalkTimeouts {
  return { total: 0, byAddress: new Map(), forceUdp: false };
}

/** The parts of a query to a server that do not depend on how long the resolver waits. */
export type ServerQuery = Omit<ExchangeRequest, 'transport' | 'sendMs' | 'waitMs' | 'explanation'>;

/**
 * Sends one query of a walk and waits for it the way the resolver program does: over TCP after
 * repeated timeouts (Knot), ignoring ICMP and asking once more at the same timeout (Unbound), with
 * the wait cut at the question's deadline (BIND); then records what it learned in the infra cache.
 */
export function sendToServer(ctx: WalkContext, server: ServerChoice, query: ServerQuery, t: number, explanation: string, walk: WalkTimeouts): ExchangeResult {
  const { options, infra } = ctx.resolver;
  const result = waitForServer(ctx, server, query, t, explanation, walk);
  if (result.kind === 'response') {
    observe(infra, { atMs: result.atMs, address: server.address, outcome: 'ok', ms: result.rttMs });
  } else if (result.kind === 'timeout' || options.icmpUnreachable === 'wait-timeout') {
    walk.total++;
    walk.byAddress.set(server.address, (walk.byAddress.get(server.address) ?? 0) + 1);
    observe(infra, { atMs: result.atMs, address: server.address, outcome: 'timeout', ms: server.rtoMs });
  } else {
    observe(infra, { atMs: result.atMs, address: server.address, outcome: 'unreachable', ms: server.rtoMs });
  }
  return result;
}

function waitForServer(ctx: WalkContext, server: ServerChoice, query: ServerQuery, t: number, explanation: string, walk: WalkTimeouts): ExchangeResult {
  const { options } = ctx.resolver;
  // BIND's fctx_setretryinterval: "don't wait past ... the final expiration of the fetch".
  const leftMs = options.budgetEnforcement === 'cut-wait' ? Math.max(0, ctx.budget.deadlineMs - t) : Number.POSITIVE_INFINITY;
  const tcpRule = options.tcpAfterTimeouts;
  const timeoutsOfServer = walk.byAddress.get(server.address) ?? 0;
  if (tcpRule && !walk.forceUdp && (timeoutsOfServer >= tcpRule.timeoutsOfServer || server.rtoMs > tcpRule.aboveTimeoutMs)) {
    const why = timeoutsOfServer >= tcpRule.timeoutsOfServer ? `${server.address} timed out ${timeoutsOfServer} times over UDP in this question` : `the wait (${server.rtoMs} ms) is over ${tcpRule.aboveTimeoutMs} ms`;
    const waitMs = Math.min(tcpRule.connectTimeoutMs, leftMs);
    const tcp = exchange(ctx.sim, { ...query, transport: 'tcp', sendMs: t, waitMs, explanation: `${explanation}; over TCP because ${why} (Knot: lib/selection.c TCP_TIMEOUT_THRESHOLD), with ${tcpRule.connectTimeoutMs} ms to connect` });
    // A failed connection sends the rest of the question back to UDP (Knot's force_udp: "last chance on broken TCP").
    if (tcp.kind !== 'response') walk.forceUdp = true;
    return tcp;
  }
  const waitMs = Math.min(server.rtoMs, leftMs);
  const cut = waitMs < server.rtoMs ? `; the wait is cut to ${waitMs} ms, where the ${options.queryBudgetMs / 1000} s for the whole question run out (BIND resolver-query-timeout)` : '';
  const ignoreIcmp = options.icmpUnreachable === 'wait-timeout' ? { ignoreIcmp: true as const } : {};
  const first = exchange(ctx.sim, { ...query, ...ignoreIcmp, transport: 'udp', sendMs: t, waitMs, explanation: `${explanation}${cut}` });
  if (first.kind !== 'timeout' || waitMs < server.rtoMs || server.rtoMs >= options.udpRetrySameServerBelowMs) return first;
  // Unbound's serviced_udp_callback: the first timeout of an EDNS query below 5 s is retried once at the same
  // timeout (the EDNS fragmentation fallback, status UDP_EDNS_FRAG); only the second timeout backs the server off.
  const again = `no answer within ${server.rtoMs} ms: asks ${server.nsName} once more at the same timeout before trying another server (Unbound outside_network.c: one retry while the timeout is under ${options.udpRetrySameServerBelowMs} ms)`;
  return exchange(ctx.sim, { ...query, ...ignoreIcmp, transport: 'udp', sendMs: first.atMs, waitMs, explanation: again });
}
