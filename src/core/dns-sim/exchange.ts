import { answerAsServer } from './servers/authoritative.js';
import { misbehave, withServerRrl } from './servers/misbehaving-server.js';
import type { Endpoint, ResponseKind, Role } from './events.js';
import { classifyResponse, describeResponse } from './wire/explain.js';
import { isLost, packetTiming } from './network.js';
import { raceForgeries, type RaceOdds } from './attacks/poisoning.js';
import { fqdn } from './names/names.js';
import { seededInt } from './prng.js';
import { currentWorld, emit, type Responder, type ResponderReply, type SimState } from './sim-state.js';
import { decodeMessage, encodeMessage, encodeWithinLimit, type DnsMessage } from './wire/wire.js';
import type { ServerSpec } from './world/world.js';

/** One query to send: who sends it, to which address, how, when, and how long the sender will wait. */
export interface ExchangeRequest {
  from: Endpoint;
  toAddress: string;
  query: Omit<DnsMessage, 'id'>;
  transport: 'udp' | 'tcp';
  sendMs: number;
  waitMs: number;
  depth: number;
  lookup: string;
  /** Why the query is sent, for the trace. */
  explanation: string;
  /** What an off-path attacker would have to guess to forge the answer, when one may be racing (poisoning scenarios). */
  race?: RaceOdds;
  /** The sender does not act on ICMP port unreachable, so the wait runs out as for silence (Unbound's UDP sockets). */
  ignoreIcmp?: true;
}

/** What came back: a decoded response, silence until the wait ran out, or ICMP port unreachable. */
export type ExchangeResult =
  | { kind: 'response'; atMs: number; to: Endpoint; message: DnsMessage; responseKind: ResponseKind; rttMs: number; sizeBytes: number; note: string; forged?: true }
  | { kind: 'timeout'; atMs: number; to: Endpoint }
  | { kind: 'unreachable'; atMs: number; to: Endpoint };

/** The role a name server plays, from the zones it serves: the root, a top-level domain, or below. */
export function serverRole(server: ServerSpec): Role {
  if (server.zones.includes('')) return 'root';
  if (server.zones.some((zone) => zone !== '' && !zone.includes('.'))) return 'tld';
  return 'authoritative';
}

/** Sends one query over the simulated network and records the query, the response (or its absence) as events. */
export function exchange(sim: SimState, request: ExchangeRequest): ExchangeResult {
  const packet = sim.packetCounter++;
  const id = seededInt(0, 65535, sim.seed, 'id', packet);
  const query: DnsMessage = { ...request.query, id };
  const queryBytes = encodeMessage(query);
  const { message: sentQuery, view: queryView } = decodeMessage(queryBytes);
  const { responder, server } = findResponder(sim, request.toAddress, request.sendMs, request.from);
  const to = responder.endpoint;
  const timing = packetTiming(sim.seed, sim.network, request.from, to, `${packet}`, responder.rttMs ?? server?.rttMs);
  const base = { from: request.from, to, transport: request.transport, depth: request.depth, lookup: request.lookup } as const;
  emit(sim, { ...base, type: 'query-sent', timeMs: request.sendMs, message: queryView, explanation: request.explanation });

  // The TCP handshake costs one round trip before the query can go (RFC 7766).
  const dataSendMs = request.transport === 'tcp' ? request.sendMs + timing.rttMs : request.sendMs;
  const deadline = request.sendMs + request.waitMs;
  const timedOut = (why: string): ExchangeResult => {
    emit(sim, { ...base, type: 'query-timed-out', timeMs: deadline, kind: 'timeout', explanation: `no answer from ${to.name} within ${formatWait(request.waitMs)}: ${why}` });
    return { kind: 'timeout', atMs: deadline, to };
  };
  if (request.transport === 'udp' && isLost(sim.seed, sim.network, `${packet}:q`)) return timedOut('the query was lost on the way');

  const arrivalMs = dataSendMs + timing.outboundMs;
  const reply: ResponderReply = responder.respond(sim, sentQuery, arrivalMs, request.from, request.transport, request.depth + 1);
  // A silent host never completes the handshake, so the connection is announced only when something answers.
  if (request.transport === 'tcp' && reply.kind === 'message') emit(sim, { ...base, type: 'tcp-connected', timeMs: dataSendMs, explanation: `TCP connection to ${to.name} port 53 open after one round trip (${timing.rttMs} ms)` });
  if (reply.kind === 'drop') return timedOut(request.transport === 'tcp' ? `the TCP connection was never set up: ${reply.note}` : reply.note);
  if (reply.kind === 'unreachable') {
    const atMs = arrivalMs + timing.returnMs;
    if (atMs > deadline) return timedOut(reply.note);
    const reaction = request.ignoreIcmp ? `${request.from.name} does not act on it and waits out its timeout` : 'no need to wait for the timeout';
    emit(sim, { from: to, to: request.from, transport: request.transport, depth: request.depth, lookup: request.lookup, type: 'port-unreachable', timeMs: atMs, kind: 'unreachable', explanation: `ICMP port unreachable from ${to.address}: ${reply.note}; ${reaction}` });
    return request.ignoreIcmp ? timedOut('the ICMP port unreachable was ignored') : { kind: 'unreachable', atMs, to };
  }
  const limit = request.transport === 'tcp' ? 65535 : reply.udpLimitBytes;
  const wire = encodeWithinLimit(reply.message, limit, reply.isRequiredAdditional);
  const atMs = reply.readyAtMs + timing.returnMs;
  const responseKind = classifyResponse(wire.message);
  if (sim.work) {
    sim.work.responseEncodes += wire.passes;
    sim.work.responses++;
  }
  const note = wire.truncated ? truncationNote(wire.fullBytes, wire.bytes.length, limit, request.transport) : reply.note;
  const received = { from: to, to: request.from, transport: request.transport, depth: request.depth, lookup: request.lookup, message: wire.view, kind: responseKind } as const;
  if (request.transport === 'udp' && isLost(sim.seed, sim.network, `${packet}:r`)) return timedOut('the response was lost on the way back');
  if (atMs > deadline) {
    const result = timedOut(`the answer needed ${atMs - request.sendMs} ms`);
    emit(sim, { ...received, type: 'response-received', timeMs: atMs, late: true, explanation: `late: ${describeResponse(responseKind, wire.message)}; ${request.from.name} had stopped waiting` });
    return result;
  }
  const race = request.race && request.transport === 'udp' ? raceForgeries(sim, sentQuery, request.from, to, request.race, request.sendMs, atMs, packet, request.lookup, request.depth) : undefined;
  if (race?.winner) {
    // The resolver took the first matching packet; the real answer finds nobody waiting for it (RFC 5452 section 9.1).
    emit(sim, { ...received, type: 'response-received', timeMs: atMs, late: true, explanation: `the real answer arrives after a forged one was accepted: ${describeResponse(responseKind, wire.message)}` });
    const forged = race.winner;
    return { kind: 'response', atMs: forged.atMs, to, message: forged.message, responseKind: classifyResponse(forged.message), rttMs: forged.atMs - dataSendMs, sizeBytes: encodeMessage(forged.message).length, note: 'forged', forged: true };
  }
  emit(sim, { ...received, type: 'response-received', timeMs: atMs, explanation: describeResponse(responseKind, wire.message, note, request.transport) });
  return { kind: 'response', atMs, to, message: wire.message, responseKind, rttMs: atMs - dataSendMs, sizeBytes: wire.bytes.length, note: reply.note };
}

function findResponder(sim: SimState, address: string, nowMs: number, from: Endpoint): { responder: Responder; server?: ServerSpec } {
  const registered = sim.responders.get(address);
  if (registered) return { responder: registered };
  const server = currentWorld(sim, nowMs).servers.find((candidate) => candidate.address === address);
  if (server) {
    const endpoint: Endpoint = { name: server.name, address: server.address, role: serverRole(server) };
    const responder: Responder = {
      endpoint,
      respond: (state, query, arrivalMs, _from, transport) => {
        // Look the server up again at arrival: a scheduled change may have altered it in flight.
        const now = currentWorld(state, arrivalMs);
        const live = now.servers.find((candidate) => candidate.address === address) ?? server;
        const answer = answerAsServer(now, live, query, transport, state.dnssec ? { model: state.dnssec, nowMs: arrivalMs } : undefined);
        return misbehave(answer.kind === 'message' ? { ...answer, readyAtMs: arrivalMs } : answer, live);
      },
    };
    return { server, responder: withServerRrl(sim, server, responder) };
  }
  const role: Role = from.role === 'stub' ? 'resolver' : 'authoritative';
  // On the loopback address the kernel itself answers ICMP port unreachable when no resolver listens.
  const loopback = address.startsWith('127.') || address === '::1';
  return {
    responder: {
      endpoint: { name: address, address, role },
      respond: () => (loopback ? { kind: 'unreachable', note: `no name server listens on ${address} port 53` } : { kind: 'drop', note: `no host answers at ${address}` }),
    },
  };
}

// What a TC=1 reply says: over UDP the client retries over TCP; over TCP nothing larger can be sent (RFC 7766 section 8: 65,535 bytes at most).
function truncationNote(fullBytes: number, sentBytes: number, limit: number, transport: 'udp' | 'tcp'): string {
  const whole = Number.isFinite(fullBytes) ? `the full answer is ${fullBytes} bytes` : 'a record of the answer has more than 65,535 bytes of RDATA';
  if (transport === 'tcp') return `${whole}, more than the ${limit} bytes a TCP message can carry: only ${sentBytes} bytes sent, and no transport can carry more`;
  return `${whole}, over the ${limit}-byte UDP limit${limit === 512 ? ' of a query without EDNS' : ''}: only ${sentBytes} bytes sent`;
}

function formatWait(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A short label for a question, e.g. "A www.example.com". */
export function lookupLabel(type: string, name: string): string {
  return `${type} ${fqdn(name)}`;
}
