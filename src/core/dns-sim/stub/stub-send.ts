import type { Endpoint } from '../events.js';
import { exchange, type ExchangeResult } from '../exchange.js';
import { fqdn } from '../names/names.js';
import type { SimState } from '../sim-state.js';
import type { DnsMessage } from '../wire/wire.js';
import type { RecordType, ResolvConf } from '../world/world.js';

/** The stub's side of one lookup: the run, the application, the stub itself and its resolv.conf. */
export interface StubSetup {
  sim: SimState;
  client: Endpoint;
  stub: Endpoint;
  conf: ResolvConf;
  /** The client sets CD=1, as `dig +cd` does (glibc itself never does). */
  checkingDisabled?: boolean;
}

/** What res_send got: the responses by type, or why it gave up (every server silent, or SERVFAIL). */
export interface SendResult {
  status: 'ok' | 'timeout' | 'servfail';
  responses: Map<RecordType, DnsMessage>;
  atMs: number;
  /** Why the last SERVFAIL happened, as the simulated resolver knows it (a real stub sees only the rcode). */
  reason?: string;
  /** The Extended DNS Error of the last SERVFAIL, when the resolver sent one. */
  ede?: { code: number; text?: string };
}

// glibc RESOLV_EDNS_BUFFER_SIZE (resolv/resolv-internal.h), advertised with `options edns0`.
const GLIBC_EDNS_BUFFER_BYTES = 1200;

/**
 * glibc's wait on the nameserver at list index i (resolv/res_send.c, send_dg): `retrans << i`,
 * divided by the number of servers when i > 0, at least 1 s.
 */
export function nameserverWaitSeconds(index: number, timeoutSeconds: number, nscount: number): number {
  if (index === 0) return timeoutSeconds;
  return Math.max(1, Math.floor((timeoutSeconds << index) / nscount));
}

/**
 * glibc's __res_context_send loop: for each attempt, each nameserver from the (rotated) start, send the
 * queries (A and AAAA together on one socket unless single-request) and wait; a silent server costs
 * the full wait, ICMP unreachable or SERVFAIL/REFUSED move on at once, TC=1 retries over TCP.
 */
export function resSend(setup: StubSetup, qname: string, types: RecordType[], startMs: number, lookup: string): SendResult {
  const { sim, conf } = setup;
  // glibc MAXNS is 3; with no nameserver line at all, res_init uses the local machine (127.0.0.1).
  const servers = conf.nameservers.length > 0 ? conf.nameservers.slice(0, 3) : ['127.0.0.1'];
  const count = servers.length;
  // glibc 2.26+ nameserver_offset(): a process-wide counter, so rotate starts one server later per call.
  const offset = conf.rotate && count > 0 ? sim.stubCallCounter++ % count : 0;
  let t = startMs;
  let reason: string | undefined;
  let ede: SendResult['ede'];
  for (let attempt = 0; attempt < conf.attempts; attempt++) {
    for (let k = 0; k < count; k++) {
      const index = (offset + k) % count;
      const waitMs = nameserverWaitSeconds(index, conf.timeoutSeconds, count) * 1000;
      const why = `attempt ${attempt + 1} of ${conf.attempts}, nameserver ${index + 1} of ${count}: glibc will wait ${waitMs / 1000} s${index > 0 ? ` ((timeout ${conf.timeoutSeconds} << ${index}) / ${count})` : ' (the timeout option)'}`;
      const results = sendTogether(setup, servers[index]!, qname, types, t, waitMs, lookup, why);
      const ok = results.filter(isUsable);
      for (const result of results) {
        if (result.kind !== 'response' || result.message.rcode !== 'SERVFAIL') continue;
        reason = result.note || 'SERVFAIL';
        if (result.message.ede?.[0]) ede = result.message.ede[0];
      }
      // With one good answer glibc returns it once the other query has failed or its wait has run out.
      if (ok.length > 0) return { status: 'ok', responses: byType(ok), atMs: Math.max(...results.map((result) => result.atMs)) };
      // Silence costs the whole wait; an error answer or ICMP unreachable moves on as soon as it arrives.
      const fast = results.filter((result) => result.kind !== 'timeout');
      t = fast.length > 0 ? Math.min(...fast.map((result) => result.atMs)) : Math.max(...results.map((result) => result.atMs));
    }
  }
  return reason !== undefined ? { status: 'servfail', responses: new Map(), atMs: t, reason, ...(ede ? { ede } : {}) } : { status: 'timeout', responses: new Map(), atMs: t };
}

function sendTogether(setup: StubSetup, address: string, qname: string, types: RecordType[], t: number, waitMs: number, lookup: string, why: string): ExchangeResult[] {
  const { sim, conf, stub } = setup;
  const results: ExchangeResult[] = [];
  let sendMs = t;
  for (const [position, type] of types.entries()) {
    const query: Omit<DnsMessage, 'id'> = {
      qr: false, rd: true, rcode: 'NOERROR', question: { name: qname, type }, answer: [], authority: [], additional: [],
      ...(setup.checkingDisabled ? { cd: true } : {}),
      ...(conf.edns0 ? { ednsUdpPayloadBytes: GLIBC_EDNS_BUFFER_BYTES } : {}),
    };
    const together = types.length > 1 && !conf.singleRequest ? ` (sent together with the ${types.filter((other) => other !== type).join('/')} query on one socket)` : '';
    const remaining = waitMs - (sendMs - t);
    const cd = setup.checkingDisabled ? ', CD=1 (checking disabled: send the data even if it fails validation)' : '';
    let result = exchange(sim, { from: stub, toAddress: address, query, transport: 'udp', sendMs, waitMs: remaining, depth: 0, lookup, explanation: `stub asks for ${fqdn(qname)} ${type}, RD=1${cd}${together}; ${why}` });
    if (result.kind === 'response' && result.message.tc) {
      // glibc switches to a TCP connection (send_vc) when an answer comes back with TC=1.
      result = exchange(sim, { from: stub, toAddress: address, query, transport: 'tcp', sendMs: result.atMs, waitMs: conf.timeoutSeconds * 1000, depth: 0, lookup, explanation: `the answer was truncated (TC=1): glibc asks again over TCP` });
    }
    results.push(result);
    if (conf.singleRequest && position === 0) {
      // single-request: the second query goes only after the first answer (resolv.conf(5)).
      if (result.kind !== 'response') break;
      sendMs = result.atMs;
    }
  }
  return results;
}

function isUsable(result: ExchangeResult): result is ExchangeResult & { kind: 'response' } {
  return result.kind === 'response' && !result.message.tc && (result.message.rcode === 'NOERROR' || result.message.rcode === 'NXDOMAIN');
}

function byType(results: (ExchangeResult & { kind: 'response' })[]): Map<RecordType, DnsMessage> {
  return new Map(results.map((result) => [result.message.question.type, result.message]));
}
