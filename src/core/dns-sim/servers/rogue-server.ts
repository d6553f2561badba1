import { answerAsServer } from './authoritative.js';
import type { Endpoint } from '../events.js';
import { currentWorld, type Responder } from '../sim-state.js';
import type { ResourceRecord } from '../world/world.js';
import type { DnsMessage } from '../wire/wire.js';

/** A name server under an attacker's control: it answers its own zone, or every name with one address, and adds records it has no authority for. */
export interface RogueServerSpec {
  name: string;
  address: string;
  /** The zone it answers for; with forgeAll (or a zone the world lacks) every name gets the address below. */
  zone: string;
  forgeAll?: boolean;
  answerAddress: string;
  /** Records slipped into the additional section of every answer (out of bailiwick: another zone's names). */
  extraAdditional?: ResourceRecord[];
}

/** Makes a rogue server answer at its address. */
export function rogueResponder(spec: RogueServerSpec): Responder {
  const endpoint: Endpoint = { name: spec.name, address: spec.address, role: 'authoritative' };
  return {
    endpoint,
    respond(sim, query, arrivalMs, _from, transport) {
      const world = currentWorld(sim, arrivalMs);
      const served = !spec.forgeAll && world.zones.some((zone) => zone.origin === spec.zone);
      const reply = served ? answerAsServer(world, { name: spec.name, address: spec.address, zones: [spec.zone], behaviour: 'up' }, query, transport) : undefined;
      const base = reply?.kind === 'message' ? reply.message : { ...query, qr: true, aa: true, ra: false, rcode: 'NOERROR' as const, answer: [{ name: query.question.name, type: 'A' as const, ttlSeconds: 86400, data: spec.answerAddress }], authority: [], additional: [] };
      const message = withInjected(base, spec.extraAdditional ?? []);
      const extra = spec.extraAdditional?.length ? `; it also slips in ${describeInjected(spec.extraAdditional)}` : '';
      return { kind: 'message', message, readyAtMs: arrivalMs, udpLimitBytes: 1232, note: `${spec.name} is controlled by the attacker${extra}` };
    },
  };
}

/** The message with records it has no authority for slipped into its additional section. */
export function withInjected(message: DnsMessage, records: readonly ResourceRecord[]): DnsMessage {
  return records.length === 0 ? message : { ...message, additional: [...message.additional, ...records] };
}

/** Injected records as the trace lists them: each as name, type and data. */
export function describeInjected(records: readonly ResourceRecord[]): string {
  return `${records.map((record) => `${record.name} ${record.type} ${String(record.data)}`).join(', ')}`;
}
