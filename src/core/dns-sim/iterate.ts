import { chooseServer, namesNeedingAddresses, type ServerChoice } from './delegation.js';
import { exchange, type ExchangeResult } from './exchange.js';
import { observe } from './infra-cache.js';
import { fqdn, isInZone, minimisedName } from './names.js';
import { acceptReferral, readReferral } from './referral.js';
import { emitStores, storeNegative, storeRrsets } from './resolver-cache-writes.js';
import type { DelegationPoint, WalkContext } from './resolver-state.js';
import type { DnsMessage } from './wire.js';
import type { RecordType, ResourceRecord } from './world.js';

/** How one name's walk down the delegation tree ended (CNAMEs are handed back for the caller to chase). */
export type IterationResult =
  | { kind: 'answer'; records: ResourceRecord[]; atMs: number }
  | { kind: 'cname'; records: ResourceRecord[]; target: string; atMs: number }
  | { kind: 'nxdomain' | 'nodata'; records: ResourceRecord[]; soa?: ResourceRecord; atMs: number }
  | { kind: 'servfail'; reason: string; atMs: number };

/** Looks up an address for a name server name in a nested walk; returns the time it finished. */
export type AddressLookup = (ctx: WalkContext, nsName: string, zone: string, nowMs: number, failures: string[]) => number;

/**
 * Walks from a delegation point down to the authoritative answer for one name (RFC 1034 section
 * 5.3.3), with QNAME minimisation (RFC 9156 section 3), server selection and failover, TC=1 retries
 * over TCP, and a bounded budget, so every walk ends in an answer or a SERVFAIL that says why.
 */
export function iterate(ctx: WalkContext, qname: string, qtype: RecordType, startMs: number, start: DelegationPoint, lookupAddress: AddressLookup): IterationResult {
  const { options } = ctx.resolver;
  let t = startMs;
  let point = start;
  let tried = new Map<string, number>();
  let lookedUp = new Set<string>();
  let referrals = 0;
  const failures: string[] = [];
  const firstName = (zone: string): string => (options.qnameMinimisation && zone !== qname ? minimisedName(qname, zone) : qname);
  let outName = firstName(point.zone);

  for (;;) {
    if (ctx.budget.sent >= options.maxQueriesSent) return { kind: 'servfail', reason: `gave up after ${options.maxQueriesSent} queries (Unbound max-sent-count)`, atMs: t };
    if (t >= ctx.budget.deadlineMs) return { kind: 'servfail', reason: `gave up after ${options.queryBudgetMs / 1000} s without an answer${failures.length ? `: ${summarise(failures)}` : ''}`, atMs: t };
    const server = chooseServer(ctx, point, tried, t);
    if (!server) {
      const missing = namesNeedingAddresses(ctx, point, lookedUp, t);
      if (missing.length > 0) {
        lookedUp.add(missing[0]!);
        t = lookupAddress(ctx, missing[0]!, point.zone, t, failures);
        continue;
      }
      return { kind: 'servfail', reason: `no name server of ${fqdn(point.zone)} could answer${failures.length ? `: ${summarise(failures)}` : ''}`, atMs: t };
    }
    // Only failures count against a server: a server that answers well stays in the running (RTT band).
    const failed = (text: string): void => {
      tried.set(server.address, (tried.get(server.address) ?? 0) + 1);
      failures.push(text);
    };
    const outType: RecordType = outName === qname ? qtype : 'A';
    const sent = ask(ctx, server, point, outName, outType, qname, t);
    t = sent.atMs;
    if (sent.kind !== 'response') {
      failed(`${server.nsName} (${server.address}) ${sent.kind === 'timeout' ? 'timed out' : 'is unreachable'}`);
      continue;
    }
    const message = sent.message;
    if (message.rcode !== 'NOERROR' && message.rcode !== 'NXDOMAIN') {
      observe(ctx.resolver.infra, { atMs: t, address: server.address, outcome: 'lame', zone: point.zone });
      failed(`${server.nsName} answered ${message.rcode}${message.rcode === 'REFUSED' ? ` (lame: it does not serve ${fqdn(point.zone)})` : ''}`);
      continue;
    }
    const referral = readReferral(message, point, outName);
    if (referral.kind === 'bogus') {
      observe(ctx.resolver.infra, { atMs: t, address: server.address, outcome: 'lame', zone: point.zone });
      failed(`${server.nsName} sent a referral to ${fqdn(referral.zone)}, which does not lead below ${fqdn(point.zone)} (lame)`);
      continue;
    }
    if (referral.kind === 'valid') {
      if (++referrals > options.maxReferrals) return { kind: 'servfail', reason: `more than ${options.maxReferrals} referrals (Unbound MAX_REFERRAL_COUNT)`, atMs: t };
      const accepted = acceptReferral(ctx, message, point, referral, t);
      emitStores(ctx, accepted.ops, t, accepted.note);
      point = accepted.point;
      tried = new Map();
      lookedUp = new Set();
      outName = firstName(point.zone);
      continue;
    }
    if (outName !== qname) {
      if (message.rcode === 'NXDOMAIN') {
        // RFC 8020: if a name does not exist, nothing below it exists either, so the walk can stop here.
        const soa = message.authority.find((record) => record.type === 'SOA');
        const op = storeNegative(ctx, outName, outType, 'nxdomain', soa, t);
        emitStores(ctx, op ? [op] : [], t, `RFC 8020: nothing exists below ${fqdn(outName)}, so ${fqdn(qname)} does not exist either`);
        return soa ? { kind: 'nxdomain', records: [], soa, atMs: t } : { kind: 'nxdomain', records: [], atMs: t };
      }
      // The minimised name exists inside this zone (no cut there): add one more label (RFC 9156 section 3, step 6).
      outName = minimisedName(qname, outName);
      continue;
    }
    const result = readFinalAnswer(ctx, message, point, qname, qtype, t);
    if (result) return result;
    observe(ctx.resolver.infra, { atMs: t, address: server.address, outcome: 'lame', zone: point.zone });
    failed(`${server.nsName} sent neither an answer nor a referral`);
  }
}

function ask(ctx: WalkContext, server: ServerChoice, point: DelegationPoint, outName: string, outType: RecordType, qname: string, t: number): ExchangeResult {
  const { options, infra, endpoint } = ctx.resolver;
  const minimised = outName !== qname ? `; QNAME minimisation (RFC 9156) reveals only ${fqdn(outName)}, not ${fqdn(qname)}` : '';
  const query: Omit<DnsMessage, 'id'> = {
    qr: false, rd: false, cd: false, rcode: 'NOERROR',
    question: { name: outName, type: outType },
    answer: [], authority: [], additional: [],
    ednsUdpPayloadBytes: options.ednsBufferBytes,
  };
  ctx.budget.sent++;
  const request = { from: endpoint, toAddress: server.address, query, depth: ctx.depth, lookup: ctx.lookup };
  const first = exchange(ctx.sim, { ...request, transport: 'udp', sendMs: t, waitMs: server.rtoMs, explanation: `asks ${server.nsName}, a server for ${fqdn(point.zone)}, about ${fqdn(outName)} ${outType} (timeout ${server.rtoMs} ms)${minimised}` });
  if (first.kind !== 'response') {
    observe(infra, { atMs: first.atMs, address: server.address, outcome: first.kind, ms: server.rtoMs });
    return first;
  }
  observe(infra, { atMs: first.atMs, address: server.address, outcome: 'ok', ms: first.rttMs });
  if (!first.message.tc) return first;
  // RFC 7766 section 5 / RFC 1035 section 4.2.2: a truncated UDP answer is asked again over TCP, of the same server.
  ctx.budget.sent++;
  const waitMs = Math.max(3000, server.rtoMs * 4);
  const tcp = exchange(ctx.sim, { ...request, transport: 'tcp', sendMs: first.atMs, waitMs, explanation: `the UDP answer was truncated (TC=1): asks ${server.nsName} again over TCP, where the size limit is 65535 bytes` });
  if (tcp.kind !== 'response') observe(infra, { atMs: tcp.atMs, address: server.address, outcome: tcp.kind, ms: waitMs });
  return tcp;
}

function readFinalAnswer(ctx: WalkContext, message: DnsMessage, point: DelegationPoint, qname: string, qtype: RecordType, t: number): IterationResult | undefined {
  // Only records inside the zone we asked about are trusted (bailiwick), the rest is asked for separately.
  const answers = message.answer.filter((record) => isInZone(record.name, point.zone));
  const chain: ResourceRecord[] = [];
  let current = qname;
  for (;;) {
    const cname = qtype === 'CNAME' ? undefined : answers.find((record) => record.name === current && record.type === 'CNAME');
    if (!cname || chain.includes(cname)) break;
    chain.push(cname);
    current = cname.data as string;
  }
  const final = answers.filter((record) => record.name === current && record.type === qtype);
  const soa = message.authority.find((record) => record.type === 'SOA');
  const negative = (kind: 'nxdomain' | 'nodata'): IterationResult => {
    const op = storeNegative(ctx, current, qtype, kind, soa, t);
    emitStores(ctx, [...storeRrsets(ctx, chain, 'answer', t), ...(op ? [op] : [])], t);
    return soa ? { kind, records: chain, soa, atMs: t } : { kind, records: chain, atMs: t };
  };
  if (message.rcode === 'NXDOMAIN') return negative('nxdomain');
  if (final.length > 0) {
    emitStores(ctx, storeRrsets(ctx, [...chain, ...final], 'answer', t), t);
    return { kind: 'answer', records: [...chain, ...final], atMs: t };
  }
  if (chain.length > 0) {
    // A chain that ends in NODATA inside the same zone is complete; otherwise the target is chased.
    if (soa && message.aa && isInZone(current, point.zone)) return negative('nodata');
    emitStores(ctx, storeRrsets(ctx, chain, 'answer', t), t);
    return { kind: 'cname', records: chain, target: current, atMs: t };
  }
  if (message.aa || soa) return negative('nodata');
  return undefined;
}

function summarise(failures: string[]): string {
  const counts = new Map<string, number>();
  for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
  return [...counts].map(([text, count]) => (count > 1 ? `${text} (${count}x)` : text)).join('; ');
}
