import type { Endpoint, ResponseReceivedEvent } from '../events.js';
import { fqdn, isInZone } from '../names/names.js';
import type { PoisoningAttack } from './poisoning-attack.js';
import { seededFloat } from '../prng.js';
import { emit, type SimState } from '../sim-state.js';
import { encodeWithinLimit, type DnsMessage } from '../wire/wire.js';
import { groupDigits } from '../../text/group-digits.js';

/** What the resolver makes an attacker guess for one query: ports in use, letters whose case is random, servers it might have asked. */
export interface RaceOdds {
  ports: number;
  caseBits: number;
  servers: number;
}

/** The 16-bit transaction id space (RFC 5452 section 4.3). */
export const ID_SPACE = 65536;
/** Source ports a resolver picks from when it randomises them: 1024 to 65535 (RFC 5452 section 9.2 allows any unprivileged range). */
export const PORT_SPACE = 64512;

/**
 * RFC 5452 section 7.1: the chance one spoofing attempt succeeds, P_s = D * F / (N * P * I), with F = R * W
 * forged packets in a window of W seconds, N servers, P ports, I ids and D = 1 outstanding identical query;
 * 0x20 multiplies the space by 2 per letter (draft-vixie-dnsext-dns0x20).
 */
export function spoofingOdds(forgedPackets: number, odds: RaceOdds, identicalQueries = 1): number {
  return Math.min(1, (identicalQueries * forgedPackets) / (odds.servers * odds.ports * ID_SPACE * 2 ** odds.caseBits));
}

/** RFC 5452 section 7.2: the chance of at least one success in `attempts` independent attempts, P_cs = 1 - (1 - P_s)^attempts. */
export function combinedOdds(perAttempt: number, attempts: number): number {
  return 1 - (1 - perAttempt) ** attempts;
}

/** Letters in a name: each doubles the guesses 0x20 forces on an attacker. */
export function letterCount(name: string): number {
  return (name.match(/[a-z]/gi) ?? []).length;
}

/** The attacker's flood during one query window, and the forged response that wins, if one does. */
export interface RaceResult {
  forgedPackets: number;
  odds: number;
  winner?: { atMs: number; message: DnsMessage };
}

/**
 * Races the attacker's forgeries against the real response due at realAtMs. Each forged packet is a
 * uniform guess, so whether one of F matches is one draw against P_s, and which one is uniform in F.
 */
export function raceForgeries(sim: SimState, query: DnsMessage, resolver: Endpoint, server: Endpoint, odds: RaceOdds, sendMs: number, realAtMs: number, packet: number, lookup: string, depth: number): RaceResult | undefined {
  const attack = sim.attack;
  if (!attack?.active || !isInZone(query.question.name, attack.zone)) return undefined;
  const windowMs = realAtMs - sendMs;
  const forgedPackets = Math.floor((attack.packetsPerSecond * windowMs) / 1000);
  const chance = spoofingOdds(forgedPackets, odds);
  const draw = seededFloat(sim.seed, 'forgery', packet);
  const forged = forgedMessage(attack, query, draw < chance ? query.id : (query.id + 1 + Math.floor(draw * 65535)) % 65536);
  const wire = encodeWithinLimit(forged, 1232);
  // The forgeries carry the real server's source address: to the resolver they look like the server itself.
  const attacker: Endpoint = { name: `attacker (spoofing ${server.name})`, address: server.address, role: server.role };
  const guesses = `each guesses the transaction id (1 in ${groupDigits(ID_SPACE)})${odds.ports > 1 ? `, the source port (1 in ${groupDigits(odds.ports)})` : ', the source port is fixed'}${odds.caseBits > 0 ? ` and the case of ${odds.caseBits} letters (1 in 2^${odds.caseBits})` : ''}, and which of ${odds.servers} servers was asked`;
  const base: Omit<ResponseReceivedEvent, 'seq' | 'queryIndex' | 'timeMs' | 'explanation'> = { type: 'response-received', from: attacker, to: resolver, transport: 'udp', kind: 'answer', message: wire.view, depth, lookup };
  if (draw >= chance) {
    emit(sim, { ...base, timeMs: realAtMs, forged: { packets: forgedPackets, accepted: false, odds: chance }, explanation: `${groupDigits(forgedPackets)} forged answers arrived in the ${windowMs} ms window; ${guesses}: none matched (chance ${formatOdds(chance)}), all dropped` });
    return { forgedPackets, odds: chance };
  }
  const winnerAtMs = sendMs + Math.max(1, Math.floor(((draw / chance) * forgedPackets + 1) / forgedPackets * windowMs));
  emit(sim, { ...base, timeMs: Math.min(winnerAtMs, realAtMs - 1), forged: { packets: forgedPackets, accepted: true, odds: chance }, explanation: `forged answer ${Math.ceil((draw / chance) * forgedPackets)} of ${groupDigits(forgedPackets)} matched (chance ${formatOdds(chance)} per window): accepted before the real answer; it claims ${fqdn(attack.zone)} is served by ${fqdn(attack.nsName)} at ${attack.address}` });
  return { forgedPackets, odds: chance, winner: { atMs: Math.min(winnerAtMs, realAtMs - 1), message: wire.message } };
}

function forgedMessage(attack: PoisoningAttack, query: DnsMessage, id: number): DnsMessage {
  const ttlSeconds = 86400;
  return {
    id, qr: true, aa: true, rd: false, ra: false, rcode: 'NOERROR',
    question: query.question, ...(query.qnameWire ? { qnameWire: query.qnameWire } : {}),
    answer: [{ name: query.question.name, type: 'A', ttlSeconds, data: attack.address }],
    authority: [{ name: attack.zone, type: 'NS', ttlSeconds, data: attack.nsName }],
    additional: [{ name: attack.nsName, type: 'A', ttlSeconds, data: attack.address }, attack.outOfBailiwick],
    ednsUdpPayloadBytes: 1232,
  };
}

/** A probability for people: "3.05%", "1 in 2.1 million". */
export function formatOdds(p: number): string {
  if (p >= 0.001) return `${Number((p * 100).toPrecision(3))}%`;
  if (p <= 0) return '0';
  const oneIn = 1 / p;
  if (oneIn >= 1e9) return `1 in ${Number((oneIn / 1e9).toPrecision(3))} billion`;
  if (oneIn >= 1e6) return `1 in ${Number((oneIn / 1e6).toPrecision(3))} million`;
  return `1 in ${groupDigits(Math.round(oneIn))}`;
}
