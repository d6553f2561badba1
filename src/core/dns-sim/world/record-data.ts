import type { RecordData, RecordType } from './world.js';
import { isIPv4, isIPv6 } from './ip-address.js';
import { toAbsoluteName } from '../names/zone-names.js';
import { parseTtl } from './zone-ttl.js';
import type { ZoneToken } from './zone-file-tokens.js';
import { decodeCharacterString } from './character-string.js';
import { MAX_RDATA_BYTES, txtRdataBytes } from './rrset-size.js';
import { SUPPORTED_TYPES } from './supported-types.js';

/** Record data parsed from the fields after the type, or the first problem with its line. */
export type RecordDataResult = { ok: true; record: RecordData } | { ok: false; line: number; message: string };

export { SUPPORTED_TYPES } from './supported-types.js';

class FieldError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** Parses the data fields of one record of a supported type; names are made absolute against origin. */
export function parseRecordData(type: RecordType, fields: ZoneToken[], origin: string | undefined, line: number): RecordDataResult {
  const at = (i: number): ZoneToken => fields[i] as ZoneToken;
  const count = (n: number, need: string): void => {
    if (fields.length < n) throw new FieldError(line, `${type} needs ${need}`);
    if (fields.length > n) throw new FieldError(at(n).line, `${type} takes ${need}, but '${at(n).text}' follows`);
  };
  const name = (i: number): string => {
    const token = at(i);
    if (token.quoted) throw new FieldError(token.line, `${type}: a name must not be quoted ("${token.text}")`);
    const result = toAbsoluteName(token.text, origin);
    if (!result.ok) throw new FieldError(token.line, result.message);
    return result.name;
  };
  const integer = (i: number, what: string, max: number): number => {
    const token = at(i);
    if (!/^\d+$/.test(token.text) || Number(token.text) > max) {
      throw new FieldError(token.line, `${what} '${token.text}' is not a number from 0 to ${max}`);
    }
    return Number(token.text);
  };
  const timer = (i: number, what: string): number => {
    const result = parseTtl(at(i).text, what);
    if (!result.ok) throw new FieldError(at(i).line, result.message);
    return result.seconds;
  };
  const text = (token: ZoneToken): string => {
    const result = decodeCharacterString(token.text);
    if (!result.ok) throw new FieldError(token.line, `${type}: ${result.message}`);
    return result.text;
  };
  try {
    switch (type) {
      case 'A':
      case 'AAAA': {
        count(1, type === 'A' ? 'one IPv4 address' : 'one IPv6 address');
        return { ok: true, record: { type, data: address(type, at(0)) } };
      }
      case 'CNAME':
      case 'PTR':
        count(1, 'one target name');
        return { ok: true, record: { type, data: name(0) } };
      case 'NS':
        count(1, 'one name server name');
        return { ok: true, record: { type, data: name(0) } };
      case 'MX':
        count(2, 'a preference and an exchange');
        return { ok: true, record: { type, data: { preference: integer(0, 'MX preference', 65535), exchange: name(1) } } };
      case 'TXT': {
        if (fields.length === 0) throw new FieldError(line, 'TXT needs at least one string');
        const strings = fields.map(text);
        // RDLENGTH is 16 bits: NSD 4.6.1 refuses such a record too (zonec.c, "too many rdata elements" past 64 strings).
        const bytes = txtRdataBytes(strings);
        if (bytes > MAX_RDATA_BYTES) throw new FieldError(line, `TXT data is ${bytes} bytes in ${strings.length} strings; one record holds at most ${MAX_RDATA_BYTES} (RFC 1035 3.2.1): split it into several TXT records`);
        return { ok: true, record: { type, data: strings } };
      }
      case 'SOA': {
        if (fields.length !== 7) {
          throw new FieldError(line, `SOA needs 7 fields (mname rname serial refresh retry expire minimum), got ${fields.length}`);
        }
        const data = {
          mname: name(0),
          rname: name(1),
          serial: integer(2, 'SOA serial', 4294967295),
          refresh: timer(3, 'SOA refresh'),
          retry: timer(4, 'SOA retry'),
          expire: timer(5, 'SOA expire'),
          minimum: timer(6, 'SOA minimum'),
        };
        return { ok: true, record: { type, data } };
      }
      case 'SRV': {
        count(4, 'a priority, a weight, a port and a target');
        const data = { priority: integer(0, 'SRV priority', 65535), weight: integer(1, 'SRV weight', 65535), port: integer(2, 'SRV port', 65535), target: name(3) };
        return { ok: true, record: { type, data } };
      }
      case 'CAA': {
        count(3, 'flags, a tag and a value');
        const flags = integer(0, 'CAA flags', 255);
        // RFC 8659 section 4.1: the tag is ASCII letters and digits only; matching is case-insensitive.
        if (at(1).quoted || !/^[a-zA-Z0-9]{1,15}$/.test(at(1).text)) {
          throw new FieldError(at(1).line, `CAA tag '${at(1).text}' must be 1 to 15 letters and digits (RFC 8659 4.1)`);
        }
        return { ok: true, record: { type, data: { flags, tag: at(1).text.toLowerCase(), value: text(at(2)) } } };
      }
      default:
        // DNSSEC records are made by the simulator's DNSSEC model, never read from a zone file.
        return { ok: false, line, message: `${type} records are not read from zone files (the simulator signs zones itself)` };
    }
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}

function address(type: 'A' | 'AAAA', token: ZoneToken): string {
  const value = token.text;
  if (type === 'A') {
    if (isIPv4(value)) return value;
    if (isIPv6(value)) throw new FieldError(token.line, `A address '${value}' is an IPv6 address; use AAAA`);
    throw new FieldError(token.line, `A address '${value}' is not an IPv4 dotted quad (four numbers 0-255, no leading zeros)`);
  }
  if (isIPv6(value)) return value.toLowerCase();
  if (isIPv4(value)) throw new FieldError(token.line, `AAAA address '${value}' is an IPv4 address; use A`);
  throw new FieldError(token.line, `AAAA address '${value}' is not a valid IPv6 address (RFC 4291 2.2)`);
}
