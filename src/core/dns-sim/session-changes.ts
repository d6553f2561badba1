import type { Endpoint } from './events.js';
import { serverRole } from './exchange.js';
import { fqdn } from './names/names.js';
import { emit, type SimState } from './sim-state.js';
import type { WorldChange } from './world/world-changes.js';

/** Records the scheduled world changes due by untilMs as world-changed events; returns the index of the next one. */
export function announceChanges(sim: SimState, changes: WorldChange[], from: number, untilMs: number): number {
  let next = from;
  while (next < changes.length && changes[next]!.atMs <= untilMs) {
    const change = changes[next]!;
    const server = change.kind === 'set-behaviour'
      ? sim.world.servers.find((candidate) => candidate.name === change.server || candidate.address === change.server)
      : sim.world.servers.find((candidate) => candidate.zones.includes(change.zone));
    const party: Endpoint = server ? { name: server.name, address: server.address, role: serverRole(server) } : { name: 'operator', address: '-', role: 'authoritative' };
    const what = change.kind === 'set-records' ? `${fqdn(change.name)} ${change.type} now ${change.records.map((record) => String(record.data)).join(', ') || 'removed'}` : `${change.server} is now ${change.behaviour}`;
    emit(sim, { type: 'world-changed', timeMs: change.atMs, from: party, to: party, transport: 'local', depth: 0, lookup: 'world', explanation: `${change.description} (${what})` });
    next++;
  }
  return next;
}
