import { createCache } from './cache.js';
import type { Endpoint } from '../events.js';
import { lookupLabel } from '../exchange.js';
import { withDns64 } from '../dns64/dns64.js';
import { createInfraCache } from './infra-cache.js';
import { fqdn } from '../names/names.js';
import { cacheOnlyReply } from './norec-reply.js';
import { resolveName } from './recursive.js';
import type { ResolverOptions } from './resolver-options.js';
import type { RecursiveResolver, ResolutionOutcome, WalkContext } from './resolver-state.js';
import { emit, type Responder, type SimState } from '../sim-state.js';
import { PLAIN_UDP_LIMIT_BYTES, type DnsMessage } from '../wire/wire.js';
import type { RecordType } from '../world/world.js';

/** Creates a recursive resolver with an empty cache and no memory of servers. */
export function createRecursiveResolver(endpoint: Endpoint, options: ResolverOptions, rootHints: { name: string; address: string }[]): RecursiveResolver {
  return { endpoint, options, cache: createCache(), infra: createInfraCache(), inflight: [], servfails: [], rootHints, keyStatus: new Map(), nsecRanges: [], staleRetry: new Map(), refreshing: new Map(), stats: { prefetches: 0, staleAnswers: 0, joined: 0 } };
}

/** Who asked a question, as far as the resolver cares: the client's address (for ECS) and whether it set CD=1. */
export interface ClientInfo {
  address?: string;
  checkingDisabled?: boolean;
}

/** Runs one question through the resolver at startMs, joining an identical question already in flight. */
export function runResolver(sim: SimState, resolver: RecursiveResolver, name: string, type: RecordType, startMs: number, depth: number, client: ClientInfo = {}): { outcome: ResolutionOutcome; atMs: number } {
  const lookup = lookupLabel(type, name);
  const cd = client.checkingDisabled === true;
  const joined = resolver.inflight.find((entry) => entry.name === name && entry.type === type && (entry.cd ?? false) === cd && entry.startMs <= startMs && startMs < entry.endMs);
  if (joined) {
    resolver.stats.joined++;
    emit(sim, {
      type: 'cache-checked', timeMs: startMs, from: resolver.endpoint, to: resolver.endpoint, transport: 'local', depth, lookup, cache: [],
      explanation: `the same question has been in progress since ${joined.startMs} ms: this query joins it and gets the same answer (Unbound's mesh)`,
    });
    return { outcome: joined.outcome, atMs: joined.endMs };
  }
  const ctx: WalkContext = {
    sim, resolver, depth, lookup, stack: [`${name}|${type}`],
    budget: { sent: 0, targets: 0, deadlineMs: startMs + resolver.options.queryBudgetMs },
    ...(client.address ? { clientAddress: client.address } : {}),
    ...(cd ? { checkingDisabled: true } : {}),
  };
  const resolved = resolveName(ctx, name, type, startMs);
  const result = type === 'AAAA' ? withDns64(ctx, name, resolved) : resolved;
  resolver.inflight.push({ name, type, startMs, endMs: result.atMs, outcome: result.outcome, ...(cd ? { cd } : {}) });
  return result;
}

/** Makes a resolver answer queries sent to its address: RA=1, the answer with TTLs counted down, or an error rcode. */
export function recursiveResponder(resolver: RecursiveResolver): Responder {
  return {
    endpoint: resolver.endpoint,
    respond(sim, query, arrivalMs, from, _transport, depth) {
      if (!query.rd) return { kind: 'message', message: cacheOnlyReply(sim, resolver, query, arrivalMs, depth), readyAtMs: arrivalMs, udpLimitBytes: clientUdpLimit(query, replyLimitBytes(resolver.options)), note: 'RD=0: from the cache only' };
      const { outcome, atMs } = runResolver(sim, resolver, query.question.name, query.question.type, arrivalMs, depth, { address: from.address, checkingDisabled: query.cd === true });
      const discard = resolver.options.discardTimeoutMs;
      if (discard > 0 && atMs - arrivalMs > discard) {
        // Unbound's mesh.c drops a reply older than discard-timeout when the answer is ready; from this moment the client's wait is in vain.
        emit(sim, {
          type: 'reply-discarded', timeMs: arrivalMs + discard, from: resolver.endpoint, to: from, transport: 'udp', depth, lookup: lookupLabel(query.question.type, query.question.name),
          explanation: `the question has waited ${discard} ms, the discard-timeout: ${from.name} will get no reply, while the lookup goes on (it ends at ${atMs} ms: ${describeOutcome(outcome, query.question.name, query.question.type)})`,
        });
        return { kind: 'drop', note: `the answer took ${atMs - arrivalMs} ms, longer than the ${discard} ms discard-timeout: ${resolver.endpoint.name} drops the reply (Unbound), although the lookup went on and its result is cached` };
      }
      return {
        kind: 'message',
        message: clientResponse(query, outcome, resolver.options),
        readyAtMs: atMs,
        udpLimitBytes: clientUdpLimit(query, replyLimitBytes(resolver.options)),
        note: outcome.kind === 'servfail' ? outcome.reason : '',
      };
    },
  };
}

/** The response a resolver sends its client for an outcome (RFC 1035 section 4.1.1; negative answers carry the SOA, RFC 2308 section 3). */
export function clientResponse(query: DnsMessage, outcome: ResolutionOutcome, options: Pick<ResolverOptions, 'maxCacheTtlSeconds' | 'ednsBufferBytes' | 'extendedErrors' | 'unreachableAuthorityEde'>): DnsMessage {
  const capped = outcome.records.map((record) => ({ ...record, ttlSeconds: Math.min(record.ttlSeconds, options.maxCacheTtlSeconds) }));
  const rcode = outcome.kind === 'servfail' ? 'SERVFAIL' : outcome.kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR';
  const soa = outcome.kind === 'nxdomain' || outcome.kind === 'nodata' ? outcome.soa : undefined;
  const message: DnsMessage = {
    id: query.id, qr: true, aa: false, rd: query.rd ?? false, ra: true, cd: query.cd ?? false, rcode,
    // RFC 4035 section 3.2.3: AD=1 only for data the resolver validated (never with CD=1, which skips validation).
    ...(outcome.kind !== 'servfail' && outcome.secure && !query.cd ? { ad: true } : {}),
    question: query.question,
    answer: outcome.kind === 'servfail' ? [] : capped,
    authority: soa ? [soa] : [],
    additional: [],
  };
  if (query.ednsUdpPayloadBytes !== undefined) {
    message.ednsUdpPayloadBytes = options.ednsBufferBytes;
    // RFC 3225 section 3: the DO bit of the query is copied into the response.
    if (query.dnssecOk) message.dnssecOk = true;
    const ede = outcome.kind === 'servfail' || outcome.kind === 'answer' ? outcome.ede : undefined;
    // RFC 8914 travels in the OPT record, so a client without EDNS never sees it. A stale answer carries EDE 3 only
    // when the program attaches it (serveStaleProfile.staleAnswerEde decided that already).
    const unreachable = ede?.code === 22 && options.unreachableAuthorityEde;
    if (ede && (ede.code === 3 || unreachable || options.extendedErrors === 'all' || (options.extendedErrors === 'dnssec' && [6, 7, 9, 10].includes(ede.code)))) message.ede = [ede];
  }
  return message;
}

/** The cap on a resolver's UDP replies to clients: its max-udp-size, or its EDNS buffer ('edns-buffer'). */
export function replyLimitBytes(options: Pick<ResolverOptions, 'maxUdpSizeBytes' | 'ednsBufferBytes'>): number {
  return options.maxUdpSizeBytes === 'edns-buffer' ? options.ednsBufferBytes : options.maxUdpSizeBytes;
}

/** The largest UDP answer a client can take: its EDNS buffer (never above ours), or 512 bytes without EDNS. */
export function clientUdpLimit(query: DnsMessage, ownBufferBytes: number): number {
  if (query.ednsUdpPayloadBytes === undefined) return PLAIN_UDP_LIMIT_BYTES;
  return Math.min(Math.max(PLAIN_UDP_LIMIT_BYTES, query.ednsUdpPayloadBytes), ownBufferBytes);
}

/** Describes an outcome in one line. */
export function describeOutcome(outcome: ResolutionOutcome, name: string, type: RecordType): string {
  switch (outcome.kind) {
    case 'answer':
      return `${fqdn(name)} ${type}: ${outcome.records.filter((record) => record.type === type).length} record(s)`;
    case 'nxdomain':
      return `${fqdn(name)} does not exist (NXDOMAIN)`;
    case 'nodata':
      return `${fqdn(name)} has no ${type} records (NODATA)`;
    case 'servfail':
      return `SERVFAIL: ${outcome.reason}`;
  }
}
