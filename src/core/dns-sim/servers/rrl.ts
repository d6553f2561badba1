import type { Responder, RrlAccounts } from '../sim-state.js';
import type { RrlSpec } from '../world/world.js';

/** The RRL settings, declared with the world's servers (servers.yaml `rrl`) and used here. */
export type { RrlSpec } from '../world/world.js';

/** BIND's defaults with a chosen rate. */
export function bindRrl(responsesPerSecond: number): RrlSpec {
  return { responsesPerSecond, slip: 2, windowSeconds: 15, ipv4PrefixLength: 24 };
}

/**
 * Wraps a resolver so identical responses to one client network are rate limited: a token bucket
 * per (network, question) that earns responses-per-second credits a second and spends one per
 * response; in debt, responses are dropped or "slip" out truncated so a real client retries over TCP.
 */
export function rrlResponder(inner: Responder, spec: RrlSpec, accounts: RrlAccounts = new Map()): Responder {
  return {
    ...inner,
    respond(sim, query, arrivalMs, from, transport, depth) {
      const reply = inner.respond(sim, query, arrivalMs, from, transport, depth);
      // RRL applies to UDP only: a TCP client has proved its address is real.
      if (reply.kind !== 'message' || transport === 'tcp' || spec.responsesPerSecond <= 0) return reply;
      const network = from.address.split('.').slice(0, Math.ceil(spec.ipv4PrefixLength / 8)).join('.');
      const key = `${network}|${query.question.name}|${query.question.type}`;
      const rate = spec.responsesPerSecond;
      const account = accounts.get(key) ?? { balance: rate, lastMs: arrivalMs, limited: 0 };
      account.balance = Math.max(-spec.windowSeconds * rate, Math.min(rate, account.balance + (rate * (arrivalMs - account.lastMs)) / 1000) - 1);
      account.lastMs = arrivalMs;
      accounts.set(key, account);
      // The answer's own note (a misbehaving server's injected records, a slow answer) stays beside RRL's.
      const within = `RRL: within ${rate} responses per second for ${network}.0/${spec.ipv4PrefixLength} (credit ${account.balance.toFixed(1)})`;
      if (account.balance >= 0) return { ...reply, note: reply.note ? `${reply.note}; ${within}` : within };
      account.limited++;
      if (spec.slip > 0 && account.limited % spec.slip === 0) {
        const truncated = { ...reply.message, tc: true, answer: [], authority: [], additional: [] };
        return { ...reply, message: truncated, note: `RRL: over ${rate} per second, so this one "slips" out truncated (slip ${spec.slip}): a real client would retry over TCP, a spoofed victim just gets a tiny packet` };
      }
      return { kind: 'drop', note: `RRL: over ${rate} responses per second to ${network}.0/${spec.ipv4PrefixLength}: dropped` };
    },
  };
}
