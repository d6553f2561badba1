import type { ResourceRecord, WorldWarning, Zone } from './world.js';

/** The most a DNS message can be over TCP, its two-byte length prefix being 16 bits (RFC 1035 section 4.2.2, RFC 7766 section 8). */
export const MAX_MESSAGE_BYTES = 65535;

/** The most RDATA one record can carry: RDLENGTH is 16 bits (RFC 1035 section 3.2.1). */
export const MAX_RDATA_BYTES = 65535;

// UTF-8 length without encoding: the check runs over every record of every zone.
function textBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
// A name in wire form: a length octet per label, the labels, and the root's zero octet.
const nameBytes = (name: string): number => (name === '' ? 1 : textBytes(name) + 2);
// The least a compressible name can take: a two-byte pointer (RFC 1035 section 4.1.4).
const POINTER_BYTES = 2;

/** The RDATA of a TXT record in bytes: a length octet and the octets of each string. */
export function txtRdataBytes(strings: readonly string[]): number {
  return strings.reduce((sum, text) => sum + 1 + textBytes(text), 0);
}

// The fewest bytes a record's RDATA takes in any message: names that may be compressed count as a pointer.
function leastRdataBytes(record: ResourceRecord): number {
  switch (record.type) {
    case 'A': return 4;
    case 'AAAA': return 16;
    case 'NS': case 'CNAME': case 'PTR': return POINTER_BYTES;
    case 'MX': return 2 + POINTER_BYTES;
    case 'SOA': return 2 * POINTER_BYTES + 20;
    case 'TXT': return txtRdataBytes(record.data);
    case 'SRV': return 6 + nameBytes(record.data.target);
    case 'CAA': return 2 + textBytes(record.data.tag) + textBytes(record.data.value);
    default: return 0;
  }
}

/**
 * Warns about each RRset that no message could carry: at least the header, the question and every record
 * (owner as a pointer, type, class, TTL, RDLENGTH, RDATA) come to more than 65,535 bytes, so a server can
 * send it only with TC=1, even over TCP, and a resolver answers SERVFAIL.
 */
export function checkRrsetSizes(zone: Zone): WorldWarning[] {
  const sizes = new Map<string, { bytes: number; count: number; first: ResourceRecord }>();
  for (const record of zone.records) {
    const key = `${record.name} ${record.type}`;
    const entry = sizes.get(key) ?? { bytes: 12 + nameBytes(record.name) + 4, count: 0, first: record };
    entry.bytes += POINTER_BYTES + 10 + leastRdataBytes(record);
    entry.count++;
    sizes.set(key, entry);
  }
  return [...sizes.values()].filter((entry) => entry.bytes > MAX_MESSAGE_BYTES).map((entry) => ({
    code: 'rrset-too-large',
    ...(entry.first.source ? { source: entry.first.source } : {}),
    // The CLI prints a warning's message alone, so this one names its file and line itself.
    message: `${entry.first.source ? `${entry.first.source}: ` : ''}the ${entry.count} ${entry.first.type} records of ${entry.first.name || '.'} need at least ${entry.bytes} bytes in a message, more than the ${MAX_MESSAGE_BYTES} one can carry even over TCP (RFC 7766 section 8): servers answer with TC=1 and resolvers give SERVFAIL`,
  }));
}
