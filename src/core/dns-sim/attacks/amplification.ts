import type { Endpoint } from '../events.js';
import { exchange } from '../exchange.js';
import { fqdn } from '../names/names.js';
import type { SimState } from '../sim-state.js';
import type { RecordType } from '../world/world.js';

/** A reflection attack: small queries with the victim's address as source, sent to an open resolver, whose larger answers go to the victim. */
export interface ReflectionPlan {
  victimAddress: string;
  name: string;
  type: RecordType;
  queries: number;
  startMs: number;
  intervalMs: number;
  /** The EDNS buffer the attacker advertises, so the answer may be as large as possible over UDP. */
  ednsUdpPayloadBytes: number;
}

/** Sends the spoofed queries; every answer, truncated answer or silence is recorded as the victim would see it. */
export function runReflection(sim: SimState, resolver: Endpoint, plan: ReflectionPlan): void {
  // What the resolver sees is a query from the victim: the attacker wrote the victim's address as the source.
  const spoofer: Endpoint = { name: `victim ${plan.victimAddress} (source forged by the attacker)`, address: plan.victimAddress, role: 'client' };
  for (let k = 0; k < plan.queries; k++) {
    exchange(sim, {
      from: spoofer, toAddress: resolver.address, transport: 'udp', sendMs: plan.startMs + k * plan.intervalMs, waitMs: 1000, depth: 0,
      lookup: `${plan.type} ${fqdn(plan.name)} (reflected to ${plan.victimAddress})`,
      query: { qr: false, rd: true, rcode: 'NOERROR', question: { name: plan.name, type: plan.type }, answer: [], authority: [], additional: [], ednsUdpPayloadBytes: plan.ednsUdpPayloadBytes },
      explanation: `spoofed query ${k + 1} of ${plan.queries}: the source address is the victim's, so the answer goes to ${plan.victimAddress}; EDNS buffer ${plan.ednsUdpPayloadBytes} asks for the biggest UDP answer`,
    });
  }
}
