import { answerAsServer } from './authoritative.js';
import { createCache, lookupEntry, storeEntry, type ResolverCache } from '../resolver/cache.js';
import type { CacheOperation, Endpoint } from '../events.js';
import { exchange, lookupLabel } from '../exchange.js';
import { fqdn, isInZone } from '../names/names.js';
import { clientUdpLimit } from '../resolver/resolver-responder.js';
import { currentWorld, emit, type Responder, type SimState } from '../sim-state.js';
import type { DnsMessage } from '../wire/wire.js';
import { toRecordView } from '../wire/wire-records.js';

/** A forwarding resolver such as CoreDNS: serves some zones itself, caches, and forwards everything else upstream. */
export interface ForwarderSpec {
  name: string;
  address: string;
  /** The upstream recursive resolver's address (CoreDNS: `forward . /etc/resolv.conf`). */
  upstreamAddress: string;
  /** Zones answered locally (CoreDNS's kubernetes plugin serves cluster.local). */
  localZones: string[];
  /** Cap on cached TTLs: CoreDNS's `cache 30` in the default Corefile. */
  cacheMaxTtlSeconds: number;
  /** Fixed round trip from the client, e.g. 1 ms for a node-local DNS pod. */
  rttMs?: number;
}

// CoreDNS's forward plugin gives up on an upstream after its 2 s read timeout and answers SERVFAIL.
const UPSTREAM_TIMEOUT_MS = 2000;

/** Makes a forwarder answer queries sent to its address. */
export function forwarderResponder(spec: ForwarderSpec): Responder {
  const endpoint: Endpoint = { name: spec.name, address: spec.address, role: 'resolver' };
  const cache = createCache();
  const responder: Responder = {
    endpoint,
    respond(sim, query, arrivalMs, _from, transport, depth) {
      const lookup = lookupLabel(query.question.type, query.question.name);
      const base = { from: endpoint, to: endpoint, transport: 'local' as const, depth, lookup };
      const limit = clientUdpLimit(query, 1232);
      const cached = fromCache(cache, query, arrivalMs);
      if (cached) {
        emit(sim, { ...base, type: 'cache-checked', timeMs: arrivalMs, kind: 'cache-hit', cache: cached.ops, explanation: `${spec.name} cache hit for ${fqdn(query.question.name)} ${query.question.type}` });
        return { kind: 'message', message: cached.message, readyAtMs: arrivalMs, udpLimitBytes: limit, note: 'from the forwarder cache' };
      }
      emit(sim, { ...base, type: 'cache-checked', timeMs: arrivalMs, cache: [{ op: 'miss', name: query.question.name, type: query.question.type, ttlSeconds: 0 }], explanation: `${spec.name} cache miss for ${fqdn(query.question.name)} ${query.question.type}` });
      const local = spec.localZones.find((zone) => isInZone(query.question.name, zone));
      let message: DnsMessage;
      let readyAtMs = arrivalMs;
      let note: string;
      if (local !== undefined) {
        const reply = answerAsServer(currentWorld(sim, arrivalMs), { name: spec.name, address: spec.address, zones: spec.localZones, behaviour: 'up' }, query, transport);
        message = reply.kind === 'message' ? { ...reply.message, ra: true } : { ...query, qr: true, ra: true, rcode: 'SERVFAIL' };
        note = `${fqdn(local)} is served by ${spec.name} itself`;
      } else {
        const upstream = forward(sim, spec, endpoint, query, arrivalMs, depth, lookup);
        message = upstream.message;
        readyAtMs = upstream.atMs;
        note = upstream.note;
      }
      const ops = store(cache, spec, message, readyAtMs);
      if (ops.length > 0) emit(sim, { ...base, type: 'cache-stored', timeMs: readyAtMs, cache: ops, explanation: `${spec.name} caches the answer for ${ops[0]!.ttlSeconds} s (TTLs capped at ${spec.cacheMaxTtlSeconds} s by its cache plugin)` });
      return { kind: 'message', message, readyAtMs, udpLimitBytes: limit, note };
    },
  };
  if (spec.rttMs !== undefined) responder.rttMs = spec.rttMs;
  return responder;
}

function forward(sim: SimState, spec: ForwarderSpec, endpoint: Endpoint, query: DnsMessage, t: number, depth: number, lookup: string): { message: DnsMessage; atMs: number; note: string } {
  const { id: _id, ...rest } = query;
  const upstreamQuery = { ...rest, rd: true, ednsUdpPayloadBytes: 1232 };
  const request = { from: endpoint, toAddress: spec.upstreamAddress, query: upstreamQuery, depth, lookup };
  let result = exchange(sim, { ...request, transport: 'udp', sendMs: t, waitMs: UPSTREAM_TIMEOUT_MS, explanation: `${spec.name} does not serve ${fqdn(query.question.name)}: forwards it to the upstream resolver` });
  if (result.kind === 'response' && result.message.tc) {
    result = exchange(sim, { ...request, transport: 'tcp', sendMs: result.atMs, waitMs: UPSTREAM_TIMEOUT_MS, explanation: 'the upstream answer was truncated: asks again over TCP' });
  }
  if (result.kind !== 'response') {
    return { message: { ...query, qr: true, ra: true, rcode: 'SERVFAIL', answer: [], authority: [], additional: [] }, atMs: result.atMs, note: 'the upstream resolver did not answer' };
  }
  const answer: DnsMessage = { ...result.message, id: query.id, aa: false, ra: true, additional: [] };
  if (query.ednsUdpPayloadBytes === undefined) delete answer.ednsUdpPayloadBytes;
  return { message: answer, atMs: result.atMs, note: result.message.rcode === 'SERVFAIL' ? result.note : 'answer from upstream' };
}

function fromCache(cache: ResolverCache, query: DnsMessage, t: number): { message: DnsMessage; ops: CacheOperation[] } | undefined {
  const found = lookupEntry(cache, query.question.name, query.question.type, t);
  if (found.status !== 'hit') return undefined;
  const left = found.remainingSeconds;
  const entry = found.entry;
  const base: DnsMessage = { ...query, qr: true, ra: true, aa: false, rcode: 'NOERROR', answer: [], authority: [], additional: [] };
  if (entry.kind === 'positive') {
    const records = entry.records.map((record) => ({ ...record, ttlSeconds: left }));
    return { message: { ...base, answer: records }, ops: [{ op: 'hit', name: entry.name, type: entry.type, ttlSeconds: left, records: records.map(toRecordView) }] };
  }
  const soa = entry.soa ? [{ ...entry.soa, ttlSeconds: left }] : [];
  return { message: { ...base, rcode: entry.kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR', authority: soa }, ops: [{ op: 'hit', name: entry.name, type: entry.type, ttlSeconds: left, negative: entry.kind }] };
}

function store(cache: ResolverCache, spec: ForwarderSpec, message: DnsMessage, t: number): CacheOperation[] {
  const { name, type } = message.question;
  if (message.rcode === 'NOERROR' && message.answer.length > 0) {
    const ttl = Math.min(spec.cacheMaxTtlSeconds, ...message.answer.map((record) => record.ttlSeconds));
    storeEntry(cache, { kind: 'positive', name, type, records: message.answer, rank: 'answer', ttlSeconds: ttl, storedAtMs: t, expiresAtMs: t + ttl * 1000 });
    return [{ op: 'store', name, type, ttlSeconds: ttl, records: message.answer.map(toRecordView) }];
  }
  const soa = message.authority.find((record) => record.type === 'SOA');
  if ((message.rcode === 'NXDOMAIN' || message.rcode === 'NOERROR') && soa?.type === 'SOA') {
    const kind = message.rcode === 'NXDOMAIN' ? 'nxdomain' : 'nodata';
    const ttl = Math.min(spec.cacheMaxTtlSeconds, soa.ttlSeconds, soa.data.minimum);
    // CoreDNS caches whole answers per question, so an NXDOMAIN is kept for this type only.
    storeEntry(cache, { kind, name, type, soa, ttlSeconds: ttl, storedAtMs: t, expiresAtMs: t + ttl * 1000 }, true);
    return [{ op: 'store', name, type, ttlSeconds: ttl, negative: kind }];
  }
  return [];
}
