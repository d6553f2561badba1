import type { Responder, ResponderReply, RrlAccounts, SimState } from '../sim-state.js';
import type { ServerSpec } from '../world/world.js';
import { describeInjected, withInjected } from './rogue-server.js';
import { rrlResponder } from './rrl.js';

/** A world server's reply as its servers.yaml misbehaviour makes it: out-of-bailiwick records slipped in, then the answer held back by its delay. */
export function misbehave(reply: ResponderReply, server: ServerSpec): ResponderReply {
  if (reply.kind !== 'message') return reply;
  const inject = server.inject ?? [];
  const delayMs = server.delayMs ?? 0;
  if (inject.length === 0 && delayMs === 0) return reply;
  const notes = [
    reply.note,
    inject.length > 0 ? `${server.name} slips in ${describeInjected(inject)}, out of its bailiwick: a poisoning attempt` : '',
    delayMs > 0 ? `${server.name} is slow: it answers ${delayMs} ms after the query arrives` : '',
  ].filter(Boolean);
  return { ...reply, message: withInjected(reply.message, inject), readyAtMs: reply.readyAtMs + delayMs, note: notes.join('; ') };
}

/** The responder with the server's response rate limiting, its buckets kept in the run's state so they last from packet to packet. */
export function withServerRrl(sim: SimState, server: ServerSpec, responder: Responder): Responder {
  if (!server.rrl) return responder;
  sim.rrlAccounts ??= new Map<string, RrlAccounts>();
  const accounts = sim.rrlAccounts.get(server.address) ?? new Map();
  sim.rrlAccounts.set(server.address, accounts);
  return rrlResponder(responder, server.rrl, accounts);
}
