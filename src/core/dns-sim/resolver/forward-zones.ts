import { chooseServer } from './delegation.js';
import { exchange } from '../exchange.js';
import { readFinalAnswer } from './iterate-answer.js';
import { fqdn, isInZone } from '../names/names.js';
import type { ConfiguredZone, ResolverOptions } from './resolver-options.js';
import type { WalkContext } from './resolver-state.js';
import { createWalkTimeouts, sendToServer } from './server-wait.js';
import type { IterationResult, WalkServices } from './walk-types.js';
import type { DnsMessage } from '../wire/wire.js';
import type { RecordType } from '../world/world.js';

/** The configured zone (forward or stub) closest to name: the longest one that contains it, or undefined. */
export function closestConfiguredZone(zones: readonly ConfiguredZone[], name: string): ConfiguredZone | undefined {
  let best: ConfiguredZone | undefined;
  for (const zone of zones) if (isInZone(name, zone.zone) && (!best || zone.zone.length > best.zone.length)) best = zone;
  return best;
}

/** The forward zone a question goes to, unless a stub zone sits closer to the name (the closer configuration wins, as in Unbound). */
export function forwardZoneFor(options: Pick<ResolverOptions, 'forwardZones' | 'stubZones'>, name: string): ConfiguredZone | undefined {
  const forward = closestConfiguredZone(options.forwardZones, name);
  const stub = closestConfiguredZone(options.stubZones, name);
  return forward && (!stub || forward.zone.length >= stub.zone.length) ? forward : undefined;
}

/**
 * Asks a forward zone's forwarders instead of iterating: RD=1, one forwarder at a time chosen by its
 * measured round trip like any server (Unbound forward-zone, BIND type forward with forward only),
 * and the answer read and cached as an authoritative one would be, so later questions hit the cache.
 */
export function forwardQuestion(ctx: WalkContext, zone: ConfiguredZone, qname: string, qtype: RecordType, startMs: number, services: WalkServices): IterationResult {
  const { options, endpoint } = ctx.resolver;
  const point = { zone: zone.zone, nsNames: [...zone.addresses] };
  const tried = new Map<string, number>();
  const failures: string[] = [];
  const timeouts = createWalkTimeouts();
  let t = startMs;
  for (;;) {
    const server = ctx.budget.sent < options.maxQueriesSent ? chooseServer(ctx, point, tried, t, timeouts.total) : undefined;
    if (!server) return { kind: 'servfail', reason: `no forwarder of ${fqdn(zone.zone)} answered${failures.length ? `: ${failures.join('; ')}` : ''}`, atMs: t };
    const failed = (text: string): void => {
      tried.set(server.address, (tried.get(server.address) ?? 0) + 1);
      failures.push(text);
    };
    const query: Omit<DnsMessage, 'id'> = {
      qr: false, rd: true, cd: false, rcode: 'NOERROR', question: { name: qname, type: qtype }, answer: [], authority: [], additional: [], ednsUdpPayloadBytes: options.ednsBufferBytes,
    };
    ctx.budget.sent++;
    const request = { from: endpoint, toAddress: server.address, query, depth: ctx.depth, lookup: ctx.lookup };
    let sent = sendToServer(ctx, server, request, t, `${fqdn(qname)} is in the forward zone ${fqdn(zone.zone)}: asks the forwarder ${server.address} with RD=1, recursion desired (timeout ${server.rtoMs} ms)`, timeouts);
    if (sent.kind === 'response' && sent.message.tc) {
      ctx.budget.sent++;
      sent = exchange(ctx.sim, { ...request, transport: 'tcp', sendMs: sent.atMs, waitMs: Math.max(3000, server.rtoMs * 4), explanation: `the forwarder's UDP answer was truncated (TC=1): asks ${server.address} again over TCP` });
    }
    t = sent.atMs;
    if (sent.kind !== 'response') {
      failed(`forwarder ${server.address} ${sent.kind === 'timeout' ? 'timed out' : 'is unreachable'}`);
      continue;
    }
    if (sent.message.tc || (sent.message.rcode !== 'NOERROR' && sent.message.rcode !== 'NXDOMAIN')) {
      failed(`forwarder ${server.address} answered ${sent.message.tc ? 'TC=1 over TCP' : sent.message.rcode}`);
      continue;
    }
    const result = readFinalAnswer(ctx, sent.message, point, qname, qtype, t, services, sent.forged === true);
    if (result) return result;
    failed(`forwarder ${server.address} sent neither an answer nor a negative answer`);
  }
}
