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
    const server = 'server' in change
      ? sim.world.servers.find((candidate) => candidate.name === change.server || candidate.address === change.server)
      : sim.world.servers.find((candidate) => candidate.zones.includes(change.zone));
    const party: Endpoint = server ? { name: server.name, address: server.address, role: serverRole(server) } : { name: 'operator', address: '-', role: 'authoritative' };
    emit(sim, { type: 'world-changed', timeMs: change.atMs, from: party, to: party, transport: 'local', depth: 0, lookup: 'world', explanation: `${change.description} (${whatChanged(change)})` });
    next++;
  }
  return next;
}

function whatChanged(change: WorldChange): string {
  switch (change.kind) {
    case 'set-records':
      return `${fqdn(change.name)} ${change.type} now ${change.records.map((record) => String(record.data)).join(', ') || 'removed'}`;
    case 'set-behaviour':
      return `${change.server} is now ${change.behaviour}`;
    case 'set-rtt':
      return `${change.server} now answers in ${change.rttMs} ms`;
    case 'replace-zone':
      return `zone ${fqdn(change.zone)} is now the ${change.records.length} records of ${change.file}`;
  }
}
