import { ipv6Octets, ipv6Text } from '../names/ipv6-text.js';

/** A NAT64 prefix a DNS64 resolver embeds IPv4 addresses in (RFC 6052 section 2.2). */
export interface Dns64Prefix {
  /** As written in configuration, such as "64:ff9b::/96". */
  text: string;
  octets: readonly number[];
  /** One of the six lengths RFC 6052 section 2.2 allows. */
  length: number;
}

/** RFC 6052 section 2.1: the Well-Known Prefix, the default of Unbound, BIND and Knot Resolver. */
export const WELL_KNOWN_DNS64_PREFIX = '64:ff9b::/96';

const LENGTHS = [32, 40, 48, 56, 64, 96];

/** Reads a NAT64 prefix such as "64:ff9b::/96", or says which rule of RFC 6052 section 2.2 it breaks. */
export function readDns64Prefix(text: string): { ok: true; prefix: Dns64Prefix } | { ok: false; message: string } {
  const [address = '', lengthText, extra] = text.split('/');
  const octets = ipv6Octets(address);
  if (!octets || lengthText === undefined || extra !== undefined || !/^\d{1,3}$/.test(lengthText)) {
    return { ok: false, message: `prefix ${JSON.stringify(text)} must be an IPv6 prefix such as ${WELL_KNOWN_DNS64_PREFIX}` };
  }
  const length = Number(lengthText);
  if (!LENGTHS.includes(length)) return { ok: false, message: `prefix length /${length} is not one RFC 6052 section 2.2 allows (${LENGTHS.map((n) => `/${n}`).join(', ')})` };
  if (octets[8] !== 0) return { ok: false, message: `prefix ${text} sets bits 64 to 71, which RFC 6052 section 2.2 reserves (they must be zero)` };
  if (octets.some((octet, index) => index * 8 >= length && octet !== 0)) return { ok: false, message: `prefix ${text} has bits set past its length /${length}` };
  return { ok: true, prefix: { text: `${ipv6Text(octets)}/${length}`, octets, length } };
}

/** The IPv6 address that carries an IPv4 address under a NAT64 prefix: its 32 bits from the prefix length on, skipping octet 8 (RFC 6052 section 2.2). */
export function embedIpv4(prefix: Dns64Prefix, ipv4: string): string {
  const octets = [...prefix.octets];
  let at = prefix.length / 8;
  for (const part of ipv4.split('.').map(Number)) {
    if (at === 8) at++;
    octets[at++] = part;
  }
  return ipv6Text(octets);
}
