import type { ResourceRecord } from '../world/world.js';

/**
 * An off-path attacker in the style of Kaminsky (2008): it makes the resolver look up random names
 * in a zone, and during each lookup floods forged answers that claim the zone's name server is the
 * attacker's. A forgery is accepted only if it matches what the resolver checks: the transaction id,
 * the source port, the server's address and, with 0x20, the case of every letter of the name.
 */
export interface PoisoningAttack {
  /** The zone the attacker wants to hijack, e.g. "bank-example.com". */
  zone: string;
  /** Forged packets the attacker sends per second (R in RFC 5452 section 7). */
  packetsPerSecond: number;
  /** The name server name and address the forgeries claim for the zone. */
  nsName: string;
  address: string;
  /** A record for another zone slipped into the additional section, which bailiwick checks must throw away. */
  outOfBailiwick: ResourceRecord;
  /** Racing only happens while this is set (the attack phase of a session). */
  active: boolean;
}
