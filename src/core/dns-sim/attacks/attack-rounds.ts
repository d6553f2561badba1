import type { Endpoint } from '../events.js';
import { exchange } from '../exchange.js';
import { fqdn } from '../names/names.js';
import type { PoisoningAttack } from './poisoning-attack.js';
import type { SimState } from '../sim-state.js';

/** A Kaminsky-style attack: rounds of random names, each raced by a flood of forgeries, until one sticks or the rounds run out. */
export interface AttackPlan extends Omit<PoisoningAttack, 'active'> {
  /** The attacker's own machine, which asks the (open) resolver for the random names. */
  attackerAddress: string;
  rounds: number;
  startMs: number;
  intervalMs: number;
}

/** Runs the attack rounds against the resolver at its address; returns how many ran and whether the cache was poisoned. */
export function runAttackRounds(sim: SimState, resolver: Endpoint, plan: AttackPlan): { rounds: number; poisoned: boolean } {
  const { rounds, startMs, intervalMs, attackerAddress, ...attack } = plan;
  sim.attack = { ...attack, active: true };
  const attacker: Endpoint = { name: 'attacker', address: attackerAddress, role: 'client' };
  let ran = 0;
  for (let round = 1; round <= rounds && sim.forgedAddresses.size === 0; round++) {
    ran = round;
    const name = `r${String(round).padStart(4, '0')}.${attack.zone}`;
    exchange(sim, {
      from: attacker, toAddress: resolver.address, transport: 'udp', sendMs: startMs + (round - 1) * intervalMs, waitMs: 3000, depth: 0,
      lookup: `A ${fqdn(name)} (attack round ${round})`,
      query: { qr: false, rd: true, rcode: 'NOERROR', question: { name, type: 'A' }, answer: [], authority: [], additional: [] },
      explanation: `round ${round}: the attacker asks the open resolver for a name nobody has asked before, so it is not cached and the resolver must ask ${fqdn(attack.zone)}'s servers - a fresh race (Kaminsky, 2008)`,
    });
  }
  sim.attack = { ...attack, active: false };
  return { rounds: ran, poisoned: sim.forgedAddresses.size > 0 };
}
