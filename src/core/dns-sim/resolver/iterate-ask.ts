import type { ServerChoice } from './delegation.js';
import { knownAddresses } from './delegation.js';
import { exchange, type ExchangeResult } from '../exchange.js';
import { observe } from './infra-cache.js';
import { sendToServer, type WalkTimeouts } from './server-wait.js';
import { fqdn } from '../names/names.js';
import { letterCount, PORT_SPACE, type RaceOdds } from '../attacks/poisoning.js';
import { seededFloat } from '../prng.js';
import type { DelegationPoint, WalkContext } from './resolver-state.js';
import type { ClientSubnet, DnsMessage } from '../wire/wire.js';
import type { RecordType } from '../world/world.js';

/** Whether the resolver validates in this run: it is configured to and the world has signed zones to validate. */
export function validating(ctx: WalkContext): boolean {
  return ctx.resolver.options.dnssecValidation && ctx.sim.dnssec !== undefined;
}

/** 0x20 (draft-vixie-dnsext-dns0x20): each letter of the name in upper or lower case, drawn from the seed. */
export function randomCase(name: string, seed: number, ...keys: (string | number)[]): string {
  return [...name].map((char, index) => (/[a-z]/.test(char) && seededFloat(seed, '0x20', ...keys, index) < 0.5 ? char.toUpperCase() : char)).join('');
}

/** The client's network as EDNS Client Subnet sends it: the address with the bits past the prefix cleared (RFC 7871 section 6). */
export function clientSubnet(address: string, prefixLength: number): ClientSubnet {
  const octets = address.split('.').map(Number);
  const kept = octets.map((octet, index) => {
    const bits = Math.max(0, Math.min(8, prefixLength - index * 8));
    return bits === 0 ? 0 : octet & (0xff << (8 - bits)) & 0xff;
  });
  return { address: kept.join('.'), sourcePrefixLength: prefixLength, scopePrefixLength: 0 };
}

/** Sends one query of a walk to one server: UDP first, TCP after TC=1, with 0x20, DO and ECS as the resolver is configured. */
export function ask(ctx: WalkContext, server: ServerChoice, point: DelegationPoint, outName: string, outType: RecordType, qname: string, t: number, note: string, walk: WalkTimeouts): ExchangeResult {
  const { options, infra, endpoint } = ctx.resolver;
  const minimised = outName !== qname ? `; QNAME minimisation (RFC 9156) reveals only ${fqdn(outName)}, not ${fqdn(qname)}` : '';
  const wireName = options.caseRandomisation && outName !== '' ? randomCase(outName, ctx.sim.seed, ctx.sim.packetCounter) : undefined;
  const ecs = options.ecsSourcePrefixLength > 0 && ctx.clientAddress?.includes('.') ? clientSubnet(ctx.clientAddress, options.ecsSourcePrefixLength) : undefined;
  const query: Omit<DnsMessage, 'id'> = {
    qr: false, rd: false, cd: false, rcode: 'NOERROR',
    question: { name: outName, type: outType },
    answer: [], authority: [], additional: [],
    ednsUdpPayloadBytes: options.ednsBufferBytes,
    ...(wireName && wireName !== outName ? { qnameWire: wireName } : {}),
    ...(validating(ctx) ? { dnssecOk: true } : {}),
    ...(ecs ? { ecs } : {}),
  };
  const extras = [
    note,
    wireName && wireName !== outName ? `0x20: sent as ${fqdn(wireName)}, and the reply must echo every letter's case` : '',
    ecs ? `EDNS Client Subnet ${ecs.address}/${ecs.sourcePrefixLength} (RFC 7871)` : '',
  ].filter(Boolean).map((text) => `; ${text}`).join('');
  // The attacker races the queries to the target zone's own servers, whose answers it can forge.
  const race: RaceOdds | undefined = ctx.sim.attack?.active && point.zone === ctx.sim.attack.zone
    ? { ports: options.sourcePortRandomisation ? PORT_SPACE : 1, caseBits: options.caseRandomisation ? letterCount(outName) : 0, servers: Math.max(1, point.nsNames.flatMap((name) => knownAddresses(ctx, name, point.zone, t)).length) }
    : undefined;
  ctx.budget.sent++;
  const request = { from: endpoint, toAddress: server.address, query, depth: ctx.depth, lookup: ctx.lookup };
  const first = sendToServer(ctx, server, { ...request, ...(race ? { race } : {}) }, t, `asks ${server.nsName}, a server for ${fqdn(point.zone)}, about ${fqdn(outName)} ${outType} (timeout ${server.rtoMs} ms)${minimised}${extras}`, walk);
  if (first.kind !== 'response' || !first.message.tc) return first;
  // RFC 7766 section 5 / RFC 1035 section 4.2.2: a truncated UDP answer is asked again over TCP, of the same server.
  ctx.budget.sent++;
  const waitMs = Math.max(3000, server.rtoMs * 4);
  const tcp = exchange(ctx.sim, { ...request, transport: 'tcp', sendMs: first.atMs, waitMs, explanation: `the UDP answer was truncated (TC=1): asks ${server.nsName} again over TCP, where the size limit is 65535 bytes` });
  if (tcp.kind !== 'response') observe(infra, { atMs: tcp.atMs, address: server.address, outcome: tcp.kind, ms: waitMs });
  return tcp;
}
